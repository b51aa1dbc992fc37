"""What a spaCy Doc holds that no field of span work stores, listed as left out on import, as every reader lists
what it leaves out (trial t1 F6: a DocBin's categories and a `user_data["source"]` were dropped without a word)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any

from annotator.literal import literal, quoted

#: What import says of a Doc's `doc.cats` (textcat data), which it leaves out.
CATEGORIES = "Doc(s)' categories (doc.cats): labels of the whole text, which span work has no place for"


def unread_extras(doc: Any, read_keys: Collection[object]) -> Counter[str]:
    """`doc.cats`, whole-text labels with no place in span work, and the user_data keys not in `read_keys` (a
    plain "annotator" key among them: listed, or refused where it is the only name given), counted by kind;
    extension attributes, which spaCy keeps under `("._.", NAME, ...)` keys, are shown as `._.NAME`."""
    extras: Counter[str] = Counter()
    if doc.cats:
        extras[CATEGORIES] += 1
    for key in doc.user_data:
        if key in read_keys:
            continue
        name = f"._.{key[1]}" if isinstance(key, tuple) and len(key) > 1 and key[0] == "._." else str(key)
        extras[f"doc.user_data key {quoted(literal(name))} (not read)"] += 1
    return extras

"""An import's records under a name `rename-annotator` moved all work from (`store.aliases`) go under the name the
work went to, said in one note line (t8 R3): a later export by the same Label Studio user known only by id, a file
written before the rename, `--annotator OLD`. Stored under OLD, they brought the person back under two names (a
conflict with a name that has nothing stored, then `--replace` kept both), and the store refuses work under OLD.
Asked once for every format's records, after `known_users` gave Label Studio's users their names (`as_renamed`).

A rename undone on one article leaves OLD no alias (it has work again), but on the other articles the rename
stands: there a record of OLD goes under the name the store would have its work under (`aliases.goes_under`, the
rule a write follows), asked once the import knows the stored article a record lands on (`here`); on the article
where the rename was undone OLD's records stay OLD's (s55 S1)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.exchange.formats.common import ImportedRecord
from annotator.literal import quoted
from annotator.store import Store
from annotator.store.aliases import goes_under, renamed_to

if TYPE_CHECKING:
    from annotator.exchange.formats.common import Read
    from annotator.exchange.importing import Entering


def as_renamed(store: Store, items: Sequence[Read | Entering]) -> tuple[list[Read | Entering], dict[str, str]]:
    """`items` with every name renamed away (a record's annotator, --annotator's) as the name its work went to,
    and those names (old: new), for `renamed_note`."""
    from annotator.exchange.importing import Entering

    names = {i.record.annotator for i in items if isinstance(i, ImportedRecord)}
    names |= {i.name for i in items if isinstance(i, Entering)}
    now = {name: new for name in sorted(names) if (new := renamed_to(store.conn, name)) is not None}
    if not now:
        return list(items), {}
    mapped: list[Read | Entering] = []
    for item in items:
        if isinstance(item, ImportedRecord) and item.record.annotator in now:
            mapped.append(_under(item, now[item.record.annotator]))
        elif isinstance(item, Entering) and item.name in now:
            mapped.append(dataclasses.replace(item, name=now[item.name]))
        else:
            mapped.append(item)
    return mapped, now


def here(store: Store, item: ImportedRecord, article_id: str, moved: Counter[tuple[str, str]]) -> ImportedRecord:
    """`item`, on the stored article `article_id`, under the name its annotator's work there goes under now
    (`goes_under`: a rename standing there), counted in `moved` (old, new: articles)."""
    new = goes_under(store.conn, article_id, item.record.annotator)
    if new is None:
        return item
    moved[item.record.annotator, new] += 1
    return _under(item, new)


def renamed_note(everywhere: dict[str, str], here: Counter[tuple[str, str]]) -> list[str]:
    """The one note line saying whose records went under which name (none when no name was): everywhere, for an
    alias (`as_renamed`); on so many articles, where a rename stands only there (`here`)."""
    said = [f"{quoted(old)} went under {quoted(new)}" for old, new in everywhere.items()]
    said += [f"{quoted(old)} went under {quoted(new)} on {n} article(s)" for (old, new), n in sorted(here.items())]
    if not said:
        return []
    whose = "those names'" if len(said) > 1 else "that name's"
    return [f"the records of {', of '.join(said)}: `annotator rename-annotator` moved {whose} work there"]


def _under(item: ImportedRecord, name: str) -> ImportedRecord:
    return dataclasses.replace(item, record=item.record.model_copy(update={"annotator": name}))

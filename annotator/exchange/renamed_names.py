"""An import's records under a name `rename-annotator` moved all work from (`store.aliases`) go under the name the
work went to, said in one note line (t8 R3): a later export by the same Label Studio user known only by id, a file
written before the rename, `--annotator OLD`. Stored under OLD, they brought the person back under two names (a
conflict with a name that has nothing stored, then `--replace` kept both), and the store refuses work under OLD.
Asked once for every format's records, after `known_users` gave Label Studio's users their names."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.exchange.formats.common import ImportedRecord
from annotator.literal import quoted
from annotator.store import Store
from annotator.store.aliases import renamed_to

if TYPE_CHECKING:
    from annotator.exchange.formats.common import Read
    from annotator.exchange.importing import Entering


def as_renamed(store: Store, items: Sequence[Read | Entering]) -> tuple[list[Read | Entering], list[str]]:
    """`items` with every name renamed away (a record's annotator, --annotator's) as the name its work went to,
    and the note saying so, one line (none when no name was)."""
    from annotator.exchange.importing import Entering

    names = {i.record.annotator for i in items if isinstance(i, ImportedRecord)}
    names |= {i.name for i in items if isinstance(i, Entering)}
    now = {name: new for name in sorted(names) if (new := renamed_to(store.conn, name)) is not None}
    if not now:
        return list(items), []
    mapped: list[Read | Entering] = []
    for item in items:
        if isinstance(item, ImportedRecord) and item.record.annotator in now:
            record = item.record.model_copy(update={"annotator": now[item.record.annotator]})
            mapped.append(dataclasses.replace(item, record=record))
        elif isinstance(item, Entering) and item.name in now:
            mapped.append(dataclasses.replace(item, name=now[item.name]))
        else:
            mapped.append(item)
    said = ", of ".join(f"{quoted(old)} went under {quoted(new)}" for old, new in now.items())
    whose = "those names'" if len(now) > 1 else "that name's"
    return mapped, [f"the records of {said}: `annotator rename-annotator` moved {whose} work there"]

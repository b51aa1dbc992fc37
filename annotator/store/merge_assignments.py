"""The assignments `merge` brings (`store.merge`): those of the other file this database lacks, but one taken back
here since it was made there."""

from __future__ import annotations

from annotator.store.edits import Store
from annotator.store.explained import MERGED_BY
from annotator.store.merge_rows import insert_event_rows, next_event_id
from annotator.store.merge_source import MergeSource
from annotator.vocabulary import parse_timestamp, utc_now

#: Each pair's last `unassign` here (SQLite takes a bare column from the row of the MAX): its moment and the name a
#: rename's names as the one it moved from (`renaming`).
_TAKEN_BACK = """
    SELECT article_id, annotator, MAX(at), CASE WHEN json_valid(after) THEN json_extract(after, '$.renamed.from') END
    FROM events WHERE action = 'unassign' GROUP BY article_id, annotator"""


def _taken_back_since(unassigned: str | None, assigned: object) -> bool:
    """Whether an unassign here is at or after their assignment, as moments (another offset of the same moment is
    the same moment; text would sort "...T23:59+12:00" after "...T12:00Z"). An assignment whose stamp names no
    moment is no newer decision than one taken back (an attacker's "n/a" brought it back)."""
    if unassigned is None:
        return False
    try:
        return parse_timestamp(unassigned) >= parse_timestamp(str(assigned))
    except ValueError:
        return True


def merge_assignments(store: Store, source: MergeSource, ours: dict[str, str]) -> tuple[int, int, int]:
    """Their assignments that this database lacks (by article and annotator), each with an `assign` event here.
    One taken back here (an `unassign` event) after it was made there stays taken back: the newer decision wins
    (an old pack merged after `assign` gave its articles to others). How many were added, left out so, and of those
    how many a rename took back (`renaming`: its `unassign` names the move; the new name holds it)."""
    have = set(store.conn.execute("SELECT article_id, annotator FROM assignments"))
    taken_back = {(row[0], row[1]): (row[2], row[3] == row[1]) for row in store.conn.execute(_TAKEN_BACK)}
    now, added, taken_back_count, renamed = utc_now(), 0, 0, 0
    for row in source.assignments():
        here = ours.get(row["article_id"])
        if here is None or (here, row["annotator"]) in have:
            continue
        last, by_rename = taken_back.get((here, row["annotator"]), (None, False))
        if _taken_back_since(last, row["assigned_at"]):
            taken_back_count += 1
            renamed += by_rename
            continue
        store.conn.execute(
            "INSERT INTO assignments (article_id, annotator, position, batch, assigned_at) VALUES (?, ?, ?, ?, ?)",
            [here, row["annotator"], row["position"], row["batch"], row["assigned_at"]],
        )
        made = {"position": row["position"], "batch": row["batch"], "assigned_at": row["assigned_at"]}
        after = {"assignment": made, "by": f"{MERGED_BY}{source.path}"}  # its moment there: `explained` checks it
        insert_event_rows(store, here, [{"id": next_event_id(store), "annotator": row["annotator"], "action": "assign",
                                         "before": {}, "after": after, "target": None, "at": now}])  # fmt: skip
        added += 1
    return added, taken_back_count, renamed

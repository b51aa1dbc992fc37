"""The assignments `merge` brings (`store.merge`): those of the other file this database lacks, but one taken back
here since it was made there; and the take-backs it brings: one of ours the other file took back since its copy
(`annotator assign` run in a pack, giving the articles to others), where nothing here changed it since."""

from __future__ import annotations

import json
import sqlite3

from annotator.store.aliases import goes_under
from annotator.store.assignments import record_event
from annotator.store.edits import Store
from annotator.store.explained import MERGED_BY
from annotator.store.merge_notes import record_said
from annotator.store.merge_report import MergeReport, TakenBackThere
from annotator.store.merge_rows import insert_event_rows, next_event_id
from annotator.store.merge_source import MergeSource, empty, work
from annotator.vocabulary import parse_timestamp, utc_now

#: Each pair's last `unassign` here (SQLite takes a bare column from the row of the MAX): its moment, the name a
#: rename's names as the one it moved from (`renaming`), and who took it back (a merge's names the file).
_TAKEN_BACK = """
    SELECT article_id, annotator, MAX(at), CASE WHEN json_valid(after) THEN json_extract(after, '$.renamed.from') END,
           CASE WHEN json_valid(after) THEN json_extract(after, '$.by') END
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


#: An `assign` event a merge wrote here for the same assignment (`merge_assignments` keeps its moment there).
_CARRIED = f"""SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action = 'assign' AND json_valid(after)
               AND substr(json_extract(after, '$.by'), 1, {len(MERGED_BY)}) = '{MERGED_BY}'
               AND json_extract(after, '$.assignment.assigned_at') IS ? LIMIT 1"""


#: Whether a merge since the pair's last `unassign` here said the other file's assignment of it was left out (with
#: its moment there): a note said once (`merge_notes.record_said`).
_SAID_LEFT_OUT = """SELECT 1 FROM events m WHERE m.article_id = :article AND m.annotator = :who AND m.action = 'merged'
                    AND json_valid(m.after) AND json_extract(m.after, '$.left_out.assigned_at') IS :at
                    AND m.id > (SELECT MAX(u.id) FROM events u WHERE u.article_id = :article AND u.annotator = :who
                                AND u.action = 'unassign') LIMIT 1"""


def _said(store: Store, article_id: str, annotator: str, assigned_at: object) -> bool:
    """Whether an earlier merge said the other file's assignment of the pair (made at `assigned_at` there) was left
    out, taken back here since."""
    pair = {"article": article_id, "who": annotator, "at": assigned_at}
    return store.conn.execute(_SAID_LEFT_OUT, pair).fetchone() is not None


#: The pair's last `assign` or `unassign` there, where it is an `assign` a rename made (`renaming`): the name it
#: moved from and its moment.
_RENAMED_INTO = """SELECT action, CASE WHEN json_valid(after) THEN json_extract(after, '$.renamed.from') END,
                   CASE WHEN json_valid(after) THEN json_extract(after, '$.renamed.to') END, at FROM events
                   WHERE article_id = ? AND annotator = ? AND action IN ('assign', 'unassign') ORDER BY id DESC LIMIT 1"""


def _renamed_into(source: MergeSource, article: str, annotator: str) -> tuple[str, str] | None:
    """(the old name, the moment) where the other file's assignment of the pair is a rename's (its last assigning
    event an `assign` naming the move to `annotator`), else None."""
    row = source.connection.execute(_RENAMED_INTO, [article, annotator]).fetchone()
    if row is None or row[0] != "assign" or row[2] != annotator or not isinstance(row[1], str):
        return None
    return row[1], str(row[3])


def _by_hand(rows: list[sqlite3.Row]) -> dict[tuple[str, str], str]:
    """The pairs whose last `unassign` here a person made (`unassign`, or `assign` giving the article to others): not
    a rename's, nor a merge's (`merge_renames.assignments_renamed` takes the old name's back for the new one's). Its
    moment."""
    return {
        (row[0], row[1]): row[2]
        for row in rows
        if row[3] != row[1] and not (isinstance(row[4], str) and row[4].startswith(MERGED_BY))
    }


def merge_assignments(store: Store, source: MergeSource, ours: dict[str, str]) -> tuple[int, int, int]:
    """Their assignments that this database lacks (by article and annotator), each with an `assign` event here.
    One taken back here (an `unassign` event) after it was made there stays taken back: the newer decision wins
    (an old pack merged after `assign` gave its articles to others), and a rename there since is newer still (s58
    t18 F1: a rename back in a pack, as a merge advised, left bob's done work unassigned, the line blaming an
    `assign` nobody ran). One a rename there moved from a name that still holds it here, or whose work here goes to a
    third name (`aliases.goes_under`), is not added: the rename was not taken on that article (its work conflicts:
    `merge_renames`), and both names would hold it (s58 t18 F2, s59 t20 F2: three assignees at overlap 2). How many were added, left out so, and of those how many a rename took back
    (`renaming`: its `unassign` names the move; the new name holds it). One an earlier merge carried here, taken
    back since, is not counted: that merge said it, and the decision here is newer (an old pack merged again said
    it left them out at every merge: hD brief), nor is one an earlier merge said it left out since the take-back
    here (`merge_notes.record_said`: merged again, a pack said so at every merge, s60 t21 F4)."""
    have = set(store.conn.execute("SELECT article_id, annotator FROM assignments"))
    last_unassigns = store.conn.execute(_TAKEN_BACK).fetchall()
    taken_back = {(row[0], row[1]): (row[2], row[3] == row[1]) for row in last_unassigns}
    by_hand = _by_hand(last_unassigns)
    now, added, taken_back_count, renamed = utc_now(), 0, 0, 0
    for row in source.assignments():
        here = ours.get(row["article_id"])
        if here is None or (here, row["annotator"]) in have:
            continue
        moved = _renamed_into(source, row["article_id"], row["annotator"])
        if moved is not None and (here, moved[0]) in have:
            continue  # the rename stays out on this article: the old name keeps its assignment
        if moved is not None and goes_under(store.conn, here, moved[0]) not in (None, row["annotator"]):
            continue  # the old name went to a third here: its work stays out (re-trial s59 t20 F2: 3 assignees)
        last, by_rename = taken_back.get((here, row["annotator"]), (None, False))
        # the rename there carried an assignment a person took back here since it was made: no decision to give it
        # again (s61 t23 F1: "added: a2 to rob" after `unassign a2 --annotator bob`); said as the old name's
        old = moved[0] if moved and _taken_back_since(by_hand.get((here, moved[0])), row["assigned_at"]) else None
        if old or (
            _taken_back_since(last, row["assigned_at"]) and (moved is None or _taken_back_since(last, moved[1]))
        ):
            who, at = old or row["annotator"], row["assigned_at"]  # the name taken back here says it once
            if not store.conn.execute(_CARRIED, [here, who, at]).fetchone() and not _said(store, here, who, at):
                taken_back_count += 1
                renamed += by_rename and old is None
                record_said(store, source.path, here, who, {"left_out": {"assigned_at": at}})
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


#: A pair's assignment history, as the `assign` and `unassign` events hold it (a pack copies them as they are).
_ASSIGNING = """SELECT action, before, after, at FROM events WHERE article_id = ? AND annotator = ?
                AND action IN ('assign', 'unassign') ORDER BY id"""


def _by_rename(after: object) -> bool:
    """Whether an `unassign` is a rename's (`renaming`): `merge_renames.assignments_renamed` carries those."""
    try:
        value = json.loads(after) if isinstance(after, str) else None
    except ValueError:
        return False
    return isinstance(value, dict) and "renamed" in value


#: A take-back of the other file's a merge read here before: the `unassign` taking it back here, or the `merged`
#: event of a merge that kept the assignment, names it (`TakeBack`).
_READ_BEFORE = """SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action IN ('unassign', 'merged')
                  AND json_valid(after) AND json_extract(after, '$.take_back.event') IS ?
                  AND json_extract(after, '$.take_back.at') IS ? LIMIT 1"""

#: The other file's last `unassign` of a pair: the take-back a merge reads.
_LAST_UNASSIGN = """SELECT id, at FROM events WHERE article_id = ? AND annotator = ? AND action = 'unassign'
                    ORDER BY id DESC LIMIT 1"""

#: A take-back of the other file's, as a merge reading it records it here: its `unassign` event there (id and moment).
TakeBack = dict[str, object]


def take_back_as_there(
    store: Store, source: MergeSource, ours: dict[str, str], report: MergeReport
) -> dict[tuple[str, str], TakeBack | None]:
    """Our assignments the other file took back since its copy: its history of the pair is ours, event for event,
    then goes on to an `unassign` (s57 t15 F2: `assign` in a pack gave bob's articles to dave; the merge added
    dave's and left bob's, which the team lead had handed over). Each is taken back here too (an `unassign` event
    naming the merge), as a later history of the other file's work is taken (`merge._fast_forward`), but where
    the annotator began the article here (`assign` never takes a started one back) or the assignment here went on
    since (both said in `report`), or where its history of the assignment is not ours (the file was not packed from
    here, or the assignment was made anew here): said too, as that file's take-back is no decision on ours (it was
    passed over without a word). The pairs here whose assignment that file took back, all of them: a pack holding
    nothing else of theirs is read back all the same (`pack.record_merged_back`), each with the take-back this merge
    decided on (`TakeBack`: recorded, in the `unassign` here or the pack's `merged` event), None for the others. A
    take-back an earlier merge decided on is not read again: merged twice, a pack said "kept here" each time (hD
    brief), and one taken here then given again here since was called kept."""
    here_assigned = set(store.conn.execute("SELECT article_id, annotator FROM assignments"))
    there_assigned = {(row["article_id"], row["annotator"]) for row in source.assignments()}
    sql = "SELECT DISTINCT article_id, annotator FROM events WHERE action = 'unassign' ORDER BY article_id, annotator"
    read: dict[tuple[str, str], TakeBack | None] = {}
    now = utc_now()
    for their_article, who in source.connection.execute(sql).fetchall():
        here = ours.get(their_article)
        if here is None or (their_article, who) in there_assigned:
            continue
        theirs = [tuple(row) for row in source.connection.execute(_ASSIGNING, [their_article, who])]
        if not theirs or theirs[-1][0] != "unassign":
            continue
        read[(here, who)] = None
        event, at = source.connection.execute(_LAST_UNASSIGN, [their_article, who]).fetchone()
        take_back: TakeBack = {"event": event, "at": at}
        if store.conn.execute(_READ_BEFORE, [here, who, event, at]).fetchone():
            continue  # decided on by an earlier merge, and said then
        mine = [tuple(row) for row in store.conn.execute(_ASSIGNING, [here, who])]
        if _by_rename(theirs[-1][2]) or (here, who) not in here_assigned:
            continue  # a rename's (`merge_renames` carries it), or nothing here to take back
        title = store.conn.execute("SELECT title FROM articles WHERE id = ?", [here]).fetchone()[0]
        kept: str | None = "unshared"  # another assignment than theirs: no history shared (hD brief, item 2)
        if mine and mine[0] == theirs[0]:
            begun = not empty(work(store.conn, here, who))
            kept = "since" if theirs[: len(mine)] != mine else "begun" if begun else None
        report.taken_back_there.append(TakenBackThere(str(source.path), here, title, who, kept))
        if kept is None:
            position, batch = store.conn.execute(
                "SELECT position, batch FROM assignments WHERE article_id = ? AND annotator = ?", [here, who]
            ).fetchone()
            store.conn.execute("DELETE FROM assignments WHERE article_id = ? AND annotator = ?", [here, who])
            record_event(store, here, who, "unassign", {"assignment": {"position": position, "batch": batch}},
                         {"by": f"{MERGED_BY}{source.path}", "take_back": take_back}, now)  # fmt: skip
        else:
            read[(here, who)] = take_back  # kept: the `merged` event names it (`pack.record_merged_back`)
    return read

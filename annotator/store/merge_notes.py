"""What a merge did that its counts do not show (trials s58 t16 F5, F7, t18 F4), for `merge` to say: an article the
other file gave to someone in the place of an assignee who keeps it here, which now has more assignees than before
(`crowded`); a pack's articles read back with nothing else written to them, each recorded by a `merged` event while
"0 event(s) added" was said (`read_back`); and which side of a conflict was changed last (`newer_side`), as
`--prefer other` replaced newer work with older and said only "took the other's".

A note of what a merge left out is said once (s60 t21 F4: every merge of the same file said it again, exit 0): the
merge that first meets it records it in a `merged` event of the pair (`record_said`, read by no count of packs read
back: `read_back` false), naming what of the other file it read (`said_once`: its last edit of the pair, older than
ours; `merge_assignments`: its assignment, taken back here since), so the same file merged again, nothing new in it,
says only its counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from annotator.literal import storable
from annotator.store.assignments import record_event
from annotator.store.edits import Store
from annotator.store.merge_report import Crowded, LeftOlder, MergeReport, ReadBack, TakenBackThere
from annotator.store.merge_source import MergeSource
from annotator.store.reads import NOT_EDITS
from annotator.vocabulary import parse_timestamp, utc_now


def assignees(connection: sqlite3.Connection) -> dict[str, set[str]]:
    """Each assigned article's assignees."""
    held: dict[str, set[str]] = {}
    for article_id, who in connection.execute("SELECT article_id, annotator FROM assignments"):
        held.setdefault(article_id, set()).add(who)
    return held


def crowded(
    connection: sqlite3.Connection, source: str, before: dict[str, set[str]], kept: Sequence[TakenBackThere]
) -> list[Crowded]:
    """The articles where the merge of `source` added an assignment (since `before`) while an assignment that file
    took back stays here (`kept`: begun here, given again here since, or another history): the other file handed the
    place over, only half of that came, and the article has one more assignee than either meant."""
    now = assignees(connection)
    found = []
    staying = [one for one in kept if one.source == source and one.kept is not None]
    for article_id in dict.fromkeys(one.article_id for one in staying):
        added = now.get(article_id, set()) - before.get(article_id, set())
        if not added:
            continue
        [(title,)] = connection.execute("SELECT title FROM articles WHERE id = ?", [article_id])
        keeps = tuple(sorted({one.annotator for one in staying if one.article_id == article_id}))
        held, had = tuple(sorted(now[article_id])), len(before.get(article_id, ()))
        found.append(Crowded(source, article_id, title, held, had, keeps, tuple(sorted(added))))
    return found


def read_back(connection: sqlite3.Connection, source: str, start: int, since: int) -> list[ReadBack]:
    """The `merged` events written from event `since` on (`pack.record_merged_back`) to pairs the merge of `source`
    wrote nothing else to from event `start` on (no edit, no assignment taken back, no take-back kept, each said
    otherwise): a pack's articles only recorded as read back, per annotator."""
    rows = connection.execute(
        """SELECT annotator, COUNT(*) FROM events m WHERE id >= :since AND action = 'merged' AND json_valid(after)
           AND json_extract(after, '$.events') IS NULL AND json_extract(after, '$.take_back') IS NULL
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = m.article_id AND e.annotator = m.annotator
                           AND e.id >= :start AND e.id < :since AND NOT (e.action = 'merged' AND json_valid(e.after)
                           AND json_type(e.after, '$.left_out') IS NOT NULL))
           GROUP BY annotator ORDER BY annotator""",
        {"start": start, "since": since},
    )
    return [ReadBack(source, who, count) for who, count in rows]


def _changed(connection: sqlite3.Connection, article_id: str, annotator: str) -> str | None:
    row = connection.execute(
        "SELECT updated_at FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    return row[0] if row else None


def newer_side(
    here: sqlite3.Connection, article_id: str, there: sqlite3.Connection, their_article: str, annotator: str
) -> str | None:
    """ "here" or "there": whose version of an annotator's work was changed last (its `updated_at`, as moments);
    None where they are the same moment or either names none."""
    ours, theirs = _changed(here, article_id, annotator), _changed(there, their_article, annotator)
    try:
        mine, other = parse_timestamp(ours or ""), parse_timestamp(theirs or "")
    except ValueError:
        return None
    return "here" if mine > other else "there" if other > mine else None


def record_said(store: Store, source: Path, article_id: str, annotator: str, said: Mapping[str, object]) -> None:
    """A `merged` event on the pair saying what of `source` this merge left out and said (`said`: one key, read back
    by the next merge). No pack's merge: it names no `file` (`pack.record_merged_back` still records the pack read
    back) and reads none back (`read_back` false, as `packs_out` takes it), and is no other write (`read_back`)."""
    after = {"source": storable(str(source)), "command": "annotator merge", "read_back": False, **said}
    record_event(store, article_id, annotator, "merged", {}, after, utc_now())


#: The other file's last edit of a pair (an assignment's events and a merge's record are none): what a note of its
#: work left out names, and, where it is a rename's move away from the pair's name, the name it went to there.
_LAST_EDIT = f"""SELECT id, at, CASE WHEN json_valid(after) THEN json_extract(after, '$.renamed.from') END,
                 CASE WHEN json_valid(after) THEN json_extract(after, '$.renamed.to') END FROM events
                 WHERE article_id = ? AND annotator = ? AND action NOT IN ({", ".join(f"'{a}'" for a in NOT_EDITS)})
                 ORDER BY id DESC LIMIT 1"""

#: Whether an earlier merge said the other file's work of the pair was older, read up to that edit (`record_said`).
_SAID_OLDER = """SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action = 'merged' AND json_valid(after)
                 AND json_extract(after, '$.older.event') IS ? AND json_extract(after, '$.older.at') IS ? LIMIT 1"""


def said_once(store: Store, source: MergeSource, ours: dict[str, str], report: MergeReport) -> None:
    """The notes of the other file's work left out as older than ours (`report.left_older`, `report.older_renamed`,
    those of `source` this merge made) that an earlier merge said, of the same last edit there, are taken out of the
    report; the others are recorded as said (`record_said`: the edit's id and moment there), each named by the name
    its records go by there where a rename there moved them (F5). Inside the merge's transaction, after its own
    `merged` events (`pack.record_merged_back`), which take none of these for a pack's merge."""
    path, theirs = str(source.path), {here: article for article, here in ours.items()}

    def new(older: LeftOlder) -> LeftOlder | None:
        if older.source != path:
            return older  # another file's, of this merge: its own call said it
        last = source.connection.execute(_LAST_EDIT, [theirs.get(older.article_id), older.annotator]).fetchone()
        if last is None:
            return older
        event, at, moved_from, moved_to = last
        if store.conn.execute(_SAID_OLDER, [older.article_id, older.annotator, event, at]).fetchone():
            return None
        record_said(store, source.path, older.article_id, older.annotator, {"older": {"event": event, "at": at}})
        renamed = moved_from == older.annotator and isinstance(moved_to, str) and moved_to != older.annotator
        return replace(older, there=moved_to) if renamed else older

    left, renamed = [new(one) for one in report.left_older], [new(one) for one in report.older_renamed]
    report.left_older = [one for one in left if one is not None]
    report.older_renamed = [one for one in renamed if one is not None]

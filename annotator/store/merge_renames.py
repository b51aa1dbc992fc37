"""A rename made in the other file (`rename-annotator OLD NEW` there) meeting OLD's work here that went on since the
files parted (s55 S3: a copy made before the rename, OLD working on in it): merged as any work, OLD's newer work
stayed here and the rename's copy of the older work came under NEW, the person under two names on that article,
and the conflict line did not name the rename. Here OLD's side is the conflict, naming the rename (`renamed_there`),
kept this database's whatever `prefer` says (nothing newer is lost), and NEW's copy there is left out with it
(`kept_apart`); where OLD's history here is the start of theirs (no work since), the rename comes as it is.

Also the histories `merge` compares (`edits_here`, `shared`): one side's is the start of the other's."""

from __future__ import annotations

import json
import sqlite3

from annotator.store.aliases import goes_under, renamed_here, renamed_to
from annotator.store.connection import Row, rows_of
from annotator.store.merge_source import MergeSource, empty, work
from annotator.store.reads import NOT_EDITS
from annotator.vocabulary import utc_now

#: The names a rename moved to `annotator` on the article (its events naming `renamed.to`, from another name).
_MOVED_FROM = """
    SELECT DISTINCT json_extract(after, '$.renamed.from') FROM events WHERE article_id = ? AND action = 'merge'
    AND json_valid(after) AND json_extract(after, '$.renamed.to') = ? AND annotator = json_extract(after, '$.renamed.from')"""


def edits_here(connection: sqlite3.Connection, article_id: str, annotator: str) -> list[Row]:
    """The annotator's events on the article that change work (not `NOT_EDITS`), oldest first."""
    sql = "SELECT * FROM events WHERE article_id = ? AND annotator = ? ORDER BY id"
    return [dict(r) for r in rows_of(connection, sql, [article_id, annotator]) if r["action"] not in NOT_EDITS]


def shared(mine: list[Row], theirs: list[Row]) -> bool:
    """Whether the shorter history is the start of the longer, event for event (an event copied by a merge keeps
    its action and time; its ids differ)."""
    return all((a["action"], a["at"]) == (b["action"], b["at"]) for a, b in zip(mine, theirs, strict=False))


def renamed_there(source: MergeSource, their_article: str, annotator: str) -> str | None:
    """The name the other file has `annotator`'s work on the article under, by a rename standing there."""
    return goes_under(source.connection, their_article, annotator)


def renamed_apart(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, new: str
) -> tuple[str, str] | None:
    """(OLD, the name OLD's work on the article went to here) when the other file's work under `new` there came by a
    rename of OLD standing there, and OLD's work here was renamed to another name (re-trial s55 t11 U1: Ana renamed
    bea in one copy and cy in the other; merged, the person stood under both names, with no conflict, and no rename
    could join them). That work stays out, its conflict naming both renames."""
    for (old,) in source.connection.execute(_MOVED_FROM, [their_article, new]):
        if not isinstance(old, str) or goes_under(source.connection, their_article, old) != new:
            continue
        if (went := goes_under(store_conn, here, old)) not in (None, new):
            return old, str(went)
    return None


def kept_apart(store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, new: str) -> bool:
    """Whether `new`'s work on the article there, a rename's from a name with work here that went on since (its
    history here not the start of theirs), stays out: that name's side is the conflict naming the rename."""
    for (old,) in source.connection.execute(_MOVED_FROM, [their_article, new]):
        if not isinstance(old, str) or renamed_here(source.connection, their_article, old) != new:
            continue
        if empty(work(store_conn, here, old)):
            continue  # nothing of old's here: no second name
        mine = edits_here(store_conn, here, old)
        theirs = [e for e in source.events(their_article, old) if e["action"] not in NOT_EDITS]
        if not (len(theirs) > len(mine) and shared(mine, theirs)):  # else old's is brought up to date: emptied
            return True
    return False


def assignments_renamed(store_conn: sqlite3.Connection, source: MergeSource, ours: dict[str, str], by: str) -> int:
    """Assignments here of a name the other file renamed away (`renamed_to` there), on articles where it holds the
    new name's assignment and not the old's and the old name has no work here: taken back (an `unassign` event
    naming `by`, the merge), as the rename took them there (s55 S10: a rename made in a pack, merged back, left
    both names assigned). How many."""
    pairs = [(row["article_id"], row["annotator"]) for row in source.assignments()]
    theirs = {(ours[article], name) for article, name in pairs if article in ours}
    sql = "SELECT article_id, annotator, position, batch FROM assignments ORDER BY article_id, annotator"
    taken, now = 0, utc_now()
    went: dict[str, str | None] = {}
    for article, name, position, batch in store_conn.execute(sql).fetchall():
        new = went[name] if name in went else went.setdefault(name, renamed_to(source.connection, name))
        if new is None or (article, name) in theirs or (article, new) not in theirs:
            continue
        if not empty(work(store_conn, article, name)):
            continue  # work of its own here: merge's pairs say what differs
        store_conn.execute("DELETE FROM assignments WHERE article_id = ? AND annotator = ?", [article, name])
        before = json.dumps({"assignment": {"position": position, "batch": batch}})
        store_conn.execute(
            "INSERT INTO events (article_id, annotator, action, before, after, target, at) VALUES (?, ?, 'unassign', "
            "?, ?, NULL, ?)",
            [article, name, before, json.dumps({"by": by}), now],
        )
        taken += 1
    return taken

"""Moving one annotator's work to another name (`annotator rename-annotator`): a name mistyped one day (`Ana`, then
`ana`), or one Label Studio user stored under two names by an older release (`ana` by `--user-map 11=ana`, then
`labelstudio-user-11` without it), which `import --format labelstudio` refuses (`exchange.known_users`).

What moves, article by article, and why:
- the work (spans, decisions, status, reason of a flag): as two events, since the log is append-only. The old name's
  work is replaced by nothing ("merge" event, before: its work, after: none), then the new name's untouched work by
  it, with what its history said of it: an "import" where the status came by import (`current.status_by_import`:
  its `updated_at` stamp and Label Studio `origin` kept, so `origins.work_origin` still finds them), a "merge"
  otherwise (a status set in the tool stays the tool's); the commands that alone wrote it (`unchecked`) and whether
  it was the model's suggestions unchanged (`as_suggested`) are said as merge and import say them. Both events
  name the move (`renamed`: from, to; a key check leaves alone). Undo on either name takes back both sides
  (`history.History._other_side`): `u` on the new name's article puts the work back under the old name, ctrl+r
  moves it again.
- the annotation's cursor and the moments it was begun and opened (no event records them);
- the assignment (its queue position, batch and moment): an `unassign` event of the old name, an `assign` of the
  new one (which keeps its own assignment where it has one), both naming `by` who renamed and the move (`renamed`:
  from, to), so that a merge of a pack made before the rename for an article the old name was only assigned puts
  the pack's work under the new name (`merge_renames.assignment_moved`; s55 S7), and a name that had only
  assignments is an alias once renamed (`aliases`: it finds the `unassign` through the to-do row the old name is
  left there);
- the article meta's per-annotator ids (`keyed`: Label Studio's annotation ids), so the next import knows the user
  by the new name, and the comments the old name signed: one person, one name. No event records either; an undo
  leaves them with the new name.
What stays: the event log (append-only: the old name's events stay, as history, and its emptied to-do rows). A
name renamed away is compared with no other for looking alike (`names.renamed_away`): `Ana` renamed to `ana` leaves
`ana` a name like any other. Gold, models and reviewers' names are no annotator's to rename (`cli`: the names are
checked as `--annotator`'s).

Where the new name has work (beyond an untouched to do) on an article the old one has work on, the whole rename is
refused before anything is written: one name's work cannot take the other's place."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.errors import AnnotatorError
from annotator.literal import quoted
from annotator.store.aliases import renamed_to
from annotator.store.assignments import STARTED, record_event
from annotator.store.connection import Row
from annotator.store.current import status_by_import
from annotator.store.edits import Store
from annotator.store.names import WORKING_HERE, look_alike_problem, renamed_away, stored_names
from annotator.store.origins import work_origin
from annotator.store.unchecked import pair_commands
from annotator.vocabulary import GOLD, Status, utc_now

NOTHING = "nothing was written"
#: The tables whose rows name an annotator: a name in none of them is unknown here.
_NAMED_IN = ("annotations", "spans", "decisions", "assignments", "events", "comments")


@dataclass(frozen=True)
class Renamed:
    """What a rename moved: the articles whose work or assignment went to the new name."""

    articles: int


def rename_annotator(store: Store, old: str, new: str, *, by: str, keyed: Sequence[str] = ()) -> Renamed:
    """Move everything the database keeps under `old` to `new` (see the module's docstring), in one transaction;
    `by`: who renamed (the assignment events name them); `keyed`: article meta keys holding ids by annotator."""
    if old == new:
        raise AnnotatorError(f"the old and the new name are both {quoted(old)}: {NOTHING}")
    if GOLD in (old, new):
        raise AnnotatorError(f"{GOLD!r} is the adjudicated work, no annotator's name to move: {NOTHING}")
    with store.write():
        if not any(_named(store, table, old) for table in _NAMED_IN):
            found = ", ".join(store.annotators()) or "none"
            raise AnnotatorError(f"no annotator {quoted(old)} in this database (its annotators: {found}); {NOTHING}")
        away = {old, *renamed_away(store.conn)}
        present = [name for _, name, _, problem in stored_names(store.conn) if problem is None and name not in away]
        if problem := look_alike_problem(new, present, WORKING_HERE):
            raise AnnotatorError(f"{problem}; {NOTHING}")
        if (went := renamed_to(store.conn, new)) not in (None, old):  # a rename back (a round trip) is fine
            raise AnnotatorError(
                f"{quoted(new)} was renamed {quoted(went)} here (its old exports and Label Studio user go under "
                f"{quoted(went)} now): choose another name for {quoted(old)}, or {quoted(went)} if they are one "
                f"person; {NOTHING}"
            )
        articles = _articles(store, old)
        if not articles and not _named(store, "comments", old) and not any(_keeps_ids(store, old, k) for k in keyed):
            raise AnnotatorError(f"no work of {quoted(old)} in this database{_gone_to(store, old)}; {NOTHING}")
        if (met := own_work_met(store.conn, old, new)) is not None:
            article, title = met
            raise AnnotatorError(
                f"{quoted(new)} has work of their own on article {quoted(title)} ({quoted(article)}), where "
                f"{quoted(old)} has work too: one cannot take the other's place; {NOTHING}"
            )
        worked = {article for article in articles if _started(store, article, old)}
        renamed = {"from": old, "to": new}
        for article in articles:
            if article in worked:
                move_work(store, article, old, new, renamed)
            _move_assignment(store, article, renamed, by)
        for key in keyed:
            _move_ids(store, old, new, key)
        store.conn.execute("UPDATE comments SET annotator = ? WHERE annotator = ?", [new, old])
        return Renamed(articles=len(articles))


def own_work_met(connection: sqlite3.Connection, old: str, new: str) -> tuple[str, str] | None:
    """(id, title) of the first article, in the order stored, where both names have work (begun: beyond an
    untouched to do), which refuses the rename of `old` to `new` whole; None where there is none. Also what `merge`
    asks before it advises a rename here (s58 t18 F2: it advised one this refused)."""
    both = f"{STARTED.format(a='a.id', w='?')} AND {STARTED.format(a='a.id', w='?')}"
    sql = f"SELECT id, title FROM articles a WHERE {both} ORDER BY rowid LIMIT 1"
    row = connection.execute(sql, [old] * 3 + [new] * 3).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def _named(store: Store, table: str, annotator: str) -> bool:
    return store.conn.execute(f"SELECT 1 FROM {table} WHERE annotator = ? LIMIT 1", [annotator]).fetchone() is not None


def _gone_to(store: Store, annotator: str) -> str:
    """Where the name's work went by its latest rename (" (renamed 'Ana')"), for the refusal of a name with none
    left to move (a trial: a second rename of it said "moved 0 article(s)", rc 0, as did the loser of two at once)."""
    sql = """SELECT json_extract(after, '$.renamed.to') FROM events WHERE annotator = ? AND action IN ('merge', 'unassign')
             AND json_valid(after) AND json_extract(after, '$.renamed.from') = ? ORDER BY id DESC LIMIT 1"""
    row = store.conn.execute(sql, [annotator, annotator]).fetchone()
    return f" (renamed {quoted(row[0])})" if row and isinstance(row[0], str) else ""


def _keeps_ids(store: Store, annotator: str, key: str) -> bool:
    """Whether an article's meta keeps ids of the annotator under `key` (work since undone: they still say who the
    user is, and move)."""
    rows = store.conn.execute("SELECT meta FROM articles WHERE instr(meta, ?) > 0", [json.dumps(key)])
    for (stored,) in rows:
        meta = json.loads(stored)
        ids = meta.get(key) if isinstance(meta, dict) else None
        if isinstance(ids, dict) and annotator in ids:
            return True
    return False


def _articles(store: Store, annotator: str) -> list[str]:
    """The articles where `annotator` has work that stands or an assignment, in the order they were stored."""
    sql = f"""SELECT id FROM articles a WHERE {STARTED.format(a="a.id", w="?")}
              OR EXISTS (SELECT 1 FROM assignments g WHERE g.article_id = a.id AND g.annotator = ?) ORDER BY rowid"""
    return [row[0] for row in store.conn.execute(sql, [annotator] * 4)]


def _started(store: Store, article: str, annotator: str) -> bool:
    sql = f"SELECT {STARTED.format(a='?', w='?')}"
    return bool(store.conn.execute(sql, [article, annotator] * 3).fetchone()[0])


def _work(store: Store, article: str, annotator: str, spans: list[Row]) -> Row:
    """The annotator's work on the article as an event holds it."""
    return {
        "spans": spans,
        "decisions": [{"suggestion_id": s, "decision": d} for s, d in store.decisions(article, annotator).items()],
        "status": store.status(article, annotator).value,
        "flag_reason": store.flag_reason(article, annotator),
    }


def move_work(store: Store, article: str, old: str, new: str, renamed: dict[str, str]) -> None:
    """The old name's work emptied by one event, then put in the new name's place by another (module docstring);
    also a merge's, for a pack's work of the old name on an article whose assignment a rename moved here."""
    from annotator.store.as_suggested import as_suggested

    by_import = (article, old) in status_by_import(store.conn, article)
    origin = work_origin(store, article, old)
    commands = pair_commands(store.conn, article, old)
    suggested = (article, old) in as_suggested(store, [(article, old)])
    stamp = store.updated_at(article, old)
    moved: Row = {}
    stamped = by_import and stamp is not None
    kept = store.conn.execute(
        "SELECT cursor, started_at, opened_at FROM annotations WHERE article_id = ? AND annotator = ?", [article, old]
    ).fetchone()

    def emptied(spans: list[Row], _next_id: int) -> tuple[Row, Row, str]:
        moved.update(_work(store, article, old, spans))
        nothing: Row = {"spans": [], "decisions": [], "status": Status.TODO.value, "flag_reason": None}
        return dict(moved), {**nothing, "renamed": renamed}, ""

    def filled(spans: list[Row], next_id: int) -> tuple[Row, Row, str]:
        taken = [{**row, "id": next_id + i} for i, row in enumerate(moved["spans"])]
        after: dict[str, Any] = {**moved, "spans": taken, "renamed": renamed}
        if by_import:
            after["updated_at"] = stamp  # the record's stamp, as the import stored it (`explained` checks it)
        if origin:
            after["origin"] = origin
        if commands:
            after["unchecked"] = commands
        if suggested:
            after["as_suggested"] = True
        return _work(store, article, new, spans), after, ""

    store.change(article, old, "merge", emptied)
    action = "import" if by_import else "merge"
    store.change(article, new, action, filled, command=action if commands else None)
    store.conn.execute(
        "UPDATE annotations SET cursor = ?, started_at = COALESCE(?, started_at), opened_at = COALESCE(?, opened_at)"
        + (", updated_at = ?" if stamped else "")
        + " WHERE article_id = ? AND annotator = ?",
        [*(kept or (0, None, None)), *([stamp] if stamped else []), article, new],
    )


def _move_assignment(store: Store, article: str, renamed: dict[str, str], by: str) -> None:
    """The old name's assignment taken back (`unassign`) and given to the new name (`assign`), same place and
    moment, both events naming the move (`renamed`); where the new name has one already, it keeps its own. The
    `unassign` records the rename of a name that had only assignments, which is then an alias as one whose work
    moved (hA 3: `accept --annotator OLD` worked as a new person), found through the old name's to-do row."""
    old, new = renamed["from"], renamed["to"]
    row = store.conn.execute(
        "SELECT position, batch, assigned_at FROM assignments WHERE article_id = ? AND annotator = ?", [article, old]
    ).fetchone()
    if row is None:
        return
    position, batch, assigned_at = row
    now = utc_now()
    store.conn.execute("DELETE FROM assignments WHERE article_id = ? AND annotator = ?", [article, old])
    record_event(
        store, article, old, "unassign", {"assignment": {"position": position, "batch": batch}},
        {"by": by, "renamed": renamed}, now,
    )  # fmt: skip
    # a to-do row of the old name, as a rename of work leaves one: where `aliases` finds this event by the indexes
    store.conn.execute("INSERT OR IGNORE INTO annotations (article_id, annotator) VALUES (?, ?)", [article, old])
    if store.conn.execute(
        "SELECT 1 FROM assignments WHERE article_id = ? AND annotator = ?", [article, new]
    ).fetchone():
        return
    store.conn.execute(
        "INSERT INTO assignments (article_id, annotator, position, batch, assigned_at) VALUES (?, ?, ?, ?, ?)",
        [article, new, position, batch, assigned_at],
    )
    made = {"assignment": {"position": position, "batch": batch, "assigned_at": assigned_at}, "by": by,
            "renamed": renamed}  # fmt: skip
    record_event(store, article, new, "assign", {}, made, now)


def _move_ids(store: Store, old: str, new: str, key: str) -> None:
    """The old name's ids under the meta key `key`, on every article (work since undone too: the id still says who
    the user is), kept for the new name (which keeps its own where it has another)."""
    rows = store.conn.execute("SELECT id, meta FROM articles WHERE instr(meta, ?) > 0", [json.dumps(key)]).fetchall()
    for article, stored in rows:
        meta = json.loads(stored)
        ids = meta.get(key) if isinstance(meta, dict) else None
        if not isinstance(ids, dict) or old not in ids or ids.get(new, ids[old]) != ids[old]:
            continue
        moved = {name: given for name, given in ids.items() if name != old} | {new: ids[old]}
        store.set_article_meta(article, {**meta, key: moved})

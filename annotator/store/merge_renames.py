"""A rename made in the other file (`rename-annotator OLD NEW` there) meeting OLD's work here that went on since the
files parted (s55 S3: a copy made before the rename, OLD working on in it): merged as any work, OLD's newer work
stayed here and the rename's copy of the older work came under NEW, the person under two names on that article,
and the conflict line did not name the rename. Here OLD's side is the conflict, naming the rename (`renamed_there`),
kept this database's whatever `prefer` says (nothing newer is lost), and NEW's copy there is left out with it
(`kept_apart`); where OLD's history here is the start of theirs (no work since), the rename comes as it is.

A rename made here of a name with only an assignment on an article (s55 S7: a pack made for OLD before the rename,
worked on since): the rename's `unassign` names the move (`renamed`), and the pack's work of OLD there comes under
NEW (copied under OLD, then moved as the rename moves work: `renaming.move_work`) where that is provably the same
assignment and NEW has nothing there to take the place of; else it is a conflict naming the rename
(`assignment_moved`).

Both files renamed OLD NEW (the S3 conflict's advice taken here, then the other file merged again): NEW's work there
is the rename's of OLD's older work, and here OLD's history went on from that before the rename: ours, newer, is
kept, counted unchanged, no conflict (`older_by_rename`).

A rename made in the other file (a pack: `rename-annotator bob alice` in bob's) meeting NEW's own work here on an
article (newcomer trial s58 t16 F1: alice had worked on bob's articles herself): OLD's history here was the start of
theirs, so OLD's work was "brought up to date" to the rename's emptied rows, and NEW's own work kept or counted
unchanged: the person's done work vanished, a conflict (if any) not naming the rename. `rename-annotator` refuses such
a move (one name's work cannot take the other's place), so a merge does not make it either: OLD's work here stays,
NEW's here stays, the rename's copy there stays out, in one conflict on OLD's pair naming the rename, whatever
`prefer` says (`rename_met`). Where NEW has nothing here the rename comes as it is.

A rename taken here (`bob bbo`, as a merge advised) and mended in the other file (`bbo bob` there, trial t22 F4):
the mend is a rename there that `bbo`'s work here went on from, S3 the other way round (`mended_there`).

Also the histories `merge` compares (`edits_here`, `shared`): one side's is the start of the other's."""

from __future__ import annotations

import json
import sqlite3

from annotator.store.aliases import goes_under, renamed_here, renamed_to
from annotator.store.connection import Row, rows_of
from annotator.store.merge_source import MergeSource, empty, work
from annotator.store.reads import NOT_EDITS, edited
from annotator.vocabulary import parse_timestamp, utc_now

#: The names a rename moved to `annotator` on the article (its events naming `renamed.to`, from another name).
_MOVED_FROM = """
    SELECT DISTINCT json_extract(after, '$.renamed.from') FROM events WHERE article_id = ? AND action = 'merge'
    AND json_valid(after) AND json_extract(after, '$.renamed.to') = ? AND annotator = json_extract(after, '$.renamed.from')"""


#: The annotator's last `assign` or `unassign` event on the article.
_LAST_ASSIGNING = """
    SELECT action, before, after FROM events WHERE article_id = ? AND annotator = ? AND action IN ('assign', 'unassign')
    ORDER BY id DESC LIMIT 1"""


def edits_here(connection: sqlite3.Connection, article_id: str, annotator: str) -> list[Row]:
    """The annotator's events on the article that change work (not `NOT_EDITS`), oldest first."""
    sql = "SELECT * FROM events WHERE article_id = ? AND annotator = ? ORDER BY id"
    return [dict(r) for r in rows_of(connection, sql, [article_id, annotator]) if r["action"] not in NOT_EDITS]


def renamed_back_here(connection: sqlite3.Connection, article_id: str, name: str, other: str) -> bool:
    """Whether `name`'s work on the article here came back by a rename from `other` (`rename-annotator bbo bob` after
    `bob bbo`, a typo mended here): the file still holding the work under `other` is to follow that, not this file
    to rename again (trial s60 t21 F2: the advice brought the typo back)."""
    return any(_renamed(event) == (other, name) for event in edits_here(connection, article_id, name))


def mended_there(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, name: str
) -> str | None:
    """NEW where the other file renamed NEW `name` and back on the article (`rename-annotator bbo bob` in the pack, a
    typo mended there) and this file renamed NEW `name` too (`bob bbo`, as a merge advised), `name`'s work here gone
    on apart from theirs: its side is the conflict naming the mend there, whose one command is the same mend here,
    and NEW's copy there stays out with it (trial t22 F4: the line on NEW's advised undoing the rename here and
    renaming again, which brought the typo back, round after round). None otherwise."""
    new = renamed_there(source, their_article, name)
    if new is None or goes_under(store_conn, here, new) != name or empty(work(store_conn, here, name)):
        return None
    moves = [_renamed(e) for e in source.events(their_article, new) if e["action"] not in NOT_EDITS]
    if (new, name) not in moves or (name, new) not in moves:
        return None  # no mend there: a rename there alone, or mended here (`renamed_back_here`)
    theirs = [e for e in source.events(their_article, name) if e["action"] not in NOT_EDITS]
    return None if shared(edits_here(store_conn, here, name), theirs) else new


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


def own_work_here(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, new: str, old: str
) -> bool:
    """Whether `new` has work of its own on the article here (begun here, an undone one included), as `old`'s moving
    to it by a rename meets it: not the same person's by a rename (its history begun by a rename's event from `old`,
    or from a name whose work the other file also has under `new`), nor a copy of its history there (the start of
    theirs, or theirs of it). A rename of another person's work to `new` is that person's, its own here (re-trial s59
    t20 F1: alice renamed dan in her pack, bob dan in his; merged, bob's work came as dan's onto alice's, emptied
    where they shared, and "dan had no work of its own on them")."""
    mine = edits_here(store_conn, here, new)
    if not mine:
        return not empty(work(store_conn, here, new))  # work without a history: an older release's, its own
    theirs = [e for e in source.events(their_article, new) if e["action"] not in NOT_EDITS]
    moved = _renamed(mine[0])
    same = moved is not None and moved[1] == new and (old == moved[0] or _goes_to(source, their_article, moved[0], new))
    return not same and not shared(mine, theirs)


def _goes_to(source: MergeSource, their_article: str, name: str, new: str) -> bool:
    """Whether `name`'s work on the article goes under `new` in the other file too (the same person's chain)."""
    return goes_under(source.connection, their_article, name) == new


def rename_met(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, name: str
) -> tuple[str, str, str | None] | None:
    """(OLD, NEW, went) where `name` is either side of a rename the other file made on the article (OLD's work there
    moved to NEW by it, standing there; or NEW's there a rename's, undone or moved back since, nothing of it left) and
    NEW cannot take it here (`_takes_no_work`): then neither side's there is merged on the article, OLD's work here
    stays OLD's, and one conflict, on OLD's pair, names the rename (the module's docstring). `went`: where NEW holds
    nothing here, the name a rename here moved NEW's work on the article to (`went_from`). None otherwise."""
    new = renamed_there(source, their_article, name)
    standing = new is not None and renamed_here(source.connection, their_article, name) is not None
    if (
        standing
        and new is not None
        and not round_trip(source, their_article, name, new)
        and _takes_no_work(store_conn, source, their_article, here, new, name)
    ):
        return name, new, went_from(store_conn, here, new)
    for (old,) in source.connection.execute(_MOVED_FROM, [their_article, name]):
        if not isinstance(old, str) or old == name or round_trip(source, their_article, old, name):
            continue
        stands = goes_under(source.connection, their_article, old) == name
        if (stands or empty(work(source.connection, their_article, name))) and _takes_no_work(
            store_conn, source, their_article, here, name, old
        ):
            return old, name, went_from(store_conn, here, name)
    return None


def _takes_no_work(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, new: str, old: str
) -> bool:
    """Whether `old`'s work cannot go to `new` on the article here, as `rename-annotator OLD NEW` here refuses it:
    `new` has work of its own here (`own_work_here`), or is a name renamed away here to another than `old`
    (`went_from`; a rename back is fine). On every article alike, one without a row of `new`'s too (hD: bob renamed
    dan here, carol bob in her pack: on the articles where bob had no row, carol's work came as bob's, bob a worker
    again)."""
    if own_work_here(store_conn, source, their_article, here, new, old):
        return True
    return went_from(store_conn, here, new) not in (None, old)


def went_from(store_conn: sqlite3.Connection, here: str, new: str) -> str | None:
    """Where `new` holds nothing on the article here (no work by `renaming.own_work_met`'s rule, which refuses a
    rename by work begun) and its work there went to another name by a rename here (`aliases.goes_under`): that
    name. No work goes under `new` there (`rename-annotator OLD NEW` here refuses it so), which is why a rename to
    `new` in the other file does not come (re-trial s59 t20 F5: bob renamed dan, merged, then carol bob in her pack:
    the line said "'bob' has work of its own" of bob's emptied to do). None otherwise."""
    return goes_under(store_conn, here, new) if empty(work(store_conn, here, new)) else None


def round_trip(source: MergeSource, their_article: str, name: str, back_to: str) -> bool:
    """Whether `name`'s work on the article there came by a rename from `back_to` (its history begins with that
    rename's event): a rename of `name` to `back_to` there is that one taken back (`rename-annotator alice bob` after
    `bob alice`, as a merge's conflict line advises), no rename onto `back_to`'s own work (s58 t18 F2: read as one, it
    advised the first rename again, round after round)."""
    theirs = [e for e in source.events(their_article, name) if e["action"] not in NOT_EDITS]
    return bool(theirs) and _renamed(theirs[0]) == (back_to, name)


def _net(events: list[Row]) -> list[Row]:
    """The history without renames taken back: a rename's event followed by the one moving the work back (`bob` to
    `alice`, then `alice` to `bob`, nothing of the name's between) are left out, as the work is as it was."""
    kept: list[Row] = []
    for event in events:
        moved, last = _renamed(event), _renamed(kept[-1]) if kept else None
        if moved is not None and last is not None and moved == (last[1], last[0]):
            kept.pop()
        else:
            kept.append(event)
    return kept


def older_by_round_trip(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, name: str
) -> bool:
    """Whether `name`'s history there, without a rename taken back (`_net`), is the start of its history here: the
    work here went on since the files parted, and there it was only renamed away and back (s58 t18 F2: bob worked on
    here after packing; after the advised rename back in his pack, merging it was a conflict, then a loop). Ours,
    newer, is kept, counted unchanged, whatever `prefer` says."""
    theirs = [e for e in source.events(their_article, name) if e["action"] not in NOT_EDITS]
    net = _net(theirs)
    mine = edits_here(store_conn, here, name)
    return len(net) < len(theirs) and len(mine) >= len(net) and shared(mine, net)


def passed_through(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, name: str
) -> bool:
    """Whether `name`'s work there is nothing but a rename's taken back (alice held bob's work there between a rename
    and its undoing, and holds nothing now) and `name` has nothing here: nothing to bring (a copy would add the
    rename's two events and a to-do row of a name never on the article here)."""
    if not empty(work(source.connection, their_article, name)) or not empty(work(store_conn, here, name)):
        return False
    theirs = [e for e in source.events(their_article, name) if e["action"] not in NOT_EDITS]
    return bool(theirs) and not _net(theirs) and not edits_here(store_conn, here, name)


def work_renamed(
    store_conn: sqlite3.Connection, source: MergeSource, ours: dict[str, str], counts: dict[tuple[str, str, str], int]
) -> None:
    """Counts into `counts`, by (file, OLD, NEW), the articles where OLD's work here goes to NEW by the other file's
    rename standing there, as it is (`_comes_as_it_is`: NEW had nothing of its own here): said in one line (s58 t18
    F3: bob's done work became alice's, and the merge only said "brought up to date")."""
    for row in source.annotations():
        their_article, name = row["article_id"], row["annotator"]
        here = ours.get(their_article)
        if here is None or empty(work(store_conn, here, name)):
            continue
        new = renamed_here(source.connection, their_article, name)
        if new is not None and _comes_as_it_is(store_conn, source, their_article, here, name):
            key = (str(source.path), name, new)
            counts[key] = counts.get(key, 0) + 1


def assignments_renamed(store_conn: sqlite3.Connection, source: MergeSource, ours: dict[str, str], by: str) -> int:
    """Assignments here of a name the other file renamed away (`renamed_to` there), on articles where it holds the
    new name's assignment and not the old's and the old name has no work here, or none the rename does not take
    (`_comes_as_it_is`: t16, merging again took it back), and the rename not mended here (`_mended_here`):
    taken back (an `unassign` event naming `by`, the merge), as the rename took them there (s55 S10: a rename made in
    a pack, merged back, left both names assigned). How many."""
    their_of = {here: article for article, here in ours.items()}
    pairs = [(row["article_id"], row["annotator"]) for row in source.assignments()]
    theirs = {(ours[article], name) for article, name in pairs if article in ours}
    sql = "SELECT article_id, annotator, position, batch FROM assignments ORDER BY article_id, annotator"
    taken, now = 0, utc_now()
    went: dict[str, str | None] = {}
    for article, name, position, batch in store_conn.execute(sql).fetchall():
        new = went[name] if name in went else went.setdefault(name, renamed_to(source.connection, name))
        if new is None or (article, name) in theirs or (article, new) not in theirs:
            continue
        if _mended_here(store_conn, source, their_of[article], article, name, new):
            continue  # the name here keeps it (hF, s61: the article was left with no assignee of the name)
        if not empty(work(store_conn, article, name)) and not _comes_as_it_is(
            store_conn, source, their_of[article], article, name
        ):
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


#: The moment of the last event on the article that moved `from`'s work or assignment to `to` (`renaming`).
_MOVED_AT = """SELECT MAX(at) FROM events WHERE article_id = ? AND json_valid(after)
               AND json_extract(after, '$.renamed.from') = ? AND json_extract(after, '$.renamed.to') = ?"""


def _mended_here(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, name: str, new: str
) -> bool:
    """Whether the other file's rename of `name` to `new` on the article was mended here since: `new` renamed back
    to `name` here after it (`rename-annotator bbo bob` after a merge took the typo). A rename there newer than the
    one here is the other file's word (s58 t18 F1: a pack renamed back as a merge advised)."""
    if goes_under(store_conn, here, new) != name:
        return False
    (back,) = store_conn.execute(_MOVED_AT, [here, new, name]).fetchone()
    (there,) = source.connection.execute(_MOVED_AT, [their_article, name, new]).fetchone()
    try:
        return back is not None and (there is None or parse_timestamp(back) > parse_timestamp(there))
    except ValueError:
        return False  # a stamp naming no moment: no newer word here


def _comes_as_it_is(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, old: str
) -> bool:
    """Whether the other file's rename of `old` standing on the article comes here as it is: `old`'s history here is
    the start of theirs (the rename's event after it: `merge` brings it up to date, emptied), and no work of the new
    name's own here meets it (`rename_met`)."""
    if renamed_here(source.connection, their_article, old) is None:
        return False
    if rename_met(store_conn, source, their_article, here, old) is not None:
        return False
    mine = edits_here(store_conn, here, old)
    theirs = [e for e in source.events(their_article, old) if e["action"] not in NOT_EDITS]
    return len(theirs) > len(mine) and shared(mine, theirs)


def _object(stored: object) -> dict[str, object]:
    try:
        value = json.loads(stored) if isinstance(stored, str) else None
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def assignment_moved(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, old: str
) -> tuple[str, bool] | None:
    """Where a rename here moved `old`'s assignment on the article away (its `unassign` the last of `old`'s there,
    naming the move: `renaming`): the name the work goes under now, and whether the other file's work of `old`
    there may go under it: that file holds the same assignment of `old` (position and batch: a pack made for it
    before the rename) and neither file holds work of the new name there (nothing is taken the place of). None
    where no rename moved it."""
    row = store_conn.execute(_LAST_ASSIGNING, [here, old]).fetchone()
    if row is None or row[0] != "unassign":
        return None
    renamed = _object(row[2]).get("renamed")
    if not isinstance(renamed, dict) or renamed.get("from") != old or not isinstance(renamed.get("to"), str):
        return None
    new = goes_under(store_conn, here, renamed["to"]) or renamed["to"]
    if new == old:
        return None
    moved = _object(row[1]).get("assignment")
    place = (moved.get("position"), moved.get("batch")) if isinstance(moved, dict) else None
    same = any(
        (a["article_id"], a["annotator"], a["position"], a["batch"]) == (their_article, old, *place)
        for a in source.assignments()
        if place is not None
    )
    free = empty(work(store_conn, here, new)) and not edited(store_conn, here, new)
    free = free and empty(work(source.connection, their_article, new))
    return new, same and free


def _renamed(event: Row) -> tuple[str, str] | None:
    """The move a rename's event names (`renamed`: from, to), or None."""
    renamed = _object(event["after"]).get("renamed") if event["action"] in ("merge", "import") else None
    if (
        not isinstance(renamed, dict)
        or not isinstance(renamed.get("from"), str)
        or not isinstance(renamed.get("to"), str)
    ):
        return None
    return renamed["from"], renamed["to"]


def _before_rename(events: list[Row], move: tuple[str, str]) -> list[Row] | None:
    """The old name's edits before the rename `move` emptied its work (its last event naming it), or None."""
    at = [i for i, event in enumerate(events) if event["action"] == "merge" and _renamed(event) == move]
    return events[: at[-1]] if at else None


def older_by_rename(
    store_conn: sqlite3.Connection, source: MergeSource, their_article: str, here: str, new: str
) -> bool:
    """Whether `new`'s work on the article there is only a rename's (from one old name) whose work here, renamed
    the same way, went on from theirs before the rename: the old name's edits there before it are the start of its
    edits here before it, event for event, and this side holds more (s55: merging again after the advised rename)."""
    theirs_new = [e for e in source.events(their_article, new) if e["action"] not in NOT_EDITS]
    mine_new = edits_here(store_conn, here, new)
    if len(theirs_new) != 1 or not mine_new or (move := _renamed(theirs_new[0])) is None or move[1] != new:
        return False
    if _renamed(mine_new[0]) != move or move[0] == new:
        return False
    old = move[0]
    theirs_old = _before_rename([e for e in source.events(their_article, old) if e["action"] not in NOT_EDITS], move)
    mine_old = _before_rename(edits_here(store_conn, here, old), move)
    if not theirs_old or mine_old is None or len(mine_old) < len(theirs_old) or not shared(mine_old, theirs_old):
        return False
    return len(mine_old) > len(theirs_old) or len(mine_new) > 1

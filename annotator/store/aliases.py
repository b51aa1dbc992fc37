"""A name `rename-annotator` moved every piece of work away from is an alias of the name it went to: nothing is
written under it again (a screen opened under it before the rename, an `accept --annotator OLD`, a later import by
the same Label Studio user), or the person would be back under two names, one of them perhaps looking like the
other (`Ana` renamed `ana`: `check` then names a problem, and `merge` refuses the file). A name that only had
assignments is one too once renamed (its `unassign` event names the rename; hA 3). `renamed_to` follows a
chain of renames (A to B, B to C) to the name work goes under now; `names.renamed_away` says which names are such
aliases. Only the rename's own events, and the undo and redo of them, still write under the old name (`u` on either
side takes the rename back)."""

from __future__ import annotations

import shlex
import sqlite3

from annotator.errors import Refused
from annotator.literal import quoted
from annotator.store.names import nothing_stands
from annotator.store.stacks import stacked

#: A rename's events from `name` (`renamed.from` = name: a "merge" of its work, an "unassign" of its assignment),
#: newest first, on the articles it has a row on (the rename leaves a to-do row): found through the indexes, not by
#: reading the whole event log.
_RENAMES_FROM = """
    SELECT CASE WHEN json_valid(e.after) THEN json_extract(e.after, '$.renamed.to') END FROM annotations n
    JOIN events e ON e.article_id = n.article_id AND e.annotator = n.annotator
    WHERE n.annotator = ? AND e.action IN ('merge', 'unassign')
    AND CASE WHEN json_valid(e.after) THEN json_extract(e.after, '$.renamed.from') END = n.annotator
    ORDER BY e.id DESC LIMIT 1"""
#: One name's events on one article, with the rename each names (`renamed`: from, to), oldest first.
#: Only a merge's data is read (a rename's events are merges and imports): an edit's holds the article's spans, and
#: this is asked before every write.
_EVENTS_HERE = """
    SELECT id, action, CASE WHEN action = 'merge' AND json_valid(after) THEN json_extract(after, '$.renamed.from') END,
    CASE WHEN action = 'merge' AND json_valid(after) THEN json_extract(after, '$.renamed.to') END
    FROM events WHERE article_id = ? AND annotator = ? ORDER BY id"""
#: Whether `name` has any merge event on the article: without one no rename of it stands there (most writes).
_MERGED_HERE = "SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action = 'merge' LIMIT 1"
#: Whether a rename moved `name`'s work on the article (its "merge" naming `renamed.from` = name), by the index.
_WORK_MOVED_HERE = """
    SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action = 'merge'
    AND CASE WHEN json_valid(after) THEN json_extract(after, '$.renamed.from') END = annotator LIMIT 1"""
#: Whether `name` has a status beyond to do anywhere (then it has work of its own: no alias), by the index.
_WORKING = "SELECT 1 FROM annotations WHERE annotator = ? AND status != 'todo' LIMIT 1"


def renamed_to(connection: sqlite3.Connection, name: str) -> str | None:
    """The name `name`'s work went to when a rename took all of it (following later renames of that name too);
    None when `name` is no alias (never renamed, or has work of its own again, an undone rename's)."""
    seen = {name}
    current = _moved_to(connection, name)
    if current is None:
        return None
    while current not in seen and (further := _moved_to(connection, current)) is not None:
        seen.add(current)
        current = further
    return current


def _moved_to(connection: sqlite3.Connection, name: str) -> str | None:
    if connection.execute(_WORKING, [name]).fetchone() is not None:
        return None
    found = connection.execute(_RENAMES_FROM, [name]).fetchone()
    if found is None or not isinstance(found[0], str) or not nothing_stands(connection, name):  # `renamed_away`
        return None
    return found[0]


def renamed_line(connection: sqlite3.Connection, name: str, option: str = "--annotator") -> str | None:
    """What a command that reads `name`'s work says where a rename took all of it (S11: `export --annotator Ana`
    after `rename-annotator Ana ana` said "no annotations by 'Ana'", not where they went): the name it went to and
    the option to give it with; None when `name` is no alias (a name not UTF-8, a byte the command line gave, none
    is). The one line of every such command."""
    if not name.isascii() and not _utf8(name):
        return None
    new = renamed_to(connection, name)
    if new is None:
        return None
    return f"{quoted(name)} was renamed {quoted(new)} (annotator rename-annotator): use {option} {_shell(new)}"


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: bytes that were no UTF-8
        return False
    return True


def alias_refusal(old: str, new: str) -> str:
    """The one line a write under the alias `old` is refused with."""
    return (
        f"{quoted(old)} was renamed {quoted(new)} (annotator rename-annotator): work as {quoted(new)} "
        f"(--annotator {_shell(new)}); nothing was written"
    )


def refuse_alias(connection: sqlite3.Connection, name: str, article_id: str | None = None) -> None:
    """`Refused` when `name` is an alias (`renamed_to`), or, on `article_id`, when the rename of `name` there is in
    effect (`goes_under`): no work is written under it."""
    if (new := renamed_to(connection, name)) is not None:
        raise Refused(alias_refusal(name, new))
    if article_id is not None and (here := goes_under(connection, article_id, name)) is not None:
        raise Refused(alias_refusal(name, here).replace(" (annotator", " on this article (annotator", 1))


def goes_under(connection: sqlite3.Connection, article_id: str, name: str) -> str | None:
    """The name work of `name` on the article goes under now, where it is not `name` (None): `renamed_to`'s, else
    the name a rename still standing there moved it to (`renamed_here`), following later renames of that name
    (everywhere, or there). One rule for a write (`refuse_alias`) and for an import's records (s55 S1: a file made
    before a rename undone on one article conflicted with OLD's emptied rows on the others)."""
    seen = {name}
    current = name
    while (further := renamed_to(connection, current) or renamed_here(connection, article_id, current)) is not None:
        if further in seen:  # a cycle of renames standing: no name to follow it to
            break
        seen.add(further)
        current = further
    return None if current == name else current


def renamed_here(connection: sqlite3.Connection, article_id: str, name: str) -> str | None:
    """The name `name`'s work on the article went to, while that rename is in effect there (its event the last
    change of `name`'s work not undone): a rename undone on another article makes `name` no alias, but here its
    work is still the other name's (re-trial s54 t9 S8: a screen opened as OLD wrote on such an article, and the
    person stood under two names there)."""
    if connection.execute(_MERGED_HERE, [article_id, name]).fetchone() is None:
        return None
    events = connection.execute(_EVENTS_HERE, [article_id, name]).fetchall()
    done, _, _ = stacked((event_id, action) for event_id, action, _, _ in events)
    last = next((event for event in events if done and event[0] == done[-1]), None)
    if last is None or last[1] != "merge" or last[2] != name or not isinstance(last[3], str):
        return None
    return str(last[3])


def moved_away(connection: sqlite3.Connection, article_id: str, name: str) -> str | None:
    """What a screen open as `name` says on an article a rename took `name`'s work from (everywhere, or still
    here): it shows `name`'s emptied to-do, and a key there is refused; None when no rename did. The name is the one
    a write would be sent to (`goes_under`, following later renames), "on this article" where `name` is no alias.
    Where no work of `name`'s moved here (a name renamed with assignments only, an article it never began), there is
    no work to go on with, and no rename here for `u` to take back."""
    if (new := goes_under(connection, article_id, name)) is None:
        return None
    if connection.execute(_WORK_MOVED_HERE, [article_id, name]).fetchone() is None:
        return (
            f"{quoted(name)} was renamed {quoted(new)} by `annotator rename-annotator`: to work, q, then open as "
            f"{quoted(new)} (--annotator {_shell(new)})"
        )
    where = "" if renamed_to(connection, name) is not None else " on this article"
    return (
        f"{quoted(name)} was renamed {quoted(new)}{where} by `annotator rename-annotator`, with this work: to "
        f"go on with it, q, then open as {quoted(new)} (--annotator {_shell(new)}); u takes the rename back"
    )


def _shell(name: str) -> str:
    return shlex.quote(name)

"""Names a database holds that a file could not give: article ids and annotator names breaking the rules every
border applies (`vocabulary.id_problem`, `vocabulary.entered_name`: a name is stored in NFC, is not gold in
another form, and so on), and two names that look alike (`look_alike_problem`). The database's own commands never
store one; another program, or another database brought in by an older release, may have. `merge` refuses such a
file and `check` names what it finds, one line a name."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable

from annotator.errors import found
from annotator.literal import quoted
from annotator.lookalike import confusable, python_quoted_bytes, shown
from annotator.vocabulary import GOLD, entered_name, id_problem, is_model

#: The tables that name an annotator, in the order a name is first reported from.
NAMING = ("annotations", "assignments", "spans", "decisions", "events", "comments")


def name_problems(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """(table, problem) for every article id and every annotator name that breaks its rule; an annotator's name
    is reported once, from the first table (`NAMING`) and article where it is found."""
    problems: list[tuple[str, str]] = []
    for (stored,) in connection.execute("SELECT CAST(id AS BLOB) FROM articles ORDER BY rowid"):
        article_id, problem = _text(stored, "an article id")
        problem = problem or id_problem(article_id)
        if problem:
            problems.append(("articles", f"article {found(article_id)}: {problem}"))
    sound: list[str] = []
    away = renamed_away(connection)
    for table, name, article_id, problem in stored_names(connection):
        alike = None if name in away else look_alike_problem(name, sound, ANOTHER_HERE)
        problem = problem or stored_name_problem(name) or alike
        if problem:
            problems.append((table, f"article {found(article_id)}: {problem}"))
        elif name not in away:
            sound.append(name)
    return problems


#: Nothing of the name `{e}` stands (spans, decisions, a status beyond to do, an assignment, a comment).
_NOTHING_STANDS = """
    NOT EXISTS (SELECT 1 FROM spans s WHERE s.annotator = {e})
    AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.annotator = {e})
    AND NOT EXISTS (SELECT 1 FROM annotations n WHERE n.annotator = {e} AND n.status != 'todo')
    AND NOT EXISTS (SELECT 1 FROM assignments g WHERE g.annotator = {e})
    AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.annotator = {e})"""
#: The names `rename-annotator` moved all work away from (`store.renaming`): their own `merge` event says so (an
#: `unassign` one for a name with assignments only), and nothing of theirs stands; each name asked once (materialized: asked per event, a rename of 1,500 articles took a
#: second, every table scanned again for each of its events).
_RENAMED_AWAY = f"""
    WITH moved(name) AS MATERIALIZED (
        SELECT DISTINCT e.annotator FROM events e WHERE e.action IN ('merge', 'unassign')
        AND CASE WHEN json_valid(e.after) THEN json_extract(e.after, '$.renamed.from') END = e.annotator)
    SELECT name FROM moved WHERE {_NOTHING_STANDS.format(e="moved.name")}"""
#: Whether one name that a rename's event moved from (asked by the caller) has nothing standing.
_NOTHING_STANDS_OF = f"SELECT {_NOTHING_STANDS.format(e=':name')}"


def renamed_away(connection: sqlite3.Connection) -> set[str]:
    """The names a rename took every piece of work from: only their events (append-only) and emptied to-do rows are
    left, history, not a name anyone works under. No name is compared with them for looking alike (`Ana` renamed to
    `ana` would otherwise make `ana` refused everywhere, and `check` name it), though they still count as stored.

    Read every event a rename wrote, once per operation that compares every name (`check`, a merge's names, the
    names an import or rename brings, the undo of a rename); not kept for the operation's transaction, since a
    write in it (a merge copying work under a name) changes the answer. A question of one name asks
    `nothing_stands` instead (`aliases.renamed_to`, asked for every write and every record imported)."""
    return {row[0] for row in connection.execute(_RENAMED_AWAY)}


def nothing_stands(connection: sqlite3.Connection, name: str) -> bool:
    """Whether nothing of `name` stands (spans, decisions, a status beyond to do, an assignment, a comment): for
    a name a rename's event moved work from, that it is in `renamed_away`, without reading every other rename."""
    return bool(connection.execute(_NOTHING_STANDS_OF, {"name": name}).fetchone()[0])


def stored_names(connection: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    """(table, name, article id, why it is no text) for every annotator's name stored, once, from the first table
    (`NAMING`) and article where it is found; then the reviewers and assigners an event's data names (a name that
    only reviews is a name here too)."""
    names: list[tuple[str, str, str, str | None]] = []
    seen: set[bytes] = set()
    for table in NAMING:
        sql = f"""SELECT CAST(annotator AS BLOB), CAST(min(article_id) AS BLOB) FROM {table}
                  GROUP BY annotator ORDER BY annotator"""
        for stored, stored_id in connection.execute(sql):
            if stored in seen:
                continue
            seen.add(stored)
            name, problem = _text(stored, "an annotator's name")
            names.append((table, name, _text(stored_id, "")[0], problem))
    for stored, stored_id in connection.execute(_NAMED_IN_EVENTS):
        if stored in seen or stored.startswith(_MERGED):
            continue
        seen.add(stored)
        name, problem = _text(stored, "a reviewer's name")
        names.append(("events", name, _text(stored_id, "")[0], problem))
    return names


def holds(connection: sqlite3.Connection, name: str) -> bool:
    """Whether the database stores `name` anywhere (`stored_names`: renamed away too): a name new to it is refused
    what a stored one is taken with (a comma, a length over the limit)."""
    return name in {stored for _, stored, _, _ in stored_names(connection)}


#: The names an event's data gives: who reviewed (`reviewer`, on gold's events) and who assigned (`by`); an
#: assignment `merge` added says "merge of PATH", no name.
_NAMED_IN_EVENTS = """
    SELECT named, CAST(min(article_id) AS BLOB) FROM (
        SELECT CAST(json_extract(after, '$.reviewer') AS BLOB) AS named, article_id FROM events
            WHERE CASE WHEN json_valid(after) THEN json_type(after, '$.reviewer') END = 'text'
        UNION ALL
        SELECT CAST(json_extract(after, '$.by') AS BLOB), article_id FROM events
            WHERE CASE WHEN json_valid(after) THEN json_type(after, '$.by') END = 'text')
    GROUP BY named ORDER BY named"""
_MERGED = b"merge of "


def stored_name_problem(name: str) -> str | None:
    """Why no command would have stored `name`: `vocabulary.entered_name`'s rule, and NFC, the form it enters in.
    A model's name (`model:...`, an earlier release's import of `export --suggestions`) is nobody's, and fine."""
    if is_model(name):
        return None
    composed, problem = entered_name(name)
    if problem is None and composed != name:
        problem = f"an annotator's name must be in NFC, as every command stores it: {shown(name)} is {composed!r} in another form"
    return problem


def assignee_problem(name: str) -> str | None:
    """Why no article may be assigned to `name` (`annotator assign` refuses it; `check` finds an assignment to it,
    and `merge` refuses a file holding one): gold is written by review, and a model's name is nobody's."""
    if name == GOLD:
        return f"{GOLD!r} is the adjudicated annotation, not an annotator to assign articles to"
    if is_model(name):
        return f"{quoted(name)} names the model's suggestions, not an annotator to assign articles to"
    return None


#: The longest name that may enter (in characters): a name is a file name in exports (`exports/NAME.jsonl`,
#: `exports/NAME.prodigy.jsonl`), which most file systems hold to 255 bytes: 50 characters of up to 4 UTF-8 bytes
#: each and the longest suffix fit; a person's name or an email is shorter, and the screen's title shows it whole.
NAME_LIMIT = 50


def length_problem(name: str) -> str | None:
    """Why `name` is too long to enter (a trial: a 5,000-character name was taken, and `export` then failed on a
    5,000-character line). Only where a name new to the database enters: a name stored longer (by an older
    release, or an earlier import of a Label Studio user's email) is taken as it is (`new_names.entering_problem`,
    `cli.names.checked_name`)."""
    if len(name) <= NAME_LIMIT:
        return None
    return (
        f"an annotator's name may be at most {NAME_LIMIT} characters (it names the export file "
        f"exports/NAME.jsonl): this one has {len(name):,}"
    )


def comma_problem(name: str) -> str | None:
    """Why `name` may not enter new to the database holding a comma, which `--annotators` parts names at (S9: `assign
    --annotators "Smith, J"` made two annotators of one new name), else None. Asked of a name a person gives: an
    option (`cli.names.checked_name`), the screen's who (`new_names.given_problem`); a name the database holds with
    a comma (from a file: an import, a merge) is taken whole."""
    if "," not in name:
        return None
    return (
        "an annotator's name new to the database may not hold a comma (--annotators parts names at commas): "
        f"{quoted(name)}; a name the database holds with one is taken whole"
    )


def long_names(connection: sqlite3.Connection) -> list[str]:
    """The names stored here longer than `NAME_LIMIT` (none a command of this release stores new), in order; not
    one a rename took all work from."""
    away = renamed_away(connection)  # history, no name anyone works under
    found = {name for _, name, _, problem in stored_names(connection) if problem is None and len(name) > NAME_LIMIT}
    return sorted(found - away)


#: How `look_alike_problem` names the other name: here, and where a name enters (`new_names.entering_problem`).
ANOTHER_HERE = "another name in this database"
WORKING_HERE = "who has work or an assignment in this database"
IN_THIS_FILE = "another name in this file"


def look_alike_problem(name: str, present: Iterable[str], whose: str) -> str | None:
    """Why `name` may not stand beside the names `present`: it is not one of them, but its UTS #39 skeleton
    (`lookalike.confusable`) is one's ("аlісе" in Cyrillic letters, "ALICE" or "ⓐlice" beside alice). None when it
    is fine."""
    name = unicodedata.normalize("NFC", name)
    for other in present:
        if other != name and not is_model(other) and confusable(name, other):
            return f"{name!r} looks like {other!r}, {whose} (a name of its own may not look like another's)"
    return None


def _text(stored: bytes | None, what: str) -> tuple[str, str | None]:
    """A stored string read as bytes (SQLite hands Python text it cannot decode as an error that stops the whole
    query: trial 28), and why it is no text, if so."""
    stored = bytes(stored or b"")
    try:
        return stored.decode("utf-8"), None
    except UnicodeDecodeError:
        return stored.decode("utf-8", "replace"), f"{what} must be UTF-8 text: {python_quoted_bytes(stored[:40])}"

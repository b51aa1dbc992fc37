"""Values another program stored in a kind annotator never writes (a blob of text, a word in a number's column, a
meta that is no JSON object) and quotes whose speaker is no ACTOR: found in SQL, without reading texts into
Python, for `check` (`content.stored_problems`) and for the commands that refuse such a file (`damage`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from annotator.errors import found

#: How much of a stored value a problem shows.
SHOWN = 40


#: The kinds SQLite may hold in a column of each declared type, as annotator writes it (a NULL where allowed).
_KINDS = {"TEXT": ("text", "null"), "INTEGER": ("integer", "null"), "REAL": ("real", "integer", "null")}
#: Columns `kind_problems` words as an article's own.
_ARTICLE_KINDS = {"text", "title", "meta"}


#: Every table annotator made (FTS5's and the migrations' record aside).
TABLES = ("articles", "annotations", "spans", "suggestions", "decisions", "events", "comments", "assignments")


def type_problems(db: sqlite3.Connection, tables: tuple[str, ...] = TABLES) -> list[str]:
    """Values of another kind than their column's, as another program may store them (a blob of text, a word in a
    number's column): read as text they ended commands in tracebacks while `check` said ok (re-trial 41r: a
    suggester, a flag reason, a comment, an event's before as blobs; a score 'high'). One scan a table, one line
    for a column's first such row; the articles' text, title and meta are `kind_problems`'. `tables`: only these
    (an export's, whose spans each record's own check covers)."""
    problems = []
    for table, columns in _typed_columns(db, tables):
        kinds = [
            (c, _KINDS[t])
            for c, t in columns  # moments are `content.moment_problems`', which names a blob's bytes
            if not (table == "articles" and c in _ARTICLE_KINDS)
            and c != "at"
            and not c.endswith("_at")
            and not (table == "events" and c in ("before", "after"))  # `event_shapes`' to word
        ]
        if not kinds:
            continue
        wrong = " OR ".join(f'typeof("{c}") NOT IN ({", ".join(repr(k) for k in allowed)})' for c, allowed in kinds)
        found_in: dict[str, tuple[int, str]] = {}
        typed = ", ".join(f'typeof("{c}")' for c, _ in kinds)
        for row in db.execute(f'SELECT rowid, {typed} FROM "{table}" WHERE {wrong} ORDER BY rowid'):
            for (column, allowed), kind in zip(kinds, row[1:], strict=True):
                if kind not in allowed and column not in found_in:
                    found_in[column] = (row[0], kind)
            if len(found_in) == len(kinds):
                break
        problems += [f"table {table!r}, column {c!r}, rowid {r}: a {k} where annotator stores {_KINDS[dict(columns)[c]][0]}"
                     for c, (r, k) in found_in.items()]  # fmt: skip
    return problems


def _typed_columns(db: sqlite3.Connection, tables: tuple[str, ...]) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Each of these tables with its columns of a declared type."""
    for table in tables:
        info = db.execute(f'SELECT name, upper(type) FROM pragma_table_info("{table}")').fetchall()
        typed = [(name, kind) for name, kind in info if kind in _KINDS]
        if typed:
            yield table, typed


def kind_problems(db: sqlite3.Connection, *, older: bool = False) -> list[str]:
    """Articles whose text or title is not stored as text, or whose meta is not a JSON object: what the commands
    read as such (a blob text passed the hash check and ended `export` in a traceback after `merge` had copied it:
    attacker 40f). In SQL, without reading the texts into Python. `older`: a meta holding NaN or an infinity, as
    an older release stored it, is no problem (the commands read it; `check` names it, `export` and `merge`
    refuse to pass it on)."""
    problems = []
    rows = db.execute(
        "SELECT id, typeof(text), typeof(title), CASE WHEN typeof(meta) = 'text' AND json_valid(meta) AND "
        "json_type(meta) = 'object' THEN NULL ELSE CAST(meta AS TEXT) END, typeof(meta) FROM articles WHERE "
        "typeof(text) != 'text' OR typeof(title) != 'text' OR typeof(meta) != 'text' OR NOT json_valid(meta) OR "
        "json_type(meta) != 'object' ORDER BY rowid"
    )
    for article_id, text, title, meta, meta_kind in rows:
        where = f"table 'articles', article {found(article_id)}"
        problems += [f"{where}: its {name} is stored as a {kind}, not text" for name, kind in
                     (("text", text), ("title", title), ("meta", meta_kind)) if kind != "text"]  # fmt: skip
        problem = _meta_problem(meta, older) if meta is not None and meta_kind == "text" else None
        if problem:
            problems.append(f"{where}: {problem}")
    return problems


def _meta_problem(meta: str | None, older: bool = False) -> str | None:
    """Why a stored meta is no JSON object: a NaN or an infinity in an object is an older release's (Python's
    json wrote them), said so, or with `older` none; anything else another program's."""
    constants: list[str] = []
    try:
        value = json.loads(meta or "", parse_constant=lambda name: constants.append(name))
    except RecursionError:  # attacker 41a: 5,000 deep
        return "its meta is nested deeper than a JSON reader goes (SQLite's stops at 1,000 levels)"
    except ValueError:
        value = None
    if isinstance(value, dict) and constants:
        if older:
            return None
        return f"its meta holds {constants[0]}, which is not standard JSON (an older release stored it)"
    return f"its meta is not a JSON object: {found((meta or '')[:SHOWN])}"


def speaker_problems(db: sqlite3.Connection) -> list[str]:
    """Quotes whose speaker is no ACTOR span of the same annotation: export's speaker links ended in a KeyError
    and `check` named only a difference from the event log (re-trial 41r). In SQL, by the spans' index."""
    rows = db.execute(
        "SELECT q.id, q.article_id, q.speaker_start, q.speaker_end FROM spans q WHERE q.label = 'QUOTE' AND "
        "q.speaker_start IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM spans a WHERE a.article_id = q.article_id AND a.annotator = q.annotator AND "
        "a.label = 'ACTOR' AND a.start = q.speaker_start AND a.\"end\" = q.speaker_end) ORDER BY q.id"
    )
    return [
        f"table 'spans', row {row} (article {found(article_id)}): speaker {start}:{end} is not an ACTOR span of this "
        "annotation"
        for row, article_id, start, end in rows
    ]

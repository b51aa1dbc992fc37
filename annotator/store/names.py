"""Names a database holds that a file could not give: article ids and annotator names breaking the rules every
border applies (`vocabulary.id_problem`, `vocabulary.name_problem`). The database's own commands never store one;
another program, or another database brought in by an older release, may have. `merge` refuses such a file and
`check` names what it finds, one line a name."""

from __future__ import annotations

import sqlite3

from annotator.errors import found
from annotator.vocabulary import id_problem, name_problem

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
    seen: set[bytes] = set()
    for table in NAMING:
        sql = f"""SELECT CAST(annotator AS BLOB), CAST(min(article_id) AS BLOB) FROM {table}
                  GROUP BY annotator ORDER BY annotator"""
        for stored, stored_id in connection.execute(sql):
            if stored in seen:
                continue
            seen.add(stored)
            name, problem = _text(stored, "an annotator's name")
            problem = problem or name_problem(name)
            if problem:
                article_id = _text(stored_id, "")[0]
                problems.append((table, f"article {found(article_id)}: {problem}"))
    return problems


def _text(stored: bytes | None, what: str) -> tuple[str, str | None]:
    """A stored string read as bytes (SQLite hands Python text it cannot decode as an error that stops the whole
    query: trial 28), and why it is no text, if so."""
    stored = bytes(stored or b"")
    try:
        return stored.decode("utf-8"), None
    except UnicodeDecodeError:
        return stored.decode("utf-8", "replace"), f"{what} must be UTF-8 text: {stored[:40]!r}"

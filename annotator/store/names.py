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
    for (article_id,) in connection.execute("SELECT id FROM articles ORDER BY rowid"):
        problem = id_problem(article_id)
        if problem:
            problems.append(("articles", f"article {found(article_id)}: {problem}"))
    seen: set[str] = set()
    for table in NAMING:
        sql = f"SELECT annotator, min(article_id) FROM {table} GROUP BY annotator ORDER BY annotator"
        for name, article_id in connection.execute(sql):
            problem = name_problem(name) if name not in seen else None
            seen.add(name)
            if problem:
                problems.append((table, f"article {found(article_id)}: {problem}"))
    return problems

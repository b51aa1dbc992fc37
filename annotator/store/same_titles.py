"""One story under two ids: an article added from a .txt file, titled as an article another .txt file brought.

`ingest` adds a changed file at another path as an article of its own (`exchange.ingest`), and `merge` another
database's copy of a file with a corrected text: neither can tell a correction from another story, so both say
so, naming the stored article (a team lead's trial, t2 F8: a merged copy with one figure corrected became a
second "Harbour bridge ..." article, open to everyone, and nothing was said)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.store.connection import Row, _json
from annotator.store.reads import Reader


@dataclass(frozen=True)
class SameTitle:
    """A .txt file added as a new article, titled as an article another .txt file (`stored_source`) brought: the
    same story changed, maybe, that a path other than its own cannot replace. `database`: the file a merge
    brought it from ("" for ingest's own file)."""

    source: str
    article_id: str
    stored_id: str
    title: str
    stored_source: str
    database: str = ""


def _source(row: Row) -> str:
    """The file an article was read from, as the database that stored it records it ("" without one)."""
    try:
        meta = json.loads(row["meta"] or "{}")
    except (TypeError, ValueError):
        return ""
    return str(meta.get("source", "")) if isinstance(meta, dict) else ""


def merged_same_titles(store: Reader, added: list[Row], database: str) -> list[SameTitle]:
    """The articles a merge added from `database` (their rows as it stores them) read from a .txt file titled as an
    article here, under another id, read from a .txt file (the last ingested, when several are): the title alone,
    as `ingest` notes a file (a colleague's corrected copy is often saved under another name; its paths are another
    machine's, so nothing else of them tells it apart)."""
    files = [(row, source) for row in added if (source := _source(row)).lower().endswith(".txt") and row["title"]]
    if not files:
        return []
    rows = store.conn.execute(
        "SELECT id, title, json_extract(meta, '$.source') FROM articles WHERE title IN (SELECT value FROM json_each(?)) "
        "AND lower(json_extract(meta, '$.source')) LIKE '%.txt' AND id NOT IN (SELECT value FROM json_each(?)) "
        "ORDER BY ingested_at, rowid",
        [_json(sorted({str(row["title"]) for row, _ in files})), _json(sorted(str(row["id"]) for row in added))],
    )
    here = {str(title): (str(article_id), str(source)) for article_id, title, source in rows}
    found: list[SameTitle] = []
    for row, source in files:
        stored = here.get(str(row["title"]))
        if stored is not None:
            found.append(SameTitle(source, str(row["id"]), stored[0], str(row["title"]), stored[1], database))
    return found


def titled_alike_apart(
    store: Reader, annotators: Sequence[str], statuses: Sequence[str]
) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Titles of two or more articles that `annotators` have in `statuses` apart: each article has some of them,
    none has all who have one (newcomer trial F4: alice's article and bob's were one story, its texts apart by a
    trailing newline, and `agreement` compared none). Each title with its articles, each with its annotators, in
    ingest order."""
    names, states = list(annotators), list(statuses)
    rows = store.conn.execute(
        f"SELECT a.title, n.article_id, n.annotator FROM annotations n JOIN articles a ON a.id = n.article_id "
        f"WHERE a.title != '' AND n.annotator IN ({','.join('?' * len(names))}) "
        f"AND n.status IN ({','.join('?' * len(states))}) ORDER BY a.rowid, n.annotator",
        [*names, *states],
    )
    titled: dict[str, dict[str, list[str]]] = {}
    for title, article_id, name in rows:
        titled.setdefault(str(title), {}).setdefault(str(article_id), []).append(str(name))
    found = []
    for title, articles in titled.items():
        everyone = {name for have in articles.values() for name in have}
        if len(articles) >= 2 and len(everyone) >= 2 and all(set(have) != everyone for have in articles.values()):
            found.append((title, list(articles.items())))
    return found

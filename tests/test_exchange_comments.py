"""Issue 10, a trial's leftover: comments are on the article, not on one annotator's work, but an export carried only
the exported annotator's own: bob's comment on an article exported for alice, or in the gold export, vanished
without a word. Now a record carries every comment on its article with its author (native JSONL, and the formats
that keep keys of their own); a format with no place says how many it left out; a comment on an article the export
has no record of is counted in a note. Importing an export into a fresh database keeps every comment with its
author, and importing a second export that carries the same comments adds none twice. Real files, the real CLI."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from exchange_support import SMALL, add
from processes import annotator

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import GOLD

OTHER = "A second article, which nobody finished."


def source(path: Path) -> Path:
    """alice and bob finished SMALL and gold settled it; alice, bob and the reviewer commented on it; bob commented
    on a second article that nobody annotated."""
    with Store.open(path) as store:
        articles = [ArticleIn(text=SMALL, title="Small", id="small"), ArticleIn(text=OTHER, title="Other", id="other")]
        tokens = tokenize([a.text for a in articles])
        store.add_articles([(articles[0], tokens[0], []), (articles[1], tokens[1], [])])
        for who in ("alice", "bob", GOLD):
            add(store, "small", who, SMALL, "Gaza", "LOCATION")
            store.set_status("small", who, "done")
        store.add_comment("small", "alice", "alice's note")
        store.add_comment("small", "bob", "bob: is 'Gaza' the place or the authority?")
        store.add_comment("small", GOLD, "settled: the place")
        store.add_comment("other", "bob", "bob on the other article")
    return path


def comments(db: Path) -> list[tuple[str, str, str, str]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("SELECT article_id, annotator, text, at FROM comments ORDER BY id").fetchall()


EVERY_ON_SMALL = [
    {"annotator": "alice", "text": "alice's note"},
    {"annotator": "bob", "text": "bob: is 'Gaza' the place or the authority?"},
    {"annotator": GOLD, "text": "settled: the place"},
]


@pytest.mark.parametrize("who", ["alice", GOLD])
def test_an_export_carries_every_comment_on_its_articles_with_their_authors(tmp_path: Path, who: str) -> None:
    db = source(tmp_path / "a.db")
    out = tmp_path / "out.jsonl"
    command = ["--gold"] if who == GOLD else ["--annotator", who]
    exported = annotator("export", *command, "-o", out, "--db", db)
    assert (exported.returncode, exported.stdout, exported.stderr) == (
        0,
        f"1 record(s) -> {out}\n",
        "note: 1 comment(s) on articles this export has no record of are not in it (the article 'other')\n",
    )
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [{"annotator": c["annotator"], "text": c["text"]} for c in record["comments"]] == EVERY_ON_SMALL


def test_the_round_trip_into_a_fresh_database_keeps_every_comment_with_its_author(tmp_path: Path) -> None:
    db = source(tmp_path / "a.db")
    for who in ("alice", "bob"):
        assert annotator("export", "--annotator", who, "-o", tmp_path / f"{who}.jsonl", "--db", db).returncode == 0
    fresh = tmp_path / "fresh.db"
    for who in ("alice", "bob"):  # both carry the same three comments: stored once
        imported = annotator("import", tmp_path / f"{who}.jsonl", "--db", fresh)
        assert (imported.returncode, imported.stderr) == (0, "")
    assert comments(fresh) == [row for row in comments(db) if row[0] == "small"]


@pytest.mark.parametrize("name", ["conll", "spacy"])
def test_a_format_with_no_place_counts_every_comment_it_left_out(tmp_path: Path, name: str) -> None:
    db = source(tmp_path / "a.db")
    exported = annotator("export", "--annotator", "alice", "--format", name, "-o", tmp_path / f"a.{name}", "--db", db)
    assert exported.returncode == 0
    assert [line for line in exported.stderr.splitlines() if "comment" in line] == [
        "note: 3 comment(s) left out: this format has no place for them",
        "note: 1 comment(s) on articles this export has no record of are not in it (the article 'other')",
    ]

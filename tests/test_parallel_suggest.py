"""`ingest --workers N` and `suggest --workers N`: the worker processes (`suggest.dispatch`) give the rows one
process gives."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.suggest import SUGGESTER_NAMES, suggest_texts

GOLD_DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
ANNOTATOR = str(Path(sys.executable).parent / "annotator")
SUGGESTION_ROWS = (
    'SELECT article_id, start, "end", label, text, speaker_start, speaker_end, suggester, score '
    "FROM suggestions ORDER BY id"
)


def articles_file(folder: Path, count: int) -> Path:
    """`count` real news articles (the dev gold's texts) as an ingest input."""
    lines = GOLD_DEV.read_text("utf-8").splitlines()[:count]
    path = folder / "articles.jsonl"
    records = [json.loads(line) for line in lines]
    path.write_text(
        "".join(json.dumps({"id": r["article_id"], "title": r["title"], "text": r["text"]}) + "\n" for r in records),
        encoding="utf-8",
    )
    return path


def annotator(*args: str) -> str:
    result = subprocess.run([ANNOTATOR, *args], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout


def stored(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT id, tokens FROM articles ORDER BY rowid").fetchall()
        return articles, conn.execute(SUGGESTION_ROWS).fetchall()


def test_ingest_with_two_workers_stores_the_rows_of_one(tmp_path: Path) -> None:
    source = articles_file(tmp_path, 8)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    out_one = annotator("ingest", str(source), "--db", str(one), "--batch-size", "2")
    out_two = annotator("ingest", str(source), "--db", str(two), "--batch-size", "2", "--workers", "2")
    assert out_two == out_one.replace(str(one), str(two))
    articles, suggestions = stored(one)
    assert len(articles) == 8
    assert len(suggestions) > 8 * 20  # real news: dozens of suggestions an article
    assert {row[7] for row in suggestions} == set(SUGGESTER_NAMES)
    assert stored(two) == (articles, suggestions)


def test_suggest_all_with_two_workers_gives_the_rows_of_one(tmp_path: Path) -> None:
    source = articles_file(tmp_path, 6)
    db = tmp_path / "a.db"
    annotator("ingest", str(source), "--db", str(db), "--no-suggest")
    annotator("suggest", "--db", str(db))
    by_one = stored(db)
    assert annotator("suggest", "--all", "--workers", "2", "--db", str(db)).endswith(
        f"{len(by_one[1]):,} suggestion(s) of entities.v16 + quotes.v6 for 6 article(s)\n"
    )
    assert stored(db) == by_one


def test_the_pipeline_is_left_as_it_was_given(nlp) -> None:
    before = list(nlp.pipe_names)
    results = list(suggest_texts(["Paris is big.", "Obama said no."], nlp, n_process=2))
    assert [[s.text for s in suggestions] for _, suggestions in results] == [["Paris"], ["Obama"]]
    assert nlp.pipe_names == before


def test_zero_workers_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [ANNOTATOR, "suggest", "--workers", "0", "--db", str(tmp_path / "x.db")], capture_output=True, text=True
    )
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: Invalid value for '--workers': 0 is not in the range x>=1.\n",
    )
    with pytest.raises(ValueError, match=r"^n_process must be 1 or more, not 0$"):
        next(suggest_texts(["x"], None, n_process=0))  # type: ignore[arg-type]

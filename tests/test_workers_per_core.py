"""--workers asks for at most one worker per core, wherever it is given (ingest, suggest, predict): more are cut
to one per core, in a note, and the command goes on with the same results (found by an attacker, trial 39a, 9:
16 on a 2-core machine forked 16 spaCy pipelines without a word, and 100000 was taken). Real console script."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from processes import annotator
from test_predict import dev_articles, write_articles

from annotator.store import Store

CORES = len(os.sched_getaffinity(0))


def cut(asked: int) -> str:
    return f"annotator: note: --workers {asked}: more workers than cores do not help; using {CORES}, one per core\n"


@pytest.mark.parametrize("asked", [CORES + 1, 100_000])
def test_ingest_and_suggest_use_one_worker_per_core_at_most_and_say_so(tmp_path: Path, asked: int) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(3))
    stored = annotator("ingest", "news.jsonl", "--no-suggest", "--workers", str(asked), "--db", "x.db", cwd=tmp_path)
    assert (stored.returncode, stored.stderr) == (0, cut(asked))
    assert stored.stdout == "3 article(s) added, 0 already stored, 0 suggestion(s) -> x.db\n"
    if asked > CORES + 1:
        return  # forking 100000 is what is tried here: not before it is cut
    suggested = annotator("suggest", "--workers", str(asked), "--db", "x.db", cwd=tmp_path)
    assert (suggested.returncode, suggested.stderr) == (0, cut(asked))
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert store.count("suggestions") > 0


def test_predict_uses_one_worker_per_core_at_most_and_says_so(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(2))
    asked = CORES + 1
    result = annotator("predict", "news.jsonl", "-o", "out", "--workers", str(asked), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, cut(asked))
    assert "1 computed on 1 worker(s)" in result.stdout


def test_as_many_workers_as_cores_is_said_nothing_of(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(1))
    result = annotator("ingest", "news.jsonl", "--no-suggest", "--workers", str(CORES), "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")

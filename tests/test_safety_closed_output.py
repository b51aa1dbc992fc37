"""Trial s55 t10 T1, T2: a standard output closed before the command began (`>&-`) was a traceback for `export -o -`
and silence with status 0 for `stats`, `check` and `--help`; a DocBin written to a pipe whose reader left early
(`| head -c 10`) was reported written, status 0, though only the pipe's first 64 KiB of it had gone. Real processes:
the console script with its descriptor 1 closed, and `head` as the reader."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from processes import ANNOTATOR, small_database

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.vocabulary import Status
from tests.support import word_tokens

CLOSED = "annotator: error: cannot write to standard output: it is closed\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    small_database(path)
    return path


def closed_output(*args: str) -> tuple[int, str]:
    """The command run with its standard output closed, as `annotator ... >&-` runs it."""
    result = subprocess.run(
        [ANNOTATOR, *args], preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True, timeout=120
    )
    return result.returncode, result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["check"],
        ["export", "--suggestions", "-o", "-"],
        ["export", "--annotator", "alice", "--format", "spacy", "-o", "-"],
    ],
)
def test_a_command_whose_output_is_closed_says_so_in_one_line(db: Path, command: list[str]) -> None:
    assert closed_output(*command, "--db", str(db)) == (1, CLOSED)


def test_help_on_a_closed_output_says_so_in_one_line() -> None:
    assert closed_output("--help") == (1, CLOSED)


def test_a_docbin_cut_short_by_its_reader_is_no_success(tmp_path: Path) -> None:
    db = tmp_path / "many.db"
    texts = [f"Ann Lee met Bob Fox in Paris on Monday, {n} people said." for n in range(4000)]
    with Store.open(db) as store:
        ids = store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])[0]
        for article in ids:
            store.add_span(article, "alice", 0, 7, "ACTOR")
            store.set_status(article, "alice", Status.DONE)
    reader = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    command = [ANNOTATOR, "export", "--db", str(db), "--annotator", "alice", "--format", "spacy", "-o", "-"]
    result = subprocess.run(command, stdout=reader.stdin, stderr=subprocess.PIPE, text=True, timeout=300)
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait()
    assert (result.returncode, result.stderr) == (141, "")  # 128 + SIGPIPE, quietly (`annotator.entry`)


def test_ingest_with_its_error_output_closed_does_its_work(tmp_path: Path) -> None:
    """Trial s55 t10 T4: `ingest ... 2>&-` (a service, a cron job) ended with status 1 and no database: its progress bar
    asked the closed standard error whether it was a terminal."""
    (tmp_path / "a.jsonl").write_text('{"id": "a1", "text": "Ann said it rained in Paris."}\n', encoding="utf-8")
    command = [ANNOTATOR, "ingest", "a.jsonl", "--no-suggest", "--db", "e.db"]
    result = subprocess.run(command, cwd=tmp_path, preexec_fn=lambda: os.close(2), capture_output=False, timeout=120,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert (result.returncode, result.stdout) == (0, "1 article(s) added, 0 already stored, 0 suggestion(s) -> e.db\n")
    with Store.open(tmp_path / "e.db", read_only=True) as store:
        assert store.count("articles") == 1

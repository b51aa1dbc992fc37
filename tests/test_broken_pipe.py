"""A reader that goes away (`annotator stats --articles | head -1`): the command stops quietly as Unix tools do, status
141 (128 + SIGPIPE, what a shell reports for `seq 100000 | head -1`), with no traceback and no line, and whatever it
stored is stored whole. It exited 1 without a word, and `stats --articles --json` exited 0 with its output cut
short (a short write the buffer dropped: hD brief, item 3). The real console script, a real pipe whose reading end is
closed after one line (or before anything is written), real SQLite files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator
from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store

#: Enough rows that the output is far more than a pipe holds (64 KiB): the command is still writing when its reader
#: goes, whatever the timing.
MANY = 2500
LONG = "The harbour bridge closes for repairs, officials said on Tuesday. " * 60


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """team.db: MANY short articles, and 40 long ones alice marked done (an export of hers is about 170 KB)."""
    db = tmp_path_factory.mktemp("pipe") / "team.db"
    with Store.open(db) as store:
        short = [
            (ArticleIn(text=f"Police in Porto said {n} cars burned.", title=f"Cars {n}"), None, []) for n in range(MANY)
        ]
        store.add_articles(short)
        ids, _ = store.add_articles(
            (ArticleIn(text=f"{n}. {LONG}", title=f"Bridge {n}"), word_tokens(f"{n}. {LONG}"), []) for n in range(40)
        )
        for article in ids:
            store.set_status(article, "alice", "done")
    return db


def first_line_then_gone(*args: str | Path, cwd: Path) -> tuple[int, bytes, str]:
    """Run the console script with standard output a pipe, read its first line, close the pipe: (status, the line,
    standard error)."""
    with subprocess.Popen([ANNOTATOR, *map(str, args)], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        line = run.stdout.readline()
        run.stdout.close()
        error = run.stderr.read().decode("utf-8")
        return run.wait(timeout=300), line, error


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (("stats", "--articles"), b"id    "),
        (("stats", "--articles", "--json"), b"[\n"),
        (("export", "--annotator", "alice", "--format", "jsonl", "-o", "-"), b'{"article_id": "'),
    ],
    ids=["stats-articles", "stats-articles-json", "export-jsonl"],
)
def test_a_reader_that_goes_is_status_141_and_nothing_said(team: Path, args: tuple[str, ...], first: bytes) -> None:
    status, line, error = first_line_then_gone(*args, "--db", team, cwd=team.parent)
    assert (status, line.startswith(first), error) == (141, True, "")


def test_a_command_whose_reader_left_before_it_wrote_keeps_its_work_whole(tmp_path: Path) -> None:
    """`assign` stores its plan, then reports it to a reader already gone (`annotator assign ... | true`): status
    141, nothing said, the plan stored and committed (no journal or WAL left beside the database)."""
    db = tmp_path / "t.db"
    with Store.open(db) as store:
        store.add_articles(
            (ArticleIn(text=f"Police said {n} cars burned.", title=f"C{n}"), None, []) for n in range(30)
        )
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command begins
    try:
        done = subprocess.run(
            [ANNOTATOR, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", db],
            stdout=write, stderr=subprocess.PIPE, cwd=tmp_path, timeout=300,
        )  # fmt: skip
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, b"")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["t.db"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM assignments").fetchone()[0] == 60
    checked = annotator("check", "--db", db, cwd=tmp_path)
    assert (checked.returncode, checked.stderr) == (0, "")


def test_standard_output_that_stays_read_is_whole_and_status_0(team: Path) -> None:
    """The same command read to its end: every row, status 0 (the watch on the pipe changes nothing else)."""
    done = annotator("stats", "--articles", "--json", "--db", team, cwd=team.parent)
    assert (done.returncode, done.stderr, done.stdout.count('"id": ')) == (0, "", MANY + 40)


def interrupted_while_writing(*args: str | Path, cwd: Path) -> tuple[int, bytes, str]:
    """Run the console script with standard output a pipe nobody reads until it is full and the command waits on it
    (the kernel's wait channel says so), then ctrl+c, then read everything: (status, standard output, standard
    error)."""
    with subprocess.Popen([ANNOTATOR, *map(str, args)], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        while "pipe_write" not in Path(f"/proc/{run.pid}/wchan").read_text():
            assert run.poll() is None, "the command ended before the pipe was full"
            time.sleep(0.01)
        run.send_signal(signal.SIGINT)
        out, error = run.communicate(timeout=300)
        return run.returncode, out, error.decode("utf-8")


@pytest.mark.parametrize(
    "args",
    [("stats", "--articles"), ("export", "--annotator", "alice", "--format", "jsonl", "-o", "-")],
    ids=["stats-articles", "export-jsonl"],
)
def test_an_interrupt_while_the_output_waits_on_its_reader_writes_nothing_twice(
    team: Path, args: tuple[str, ...]
) -> None:
    """A ctrl+c while a write waits on a full pipe: what came out is the start of the whole output, no line of it
    twice. A buffer between the text and the pipe kept what had gone out when the interrupt was raised after it,
    and wrote it again at its next flush (a line of `stats` twice; `predict`'s "no worker" note twice, in 1 run of
    5 under load). Where the interrupt lands is the kernel's timing, so it is tried several times."""
    whole = annotator(*args, "--db", team, cwd=team.parent).stdout.encode("utf-8")
    assert len(whole) > 65_536  # more than a pipe holds (64 KiB on Linux)
    for _ in range(8):
        status, out, error = interrupted_while_writing(*args, "--db", team, cwd=team.parent)
        assert (status, whole.startswith(out), error.startswith("annotator: error: interrupted")) == (130, True, True)


@pytest.mark.parametrize(
    "args",
    [("stats", "--articles"), ("export", "--annotator", "alice", "--format", "jsonl", "-o", "-")],
    ids=["stats-articles", "export-jsonl"],
)
def test_an_interrupt_after_output_began_says_it_is_cut_short(team: Path, args: tuple[str, ...]) -> None:
    """s61 t23 F5: `stats --articles | (sleep 8; cat)`, ctrl+c: "nothing from this command was written", while the
    reader got 2,553 lines. The line says what the reader has: part of the output, and nothing else written."""
    status, out, error = interrupted_while_writing(*args, "--db", team, cwd=team.parent)
    assert (status, len(out) > 0) == (130, True)
    assert (
        error
        == "annotator: error: interrupted; what it printed is cut short; nothing else from this command was written\n"
    )

"""A newcomer's finding: `annotator annotate < /dev/null > out.txt` started the screen with no terminal, wrote its
escape sequences and could hang. Textual reads keys from standard input and draws on standard error, so without a
terminal on both, the screens (annotate, review, and `annotator` alone) refuse at once: one line, exit status 2,
before any database is opened or created. A session of `annotator serve` (Textual's web driver, named in
TEXTUAL_DRIVER) needs none. Real processes; a pseudo-terminal where one is needed."""

from __future__ import annotations

import os
import pty
import subprocess
import time
from pathlib import Path

import pytest
from processes import ANNOTATOR, small_database

from annotator.store import Store

NEEDS = "needs a terminal for its keys (standard input) and its drawing (standard error); "
BROWSER = "run it in a terminal, or `annotator serve` to annotate in a browser\n"
ANNOTATE = f"annotator: error: the annotation screen {NEEDS}standard input and standard error are not one: {BROWSER}"


def run_without_terminal(*args: str | Path, cwd: Path, stdin: int | None = subprocess.DEVNULL,
                         stderr: int | None = subprocess.PIPE) -> tuple[int, str, str, float]:  # fmt: skip
    """The console script with standard input from /dev/null and standard output to a file: (status, what it
    wrote to the file, to standard error, seconds taken)."""
    out = cwd / "out.txt"
    started = time.monotonic()
    with out.open("wb") as stdout:
        result = subprocess.run(
            [ANNOTATOR, *map(str, args)], stdin=stdin, stdout=stdout, stderr=stderr, cwd=cwd, timeout=60,
            env={key: value for key, value in os.environ.items() if key != "TEXTUAL_DRIVER"},
        )  # fmt: skip
    err = result.stderr.decode("utf-8") if result.stderr is not None else ""
    return result.returncode, out.read_text(encoding="utf-8"), err, time.monotonic() - started


@pytest.mark.parametrize("args", [["annotate", "--annotator", "alice"], ["--annotator", "alice"], []],
                         ids=["annotate", "no command", "no options"])  # fmt: skip
def test_the_annotation_screen_without_a_terminal_refuses_at_once_and_creates_nothing(
    tmp_path: Path, args: list[str]
) -> None:
    status, out, err, seconds = run_without_terminal(*args, "--db", tmp_path / "new.db", cwd=tmp_path)
    assert (status, out, err) == (2, "", ANNOTATE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no database, no temporary beside it
    assert seconds < 20


def test_an_existing_database_is_not_opened(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    small_database(db)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    status, out, err, _ = run_without_terminal("annotate", "--annotator", "alice", "--db", db, cwd=tmp_path)
    assert (status, out, err) == (2, "", ANNOTATE)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name != "out.txt"} == before


def test_the_review_screen_without_a_terminal_refuses_at_once(tmp_path: Path) -> None:
    """Its names are checked first, reading the database only (an unknown name is an error in a terminal or not);
    the screen would open it to write gold."""
    db = tmp_path / "team.db"
    article = small_database(db)
    with Store.open(db) as store:
        store.accept_all(article, "bob")
        store.set_status(article, "bob", "done")
    before = db.read_bytes()
    status, out, err, _ = run_without_terminal("review", "--reviewer", "carol", "--db", db, cwd=tmp_path)
    assert (status, out, err) == (
        2,
        "",
        f"annotator: error: the review screen {NEEDS}standard input and standard error are not one: run it in a "
        "terminal\n",
    )
    assert db.read_bytes() == before


def test_standard_error_that_is_no_terminal_is_refused_too(tmp_path: Path) -> None:
    """Textual draws on standard error: with keys from a terminal but the screen going to a file, the file would
    get the escape sequences."""
    leader, follower = pty.openpty()
    try:
        with (tmp_path / "err.txt").open("wb") as err_file:
            status, out, _, _ = run_without_terminal(
                "annotate", "--annotator", "alice", "--db", tmp_path / "new.db", cwd=tmp_path, stdin=follower,
                stderr=err_file.fileno(),
            )  # fmt: skip
    finally:
        os.close(leader)
        os.close(follower)
    assert (status, out) == (2, "")
    assert (tmp_path / "err.txt").read_text(encoding="utf-8") == (
        f"annotator: error: the annotation screen {NEEDS}standard error is not one: {BROWSER}"
    )
    assert not (tmp_path / "new.db").exists()


def test_standard_input_that_is_no_terminal_is_refused_with_the_screen_on_one(tmp_path: Path) -> None:
    """The newcomer's `annotator annotate < /dev/null > out.txt`, standard error on a terminal: the line is
    written there, the file gets nothing."""
    leader, follower = pty.openpty()
    try:
        status, out, _, _ = run_without_terminal(
            "annotate", "--annotator", "alice", "--db", tmp_path / "new.db", cwd=tmp_path, stderr=follower
        )
        shown = os.read(leader, 4096).decode("utf-8")
    finally:
        os.close(leader)
        os.close(follower)
    assert (status, out) == (2, "")
    assert shown == f"annotator: error: the annotation screen {NEEDS}standard input is not one: {BROWSER}".replace(
        "\n", "\r\n"
    )  # a terminal shows a line break as CR LF
    assert not (tmp_path / "new.db").exists()

"""Trial 43a, F3: one flipped bit in an article's text inside the file (text that is not UTF-8). `assign` succeeded
and wrote into the damaged file; `stats`, `agreement`, `accept`, `adjudicate --auto`, `suggest` and `evaluate`
ended in a traceback "sqlite3.OperationalError: Could not decode to UTF-8 column 'text'" printing the damaged text
raw; a bad byte in an event's `after` did the same to `stats`, and `ingest` and the screen opened the file and
wrote. Every command but `check` (which names the rows) now refuses such a file as it opens it, in the one line
`ingest` and `export` gave, and none writes into it. Real console script, real files: a database the project's
own `ingest` and `accept` made, backed up as `sqlite3 .backup` does, one bit flipped in the copy's bytes."""

from __future__ import annotations

import hashlib
import shlex
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from processes import annotator, one_error_line

ARTICLES = (
    '{"id": "mk1", "title": "One", "text": "Washington said the mayor of Boston, Mary Kim, met Joe Biden in Paris."}\n'
    '{"id": "mk2", "title": "Two", "text": "Angela Merkel visited London and spoke with Boris Johnson on Monday."}\n'
)
#: The commands of the trial, each as a person runs it (`annotate`: the screen, in a terminal).
COMMANDS = {
    "stats": ("stats",),
    "agreement": ("agreement",),
    "accept": ("accept", "mk1", "--annotator", "bob"),
    "adjudicate": ("adjudicate", "--auto"),
    "suggest": ("suggest", "--all"),
    "evaluate": ("evaluate",),
    "assign": ("assign", "--annotators", "a,b", "--overlap", "1"),
    "export": ("export", "--annotator", "alice", "-o", "out.jsonl"),
    "ingest": ("ingest", "s.txt", "--no-suggest"),
    "pack": ("pack", "--annotator", "alice", "-o", "pack.db"),
    "rename-annotator": ("rename-annotator", "alice", "alicia"),
    "annotate": ("annotate", "--annotator", "alice"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """base.db: two articles ingested with suggestions, alice's accepted (events with their rows), as a backup."""
    folder = tmp_path_factory.mktemp("base")
    (folder / "some.jsonl").write_text(ARTICLES, encoding="utf-8")
    for args in (("ingest", "some.jsonl"), ("accept", "--annotator", "alice")):
        done = annotator(*args, "--db", "team.db", cwd=folder)
        assert done.returncode == 0, done.stderr
    with closing(sqlite3.connect(folder / "team.db")) as team, closing(sqlite3.connect(folder / "base.db")) as copy:
        team.backup(copy)  # sqlite3 team.db ".backup base.db"
    return folder / "base.db"


def flipped(base: Path, folder: Path, where: bytes, at: int) -> Path:
    """t3.db: base.db with the high bit of one byte flipped, `at` bytes into the first `where` in the file."""
    data = bytearray(base.read_bytes())
    index = data.find(where)
    assert index >= 0 and data.find(where, index + 1) == -1
    data[index + at] ^= 0x80
    (folder / "t3.db").write_bytes(bytes(data))
    (folder / "s.txt").write_text("Paris is in France, said Ann.\n", encoding="utf-8")
    return folder / "t3.db"


TEXT = (
    "t3.db: column 'text' holds text that is not UTF-8 ('Washington said the ma\u27e80xF9\u27e9or of Boston, Mar'... (70 "
    "characters)); it was left as it is: `annotator check --db t3.db` names the rows"
)


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_a_flipped_bit_in_an_articles_text_is_refused_by_every_command_writing_nothing(
    base: Path, tmp_path: Path, command: str
) -> None:
    damaged = flipped(base, tmp_path, b"mayor of Boston", 2)
    before = sha256(damaged)
    result = annotator(*COMMANDS[command], "--db", "t3.db", cwd=tmp_path, terminal=command == "annotate", timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    if command == "annotate":  # the screen's terminal: the line, then the screen never started
        assert result.returncode == 1 and f"annotator: error: {TEXT}\n" in result.stderr, result.stderr
    else:
        assert one_error_line(result) == TEXT
    assert sha256(damaged) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.txt", "t3.db"]


def test_check_still_names_the_row(base: Path, tmp_path: Path) -> None:
    damaged = flipped(base, tmp_path, b"mayor of Boston", 2)
    before = sha256(damaged)
    assert one_error_line(annotator("check", "--db", "t3.db", cwd=tmp_path)) == (
        "t3.db: problem 1 of 1: table 'articles', column 'text', rowid 1: not UTF-8 text: "
        "'Washington said the ma\u27e80xF9\u27e9or of Boston, Mar'..."
    )
    assert sha256(damaged) == before


@pytest.mark.parametrize("command", ["stats", "ingest", "annotate"])
def test_a_bad_byte_in_an_events_after_is_refused_writing_nothing(base: Path, tmp_path: Path, command: str) -> None:
    damaged = flipped(base, tmp_path, b'"text":"Boris Johnson","speaker_start"', 8)  # in mk2's accept event's after
    before = sha256(damaged)
    result = annotator(*COMMANDS[command], "--db", "t3.db", cwd=tmp_path, terminal=command == "annotate", timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    line = (
        result.stderr.strip().splitlines()[-1]
        if command == "annotate"
        else f"annotator: error: {one_error_line(result)}"
    )
    assert line.startswith("annotator: error: t3.db: column 'after' holds text that is not UTF-8 ("), result.stderr
    assert line.endswith("); it was left as it is: `annotator check --db t3.db` names the rows")
    assert result.returncode == 1
    assert sha256(damaged) == before


def test_the_check_it_names_is_quoted_to_run_as_pasted(base: Path, tmp_path: Path) -> None:
    """A database at a path with a space: the `check` the line gives pasted reads that file, not 'my' and 'dir/...'
    (the sweep of commands given to paste after a newcomer's trial of `train --db 'my dir/annotations.db'`)."""
    damaged = flipped(base, tmp_path, b"mayor of Boston", 2)
    (tmp_path / "my dir").mkdir()
    damaged.rename(tmp_path / "my dir" / "t3.db")
    line = one_error_line(annotator("stats", "--db", "my dir/t3.db", cwd=tmp_path))
    assert line.endswith("; it was left as it is: `annotator check --db 'my dir/t3.db'` names the rows"), line
    pasted = shlex.split(line.split("`")[1])[1:]
    assert one_error_line(annotator(*pasted, cwd=tmp_path)).startswith(
        "my dir/t3.db: problem 1 of 1: table 'articles', column 'text', rowid 1: not UTF-8 text: "
    )

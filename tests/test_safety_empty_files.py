"""Issue 10, found by an attacker after the first round: a zero-byte file given as `--db` was taken over as a new
database (replaced by one of ours). A file annotator did not create is not annotator's, whatever its size: every
command refuses it with one line and leaves it as it was (its bytes, its mode, its inode). The real console
script on real files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line, screen_command, small_database

REFUSED = "x.db: an empty file, not a database annotator made; it was left as it is (remove it to create one there)"


def inode_and_mode(path: Path) -> tuple[int, int, int]:
    found = path.stat()
    return found.st_ino, found.st_size, found.st_mode


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "a.txt", "--no-suggest"],
        ["import", "alice.jsonl"],
        ["merge", "source.db"],
        ["annotate", "--annotator", "alice"],
        ["stats"],
        ["suggest"],
    ],
    ids=["ingest", "import", "merge", "annotate", "stats", "suggest"],
)
def test_a_zero_byte_file_as_db_is_refused_and_left_as_it_is(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    record = {"article_id": "a1", "text": "Ann said it rained in Paris.", "annotator": "alice",
              "spans": [{"start": 0, "end": 3, "label": "ACTOR", "text": "Ann"}]}  # fmt: skip
    (tmp_path / "alice.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    small_database(tmp_path / "source.db")
    empty = tmp_path / "x.db"
    empty.touch()
    empty.chmod(0o666)
    before, identity = folder_state(tmp_path), inode_and_mode(empty)
    assert (
        one_error_line(annotator(*command, "--db", "x.db", cwd=tmp_path, terminal=screen_command(command))) == REFUSED
    )
    assert (folder_state(tmp_path), inode_and_mode(empty)) == (before, identity)


def test_a_zero_byte_file_before_the_command_name_is_refused_too(tmp_path: Path) -> None:
    (tmp_path / "x.db").touch()
    assert one_error_line(annotator("--db", "x.db", cwd=tmp_path, terminal=True)) == REFUSED
    assert os.listdir(tmp_path) == ["x.db"]

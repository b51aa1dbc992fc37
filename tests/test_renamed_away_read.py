"""S11: a command that reads an annotator's work (`export`, `evaluate`, `agreement`, `adjudicate`, `train`, `pack`),
given a name `rename-annotator` moved all work from (Ana, after `rename-annotator Ana ana`), said "no annotations by
'Ana'" without naming the rename. The line says where the work went and the option to give, from one place
(`store.aliases.renamed_line`), following a chain of renames. Real console script, real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_support import build
from processes import annotator, one_error_line


@pytest.fixture
def renamed(tmp_path: Path) -> Path:
    """alice's two articles, renamed Ana, then ana."""
    build(tmp_path / "a.db").close()
    for old, new in (("alice", "Ana"), ("Ana", "ana")):
        assert annotator("rename-annotator", old, new, "--db", "a.db", cwd=tmp_path).returncode == 0
    return tmp_path


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (("export", "--annotator", "Ana", "-o", "x.jsonl"), "--annotator"),
        (("evaluate", "--annotator", "Ana"), "--annotator"),
        (("evaluate", "--gold-from", "Ana"), "--gold-from"),
        (("agreement", "--annotators", "Ana,bob"), "--annotators"),
        (("adjudicate", "--auto", "--annotators", "Ana"), "--annotators"),
        (("train", "--annotator", "Ana", "--out", "m"), "--annotator"),
        (("pack", "--annotator", "Ana", "-o", "p.db"), "--annotator"),
    ],
)
def test_a_renamed_away_name_is_named_with_its_rename(renamed: Path, command: tuple[str, ...], option: str) -> None:
    result = annotator(*command, "--db", "a.db", cwd=renamed)
    assert one_error_line(result) == f"'Ana' was renamed 'ana' (annotator rename-annotator): use {option} ana"
    assert sorted(path.name for path in renamed.iterdir()) == ["a.db"]


def test_a_chain_of_renames_is_followed(renamed: Path) -> None:
    result = annotator("export", "--annotator", "alice", "-o", "x.jsonl", "--db", "a.db", cwd=renamed)
    assert one_error_line(result) == "'alice' was renamed 'ana' (annotator rename-annotator): use --annotator ana"


def test_a_name_never_stored_is_said_as_before(renamed: Path) -> None:
    result = annotator("export", "--annotator", "bob", "-o", "x.jsonl", "--db", "a.db", cwd=renamed)
    assert one_error_line(result) == "no annotations by 'bob' to export (in the database: ana)"

"""Re-trial s56 t13 G4: `--annotator` given twice, where it takes one name, took the last without a word (click's
way): `export --annotator ana --annotator bob` wrote bob's work alone. It is now a one-line usage error naming the
option and both names, for every command that takes one (`cli.once.GivenOnce`), and nothing is written; options
given once a name on purpose (`--annotators`) still take each. Real console script, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line


@pytest.fixture
def team(tmp_path: Path) -> Path:
    texts = [{"id": "a1", "text": "Ann met Bob in Lyon."}, {"id": "a2", "text": "Carla flew to Rome."}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
    assert annotator("ingest", "a.jsonl", "--db", "t.db", cwd=tmp_path).returncode == 0
    for who in ("ana", "bob"):
        assert annotator("accept", "--done", "--annotator", who, "--db", "t.db", cwd=tmp_path).returncode == 0
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "-o", "out.jsonl"],
        ["evaluate"],
        ["train", "--out", "model"],
        ["accept"],
        ["pack", "-o", "p.db"],
        ["import", "a.jsonl"],
        ["annotate"],
    ],
)
def test_a_second_annotator_is_one_line_naming_both(team: Path, command: list[str]) -> None:
    before = folder_state(team)
    result = annotator(*command, "--annotator", "ana", "--annotator", "bob", "--db", "t.db", cwd=team)
    assert one_error_line(result) == "--annotator given twice ('ana', 'bob'); it takes one name"
    assert folder_state(team) == before


def test_three_and_the_equals_form_are_counted(team: Path) -> None:
    result = annotator("export", "--annotator=ana", "--annotator", "bob", "--annotator=ana", "--db", "t.db", cwd=team)
    assert one_error_line(result) == "--annotator given 3 times ('ana', 'bob', 'ana'); it takes one name"


def test_before_the_command_too(team: Path) -> None:
    result = annotator("--annotator", "ana", "--annotator", "bob", "stats", "--db", "t.db", cwd=team)
    assert one_error_line(result) == "--annotator given twice ('ana', 'bob'); it takes one name"


def test_once_is_as_before_and_annotators_may_repeat(team: Path) -> None:
    assert annotator("export", "--annotator", "bob", "-o", "out.jsonl", "--db", "t.db", cwd=team).returncode == 0
    assert len((team / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    result = annotator("agreement", "--annotators", "ana", "--annotators", "bob", "--db", "t.db", cwd=team)
    assert result.returncode == 0, result.stderr


def test_reviewer_and_db_twice_too(team: Path) -> None:
    """Re-trial s57 t15 F3: `adjudicate --auto --reviewer r1 --reviewer r2` stored r2 as the reviewer, and `--db`
    twice used the last file, without a word."""
    before = folder_state(team)
    result = annotator("adjudicate", "--auto", "--reviewer", "r1", "--reviewer", "r2", "--db", "t.db", cwd=team)
    assert one_error_line(result) == "--reviewer given twice ('r1', 'r2'); it takes one name"
    result = annotator("stats", "--db", "t.db", "--db", "other.db", cwd=team)
    assert one_error_line(result) == "--db given twice ('t.db', 'other.db'); it takes one file"
    assert folder_state(team) == before


def test_before_and_after_the_command_both_named(team: Path) -> None:
    """Re-trial s57 t15 F3: `annotator --annotator ana export --annotator bob` exported bob's work: the option
    after the command won without a word. Two different values, one each side, are refused; the same twice is
    one value, and one side alone is as before."""
    before = folder_state(team)
    result = annotator(
        "--annotator", "ana", "export", "--annotator", "bob", "-o", "out.jsonl", "--db", "t.db", cwd=team
    )
    assert one_error_line(result) == "--annotator given twice ('ana', 'bob'); it takes one name"
    result = annotator("--db", "t.db", "stats", "--db", "other.db", cwd=team)
    assert one_error_line(result) == "--db given twice ('t.db', 'other.db'); it takes one file"
    assert folder_state(team) == before
    result = annotator(
        "--annotator", "bob", "export", "--annotator", "bob", "-o", "out.jsonl", "--db", "t.db", cwd=team
    )
    assert result.returncode == 0, result.stderr
    assert annotator("--db", "t.db", "stats", cwd=team).returncode == 0


UNCHECKED = (
    "annotator: note: on 2 of the 2 article(s) compared, every annotator's work is the model's suggestions unchanged "
    "(accepted as suggested, on the screen or by `annotator accept`): the gold settled there is the model's "
    "suggestions, unchecked\n"
)


def test_the_same_value_twice_on_one_side_is_one_value_as_across_sides(team: Path) -> None:
    """Trial s58 t16 F6: `--reviewer=carol --reviewer carol` was refused as given twice ('carol', 'carol') while
    `--annotator carol` before the command and again after it was taken: one value given twice is one value."""
    result = annotator("adjudicate", "--auto", "--reviewer=carol", "--reviewer", "carol", "--db", "t.db", cwd=team)
    assert (result.returncode, result.stderr) == (0, UNCHECKED)
    result = annotator("export", "--annotator", "ana", "--annotator=ana", "-o", "x.jsonl", "--db", "t.db", cwd=team)
    assert (result.returncode, result.stderr) == (0, "")
    assert len((team / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["export", "-o", "x4.jsonl", "--output", "x5.jsonl"], "--output given twice ('x4.jsonl', 'x5.jsonl')"),
        (["pack", "--annotator", "ana", "-o", "p1.db", "-o", "p2.db"], "--output given twice ('p1.db', 'p2.db')"),
        (["train", "--out", "m1", "--out", "m2"], "--out given twice ('m1', 'm2')"),
    ],
)
def test_an_output_given_twice_is_one_line_and_nothing_is_written(team: Path, command: list[str], said: str) -> None:
    """Trial s58 t16 F6: `export -o x4.jsonl -o x5.jsonl` wrote x5.jsonl alone, without a word."""
    before = folder_state(team)
    result = annotator(*command, "--db", "t.db", cwd=team)
    assert one_error_line(result) == f"{said}; it takes one path"
    assert folder_state(team) == before


def test_one_path_spelled_two_ways_is_one_value(team: Path) -> None:
    """Trial s58 t17 F4: `--db t.db --db ./t.db` and `-o x.jsonl --output ./x.jsonl` were refused as two values."""
    given = ("-o", "x.jsonl", "--output", "./x.jsonl", "--db", "t.db", "--db", "./t.db", "--annotator", "ana")
    result = annotator("export", *given, cwd=team)
    assert (result.returncode, result.stderr) == (0, "")
    assert len((team / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 2

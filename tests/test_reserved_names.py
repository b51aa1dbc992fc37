"""A newcomer's finding: `annotator annotate --annotator gold` opened the screen as gold, and `import --annotator
gold` stored a file's work as gold: the adjudicated annotation, written by hand without review. Every command that
takes a name to do work under (annotate, import, assign, pack, serve, the reviewer of review and adjudicate, and
rename-annotator's NEW) refuses gold (in any case: "Gold" is exports/Gold.jsonl, one file with exports/gold.jsonl
where case is folded),
empty names, names with white space at their ends and control characters, in one line naming the option, before
any database is opened. Reading commands (`export --annotator gold`) still read gold. Real processes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database

RESERVED = (
    "is reserved: gold, the adjudicated annotation, is written only by `annotator review` and `annotator "
    "adjudicate --auto`; work under a name of your own"
)


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A database with alice's finished work, and her native export to import."""
    db = tmp_path / "team.db"
    small_database(db)
    assert annotator("export", "--annotator", "alice", "-o", tmp_path / "alice.jsonl", "--db", db).returncode == 0
    return db


def rows(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT annotator, status FROM annotations UNION ALL SELECT annotator, 'assigned' FROM assignments "
            "ORDER BY 1, 2"
        ).fetchall()


def commands(tmp_path: Path, db: Path, name: str) -> dict[str, tuple[list[str | Path], str]]:
    """Each command that works under a name, given `name`, and the option it is given with."""
    return {
        "annotate": (["annotate", "--annotator", name, "--db", db], "--annotator"),
        "import": (["import", tmp_path / "alice.jsonl", "--annotator", name, "--db", db], "--annotator"),
        "assign": (["assign", "--annotators", f"alice,{name}", "--db", db], "--annotators"),
        "pack": (["pack", "--annotator", name, "-o", tmp_path / "pack.db", "--db", db], "--annotator"),
        "serve": (["serve", "--annotator", name, "--db", db, "--port", "1"], "--annotator"),
        "review": (["review", "--reviewer", name, "--db", db], "--reviewer"),
        "adjudicate": (["adjudicate", "--auto", "--reviewer", name, "--db", db], "--reviewer"),
        "rename-annotator": (["rename-annotator", "alice", name, "--db", db], "NEW"),
    }


COMMANDS = ["annotate", "import", "assign", "pack", "serve", "review", "adjudicate", "rename-annotator"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", ["gold", "Gold"])
def test_gold_is_refused_to_every_command_that_works_under_a_name(
    team: Path, tmp_path: Path, command: str, name: str
) -> None:
    before = rows(team)
    args, option = commands(tmp_path, team, name)[command]
    assert one_error_line(annotator(*args, cwd=tmp_path, timeout=60)) == f"{option}: {name!r} {RESERVED}"
    assert rows(team) == before
    assert not (tmp_path / "pack.db").exists()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "an annotator's name may not be empty"),
        ("   ", "an annotator's name may not begin or end with white space: '   '"),
        ("bob\x1b[2J", "an annotator's name may not contain a control character: 'bob\\x1b[2J'"),
        ("model:entities.v4", "'model:entities.v4' names the model's suggestions, not an annotator"),
    ],
    ids=["empty", "white space", "control character", "model"],
)
def test_a_name_no_one_can_have_is_refused_naming_the_option(
    team: Path, tmp_path: Path, command: str, name: str, problem: str
) -> None:
    before = rows(team)
    args, option = commands(tmp_path, team, name)[command]
    if command == "assign" and not name.strip():  # names are stripped after commas: "alice, bob"
        args, problem = (
            ["assign", "--annotators", f"alice,{name}", "--db", team],
            "an annotator's name may not be empty",
        )
    assert one_error_line(annotator(*args, cwd=tmp_path, timeout=60)) == f"{option}: {problem}"
    assert rows(team) == before


def test_a_records_own_name_gold_still_imports(team: Path, tmp_path: Path) -> None:
    """`export --gold` of one database imported into another is gold moving between files, as `merge` moves it:
    the file names gold, nobody typed it."""
    record = json.loads((tmp_path / "alice.jsonl").read_text(encoding="utf-8"))
    (tmp_path / "gold.jsonl").write_text(json.dumps({**record, "annotator": "gold"}) + "\n", encoding="utf-8")
    result = annotator("import", tmp_path / "gold.jsonl", "--db", team)
    assert (result.returncode, result.stderr) == (0, "")
    assert ("gold", "done") in rows(team)


def test_reading_commands_still_read_gold(team: Path, tmp_path: Path) -> None:
    record = json.loads((tmp_path / "alice.jsonl").read_text(encoding="utf-8"))
    (tmp_path / "gold.jsonl").write_text(json.dumps({**record, "annotator": "gold"}) + "\n", encoding="utf-8")
    assert annotator("import", tmp_path / "gold.jsonl", "--db", team).returncode == 0
    result = annotator("export", "--annotator", "gold", "-o", "-", "--db", team)
    assert (result.returncode, result.stderr) == (0, "1 record(s) written\n")
    assert [json.loads(line)["annotator"] for line in result.stdout.splitlines()] == ["gold"]
    gold = annotator("export", "--gold", "-o", "-", "--db", team)
    assert gold.stdout == result.stdout

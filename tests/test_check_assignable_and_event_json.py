"""An attacker's trial (store 32): two ways a database `check` should refuse got through.

F1: an assignment to a name nobody may be assigned (gold, the adjudicated annotation; a `model:` name, the
model's suggestions: `annotator assign` refuses both) passed `check` when a forged `assign` event made it, and a
`merge` copied an assignment row for a `model:` name that `check` refused (its replay left model names out), then
wrote its own `assign` event, so the target passed `check`.
F3: an event whose `before` or `after` is not the JSON object its action writes (a list, a string, null, no JSON,
spans that are no rows) crashed `check` and `merge` with a traceback.

The real console script makes the databases and runs check and merge; the real sqlite3 module is the other
program that tampers with a row."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from attack_support import ARTICLES
from processes import annotator, one_error_line
from test_merge_rows_unexplained import ok, source, target, team
from test_merge_rows_unexplained import refused as merge_refused

__all__ = ["source", "target"]  # fixtures of the merge-rows tests, on this module's template

MODEL = "model:entities.v16+quotes.v4"
AT = "2026-12-03T19:00:00.000000Z"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """src.db: ingested with suggestions, alice accepts all and is done, assigned to alice and bob; alice.db, her
    pack; team.db, another team's database."""
    folder = tmp_path_factory.mktemp("made")
    arts = folder / "arts.jsonl"
    arts.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    ok("ingest", arts, "--db", folder / "src.db", cwd=folder)
    ok("accept", "--annotator", "alice", "--done", "--db", folder / "src.db", cwd=folder)
    ok("assign", "--annotators", "alice,bob", "--overlap", "2", "--db", folder / "src.db", cwd=folder)
    ok("pack", "--annotator", "alice", "-o", folder / "alice.db", "--db", folder / "src.db", cwd=folder)
    team(folder)
    return folder


def another_program(db: Path, *statements: str) -> None:
    with closing(sqlite3.connect(db)) as connection, connection:
        for statement in statements:
            assert connection.execute(statement).rowcount == 1, statement


def check_lines(db: Path) -> list[str]:
    result = annotator("check", "--db", db)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert all(re.match(rf"annotator: error: {re.escape(str(db))}: problem \d+ of {len(lines)}: ", x) for x in lines)
    return [re.sub(r"^.*?: problem \d+ of \d+: ", "", line) for line in lines]


def refused(source: Path, target: Path) -> str:
    """The one line `merge` refused `source` with (both files left byte for byte: `merge_refused`), which sends
    the reader to `check`."""
    line = merge_refused(source, target)
    assert line.startswith(f"{source}: ") and line.endswith(f"(annotator check --db {source} lists every problem)")
    return line


def _forged_assignment(name: str) -> tuple[str, str]:
    """An `assign` event and its row for `name`, both copied from alice's assignment of a1: they match."""
    event = f"""INSERT INTO events (article_id, annotator, action, before, after, target, at)
                SELECT article_id, '{name}', action, before, after, target, at FROM events
                WHERE action = 'assign' AND article_id = 'a1' AND annotator = 'alice'"""
    row = f"""INSERT INTO assignments SELECT article_id, '{name}', position, batch, assigned_at FROM assignments
              WHERE article_id = 'a1' AND annotator = 'alice'"""
    return event, row


# -- F1: assignments to a name that cannot be assigned ---------------------------------------------------------


def test_a_model_s_assignment_no_event_made_is_found_and_refused(template: Path, target: Path, tmp_path: Path) -> None:
    """The attacker's reproduction: alice's pack with a `model:` name's assignment row added."""
    pack = Path(shutil.copy(template / "alice.db", tmp_path / "src1.db"))
    another_program(pack, f"INSERT INTO assignments VALUES ('a1', '{MODEL}', 1, 1, '{AT}')")
    lines = check_lines(pack)
    assert any(f"annotator {MODEL!r}: no `assign` event made it" in line for line in lines), lines
    assert any("names the model's suggestions, not an annotator to assign articles to" in line for line in lines)
    line = refused(pack, target)
    assert MODEL in line, line
    original = Path(shutil.copy(template / "src.db", tmp_path / "src.db"))
    assert MODEL in refused(pack, original)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("gold", "'gold' is the adjudicated annotation, not an annotator to assign articles to"),
        (MODEL, f"{MODEL!r} names the model's suggestions, not an annotator to assign articles to"),
    ],
)
def test_a_forged_assign_event_and_its_row_for_a_name_nobody_assigns(source: Path, target: Path, name: str,
                                                                        why: str) -> None:  # fmt: skip
    another_program(source, *_forged_assignment(name))
    lines = check_lines(source)
    assert lines == [f"table 'assignments', article 'a1', annotator {name!r}: {why}"], lines
    assert why in refused(source, target)


def test_an_assign_event_for_gold_taken_back_is_still_found(source: Path, target: Path) -> None:
    """No row stays, but the log says gold was assigned an article: no command writes that."""
    event, _ = _forged_assignment("gold")
    taken_back = f"""INSERT INTO events (article_id, annotator, action, before, after, target, at)
                     VALUES ('a1', 'gold', 'unassign', '{{"assignment":{{"position":1,"batch":1}}}}', '{{"by":"alice"}}',
                             NULL, '{AT}')"""
    another_program(source, event, taken_back)
    lines = check_lines(source)
    assert len(lines) == 1 and re.fullmatch(
        r"table 'events', event \d+, article 'a1', annotator 'gold': an `assign` event, but 'gold' is the "
        r"adjudicated annotation, not an annotator to assign articles to",
        lines[0],
    ), lines
    refused(source, target)


def test_assign_still_refuses_those_names(source: Path) -> None:
    for name in ("gold", MODEL):
        line = one_error_line(annotator("assign", "--annotators", f"alice,{name}", "--overlap", "1", "--db", source))
        assert name in line, line


# -- F3: event JSON no command writes --------------------------------------------------------------------------

DAMAGED = [
    ("assign", "before", "{}", "after", "[]", "not a JSON object: '[]'"),
    ("assign", "before", "{}", "after", '"x"', "not a JSON object: '\"x\"'"),
    ("assign", "before", "{}", "after", "null", "not a JSON object: 'null'"),
    ("assign", "before", "{}", "after", "notjson", "not JSON: 'notjson'"),
    ("add", "after", "{}", "before", "[1]", "not a JSON object: '[1]'"),
    ("add", "before", "{}", "after", '{"spans": 3}', "'spans' is not a list"),
    ("add", "before", "{}", "after", '{"spans": [7]}', "span 0 of 'spans' is not a JSON object"),
    ("add", "before", "{}", "after", '{"spans": [{"id": [1]}]}', "span 0 of 'spans': 'id' is [1], not a whole number"),
    ("add", "before", "{}", "after", '{"decisions": [{"suggestion_id": {}, "decision": "accepted"}]}',
     "decision 0 of 'decisions': 'suggestion_id' is {}, not a whole number"),
    ("status", "before", "{}", "after", '{"status": 5}', "'status' is 5, not one of"),
    ("assign", "before", "{}", "after", '{"assignment": []}', "'assignment' is [], not a JSON object"),
    ("adjudicate", "before", '{"spans": []}', "after", '{"spans": []}', "'source' is missing"),
]  # fmt: skip


@pytest.mark.parametrize(("action", "fine", "fine_json", "column", "stored", "why"), DAMAGED)
def test_event_json_no_command_writes_is_found_and_refused(source: Path, target: Path, action: str, fine: str,
                                                           fine_json: str, column: str, stored: str,
                                                           why: str) -> None:  # fmt: skip
    with closing(sqlite3.connect(source)) as connection, connection:
        event = connection.execute(
            f"INSERT INTO events (article_id, annotator, action, {fine}, {column}, target, at) "
            "VALUES ('a1', 'alice', ?, ?, ?, NULL, ?)",
            [action, fine_json, stored, AT],
        ).lastrowid
    lines = check_lines(source)
    where = f"table 'events', column {column!r}, event {event} (article 'a1', annotator 'alice', action {action!r}): "
    damaged = [line for line in lines if line.startswith(where)]
    assert len(damaged) == 1 and why in damaged[0], lines
    assert where in refused(source, target)


def test_an_event_json_that_is_no_text_is_found(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as connection, connection:
        event = connection.execute(
            "INSERT INTO events (article_id, annotator, action, before, after, target, at) "
            "VALUES ('a1', 'alice', 'add', X'7b7d', 12, NULL, ?)",
            [AT],
        ).lastrowid
    lines = check_lines(source)
    assert any(line.startswith(f"table 'events', column 'before', event {event} ") for line in lines), lines
    assert any(line.startswith(f"table 'events', column 'after', event {event} ") for line in lines), lines
    refused(source, target)


def test_the_tool_s_own_database_and_pack_still_pass_and_merge(template: Path, target: Path, tmp_path: Path) -> None:
    for name in ("src.db", "alice.db"):
        assert annotator("check", "--db", template / name).returncode == 0
    pack = Path(shutil.copy(template / "alice.db", tmp_path / "alice.db"))
    ok("merge", pack, "--db", target, cwd=tmp_path)
    assert annotator("check", "--db", target).returncode == 0


def test_merge_refuses_where_its_own_event_json_is_damaged(template: Path, tmp_path: Path) -> None:
    """The target's log is read too, where their work continues ours (`merge._fast_forward`): an event of ours
    that is no JSON object is named in one line, and nothing is merged."""
    source = Path(shutil.copy(template / "src.db", tmp_path / "src.db"))
    target = Path(shutil.copy(template / "src.db", tmp_path / "ours.db"))
    for number, end in enumerate((5, 11)):
        record = {"article_id": "a2", "text": ARTICLES[1]["text"], "annotator": "bob", "status": "in_progress",
                  "spans": [{"start": 0, "end": end, "label": "ACTOR", "text": ARTICLES[1]["text"][:end]}]}  # fmt: skip
        records = tmp_path / f"bob{number}.jsonl"
        records.write_text(json.dumps(record) + "\n", encoding="utf-8")
        ok("import", records, "--replace", "--db", source, cwd=tmp_path)
    with closing(sqlite3.connect(source)) as connection:
        at = connection.execute("SELECT at FROM events WHERE action = 'import' AND annotator = 'bob'").fetchone()[0]
    with closing(sqlite3.connect(target)) as connection, connection:
        event = connection.execute(
            "INSERT INTO events (article_id, annotator, action, before, after, target, at) "
            "VALUES ('a2', 'bob', 'import', '{}', '[]', NULL, ?)",
            [at],
        ).lastrowid
    before = target.read_bytes()
    line = one_error_line(annotator("merge", source, "--db", target))
    assert line.startswith(f"{target}: table 'events', column 'after', event {event} (article 'a2', annotator 'bob'")
    assert target.read_bytes() == before

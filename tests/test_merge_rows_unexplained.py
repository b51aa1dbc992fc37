"""Rows the event log does not explain are `check`'s findings and refuse a `merge` source, as spans, statuses and
decisions the log does not replay to are (an attacker's trial of stop 31): an annotation's `updated_at` that no
event gives (a moment within the clock's tolerance wins every later "newer work" comparison of import for a day),
an annotation's `flag_reason` that no event set, and an assignment that no `assign` event made. A database the
tool made, through every command that writes those rows (import with a stamp, flagging with a reason, assign and
reassign, undo and redo, merge and merge again, pack and merge back), still passes both.

The real console script builds and merges the databases, on real files; the real sqlite3 module is the other
program that changes a row; undo and redo are the store's own (the screen's keys call them)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from attack_support import A1, ARTICLES
from processes import annotator, one_error_line

from annotator.store import Store
from annotator.vocabulary import utc_timestamp

FLAGGED = {
    "article_id": "a3",
    "text": ARTICLES[2]["text"],
    "annotator": "carol",
    "status": "flagged",
    "flag_reason": "the quote is cut short",
    "updated_at": "2026-11-30T09:00:00Z",
    "spans": [{"start": 19, "end": 30, "label": "ACTOR", "text": "Paolo Rossi"}],
}


def ok(*args: str | Path, cwd: Path) -> str:
    result = annotator(*args, cwd=cwd)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def made(folder: Path, name: str, annotators: str = "alice,bob") -> Path:
    """A database as a team makes one: ingested with suggestions, alice accepts them all and is done, every article
    assigned to two of the team (alice keeps hers: she started them), carol's flagged article (with its reason and
    stamp) imported."""
    folder.mkdir(exist_ok=True)
    db = folder / name
    arts = folder / "arts.jsonl"
    arts.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    flagged = folder / "flagged.jsonl"
    flagged.write_text(json.dumps(FLAGGED) + "\n", encoding="utf-8")
    ok("ingest", arts, "--db", db, cwd=folder)
    ok("accept", "--annotator", "alice", "--done", "--db", db, cwd=folder)
    ok("assign", "--annotators", annotators, "--overlap", "2", "--db", db, cwd=folder)
    ok("import", flagged, "--db", db, cwd=folder)
    return db


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """src.db (`made`) and team.db (dan's done article), made once for the module."""
    folder = tmp_path_factory.mktemp("made")
    made(folder, "src.db")
    team(folder)
    return folder


def team(folder: Path) -> Path:
    db = folder / "team.db"
    arts = folder / "team.jsonl"
    arts.write_text(json.dumps({"id": "t1", "title": "Team", "text": A1.replace("Paris", "Rome")}) + "\n")
    ok("ingest", arts, "--db", db, cwd=folder)
    ok("accept", "--annotator", "dan", "--done", "--db", db, cwd=folder)
    return db


@pytest.fixture
def source(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(template / "src.db", tmp_path / "src.db"))


@pytest.fixture
def target(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(template / "team.db", tmp_path / "team.db"))


def another_program(db: Path, statement: str, *params: object) -> None:
    with closing(sqlite3.connect(db)) as connection, connection:
        assert connection.execute(statement, params).rowcount == 1


def check_lines(db: Path) -> list[str]:
    result = annotator("check", "--db", db)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    heads = [
        re.match(rf"annotator: error: {re.escape(str(db))}: problem \d+ of {len(lines)}: ", line) for line in lines
    ]
    assert all(heads), lines
    return [re.sub(r"^.*?: problem \d+ of \d+: ", "", line) for line in lines]


def refused(source: Path, target: Path) -> str:
    """The one line `merge` refused `source` with; both files left byte for byte as they were."""
    before_source, before_target = source.read_bytes(), target.read_bytes()
    line = one_error_line(annotator("merge", source, "--db", target))
    assert source.read_bytes() == before_source
    assert target.read_bytes() == before_target
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(target.name)) == [target.name]
    return line


def rowid(db: Path, sql: str) -> int:
    with closing(sqlite3.connect(db)) as connection:
        return int(connection.execute(sql).fetchone()[0])


def test_an_updated_at_no_event_gives_is_found_and_refused(source: Path, target: Path) -> None:
    """A day's clock tolerance lets a stamp of 20 hours ahead through the moment checks: only the log tells it."""
    ahead = utc_timestamp(datetime.now(UTC) + timedelta(hours=20))
    another_program(source, "UPDATE annotations SET updated_at = ? WHERE article_id = 'a1' AND annotator = 'alice'",
                    ahead)  # fmt: skip
    expected = (
        f"table 'annotations', column 'updated_at', article 'a1', annotator 'alice': {ahead!r}, which no event gives"
    )
    lines = check_lines(source)
    assert [line for line in lines if "updated_at" in line] == [
        f"{expected} (its last edit, event {last_edit(source, 'a1', 'alice')}, was at {at_of(source, 'a1', 'alice')!r})"
    ]
    line = refused(source, target)
    assert line.startswith(f"{source}: {expected}") and line.endswith(
        f"; nothing was merged (annotator check --db {source} lists every problem)"
    )


def test_an_imported_stamp_moved_later_is_found(source: Path, target: Path) -> None:
    """Import stores the record's own stamp, which its event now records: a later one is no event's."""
    another_program(source, "UPDATE annotations SET updated_at = '2026-12-01T09:00:00Z' WHERE annotator = 'carol'")
    [line] = [line for line in check_lines(source) if "updated_at" in line]
    assert line.startswith(
        "table 'annotations', column 'updated_at', article 'a3', annotator 'carol': '2026-12-01T09:00:00Z', which no "
        "event gives (its last edit, event "
    ) and line.endswith("an import, stamped '2026-11-30T09:00:00.000000Z')")
    assert "column 'updated_at', article 'a3', annotator 'carol'" in refused(source, target)


def test_a_flag_reason_no_event_set_is_found_and_refused(source: Path, target: Path) -> None:
    another_program(source, "UPDATE annotations SET flag_reason = 'ask bob' WHERE annotator = 'carol'")
    expected = (
        "table 'annotations', column 'flag_reason', article 'a3', annotator 'carol': 'ask bob', but the event log "
        "says 'the quote is cut short'"
    )
    assert expected in check_lines(source)
    assert refused(source, target).startswith(f"{source}: {expected}; nothing was merged")


def test_a_flag_reason_on_an_article_nobody_flagged_is_found(source: Path, target: Path) -> None:
    """alice's done article never had a reason; nor did an article only opened (no event at all)."""
    another_program(source, "UPDATE annotations SET flag_reason = 'x' WHERE article_id = 'a2' AND annotator = 'alice'")
    expected = (
        "table 'annotations', column 'flag_reason', article 'a2', annotator 'alice': 'x', but the event log says none"
    )
    assert expected in check_lines(source)
    assert refused(source, target).startswith(f"{source}: {expected}")


def test_an_annotation_only_opened_with_a_reason_or_stamp_is_found(source: Path, target: Path) -> None:
    """A row the screen's cursor made (no event, to do): neither a reason nor a stamp of work is anyone's."""
    another_program(source, "INSERT INTO annotations (article_id, annotator, cursor, opened_at, flag_reason) "
                    "VALUES ('a1', 'erin', 0, '2026-12-01T09:00:00Z', 'y')")  # fmt: skip
    expected = (
        "table 'annotations', column 'flag_reason', article 'a1', annotator 'erin': 'y', but the event log says none"
    )
    assert expected in check_lines(source)
    assert refused(source, target).startswith(f"{source}: {expected}")


def test_an_assignment_no_event_made_is_found_and_refused(source: Path, target: Path) -> None:
    another_program(source, "INSERT INTO assignments (article_id, annotator, position, batch, assigned_at) "
                    "VALUES ('a1', 'mallory', 1, 1, '2026-12-01T09:00:00Z')")  # fmt: skip
    expected = "table 'assignments', article 'a1', annotator 'mallory': no `assign` event made it"
    assert expected in check_lines(source)
    assert refused(source, target).startswith(f"{source}: {expected}; nothing was merged")


def test_an_assignment_the_log_took_back_is_found(source: Path, target: Path) -> None:
    """bob's assignment of a2, taken back by `assign` (alice keeps the article she started, carol takes the other
    place), put back as a row."""
    ok("assign", "--annotators", "alice,carol", "--overlap", "2", "--db", source, cwd=source.parent)
    another_program(source, "INSERT INTO assignments (article_id, annotator, position, batch, assigned_at) "
                    "VALUES ('a2', 'bob', 2, 1, '2026-12-01T09:00:00Z')")  # fmt: skip
    expected = "table 'assignments', article 'a2', annotator 'bob': no `assign` event made it"
    assert expected in check_lines(source)
    assert refused(source, target).startswith(f"{source}: {expected}")


def test_an_assignment_whose_row_is_gone_is_found(source: Path, target: Path) -> None:
    another_program(source, "DELETE FROM assignments WHERE article_id = 'a1' AND annotator = 'bob'")
    expected = "table 'assignments', article 'a1', annotator 'bob': no row, but `assign` event "
    [line] = [line for line in check_lines(source) if line.startswith(expected)]
    assert line.endswith(" made it and no `unassign` event took it back")
    assert refused(source, target).startswith(f"{source}: {expected}")


def test_an_assignment_moved_in_a_queue_or_restamped_is_found(source: Path, target: Path) -> None:
    another_program(source, "UPDATE assignments SET position = 9 WHERE article_id = 'a1' AND annotator = 'bob'")
    who = "bob"
    expected = (
        f"table 'assignments', column 'position', article 'a1', annotator {who!r}: 9, but its `assign` event says 1"
    )
    assert expected in check_lines(source)
    assert refused(source, target).startswith(f"{source}: {expected}")
    another_program(source, "UPDATE assignments SET position = 1, assigned_at = ? WHERE article_id = 'a1' "
                    "AND annotator = 'bob'",
                    utc_timestamp(datetime.now(UTC) + timedelta(hours=20)))  # fmt: skip
    [line] = check_lines(source)
    assert line.startswith(f"table 'assignments', column 'assigned_at', article 'a1', annotator {who!r}: ")
    assert "column 'assigned_at', article 'a1'" in refused(source, target)


def last_edit(db: Path, article: str, who: str) -> int:
    return rowid(db, f"SELECT MAX(id) FROM events WHERE article_id = '{article}' AND annotator = '{who}' "
                     "AND action NOT IN ('assign', 'unassign', 'pack')")  # fmt: skip


def at_of(db: Path, article: str, who: str) -> str:
    with closing(sqlite3.connect(db)) as connection:
        sql = "SELECT at FROM events WHERE id = ?"
        return str(connection.execute(sql, [last_edit(db, article, who)]).fetchone()[0])


def passes(db: Path) -> None:
    result = annotator("check", "--db", db)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def test_a_database_the_tool_made_passes_check_and_merges(tmp_path: Path) -> None:
    """Every command that writes a stamp, a reason or an assignment, then merges of merges, a pack and its merge
    back: `check` passes each file, and each merge is taken."""
    source, target = made(tmp_path, "src.db"), team(tmp_path)
    with Store.open(source) as store:  # the screen's keys: flag with a reason, undo it, redo it, unflag
        store.set_status("a2", "bob", "flagged", "which Berlin?")
        store.undo("a2", "bob")
        store.redo("a2", "bob")
        store.set_status("a1", "alice", "flagged", "speaker unclear")
        store.undo("a1", "alice")
        store.undo("a3", "carol")  # carol's import taken back, then redone: the redo's own moment
        store.redo("a3", "carol")
    ok("assign", "--annotators", "bob,carol", "--overlap", "2", "--db", source, cwd=tmp_path)  # bob gives a3 back
    passes(source)
    ok("merge", source, "--db", target, cwd=tmp_path)
    passes(target)
    other = made(tmp_path / "other", "other.db", "carol,dan")
    ok("merge", other, "--db", target, cwd=tmp_path)  # carol's same import: unchanged; carol/dan assignments merged
    passes(target)
    pack = tmp_path / "bob.db"
    ok("pack", "--annotator", "bob", "-o", pack, "--db", target, cwd=tmp_path)
    passes(pack)
    with Store.open(pack) as store:
        store.set_status("a2", "bob", "done")
    ok("merge", pack, "--db", target, cwd=tmp_path)
    passes(target)
    again = tmp_path / "again.db"
    ok("ingest", tmp_path / "team.jsonl", "--db", again, cwd=tmp_path)
    ok("merge", target, "--db", again, cwd=tmp_path)  # a merge of a file holding merged assignments and stamps
    passes(again)


def as_an_earlier_release_left_it(db: Path, statement: str) -> None:
    """`statement` run on the event log as an earlier release wrote it (import events without the record's stamp,
    merged `assign` events without their moment): the append-only trigger set aside and made again as it was."""
    with closing(sqlite3.connect(db)) as connection, connection:
        sql = "SELECT sql FROM sqlite_master WHERE name = 'events_are_append_only_update'"
        trigger = connection.execute(sql).fetchone()[0]
        connection.execute("DROP TRIGGER events_are_append_only_update")
        connection.execute(statement)
        connection.execute(trigger)


def test_an_earlier_release_s_import_and_merged_assignments_pass(tmp_path: Path) -> None:
    """Their events recorded no stamp: an import's is held to no later than a day after the import (as import then
    refused), a merged assignment's to no later than a day after the merge."""
    source, target = made(tmp_path, "src.db"), team(tmp_path)
    ok("merge", source, "--db", target, cwd=tmp_path)
    as_an_earlier_release_left_it(
        source, "UPDATE events SET after = json_remove(after, '$.updated_at'), at = '2026-11-30T10:00:00.000000Z' "
        "WHERE action = 'import'"
    )  # fmt: skip
    as_an_earlier_release_left_it(
        target, "UPDATE events SET after = json_remove(after, '$.assignment.assigned_at') WHERE action = 'assign'"
    )
    passes(source)
    passes(target)
    ok("merge", source, "--db", target, cwd=tmp_path)
    passes(target)
    another_program(source, "UPDATE annotations SET updated_at = '2026-12-01T10:00:01Z' WHERE annotator = 'carol'")
    [line] = check_lines(source)
    assert line.startswith("table 'annotations', column 'updated_at', article 'a3', annotator 'carol': ")
    assert line.endswith("was an import at '2026-11-30T10:00:00.000000Z', which an earlier release did not record the "
                         "stamp of but took none later than a day after it)")  # fmt: skip

"""An attacker's findings on a fresh clone (names31b): reviewers' names and the names events carry were never
checked. `adjudicate --auto --reviewer 'аӀісе'` (all Cyrillic, where alice works) stored it; `review --reviewer`
took "g0ld" and "gold\\u2800"; `LOGNAME=$'al\\u200bice' annotator assign` stored `"by":"al\\u200bice"` in its
events, and `LOGNAME=gold` `"by":"gold"`; a database whose events name such a reviewer merged, and `check` said
ok. Now --reviewer enters by the rule --annotator does (against annotators and reviewers alike), a login stored as
a reviewer or an assigner too (one line naming LOGNAME/USER), and `check` and `merge` read the names in events.
Real console script, real SQLite.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from attack_support import made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line

ALICE_CYRILLIC = "\u0430\u04c0\u0456\u0441\u0435"
LOOKS = (
    f"{ALICE_CYRILLIC!r} looks like 'alice', who has work or an assignment in this database (a name of its own may "
    "not look like another's)"
)


def reviewers(db: Path) -> set[object]:
    sql = "SELECT json_extract(after, '$.reviewer') FROM events WHERE json_extract(after, '$.reviewer') IS NOT NULL"
    return {name for (name,) in rows(db, sql)}


def test_adjudicate_refuses_a_reviewer_who_looks_like_an_annotator(work: Path) -> None:  # noqa: F811
    result = annotator("adjudicate", "--auto", "--annotators", "alice", "--reviewer", ALICE_CYRILLIC, "--db", "base.db", cwd=work)  # fmt: skip
    assert (result.returncode, one_error_line(result)) == (1, f"--reviewer: {LOOKS}")
    assert reviewers(work / "base.db") == set()
    ok("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "carol", "--db", "base.db", cwd=work)
    assert reviewers(work / "base.db") == {"carol"}
    # A name that only reviews is a name here: "сагоӀ" (all Cyrillic) is refused beside carol.
    result = annotator("assign", "--annotators", "\u0441\u0430\u0433\u043e\u04c0", "--db", "base.db", cwd=work)
    assert "looks like 'carol'" in one_error_line(result)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (ALICE_CYRILLIC, LOOKS),
        ("g0ld", "'g0ld' looks like 'gold': a record of gold names it 'gold', and a person works under a name of their own"),
        ("gold\u2800", r"an annotator's name may part its words only with a space (U+0020), no other blank character: 'gold\u2800' has U+2800"),
    ],
)  # fmt: skip
def test_review_refuses_such_a_reviewer_before_its_screen(work: Path, name: str, problem: str) -> None:  # noqa: F811
    result = annotator("review", "--annotators", "alice", "--reviewer", name, "--db", "base.db", cwd=work)
    assert (result.returncode, one_error_line(result)) == (1, f"--reviewer: {problem}")


@pytest.mark.parametrize(
    ("login", "problem"),
    [
        ("al\u200bice", r"an annotator's name may not contain an invisible character: 'al\u200bice' has U+200B"),
        ("gold", "'gold' is reserved"),
        (ALICE_CYRILLIC, LOOKS),
    ],
)
def test_assign_refuses_a_login_that_is_no_name_to_store(work: Path, login: str, problem: str) -> None:  # noqa: F811
    result = annotator(
        "assign", "--annotators", "bob", "--db", "base.db", cwd=work, env={"LOGNAME": login, "USER": login}
    )
    line = one_error_line(result)
    assert line.startswith(f"your login name (LOGNAME/USER): {problem}"), line
    assert rows(work / "base.db", "SELECT count(*) FROM events WHERE action = 'assign'") == [(0,)]


def test_adjudicate_refuses_a_login_reviewer_saying_to_give_the_option(work: Path) -> None:  # noqa: F811
    result = annotator("adjudicate", "--auto", "--annotators", "alice", "--db", "base.db", cwd=work, env={"LOGNAME": "g0ld", "USER": "g0ld"})  # fmt: skip
    line = one_error_line(result)
    assert line.startswith("your login name (LOGNAME/USER): 'g0ld' looks like 'gold'"), line
    assert line.endswith(": give --reviewer NAME")


def renamed_in_events(db: Path, old: str, new: str) -> None:
    """What another program may do: rewrite a name in the events' data (the log's triggers dropped and remade)."""
    with closing(sqlite3.connect(db)) as connection, connection:
        triggers = [sql for (sql,) in connection.execute("SELECT sql FROM sqlite_master WHERE name LIKE 'events_are%'")]
        connection.execute("DROP TRIGGER events_are_append_only_update")
        connection.execute("UPDATE events SET after = replace(after, ?, ?)", [json.dumps(old), json.dumps(new)])
        for sql in triggers:
            if "UPDATE" in sql.split("ON")[0]:
                connection.execute(sql)


@pytest.mark.parametrize("field", ["reviewer", "by"])
def test_check_and_merge_read_the_names_in_events(work: Path, field: str) -> None:  # noqa: F811
    source = work / "source.db"
    source.write_bytes((work / "base.db").read_bytes())
    if field == "reviewer":
        ok("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "carol", "--db", source, cwd=work)
    else:
        annotator("assign", "--annotators", "bob", "--db", source, cwd=work, env={"LOGNAME": "carol", "USER": "carol"})
    assert ok("check", "--db", source, cwd=work)
    renamed_in_events(source, "carol", ALICE_CYRILLIC)
    result = annotator("check", "--db", source, cwd=work)
    assert result.returncode == 1 and ALICE_CYRILLIC in result.stdout + result.stderr, (result.stdout, result.stderr)
    assert "looks like 'alice'" in result.stdout + result.stderr
    before = rows(work / "empty.db", "SELECT count(*) FROM events")
    result = annotator("merge", source, "--db", "empty.db", cwd=work)
    assert result.returncode != 0 and "looks like 'alice'" in result.stderr, (result.stdout, result.stderr)
    assert rows(work / "empty.db", "SELECT count(*) FROM events") == before


def test_merge_refuses_a_reviewer_who_looks_like_one_of_the_targets_names(work: Path) -> None:  # noqa: F811
    carol_cyrillic = "\u0441\u0430\u0433\u043e\u04c0"
    source = work / "source.db"
    source.write_bytes((work / "base.db").read_bytes())
    ok("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "carol", "--db", source, cwd=work)
    renamed_in_events(source, "carol", carol_cyrillic)
    assert ok("check", "--db", source, cwd=work)  # alone, сагоӀ is a name like any
    assigned = annotator("assign", "--annotators", "carol", "--db", "base.db", cwd=work, env={"LOGNAME": "dave", "USER": "dave"})  # fmt: skip
    assert assigned.returncode == 0, assigned.stderr
    before = rows(work / "base.db", "SELECT count(*) FROM events")
    result = annotator("merge", source, "--db", "base.db", cwd=work)
    assert result.returncode != 0 and f"{carol_cyrillic!r} looks like 'carol'" in result.stderr, result.stderr
    assert rows(work / "base.db", "SELECT count(*) FROM events") == before

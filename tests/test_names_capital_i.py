"""An attacker's finding (look32): capital I for l got past every look-alike border. The comparison case-folded
before taking the UTS #39 skeleton, so "aIice" was "aiice" and the I->l confusable was lost, while "Alice", "a1ice"
and the fullwidth "ａｌｉｃｅ" were refused: "aIice" beside alice and "caroI" beside carol imported, `accept
--annotator aIice` and `goId` (gold's look-alike) worked, and so did Label Studio's completed_by, merge and check.
Now two names look alike when their skeletons match after case-folding or before it. A name that looks like the
model's (`mode1:...`, fullwidth `ｍodel:...`) is nobody's either. Real native and Label Studio exports, the real
console script, real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from attack_support import made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line
from test_import_name_sources import server_tasks
from test_merge_names_checked import article_ids, ingest, ours, theirs  # noqa: F401  (the fixtures)
from test_names_look_alike import annotators, named

from annotator.store import Store

OWN = "(a name of its own may not look like another's)"
WORKING = "who has work or an assignment in this database"
GOLD_LIKE = "looks like 'gold': a record of gold names it 'gold', and a person works under a name of their own"
PAIRS = [("aIice", "alice"), ("caroI", "carol"), ("AIice", "alice")]


@pytest.mark.parametrize(("name", "other"), PAIRS)
def test_an_import_of_a_capital_i_for_an_l_is_refused(work: Path, name: str, other: str) -> None:  # noqa: F811
    if other != "alice":
        ok("accept", "--annotator", other, "a2", "--db", "base.db", cwd=work)
    before = annotators(work / "base.db")
    named(work, name)
    assert one_error_line(annotator("import", "n.jsonl", "--db", "base.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {name!r} looks like {other!r}, {WORKING} {OWN}"
    )
    assert annotators(work / "base.db") == before


def test_accept_under_a_capital_i_for_an_l_is_refused(work: Path) -> None:  # noqa: F811
    assert one_error_line(annotator("accept", "--annotator", "aIice", "a3", "--db", "base.db", cwd=work)) == (
        f"'aIice' looks like 'alice', {WORKING} {OWN}; nothing was accepted"
    )
    assert one_error_line(annotator("accept", "--annotator", "goId", "a3", "--db", "base.db", cwd=work)) == (
        f"--annotator: 'goId' {GOLD_LIKE}"
    )
    assert annotators(work / "base.db") == ["alice"]


def test_a_record_of_a_capital_i_gold_is_refused(work: Path) -> None:  # noqa: F811
    named(work, "GoId")
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': 'GoId' {GOLD_LIKE}"
    )


def test_a_label_studio_completer_with_a_capital_i_is_refused(work: Path) -> None:  # noqa: F811
    server_tasks(work, {"id": 3, "email": "aIice"})
    line = one_error_line(annotator("import", "server.json", "--format", "labelstudio", "--db", "base.db", cwd=work))
    assert (
        line
        == f"server.json:1: record 1: field 'annotations[0].completed_by': 'aIice' looks like 'alice', {WORKING} {OWN}"
    )
    assert annotators(work / "base.db") == ["alice"]


def test_merge_refuses_and_check_names_a_capital_i_for_an_l(ours: Path, theirs: Path) -> None:  # noqa: F811
    with Store.open(ours) as store:
        store.set_status("ann", "alice", "done")
    with Store.open(theirs) as store:
        store.set_status("rome", "aIice", "done")
    before = theirs.read_bytes()
    assert one_error_line(annotator("merge", theirs, "--db", ours)) == (
        f"{theirs}: table 'annotations': article 'rome': 'aIice' looks like 'alice', {WORKING} {OWN}; nothing was merged"
    )
    assert article_ids(ours) == ["ann"]
    assert theirs.read_bytes() == before
    with Store.open(theirs) as store:  # the name stored later is the one named
        store.set_status("porto", "alice", "done")
    assert one_error_line(annotator("check", "--db", theirs)) == (
        f"{theirs}: problem 1 of 1: table 'annotations': article 'porto': 'alice' looks like 'aIice', another name in "
        f"this database {OWN}"
    )


MODEL_LIKE = "looks like a name of the model's suggestions (model:...): a person works under a name of their own"


@pytest.mark.parametrize("name", ["mode1:entities.v11", "modeI:x", "\uff4dodel:x", "MODE\u217c:x"])
def test_a_name_that_looks_like_the_models_is_refused(work: Path, name: str) -> None:  # noqa: F811
    line = one_error_line(annotator("accept", "--annotator", name, "a3", "--db", "base.db", cwd=work))
    assert line == f"--annotator: {name!r} {MODEL_LIKE}"
    named(work, name)
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {name!r} {MODEL_LIKE}"
    )
    assert annotators(work / "base.db") == ["alice"]
    assert annotators(work / "empty.db") == []


@pytest.mark.parametrize(("name", "other"), [("Ami", "Arni"), ("Kim", "Kirn"), ("Ian", "Jan"), ("Ida", "Ada")])
def test_two_ascii_names_apart_by_more_than_one_character_are_two_people(
    work: Path,  # noqa: F811
    name: str,
    other: str,
) -> None:
    ok("accept", "--annotator", other, "a2", "--db", "base.db", cwd=work)
    assert "suggestion(s) accepted" in ok("accept", "--annotator", name, "a3", "--db", "base.db", cwd=work)
    assert annotators(work / "base.db") == sorted(["alice", name, other])
    assert rows(work / "base.db", "SELECT count(*) FROM annotations WHERE annotator = ?", name) == [(1,)]

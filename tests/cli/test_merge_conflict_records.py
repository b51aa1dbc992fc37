"""What a merge conflict's details compare (newcomer re-trial s59 t20 F4, F5), on the setup of
`test_merge_rename_rounds` (six articles, alice, bob and carol at overlap 2, a pack each, `accept --done`, merged
back), its helpers imported:
- F4: bob renamed dan in one file (or here) and ed in another: the line said "ed ... (status: todo here, done
  there)" where ed has nothing here at all; in the t18 case (bob worked on here after packing, `rename-annotator bob
  alice` in his pack) one line compared bob's work here with his emptied row in the pack, another with the rename's
  copy. Each compares the two records the conflict is about: the annotator's here, and there the one that would take
  its place (the rename's copy, where a rename there is why), "nothing here" where there is none.
- F5: bob renamed dan, merged; then carol renamed bob in her pack, merged: the line said "'bob' has work of its own"
  where bob's row here is an emptied to do (0 spans, 0 decisions, no assignment). By `renaming.own_work_met`'s rule
  that is no work; what stops the rename there is that bob's work on the article went to dan by a rename here, and a
  name renamed away takes no work (`rename-annotator carol bob` here refuses so): the line says that.
Real console script, real SQLite files."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from db_files import copy_db, rows
from processes import annotator

from annotator.store import Store
from tests.cli.test_merge_rename_rounds import (  # noqa: F401 (fixtures: `base`, `team`, `two_names`)
    BANK,
    CITY,
    MAYOR,
    advised,
    article,
    base,
    run,
    state,
    team,
    two_names,
)


def title(db: Path, start: str) -> str:
    return str(rows(db, "SELECT title FROM articles WHERE title LIKE ?", (start + "%",))[0][0])


@pytest.mark.parametrize("here", [False, True])
def test_f4_a_name_with_nothing_here_is_said_to_have_nothing(two_names: Path, here: bool) -> None:  # noqa: F811
    """bob renamed dan (merged from d.db, or in team.db itself) and ed in e.db: ed has nothing here."""
    db = two_names / "team.db"
    if here:
        run(two_names, "rename-annotator", "bob", "dan", "--db", "team.db")
    else:
        run(two_names, "merge", "d.db", "--db", "team.db")
    merged = annotator("merge", "e.db", "--db", "team.db", cwd=two_names)
    assert merged.returncode == 1, merged.stdout
    assert (
        f"conflict: ed on {article(db, CITY)} '{title(db, CITY)}' differs in e.db (nothing here; there: done, 3 "
        "span(s) (ACTOR 'The city council', LOCATION 'Harbour Bridge' ...), decisions on 3 suggestion(s)): kept this "
        "database's: 'bob' was renamed 'ed' in e.db and 'dan' here (annotator rename-annotator), so that work is "
        "'dan''s here and was not merged under a second name; to merge it, give it one name in both: annotator "
        "rename-annotator ed dan --db e.db, then merge again"
    ) in merged.stdout.splitlines()
    assert "todo here" not in merged.stdout


def test_f4_both_rename_conflicts_compare_the_work_here_with_the_renames_copy(team: Path) -> None:  # noqa: F811
    """bob removed a span on 'The Bank' here after packing; p.db renamed him alice. On 'Mayor' alice has work of her
    own here; on 'The Bank' bob's work here went on. Both lines compare bob's work here with its copy under alice
    there (before: the second with bob's emptied row in the pack, "status: done here, todo there")."""
    db = team / "team.db"
    with Store.open(db) as store:
        bank = article(db, BANK)
        last = rows(db, "SELECT id FROM spans WHERE article_id = ? AND annotator = 'bob' ORDER BY start DESC", (bank,))
        store.remove_span(bank, "bob", int(str(last[0][0])))
    merged = annotator("merge", "p.db", "--db", "team.db", cwd=team)
    assert merged.returncode == 1
    lines = merged.stdout.splitlines()
    assert (
        f"conflict: bob on {article(db, MAYOR)} '{title(db, MAYOR)}' differs in p.db (only by name: its copy under "
        "'alice' there is the same work): kept this database's: 'bob' was renamed 'alice' in p.db (annotator "
        "rename-annotator), and 'alice' has work of its own on this article here, so 'bob''s stays as it is and the "
        "rename's copy under 'alice' there was not merged (one name's work cannot take another's place); if they "
        "are two people, rename back there: annotator rename-annotator alice bob --db p.db, then merge again"
    ) in lines
    assert (
        f"conflict: bob on {bank} '{title(db, BANK)}' differs in p.db (its copy under 'alice' there: spans: 1 only "
        "there (LOCATION 'London'); decisions on 1 suggestion(s)): kept this database's: 'bob' was renamed "
        "'alice' in p.db (annotator rename-annotator), and the work here went on since the files parted, so its "
        "copy under 'alice' there was not merged on this article either (one person, one name); the rename cannot "
        f"be taken here ('alice' has work of its own on '{title(db, MAYOR)}', where 'bob' has too): if they are two "
        "people, rename back there: annotator rename-annotator alice bob --db p.db, then merge again"
    ) in lines
    assert "todo there" not in merged.stdout


@pytest.fixture
def carol_to_bob(base: Path, tmp_path: Path) -> Path:  # noqa: F811
    """Re-trial s59 t20 F5: bob renamed dan in b.db, merged; carol renamed bob in c.db, her pack."""
    copy_db(base / "team.db", tmp_path / "team.db")
    copy_db(base / "bob.db", tmp_path / "b.db")
    copy_db(base / "carol.db", tmp_path / "c.db")
    run(tmp_path, "rename-annotator", "bob", "dan", "--db", "b.db")
    run(tmp_path, "merge", "b.db", "--db", "team.db")
    run(tmp_path, "rename-annotator", "carol", "bob", "--db", "c.db")
    return tmp_path


def test_f5_a_name_renamed_away_here_is_said_so_not_to_have_work_of_its_own(carol_to_bob: Path) -> None:
    db = carol_to_bob / "team.db"
    assert {start: state(db, start)["bob"] for start in (BANK, CITY)} == {BANK: ("todo", 0, 0), CITY: ("todo", 0, 0)}
    refused = annotator("rename-annotator", "carol", "bob", "--db", "team.db", cwd=carol_to_bob)
    assert refused.stderr.startswith("annotator: error: 'bob' was renamed 'dan' here"), refused.stderr
    before = {start: state(db, start) for start in (BANK, CITY)}
    merged = annotator("merge", "c.db", "--db", "team.db", cwd=carol_to_bob)
    assert merged.returncode == 1, merged.stdout
    assert "'bob' has work of its own" not in merged.stdout
    assert (
        f"conflict: carol on {article(db, CITY)} '{title(db, CITY)}' differs in c.db (only by name: its copy under "
        "'bob' there is the same work): kept this database's: 'carol' was renamed 'bob' in c.db (annotator "
        "rename-annotator), and 'bob' has no work of its own on this article here: its work went to 'dan' by a "
        "rename here, and a name renamed away takes no work (one person, one name), so 'carol''s stays as it is and "
        "the rename's copy under 'bob' there was not merged; if they are two people, rename back there: annotator "
        "rename-annotator bob carol --db c.db, then merge again"
    ) in merged.stdout.splitlines()
    assert {start: state(db, start) for start in (BANK, CITY)} == before
    assert advised(merged.stdout) == ["rename-annotator bob carol --db c.db"]
    for command in advised(merged.stdout):
        run(carol_to_bob, *shlex.split(command))
    again = annotator("merge", "c.db", "--db", "team.db", cwd=carol_to_bob)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert {start: state(db, start) for start in (BANK, CITY)} == before
    checked = annotator("check", "--db", "team.db", cwd=carol_to_bob)
    assert checked.returncode == 0, checked.stdout + checked.stderr


#: carol's two articles where bob had no row (alice had the others with him)
PARIS, GOOGLE = "Officials", "Google"


def conflict_line(db: Path, start: str) -> str:
    """F5's line, on the article whose title begins with `start`."""
    return (
        f"conflict: carol on {article(db, start)} '{title(db, start)}' differs in c.db (only by name: its copy under "
        "'bob' there is the same work): kept this database's: 'carol' was renamed 'bob' in c.db (annotator "
        "rename-annotator), and 'bob' has no work of its own on this article here: its work went to 'dan' by a "
        "rename here, and a name renamed away takes no work (one person, one name), so 'carol''s stays as it is and "
        "the rename's copy under 'bob' there was not merged; if they are two people, rename back there: annotator "
        "rename-annotator bob carol --db c.db, then merge again"
    )


@pytest.mark.parametrize("renamed", ["here", "merged"])
def test_f5_no_work_comes_under_a_name_renamed_away_here_where_it_had_no_row(
    base: Path,  # noqa: F811
    tmp_path: Path,
    renamed: str,
) -> None:
    """bob renamed dan in team.db itself (or in b.db, merged); carol renamed bob in c.db: on 'Paris' and 'Google',
    where bob has no row here, carol's copy under bob stays out as on the two where he has one."""
    copy_db(base / "team.db", tmp_path / "team.db")
    copy_db(base / "carol.db", tmp_path / "c.db")
    if renamed == "here":
        run(tmp_path, "rename-annotator", "bob", "dan", "--db", "team.db")
    else:
        copy_db(base / "bob.db", tmp_path / "b.db")
        run(tmp_path, "rename-annotator", "bob", "dan", "--db", "b.db")
        run(tmp_path, "merge", "b.db", "--db", "team.db")
    run(tmp_path, "rename-annotator", "carol", "bob", "--db", "c.db")
    db = tmp_path / "team.db"
    starts = (CITY, MAYOR, PARIS, BANK, "Police", GOOGLE)
    before = {start: state(db, start) for start in starts}
    assert [before[start].get("bob") for start in (PARIS, GOOGLE)] == [None, None]
    assert [before[start]["carol"] for start in (PARIS, GOOGLE)] == [("done", 4, 1), ("done", 5, 1)]
    merged = annotator("merge", "c.db", "--db", "team.db", cwd=tmp_path)
    assert merged.returncode == 1, merged.stdout
    assert "is now bob's" not in merged.stdout
    conflicts = sorted(line for line in merged.stdout.splitlines() if line.startswith("conflict: "))
    assert conflicts == sorted(conflict_line(db, start) for start in (CITY, PARIS, BANK, GOOGLE))
    assert merged.stderr == (
        "annotator: error: 4 annotation(s) of c.db not merged: their annotator was renamed there to a name with work "
        "of its own here (listed above); the rest is merged into team.db\n"
    )
    assert {start: state(db, start) for start in starts} == before
    assert rows(db, "SELECT count(*) FROM annotations WHERE annotator = 'bob' AND status != 'todo'") == [(0,)]
    refused = annotator("rename-annotator", "carol", "bob", "--db", "team.db", cwd=tmp_path)
    assert refused.stderr.startswith("annotator: error: 'bob' was renamed 'dan' here"), refused.stderr
    assert advised(merged.stdout) == ["rename-annotator bob carol --db c.db"]
    run(tmp_path, "rename-annotator", "bob", "carol", "--db", "c.db")
    again = annotator("merge", "c.db", "--db", "team.db", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert again.stdout.startswith("0 article(s), 0 annotation(s) and 0 event(s) added; "), again.stdout
    assert len(again.stdout.splitlines()) == 1, again.stdout
    assert {start: state(db, start) for start in starts} == before
    checked = annotator("check", "--db", "team.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_work_under_a_name_renamed_away_here_on_an_article_it_had_no_row_on_stays_out(
    base: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """bob renamed dan here; in carol's pack someone accepted 'Paris' as bob (no rename there), where bob has no row
    here: it was "brought up to date" under bob (his history here, none, the start of theirs), bob a worker again.
    It is the conflict of a name renamed away here; renamed to dan in the pack it comes as dan's."""
    copy_db(base / "team.db", tmp_path / "team.db")
    copy_db(base / "carol.db", tmp_path / "c.db")
    run(tmp_path, "rename-annotator", "bob", "dan", "--db", "team.db")
    db = tmp_path / "team.db"
    paris = article(db, PARIS)
    run(tmp_path, "accept", paris, "--annotator", "bob", "--done", "--db", "c.db")
    before = state(db, PARIS)
    merged = annotator("merge", "c.db", "--db", "team.db", cwd=tmp_path)
    assert merged.returncode == 1, merged.stdout
    assert merged.stdout.startswith("0 article(s), 0 annotation(s) and 0 event(s) added; "), merged.stdout
    assert "brought up to date" not in merged.stdout
    assert [line for line in merged.stdout.splitlines() if line.startswith("conflict: ")] == [
        f"conflict: bob on {paris} '{title(db, PARIS)}' differs in c.db (nothing here; there: done, 4 span(s) (ACTOR "
        "'Officials', LOCATION 'Paris' ...), decisions on 4 suggestion(s)): kept this database's: 'bob' was renamed "
        "'dan' here (annotator rename-annotator), so no work goes under it; to merge theirs, give it the name here "
        "there too: annotator rename-annotator bob dan --db c.db, then merge again"
    ]  # (no rename of bob's to take back on this article here: the advice renames in c.db, run below)
    assert state(db, PARIS) == before
    assert rows(db, "SELECT count(*) FROM annotations WHERE annotator = 'bob' AND status != 'todo'") == [(0,)]
    run(tmp_path, "rename-annotator", "bob", "dan", "--db", "c.db")
    again = annotator("merge", "c.db", "--db", "team.db", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert state(db, PARIS) == {**before, "dan": ("done", 4, 0)}
    quiet = annotator("merge", "c.db", "--db", "team.db", cwd=tmp_path)
    assert (quiet.returncode, quiet.stderr) == (0, ""), quiet.stdout
    assert quiet.stdout.startswith("0 article(s), 0 annotation(s) and 0 event(s) added; "), quiet.stdout
    assert len(quiet.stdout.splitlines()) == 1, quiet.stdout
    checked = annotator("check", "--db", "team.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr

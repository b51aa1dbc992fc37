"""Renames across packs, merged back round after round (newcomer trial s58 t18): six articles, alice, bob and carol
at overlap 2, a pack each, `accept --done` in the packs, merged back; then `rename-annotator bob alice` in a copy of
bob's pack, where alice has work of her own on two of bob's articles and nothing on the other two.
- F2: bob also worked on one of the other two here after packing; `merge --prefer other` advised a rename here that
  `rename-annotator` refuses, gave alice a third assignee's place at overlap 2, and the advised rename back in the
  pack brought back the first conflict with the first rename as its advice, every merge exit 1.
- F1: after the advised rename back and a merge, bob's done work came back without its assignments, the line blaming
  an `assign` nobody ran, at every later merge.
- F3: where alice had nothing, bob's done work became hers with no word but "brought up to date".
Each advised command, run, is accepted and leads to a clean merge; a second merge is quiet. Real console script,
real SQLite files."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from db_files import copy_db, rows
from processes import annotator

from annotator.store import Store

TEXTS = [
    "The city council said on Monday that the Harbour Bridge in Port Mellin will close for six weeks.",
    "Mayor Ruth Okafor told reporters in Lyon that 40 buses would run every night.",
    "Officials in Paris said 12 trains were cancelled after the storm, according to Jean Dupont.",
    "The Bank of England raised rates by 0.25 points on Thursday, said Andrew Bailey in London.",
    "Police in Leeds arrested two men after a fire at the Corn Exchange, Inspector Sarah Hill said.",
    "Google opened a new office in Dublin with 300 staff, the Irish Times reported on Friday.",
]
#: bob's articles by the first word of their titles: alice works on two of them, carol on the other two
MAYOR, POLICE, BANK, CITY = "Mayor", "Police", "The Bank", "The city"


def run(folder: Path, *args: str) -> str:
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def article(db: Path, start: str) -> str:
    return str(rows(db, "SELECT id FROM articles WHERE title LIKE ?", (start + "%",))[0][0])


def state(db: Path, start: str) -> dict[str, tuple[object, ...]]:
    """Per annotator on the article: (status, spans, assigned)."""
    found = rows(
        db,
        "SELECT a.annotator, a.status, (SELECT count(*) FROM spans s WHERE s.article_id = a.article_id AND "
        "s.annotator = a.annotator), EXISTS (SELECT 1 FROM assignments g WHERE g.article_id = a.article_id AND "
        "g.annotator = a.annotator) FROM annotations a WHERE a.article_id = ? ORDER BY 1",
        (article(db, start),),
    )
    return {str(who): tuple(rest) for who, *rest in found}


def assigned(db: Path, start: str) -> list[object]:
    sql = "SELECT annotator FROM assignments WHERE article_id = ? ORDER BY 1"
    return [who for (who,) in rows(db, sql, (article(db, start),))]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """team.db with everyone's packs merged back; bob.db bob's pack."""
    folder = tmp_path_factory.mktemp("team")
    names = []
    for i, text in enumerate(TEXTS, start=1):
        (folder / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
        names.append(f"a{i}.txt")
    run(folder, "ingest", *names, "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,bob,carol", "--overlap", "2", "--db", "team.db")
    for who in ("alice", "bob", "carol"):
        run(folder, "pack", "--annotator", who, "-o", f"{who}.db", "--db", "team.db")
        mine = [
            a for (a,) in rows(folder / f"{who}.db", "SELECT article_id FROM assignments WHERE annotator = ?", (who,))
        ]
        run(folder, "accept", *mine, "--annotator", who, "--done", "--db", f"{who}.db")
    run(folder, "merge", "alice.db", "bob.db", "carol.db", "--db", "team.db")
    return folder


@pytest.fixture
def team(base: Path, tmp_path: Path) -> Path:
    """A folder of the test's own: team.db, and p.db, a copy of bob's pack where bob was renamed alice."""
    copy_db(base / "team.db", tmp_path / "team.db")
    copy_db(base / "bob.db", tmp_path / "p.db")
    run(tmp_path, "rename-annotator", "bob", "alice", "--db", "p.db")
    return tmp_path


def advised(stdout: str) -> list[str]:
    """The commands the output advises, once each, in order."""
    found = re.findall(r"annotator (rename-annotator [^,;]*? --db \S+?)(?:,|;|$)", stdout, flags=re.MULTILINE)
    return list(dict.fromkeys(found))


def quiet(folder: Path, prefer: tuple[str, ...] = ()) -> None:
    """Merging the pack once more: nothing added, nothing said but the counts, exit 0."""
    again = annotator("merge", "p.db", "--db", "team.db", *prefer, cwd=folder)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout + again.stderr
    assert again.stdout.startswith("0 article(s), 0 annotation(s) and 0 event(s) added; "), again.stdout
    assert len(again.stdout.splitlines()) == 1, again.stdout


def test_the_team_is_as_the_trial_had_it(base: Path) -> None:
    db = base / "team.db"
    assert [assigned(db, start) for start in (MAYOR, POLICE, BANK, CITY)] == [
        ["alice", "bob"], ["alice", "bob"], ["bob", "carol"], ["bob", "carol"]
    ]  # fmt: skip


def test_f3_bobs_work_that_became_alices_is_said_in_one_line(team: Path) -> None:
    merged = annotator("merge", "p.db", "--db", "team.db", cwd=team)
    assert merged.returncode == 1
    assert (
        "bob's work on 2 article(s) is now alice's: 'bob' was renamed 'alice' in p.db (annotator rename-annotator), "
        "and 'alice' had no work of its own on them here"
    ) in merged.stdout.splitlines()
    db = team / "team.db"
    assert [state(db, start) for start in (BANK, CITY)] == [
        {"alice": ("done", 4, 1), "bob": ("todo", 0, 0), "carol": ("done", 4, 1)},
        {"alice": ("done", 3, 1), "bob": ("todo", 0, 0), "carol": ("done", 3, 1)},
    ]


@pytest.mark.parametrize("prefer", [(), ("--prefer", "other")])
def test_f1_the_advised_rename_back_gives_bob_his_work_and_his_assignments(team: Path, prefer: tuple[str, ...]) -> None:
    db = team / "team.db"
    before = {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)}
    first = annotator("merge", "p.db", "--db", "team.db", *prefer, cwd=team)
    assert first.returncode == 1
    assert advised(first.stdout) == ["rename-annotator alice bob --db p.db"]
    run(team, "rename-annotator", "alice", "bob", "--db", "p.db")
    again = annotator("merge", "p.db", "--db", "team.db", *prefer, cwd=team)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert "taken back here since" not in again.stdout
    assert (
        "alice's work on 2 article(s) is now bob's: 'alice' was renamed 'bob' in p.db (annotator rename-annotator), "
        "and 'bob' had no work of its own on them here"
    ) in again.stdout.splitlines()
    after = {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)}
    emptied = {"alice": ("todo", 0, 0)}
    assert after == {
        MAYOR: before[MAYOR], POLICE: before[POLICE], BANK: {**before[BANK], **emptied}, CITY: {**before[CITY], **emptied}
    }  # fmt: skip
    quiet(team, prefer)
    checked = annotator("check", "--db", "team.db", cwd=team)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_f2_bobs_newer_work_here_the_advice_works_and_converges(team: Path) -> None:
    """bob removed a span on 'The Bank' here after packing. Every command the merge advises is accepted, and the
    merge after them is clean; alice is never a third assignee; bob's newer work here stays."""
    db = team / "team.db"
    with Store.open(db) as store:
        bank = article(db, BANK)
        last = rows(db, "SELECT id FROM spans WHERE article_id = ? AND annotator = 'bob' ORDER BY start DESC", (bank,))
        store.remove_span(bank, "bob", int(str(last[0][0])))
    before = {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)}
    assert before[BANK]["bob"] == ("done", 3, 1)
    merged = annotator("merge", "p.db", "--db", "team.db", "--prefer", "other", cwd=team)
    assert merged.returncode == 1
    title = str(rows(db, "SELECT title FROM articles WHERE id = ?", (bank,))[0][0])
    assert (
        f"conflict: bob on {bank} '{title}' differs in p.db (its copy under 'alice' there: spans: 1 only there "
        "(LOCATION 'London'); decisions on 1 suggestion(s)): kept this database's: 'bob' was renamed "
        "'alice' in p.db (annotator rename-annotator), and the work here went on since the files parted, so its copy "
        "under 'alice' there was not merged on this article either (one person, one name); the rename cannot be taken "
        "here ('alice' has work of its own on 'Mayor Ruth Okafor told reporters in Lyon that 40 buses would run every "
        "night.', where 'bob' has too): if they are two people, rename back there: annotator rename-annotator alice "
        "bob --db p.db, then merge again"
    ) in merged.stdout.splitlines()
    assert assigned(db, BANK) == ["bob", "carol"]
    commands = advised(merged.stdout)
    assert commands == ["rename-annotator alice bob --db p.db"]
    for command in commands:
        run(team, *shlex.split(command))
    again = annotator("merge", "p.db", "--db", "team.db", "--prefer", "other", cwd=team)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert advised(again.stdout) == []
    after = {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)}
    assert after == {**before, CITY: {**before[CITY], "alice": ("todo", 0, 0)}}
    assert [assigned(db, start) for start in (MAYOR, POLICE, BANK, CITY)] == [
        ["alice", "bob"], ["alice", "bob"], ["bob", "carol"], ["bob", "carol"]
    ]  # fmt: skip
    quiet(team, ("--prefer", "other"))
    checked = annotator("check", "--db", "team.db", cwd=team)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.fixture
def onto_one(base: Path, tmp_path: Path) -> Path:
    """Re-trial s59 t20 F1: a.db, alice's pack, renames alice dan; b.db, bob's, renames bob dan, one span of bob's
    dropped on each of his articles first (his work differs from alice's where they share)."""
    copy_db(base / "team.db", tmp_path / "team.db")
    copy_db(base / "alice.db", tmp_path / "a.db")
    copy_db(base / "bob.db", tmp_path / "b.db")
    b = tmp_path / "b.db"
    with Store.open(b) as store:
        for (bobs,) in rows(b, "SELECT article_id FROM assignments WHERE annotator = 'bob'"):
            last = rows(
                b, "SELECT id FROM spans WHERE article_id = ? AND annotator = 'bob' ORDER BY start DESC", (str(bobs),)
            )
            store.remove_span(str(bobs), "bob", int(str(last[0][0])))
    run(tmp_path, "rename-annotator", "alice", "dan", "--db", "a.db")
    run(tmp_path, "rename-annotator", "bob", "dan", "--db", "b.db")
    return tmp_path


@pytest.mark.parametrize("together,prefer", [(True, ()), (False, ()), (True, ("--prefer", "other"))])
def test_t20_f1_two_packs_renaming_two_people_to_one_name_lose_nothing(
    onto_one: Path, together: bool, prefer: tuple[str, ...]
) -> None:
    """Where dan has alice's work here (the same merge's or an earlier one's), bob's rename onto it is a conflict
    naming the rename, bob's work kept his whatever `prefer` says; the line counts only where dan had nothing; the
    advised rename back, run, leads to a clean merge with bob's work and assignments his on all four; then quiet."""
    db = onto_one / "team.db"
    before = {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)}
    if not together:
        run(onto_one, "merge", "a.db", "--db", "team.db")
    merged = annotator("merge", *(["a.db"] if together else []), "b.db", "--db", "team.db", *prefer, cwd=onto_one)
    assert merged.returncode == 1, merged.stdout
    assert (
        "bob's work on 2 article(s) is now dan's: 'bob' was renamed 'dan' in b.db (annotator rename-annotator), "
        "and 'dan' had no work of its own on them here"
    ) in merged.stdout.splitlines()
    mayor = article(db, MAYOR)
    assert (
        f"conflict: bob on {mayor} 'Mayor Ruth Okafor told reporters in Lyon that 40 buses would run every night.' "
        "differs in b.db (its copy under 'dan' there: spans: 1 only here (FIGURE '40'); decisions on 1 suggestion(s)): "
        "kept this database's: 'bob' was renamed 'dan' in b.db (annotator rename-annotator), and 'dan' has work of its own on this article here, "
        "so 'bob''s stays as it is and the rename's copy under 'dan' there was not merged (one name's work cannot take "
        "another's place); if they are two people, rename back there: annotator rename-annotator dan bob --db b.db, "
        "then merge again"
    ) in merged.stdout.splitlines()
    assert advised(merged.stdout) == ["rename-annotator dan bob --db b.db"]
    assert "--prefer other" not in merged.stdout
    gone = {"alice": ("todo", 0, 0)}
    assert {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)} == {
        MAYOR: {**before[MAYOR], **gone, "dan": before[MAYOR]["alice"]},  # alice's is dan's; bob's stays bob's
        POLICE: {**before[POLICE], **gone, "dan": before[POLICE]["alice"]},
        BANK: {**before[BANK], "bob": ("todo", 0, 0), "dan": ("done", 3, 1)},  # his pack's, a span fewer
        CITY: {**before[CITY], "bob": ("todo", 0, 0), "dan": ("done", 2, 1)},
    }
    run(onto_one, "rename-annotator", "dan", "bob", "--db", "b.db")
    again = annotator("merge", "b.db", "--db", "team.db", *prefer, cwd=onto_one)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert (
        "dan's work on 2 article(s) is now bob's: 'dan' was renamed 'bob' in b.db (annotator rename-annotator), "
        "and 'bob' had no work of its own on them here"
    ) in again.stdout.splitlines()
    assert {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)} == {
        MAYOR: {**gone, "bob": ("done", 3, 1), "dan": before[MAYOR]["alice"]},
        POLICE: {**gone, "bob": ("done", 5, 1), "dan": before[POLICE]["alice"]},
        BANK: {"bob": ("done", 3, 1), "carol": before[BANK]["carol"], "dan": ("todo", 0, 0)},
        CITY: {"bob": ("done", 2, 1), "carol": before[CITY]["carol"], "dan": ("todo", 0, 0)},
    }
    for pack in ("a.db", "b.db"):
        once_more = annotator("merge", pack, "--db", "team.db", *prefer, cwd=onto_one)
        assert (once_more.returncode, once_more.stderr) == (0, ""), once_more.stdout
        assert len(once_more.stdout.splitlines()) == 1, once_more.stdout
    checked = annotator("check", "--db", "team.db", cwd=onto_one)
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.fixture
def two_names(base: Path, tmp_path: Path) -> Path:
    """Re-trial s59 t20 F2: two copies of bob's pack, bob renamed dan in one (d.db) and ed in the other (e.db)."""
    copy_db(base / "team.db", tmp_path / "team.db")
    for copy, name in (("d.db", "dan"), ("e.db", "ed")):
        copy_db(base / "bob.db", tmp_path / copy)
        run(tmp_path, "rename-annotator", "bob", name, "--db", copy)
    return tmp_path


@pytest.mark.parametrize("prefer,here", [((), False), (("--prefer", "other"), False), ((), True)])
def test_t20_f2_a_second_name_refused_gets_no_assignment(two_names: Path, prefer: tuple[str, ...], here: bool) -> None:
    """bob's work, dan's here, is refused under ed: no assignment of ed's comes (F2: 3 assignees at overlap 2), and
    the error does not offer --prefer other, which took nothing and exit 0 (F3); the advised rename merges clean."""
    db = two_names / "team.db"
    if here:  # bob renamed dan in the team file itself
        run(two_names, "rename-annotator", "bob", "dan", "--db", "team.db")
    else:
        run(two_names, "merge", "d.db", "--db", "team.db")
    before = {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)}
    merged = annotator("merge", "e.db", "--db", "team.db", *prefer, cwd=two_names)
    assert merged.returncode == 1, merged.stdout
    assert "assignment(s) added" not in merged.stdout
    assert merged.stderr == (
        "annotator: error: 4 annotation(s) of e.db not merged: their annotator was renamed to one name there and "
        "another here (listed above); the rest is merged into team.db\n"
    )
    assert {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)} == before
    assert [assigned(db, start) for start in (MAYOR, POLICE, BANK, CITY)] == [
        ["alice", "dan"], ["alice", "dan"], ["carol", "dan"], ["carol", "dan"]
    ]  # fmt: skip
    assert advised(merged.stdout) == ["rename-annotator ed dan --db e.db"]
    run(two_names, "rename-annotator", "ed", "dan", "--db", "e.db")
    again = annotator("merge", "e.db", "--db", "team.db", *prefer, cwd=two_names)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert {start: state(db, start) for start in (MAYOR, POLICE, BANK, CITY)} == before
    checked = annotator("check", "--db", "team.db", cwd=two_names)
    assert checked.returncode == 0, checked.stdout + checked.stderr

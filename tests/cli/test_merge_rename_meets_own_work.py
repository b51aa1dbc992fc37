"""`annotator merge` of a pack where its annotator was renamed to a teammate's name (`rename-annotator bob alice` in
bob's pack), into the team database where alice has work of her own on bob's articles (newcomer trial s58 t16 F1):
bob's pack history continued his here, so his work was "brought up to date" to the rename's emptied rows, on one
article alice's own was kept in a conflict that did not name the rename, on the other her equal spans counted
unchanged; bob was `todo` with 0 spans on both, his work only in the event log, `check` ok. Now a rename there meeting
the new name's own work here is one conflict naming it, the old name's work here stays, whatever `--prefer` says;
where the new name has nothing here the rename comes as it is. Built from scratch: ingest, assign, pack, work by
`accept` in the packs, merge, rename in the pack, merge. Real console script, real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_files import copy_db, rows
from processes import annotator

TEXTS = {
    "a.txt": "The city council said on Monday that the Harbour Bridge in Port Mellin will close for six weeks.\n",
    "b.txt": "Mayor Ruth Okafor told reporters in Lyon that 40 buses would run every night.\n",
    "c.txt": "Officials in Paris said 12 trains were cancelled after the storm, according to Jean Dupont.\n",
}
#: what the last line of a merge left with the conflicts says (stderr)
NOT_MERGED = (
    "annotator: error: 2 annotation(s) of e8.db not merged: their annotator was renamed there to a name with work of "
    "its own here (listed above); the rest is merged into teamH.db\n"
)


def run(folder: Path, *args: str) -> None:
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr


def annotations(db: Path) -> list[tuple[object, ...]]:
    """(article, annotator, status, spans) of every annotation row."""
    return rows(
        db,
        "SELECT a.article_id, a.annotator, a.status, (SELECT count(*) FROM spans s WHERE s.article_id = a.article_id "
        "AND s.annotator = a.annotator) FROM annotations a ORDER BY 1, 2",
    )


def spans(db: Path, article: str, who: str) -> list[tuple[object, ...]]:
    sql = "SELECT start, end, label, text FROM spans WHERE article_id = ? AND annotator = ? ORDER BY start, end, label"
    return rows(db, sql, (article, who))


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """team.db: three articles, alice and bob on each (overlap 2), a pack each; alice accepted a (in progress) and b
    (done) in hers, bob a, b and c (done) in his; both merged back. e8.db: bob's pack, bob renamed alice there (the
    trial's command). The article ids by file name."""
    folder = tmp_path_factory.mktemp("team")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    run(folder, "ingest", *TEXTS, "--db", "team.db")
    titles = {text.strip(): name for name, text in TEXTS.items()}
    ids = {titles[title]: article for article, title in rows(folder / "team.db", "SELECT id, title FROM articles")}
    run(folder, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    for who in ("alice", "bob"):
        run(folder, "pack", "--annotator", who, "-o", f"{who}.db", "--db", "team.db")
    run(folder, "accept", ids["a.txt"], "--annotator", "alice", "--db", "alice.db")
    run(folder, "accept", ids["b.txt"], "--annotator", "alice", "--done", "--db", "alice.db")
    run(folder, "accept", *ids.values(), "--annotator", "bob", "--done", "--db", "bob.db")
    run(folder, "merge", "alice.db", "bob.db", "--db", "team.db")
    copy_db(folder / "bob.db", folder / "e8.db")
    run(folder, "rename-annotator", "bob", "alice", "--db", "e8.db")
    return folder, ids


@pytest.fixture
def copy(team: tuple[Path, dict[str, str]], tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The team's files in a folder of the test's own, teamH.db a copy of team.db."""
    folder, ids = team
    for name in ("team.db", "e8.db"):
        copy_db(folder / name, tmp_path / name)
    copy_db(folder / "team.db", tmp_path / "teamH.db")
    return tmp_path, ids


def own(ids: dict[str, str]) -> list[tuple[object, ...]]:
    """The rows of a and b, where alice has work of her own beside bob's: as they were before the merge."""
    a, b = ids["a.txt"], ids["b.txt"]
    return [(a, "alice", "in_progress", 3), (a, "bob", "done", 3), (b, "alice", "done", 4), (b, "bob", "done", 4)]


def conflict_line(article: str, title: str) -> str:
    """The conflict line of an article where alice has her own work: bob's stays, the rename named, the way out."""
    return (
        f"conflict: bob on {article} '{title}' differs in e8.db (only by name: its copy under 'alice' there is the same "
        "work): kept this database's: 'bob' was renamed 'alice' in e8.db (annotator rename-annotator), and 'alice' "
        "has work of its own on this article here, so 'bob''s stays as it is and the rename's copy under 'alice' there was not merged (one name's work cannot take another's "
        "place); if they are two people, rename back there: annotator rename-annotator alice bob --db e8.db, then "
        "merge again"
    )


def test_the_team_is_as_the_trial_had_it(copy: tuple[Path, dict[str, str]]) -> None:
    folder, ids = copy
    assert annotations(folder / "teamH.db") == sorted([*own(ids), (ids["c.txt"], "bob", "done", 4)])
    assert spans(folder / "teamH.db", ids["b.txt"], "alice") == spans(folder / "teamH.db", ids["b.txt"], "bob")


@pytest.mark.parametrize("prefer", [(), ("--prefer", "other"), ("--prefer", "this")])
def test_the_rename_meeting_alices_own_work_is_a_conflict_naming_it_and_bobs_work_stays(
    copy: tuple[Path, dict[str, str]], prefer: tuple[str, ...]
) -> None:
    folder, ids = copy
    a, b, c = ids["a.txt"], ids["b.txt"], ids["c.txt"]
    bobs = {article: spans(folder / "teamH.db", article, "bob") for article in (a, b, c)}
    merged = annotator("merge", "e8.db", "--db", "teamH.db", *prefer, cwd=folder)
    assert (merged.returncode, merged.stderr) == (1, NOT_MERGED)
    lines = merged.stdout.splitlines()
    assert lines[0] == (
        "0 article(s), 1 annotation(s) and 2 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "2 conflict(s) -> teamH.db"
    )
    assert lines[1] == (
        "1 annotation(s) brought up to date: the other file's work went on from this database's (no conflict; its "
        "later events are added)"
    )
    assert lines[2] == (  # bob's pairs read from e8.db, his pack, nothing written to them but a `merged` event (s58
        "2 article(s) of bob's, out in a pack here, recorded as merged back from e8.db, nothing else written to "
        "them (a `merged` event each, no edit)"  # t16 F7); not alice's: e8.db is no pack of hers (s60)
    )
    assert lines[3] == (
        "1 assignment(s) taken back here: their annotator was renamed in the other file (annotator rename-annotator), "
        "whose new name's assignment was added"
    )
    assert lines[4] == (
        "bob's work on 1 article(s) is now alice's: 'bob' was renamed 'alice' in e8.db (annotator rename-annotator), "
        "and 'alice' had no work of its own on them here"
    )  # trial s58 t18 F3: said only as "brought up to date"
    titles = dict(rows(folder / "teamH.db", "SELECT id, title FROM articles"))
    assert lines[5:] == [conflict_line(article, str(titles[article])) for article in (a, b)]
    assert annotations(folder / "teamH.db") == sorted([*own(ids), (c, "alice", "done", 4), (c, "bob", "todo", 0)])
    assert {article: spans(folder / "teamH.db", article, "bob") for article in (a, b)} == {a: bobs[a], b: bobs[b]}
    assigned = rows(folder / "teamH.db", "SELECT article_id, annotator FROM assignments ORDER BY 1, 2")
    assert assigned == sorted([(a, "alice"), (a, "bob"), (b, "alice"), (b, "bob"), (c, "alice")])
    checked = annotator("check", "--db", "teamH.db", cwd=folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_where_alice_has_nothing_the_rename_comes_and_she_holds_bobs_work(copy: tuple[Path, dict[str, str]]) -> None:
    """The trial's second article: bob `todo` with 0 spans there is the rename carried only where alice holds his
    work, by the rename's event; where she had her own, equal spans (b), it was bob's annotation lost."""
    folder, ids = copy
    c = ids["c.txt"]
    bobs = spans(folder / "teamH.db", c, "bob")
    assert annotator("merge", "e8.db", "--db", "teamH.db", cwd=folder).returncode == 1
    assert (spans(folder / "teamH.db", c, "alice"), spans(folder / "teamH.db", c, "bob")) == (bobs, [])
    renamed = rows(
        folder / "teamH.db",
        "SELECT annotator, action, json_extract(after, '$.renamed.from'), json_extract(after, '$.renamed.to') FROM "
        f"events WHERE article_id = '{c}' AND json_extract(after, '$.renamed') IS NOT NULL ORDER BY id",
    )
    assert renamed == [("alice", "merge", "bob", "alice"), ("bob", "merge", "bob", "alice")]


def test_merging_the_pack_again_changes_nothing(copy: tuple[Path, dict[str, str]]) -> None:
    folder, _ = copy
    first = annotator("merge", "e8.db", "--db", "teamH.db", cwd=folder)
    after = annotations(folder / "teamH.db")
    events = rows(folder / "teamH.db", "SELECT count(*) FROM events WHERE action != 'merged'")
    again = annotator("merge", "e8.db", "--db", "teamH.db", cwd=folder)
    assert (again.returncode, again.stderr) == (1, NOT_MERGED)
    assert again.stdout.splitlines()[0] == (
        "0 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 1 unchanged; "
        "2 conflict(s) -> teamH.db"
    )
    assert again.stdout.splitlines()[-2:] == first.stdout.splitlines()[-2:]
    assert annotations(folder / "teamH.db") == after
    assert rows(folder / "teamH.db", "SELECT count(*) FROM events WHERE action != 'merged'") == events


def test_renaming_back_in_the_pack_then_merging_again_gives_bob_his_work_back(
    copy: tuple[Path, dict[str, str]],
) -> None:
    """bob and alice are two people: the rename taken back in the pack (`rename-annotator alice bob`), the pack
    merges with no conflict, alice's own work as it was, bob's on all three articles."""
    folder, ids = copy
    a, b, c = ids["a.txt"], ids["b.txt"], ids["c.txt"]
    bobs = {article: spans(folder / "teamH.db", article, "bob") for article in (a, b, c)}
    alices = {article: spans(folder / "teamH.db", article, "alice") for article in (a, b)}
    assert annotator("merge", "e8.db", "--db", "teamH.db", cwd=folder).returncode == 1
    run(folder, "rename-annotator", "alice", "bob", "--db", "e8.db")
    again = annotator("merge", "e8.db", "--db", "teamH.db", cwd=folder)
    assert (again.returncode, again.stderr) == (0, ""), again.stdout
    assert annotations(folder / "teamH.db") == sorted([*own(ids), (c, "alice", "todo", 0), (c, "bob", "done", 4)])
    assert {article: spans(folder / "teamH.db", article, "bob") for article in (a, b, c)} == bobs
    assert {article: spans(folder / "teamH.db", article, "alice") for article in (a, b)} == alices
    checked = annotator("check", "--db", "teamH.db", cwd=folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr

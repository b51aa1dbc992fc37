"""Running `annotator assign` again fills free places only (a trial, t2 F7): after `assign --annotators
ann,ben,cara --overlap 2 --seed 3`, ann finished an article assigned to ben and cara; two articles ingested and the
same command again added 5 assignments, one giving that old article to ann (3 assignees with --overlap 2, or cara's
unstarted place taken from her), and said all 5 were "on 2 article(s) not assigned before". The agreement figures of
articles already reviewed changed because two unrelated articles came in. Work begun unassigned now takes a place
only where one is free, and the summary names the articles that got places and the work left unassigned.

The real console script on a real database: .txt files ingested with the model's suggestions, `annotator accept
--done` as the annotators, the `assignments` table read back."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from processes import annotator
from test_assign import table, with_articles

from annotator.store import Store
from annotator.store.assignments import assign

TEAM = "ann,ben,cara"
TEXTS = [f'Mayor Jane Doe{i} said on Monday that 40{i} homes in Leeds would be rebuilt. "We will do it," she said.'
         for i in range(1, 7)]  # fmt: skip
LATER = [f"Police said 2{i} people were hurt in Bristol on Friday." for i in (7, 8)]


def run(*args: str | Path, cwd: Path) -> list[str]:
    result = annotator(*args, "--db", "t.db", cwd=cwd)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.splitlines()


def ingest(folder: Path, texts: list[str], first: int) -> None:
    names = []
    for number, text in enumerate(texts, start=first):
        names.append(f"{number:02d}-article.txt")
        (folder / names[-1]).write_text(text + "\n", encoding="utf-8")
    run("ingest", *names, cwd=folder)


def assignments(folder: Path) -> dict[str, list[str]]:
    """Article (by its file's number, '3' for 03-article.txt) -> its assignees, read by sqlite3."""
    with sqlite3.connect(folder / "t.db") as conn:
        rows = conn.execute(
            """SELECT a.title, g.annotator FROM articles a JOIN assignments g ON g.article_id = a.id
               ORDER BY a.rowid, g.annotator"""
        ).fetchall()
    found: dict[str, list[str]] = {}
    for title, who in rows:
        found.setdefault(short(title), []).append(who)
    return found


def short(title: str) -> str:
    """An article's file number: 'Mayor Jane Doe3 said ...' is 3 (its title is its text's first line)."""
    return f"{(TEXTS + LATER).index(title) + 1}"


def article_id(folder: Path, name: str) -> str:
    with sqlite3.connect(folder / "t.db") as conn:
        titles = conn.execute("SELECT id, title FROM articles").fetchall()
    [found] = [i for i, title in titles if short(title) == name]
    return str(found)


@pytest.fixture(scope="module")
def assigned_six(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six articles ingested with suggestions and assigned as the trial did: article 3 is ben's and cara's."""
    folder = tmp_path_factory.mktemp("six")
    ingest(folder, TEXTS, 1)
    run("assign", "--annotators", TEAM, "--overlap", "2", "--seed", "3", cwd=folder)
    return folder


@pytest.fixture
def team(assigned_six: Path, tmp_path: Path) -> Path:
    """A copy of the six assigned, ann's work done on article 3 (not hers: ben's and cara's) by `accept --done`."""
    shutil.copy(assigned_six / "t.db", tmp_path / "t.db")
    assert assignments(tmp_path) == BEFORE
    accept(tmp_path, "3", "ann")
    return tmp_path


BEFORE = {"1": ["ann", "cara"], "2": ["ann", "ben"], "3": ["ben", "cara"], "4": ["ann", "cara"],
          "5": ["ann", "ben"], "6": ["ben", "cara"]}  # fmt: skip


def accept(folder: Path, article: str, who: str) -> None:
    run("accept", article_id(folder, article), "--annotator", who, "--done", cwd=folder)


def named(folder: Path, article: str) -> str:
    """An article as the summary names it: its id and its title's first 24 characters, cut between words."""
    first = {"Mayor": "Mayor Jane Doe{} said on…", "Police": "Police said 2{} people…"}
    title = (TEXTS + LATER)[int(article) - 1]
    return f"{article_id(folder, article)} '{first[title.split()[0]].format(article)}'"


def events(folder: Path) -> int:
    with sqlite3.connect(folder / "t.db") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def test_the_same_command_after_ingesting_gives_places_on_the_new_articles_only(team: Path) -> None:
    """The trial's run: 3 done by its assignees ben and cara, and by ann unassigned; 7 and 8 ingested."""
    accept(team, "3", "ben")
    accept(team, "3", "cara")
    ingest(team, LATER, 7)
    lines = run("assign", "--annotators", TEAM, "--overlap", "2", "--seed", "3", cwd=team)
    assert assignments(team) == {**BEFORE, "7": ["ann", "cara"], "8": ["ann", "ben"]}
    not_given = (
        f"not given:  1 article(s) begun by team members not assigned to them, no place being free: "
        f"{named(team, '3')} (ann); their work there is not compared (agreement and review --ignore-assignments "
        "compare it)"
    )
    assert lines == [
        "8 article(s) to 2 annotator(s) each (seed 3) -> t.db",
        "kept:       12 of the 12 earlier assignment(s), 2 of them already started",
        f"added:      4 assignment(s), on 2 article(s) not assigned before: {named(team, '7')}, {named(team, '8')}",
        not_given,
        "  ann            6 article(s)",
        "  ben            5 article(s)",
        "  cara           5 article(s)",
    ]
    written = events(team)
    again = run("assign", "--annotators", TEAM, "--overlap", "2", "--seed", "3", cwd=team)
    assert again == [
        "8 article(s) to 2 annotator(s) each (seed 3) -> t.db: nothing changed",
        "kept:       16 of the 16 earlier assignment(s), 2 of them already started",
        not_given,
        "  ann            6 article(s)",
        "  ben            5 article(s)",
        "  cara           5 article(s)",
    ]
    assert (assignments(team)["3"], events(team)) == (["ben", "cara"], written)


def test_work_begun_unassigned_never_takes_an_assignees_unstarted_place(team: Path) -> None:
    """cara has not started 3: ann's finished work there took her place, which cara may be annotating in a pack."""
    accept(team, "3", "ben")
    written = events(team)
    lines = run("assign", "--annotators", TEAM, "--overlap", "2", "--seed", "3", cwd=team)
    assert lines[:2] == [
        "6 article(s) to 2 annotator(s) each (seed 3) -> t.db: nothing changed",
        "kept:       12 of the 12 earlier assignment(s), 1 of them already started",
    ]
    assert lines[2].startswith(f"not given:  1 article(s) begun by team members not assigned to them, no place "
                               f"being free: {named(team, '3')} (ann); ")  # fmt: skip
    assert (assignments(team), events(team)) == (BEFORE, written)


def test_a_place_freed_goes_first_to_whoever_began_the_article(team: Path) -> None:
    """cara leaves the team, nothing of hers started: her four places are free, and on 3 ann, who finished it,
    takes hers before dan; the line names each article and who got its place."""
    accept(team, "3", "ben")
    lines = run("assign", "--annotators", "ann,ben,dan", "--overlap", "2", "--seed", "3", cwd=team)
    assert assignments(team) == {"1": ["ann", "dan"], "2": ["ann", "ben"], "3": ["ann", "ben"], "4": ["ann", "dan"],
                                 "5": ["ann", "ben"], "6": ["ben", "dan"]}  # fmt: skip
    assert lines == [
        "6 article(s) to 2 annotator(s) each (seed 3) -> t.db",
        "kept:       8 of the 12 earlier assignment(s), 1 of them already started",
        f"filled:     4 free place(s) on article(s) assigned before: {named(team, '1')} to dan, {named(team, '3')} "
        f"to ann (had started it), {named(team, '4')} to dan, {named(team, '6')} to dan",
        "taken back: 4 assignment(s) nobody had started (not in this team, or no room left)",
        "  ann            5 article(s)",
        "  ben            4 article(s)",
        "  dan            3 article(s)",
    ]


def test_a_larger_overlap_names_five_articles_and_counts_the_rest(team: Path) -> None:
    lines = run("assign", "--annotators", TEAM, "--overlap", "3", "--seed", "3", cwd=team)
    assert assignments(team) == {article: ["ann", "ben", "cara"] for article in BEFORE}
    assert lines[2] == (
        f"filled:     6 free place(s) on article(s) assigned before: {named(team, '1')} to ben, {named(team, '2')} "
        f"to cara, {named(team, '3')} to ann (had started it), {named(team, '4')} to ben, {named(team, '5')} to cara"
        " and 1 more (annotator stats --articles)"
    )


def test_more_team_members_began_an_article_than_there_are_places(store: Store) -> None:
    """Before any assignment, ann and cara finished an article and ben started it: --overlap 2 gives it to the two
    who finished (it went to all three: past the overlap), and says ben's work there is left unassigned."""
    ids = with_articles(store, 3)
    store.set_status(ids[0], "ann", "done")
    store.add_span(ids[0], "ben", 0, 7, "ACTOR")
    store.set_status(ids[0], "cara", "done")
    report = assign(store, ["ann", "ben", "cara"], 2, seed=3)
    assert [who for article, who, *_ in table(store) if article == ids[0]] == ["ann", "cara"]
    assert (report.added, report.started_added, report.new_ids, report.not_given) == (6, 2, ids, {ids[0]: ["ben"]})
    again = assign(store, ["ann", "ben", "cara"], 2, seed=3)
    assert (again.added, again.removed, again.not_given) == (0, 0, {ids[0]: ["ben"]})

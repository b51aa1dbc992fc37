"""Offline packs: assign -> pack for each annotator -> each annotates their pack -> merge the packs back ->
agreement over the pairs that overlap, with figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pytest
from support import nth, word_tokens
from typer.testing import CliRunner

from annotator.cli import app
from annotator.errors import AnnotatorError
from annotator.metrics.agreement import PairRatios, agreement
from annotator.models import ArticleIn, Suggestion
from annotator.reports.agreement import load
from annotator.store import Store
from annotator.store.assignments import assign, assigned, compared_articles, progress
from annotator.store.merge import merge
from annotator.store.pack import pack
from annotator.store.verify import check

TEAM = ["alice", "bob", "carol"]
ISRAEL = "Israel said Hamas fired rockets at Tel Aviv ."
PARIS = "Paris police said 20 people were hurt ."
ROME = "Rome mayor said the city was calm ."
#: What each annotator marks in each article (only their assigned articles get marked).
MARKS = {
    "alice": {PARIS: [("Paris", "LOCATION"), ("20", "FIGURE")], ROME: [("Rome", "LOCATION")]},
    "bob": {ISRAEL: [("Israel", "ACTOR"), ("Hamas", "ACTOR"), ("Tel Aviv", "LOCATION")],
            PARIS: [("Paris", "LOCATION"), ("20 people", "FIGURE")]},
    "carol": {ISRAEL: [("Israel", "ACTOR"), ("Hamas", "LOCATION"), ("Tel Aviv", "LOCATION")],
              ROME: [("Rome", "LOCATION")]},
}  # fmt: skip


@pytest.fixture
def lead(tmp_path: Path) -> Path:
    """Three articles with one suggestion each, assigned to two of alice, bob and carol each."""
    path = tmp_path / "lead.db"
    with Store.open(path) as store:
        rows = []
        for title, text in (("Israel", ISRAEL), ("Paris", PARIS), ("Rome", ROME)):
            word = text.split()[0]
            suggestion = Suggestion(start=0, end=len(word), label="LOCATION", text=word, suggester="entities.v1")
            rows.append((ArticleIn(text=text, title=title), word_tokens(text), [suggestion]))
        store.add_articles(rows)
        assign(store, TEAM, 2, seed=0, by="lead")
    return path


def annotate_pack(path: Path, who: str) -> None:
    """The annotator's session, through the Store as the TUI calls it: the suggestion decided, spans, done."""
    with Store.open(path) as store:
        for article_id in assigned(store, who):
            text = store.article_text(article_id)
            for suggestion in store.pending(article_id, who):
                store.reject_suggestion(article_id, who, suggestion.id)
            for part, label in MARKS[who][text]:
                start = nth(text, part)
                store.add_span(article_id, who, start, start + len(part), label)
            store.set_status(article_id, who, "done")


def test_assign_pack_annotate_merge_agreement(tmp_path: Path, lead: Path) -> None:
    with Store.open(lead) as store:
        ids = store.article_ids()
        plan = {who: assigned(store, who) for who in TEAM}
    israel, paris, rome = ids
    assert plan == {"alice": [paris, rome], "bob": [israel, paris], "carol": [israel, rome]}  # seed 0

    packs = {who: tmp_path / f"{who}.db" for who in TEAM}
    for who in TEAM:
        with Store.open(lead) as store:
            report = pack(store, who, packs[who])
        assert (report.articles, report.suggestions, report.events) == (2, 2, 2)  # two assign events
    with Store.open(packs["alice"]) as store:
        assert store.article_ids() == [paris, rome]
        assert [e.action for e in store.events()] == ["assign", "assign"]
    for who in TEAM:
        annotate_pack(packs[who], who)

    with Store.open(lead) as store:
        report = merge(store, [packs[who] for who in TEAM])
        assert (report.articles_added, report.annotations_added, report.conflicts, report.assignments_added) == (
            0,
            6,
            [],
            0,
        )
        # per article: the suggestion rejected, a span added each, done: alice 4 + 3, bob 5 + 4, carol 5 + 3
        assert report.events_copied == 24
        assert check(store) == []
        assert progress(store) == [("alice", 2, 0, 0, 2, 0), ("bob", 2, 0, 0, 2, 0), ("carol", 2, 0, 0, 2, 0)]
        compared = compared_articles(store, TEAM, ["done"])
        assert compared == [(israel, ["bob", "carol"]), (paris, ["alice", "bob"]), (rome, ["alice", "carol"])]
        corpus = load(store, TEAM)
        again = merge(store, [packs[who] for who in TEAM])
        assert (again.annotations_added, again.events_copied, again.unchanged) == (0, 0, 6)

    result = agreement(corpus)
    pairs = {(p.a, p.b, p.label): p for p in result.pairs}
    assert result.articles == 3
    assert [pairs[(*pair, "ALL")].articles for pair in (("alice", "bob"), ("alice", "carol"), ("bob", "carol"))] == [
        1,
        1,
        1,
    ]
    # bob ~ carol on the Israel article: Israel and Tel Aviv agree; Hamas is ACTOR against LOCATION.
    assert pairs["bob", "carol", "ALL"].exact == PairRatios(p=2 / 3, r=2 / 3, f1=2 / 3)
    assert pairs["bob", "carol", "ACTOR"].exact == PairRatios(p=1.0, r=0.5, f1=2 / 3)
    # tags B-A O B-A O O O B-L I-L O against B-A O B-L O O O B-L I-L O: observed 8/9, expected
    # (B-A 2*1 + O 5*5 + B-L 1*2 + I-L 1*1)/81 = 30/81; kappa (72 - 30)/(81 - 30) = 42/51.
    assert pairs["bob", "carol", "ALL"].cohen_kappa == pytest.approx(42 / 51, abs=1e-12)
    # alice ~ bob on the Paris article: "20" against "20 people"; tags B-L O O B-F O O O O / B-L O O B-F I-F O O O:
    # observed 7/8, expected (1 + 6*5 + 1)/64 = 1/2; kappa (7/8 - 1/2)/(1/2) = 3/4.
    assert pairs["alice", "bob", "ALL"].exact == PairRatios(p=0.5, r=0.5, f1=0.5)
    assert pairs["alice", "bob", "ALL"].partial == PairRatios(p=1.0, r=1.0, f1=1.0)
    assert pairs["alice", "bob", "ALL"].cohen_kappa == pytest.approx(3 / 4, abs=1e-12)
    # alice ~ carol on the Rome article: the same single span.
    assert pairs["alice", "carol", "ALL"].exact == PairRatios(p=1.0, r=1.0, f1=1.0)
    assert pairs["alice", "carol", "ALL"].cohen_kappa == 1.0
    code = {"ACTOR": 1, "LOCATION": 2, "FIGURE": 3}  # I; B is 3 more
    columns = []
    for text in (ISRAEL, PARIS, ROME):
        for token in word_tokens(text):
            values = []
            for who in TEAM:
                if text not in MARKS[who]:
                    values.append(np.nan)
                    continue
                found = [code[label] + 3 * (token.start <= nth(text, part)) for part, label in MARKS[who][text]
                         if nth(text, part) < token.end and token.start < nth(text, part) + len(part)]  # fmt: skip
                values.append(found[0] if found else 0)
            columns.append(values)
    expected = krippendorff.alpha(reliability_data=np.array(columns).T, level_of_measurement="nominal")
    assert result.krippendorff_alpha["ALL"] == pytest.approx(expected, abs=1e-12)


def test_cli_pack_then_merge_and_agreement(tmp_path: Path, lead: Path) -> None:
    runner = CliRunner()
    for who in TEAM:
        result = runner.invoke(app, ["pack", "--annotator", who, "-o", str(tmp_path / f"{who}.db"), "--db", str(lead)])
        assert result.exit_code == 0, result.output
        assert result.stdout == f"2 article(s), 2 suggestion(s) for {who} -> {tmp_path / f'{who}.db'}\n"
        annotate_pack(tmp_path / f"{who}.db", who)
    result = runner.invoke(app, ["merge", *(str(tmp_path / f"{who}.db") for who in TEAM), "--db", str(lead)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["agreement", "--db", str(lead)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "articles compared  3 (each done by the annotators assigned it, of alice, bob, carol)"
    assert lines[5] == "pairs share        alice ~ bob 1, alice ~ carol 1, bob ~ carol 1 article(s)"
    assert lines[1].startswith("caution: on 1 of the 3 article(s) compared")  # Rome: both marked what was suggested
    assert "bob ~ carol              ALL               3/3  0.667/0.667/0.667     0.667/0.667/0.667     0.824" in lines


def test_a_pack_needs_assignments_and_a_new_file(tmp_path: Path, lead: Path) -> None:
    with Store.open(lead) as store:
        with pytest.raises(AnnotatorError, match=r"no article is assigned to 'dave' \(assigned: alice, bob, carol\)"):
            pack(store, "dave", tmp_path / "dave.db")
        (tmp_path / "taken.db").write_text("mine", encoding="utf-8")
        with pytest.raises(AnnotatorError, match="already exists"):
            pack(store, "bob", tmp_path / "taken.db")
    assert (tmp_path / "taken.db").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "dave.db").exists()


def test_a_pack_holds_no_one_elses_work(tmp_path: Path, lead: Path) -> None:
    with Store.open(lead) as store:
        israel = store.article_ids()[0]
        store.add_span(israel, "alice", 0, 6, "ACTOR")  # alice worked on the shared host before packing
        store.add_span(israel, "bob", 0, 6, "LOCATION")
        pack(store, "bob", tmp_path / "bob.db")
    with Store.open(tmp_path / "bob.db") as packed:
        assert packed.annotators() == ["bob"]
        assert [s.label.value for s in packed.spans(israel, "bob")] == ["LOCATION"]
        assert packed.spans(israel, "alice") == []
        assert check(packed) == []

"""Consensus (agreed spans, disagreements) and writing gold with a record of who decided what."""

from __future__ import annotations

import re

import pytest

from annotator.exchange.records import annotator_records
from annotator.gold import accept_agreed, article_consensus, auto_adjudicate, decisions, pick_version
from annotator.metrics.consensus import Kind, consensus
from annotator.models import ArticleIn, Span, Status
from annotator.rows import Token
from annotator.store import Store
from annotator.vocabulary import GOLD

TEXT = 'Israel said Hamas fired 20 rockets at Tel Aviv . The army said it was " ready " to respond .'


def words(text: str) -> list[Token]:
    return [Token(start=m.start(), end=m.end()) for m in re.finditer(r"\S+", text)]


def mark(part: str, label: str, speaker: Span | None = None) -> Span:
    start = TEXT.index(part)
    offsets = {"start": speaker.start, "end": speaker.end} if speaker else None
    return Span(start=start, end=start + len(part), label=label, text=part, speaker=offsets)


ISRAEL = mark("Israel", "ACTOR")
ARMY = mark("The army", "ACTOR")
ALICE = [ISRAEL, mark("Hamas", "ACTOR"), mark("20 rockets", "FIGURE"), ARMY, mark("ready", "QUOTE", speaker=ARMY)]
BOB = [ISRAEL, mark("Hamas", "LOCATION"), mark("20", "FIGURE"), ARMY, mark("ready", "QUOTE", speaker=ISRAEL)]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "annotations.db") as opened:
        yield opened


@pytest.fixture
def article_id(store: Store) -> str:
    added, _ = store.add_articles([(ArticleIn(text=TEXT, title="Rockets"), words(TEXT), [])])
    store.replace_annotation(added[0], "alice", ALICE, Status.DONE)
    store.replace_annotation(added[0], "bob", BOB, Status.DONE)
    return added[0]


def test_consensus_splits_agreed_spans_from_disagreements():
    found = consensus({"alice": ALICE, "bob": BOB})
    assert [(s.text, s.label.value) for s in found.agreed] == [("Israel", "ACTOR"), ("The army", "ACTOR")]
    assert [(d.kind, d.start, d.end) for d in found.disagreements] == [
        (Kind.LABEL, 12, 17),
        (Kind.BOUNDARY, 24, 34),
        (Kind.SPEAKER, 72, 77),
    ]
    hamas = found.disagreements[0]
    assert [s.label.value for s in hamas.versions["alice"]] == ["ACTOR"]
    assert [s.label.value for s in hamas.versions["bob"]] == ["LOCATION"]


def test_a_span_only_one_annotator_has_is_missing_for_the_other():
    found = consensus({"alice": [ISRAEL], "bob": []})
    assert found.agreed == []
    assert found.disagreements[0].kind is Kind.MISSING
    assert found.disagreements[0].versions == {"alice": [ISRAEL], "bob": []}


def test_overlapping_spans_chain_into_one_disagreement():
    a = [mark("Hamas fired", "ACTOR")]
    b = [mark("Hamas", "ACTOR"), mark("fired 20", "FIGURE")]
    found = consensus({"a": a, "b": b})
    assert len(found.disagreements) == 1
    assert (found.disagreements[0].start, found.disagreements[0].end) == (12, 26)


def test_identical_and_empty_annotations():
    assert consensus({"a": ALICE, "b": ALICE}).disagreements == []
    assert len(consensus({"a": ALICE, "b": ALICE}).agreed) == len(ALICE)
    assert consensus({"a": [], "b": []}) == consensus({})


def test_agreed_spans_go_into_gold_as_one_event_naming_the_source(store: Store, article_id: str):
    edit = accept_agreed(store, article_id, ["alice", "bob"], reviewer="carol")
    assert edit is not None
    assert [(s.text, s.label.value) for s in store.spans(article_id, GOLD)] == [
        ("Israel", "ACTOR"),
        ("The army", "ACTOR"),
    ]
    [decision] = decisions(store, article_id)
    assert (decision.source, decision.reviewer, len(decision.spans)) == ("all", "carol", 2)
    assert accept_agreed(store, article_id, ["alice", "bob"], reviewer="carol") is None  # nothing new


def test_picking_a_version_records_whose_it_was_and_can_be_changed(store: Store, article_id: str):
    accept_agreed(store, article_id, ["alice", "bob"], reviewer="carol")
    figure = article_consensus(store, article_id, ["alice", "bob"]).disagreements[1]
    pick_version(store, article_id, figure, "alice", reviewer="carol")
    assert "20 rockets" in [s.text for s in store.spans(article_id, GOLD)]
    pick_version(store, article_id, figure, "bob", reviewer="carol")
    gold = [s.text for s in store.spans(article_id, GOLD)]
    assert "20" in gold and "20 rockets" not in gold
    assert [
        (d.source, [s.text for s in d.spans], [s.text for s in d.replaced]) for d in decisions(store, article_id)
    ] == [
        ("all", ["Israel", "The army"], []),
        ("alice", ["20 rockets"], []),
        ("bob", ["20"], ["20 rockets"]),
    ]
    store.undo(article_id, GOLD)
    assert "20 rockets" in [s.text for s in store.spans(article_id, GOLD)]


def test_a_quote_keeps_its_speaker_only_when_gold_has_that_actor(store: Store, article_id: str):
    quote = article_consensus(store, article_id, ["alice", "bob"]).disagreements[2]
    pick_version(store, article_id, quote, "alice", reviewer="carol")
    [gold_quote] = store.spans(article_id, GOLD)
    assert gold_quote.speaker is None  # "The army" is not in gold yet
    accept_agreed(store, article_id, ["alice", "bob"], reviewer="carol")
    pick_version(store, article_id, quote, "alice", reviewer="carol")
    quotes = [s for s in store.spans(article_id, GOLD) if s.label.value == "QUOTE"]
    assert [(q.speaker.start, q.speaker.end) for q in quotes if q.speaker] == [(ARMY.start, ARMY.end)]


def test_auto_adjudication_settles_unanimous_articles_and_exports(store: Store, article_id: str):
    other = "Paris is calm ."
    added, _ = store.add_articles([(ArticleIn(text=other), words(other), [])])
    paris = Span(start=0, end=5, label="LOCATION", text="Paris")
    store.replace_annotation(added[0], "alice", [paris], Status.DONE)
    store.replace_annotation(added[0], "bob", [paris], Status.DONE)
    report = auto_adjudicate(store, ["alice", "bob"], reviewer="carol")
    assert (report.articles, report.spans, report.settled, report.disagreements) == (2, 3, 1, 3)
    assert store.status(added[0], GOLD) is Status.DONE
    assert store.status(article_id, GOLD) is Status.IN_PROGRESS
    records = {r.article_id: r for r in annotator_records(store, GOLD)}
    assert [s.text for s in records[added[0]].spans] == ["Paris"]
    again = auto_adjudicate(store, ["alice", "bob"], reviewer="carol")
    assert (again.spans, again.settled) == (0, 0)

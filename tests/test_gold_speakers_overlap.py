"""Trial 39b: alice's quote is spoken by ACTOR 'Durham Hall QC', carol's by 'Durham Hall'. `agreement` counts those
speakers as agreeing (they share characters: `metrics.matching.speakers_agree`, as `evaluate` counts them), but
review showed a boundary disagreement on the ACTOR and a second, "speaker" disagreement on the quote; picking
carol's ACTOR, then alice's quote, put the quote into gold with no speaker ("who is not decided yet"), settled.
Consensus now asks `speakers_agree` too, and a quote going into gold is linked to the gold ACTOR its version's
speaker overlaps. Real SQLite databases through the store.
"""

from __future__ import annotations

import re

import pytest

from annotator.gold import auto_adjudicate, decisions, open_for_review, pick_version, review_state
from annotator.metrics.consensus import Kind, consensus
from annotator.models import ArticleIn, Span, Status
from annotator.rows import Token
from annotator.store import Store
from annotator.vocabulary import GOLD

TEXT = (
    'Durham Hall QC, prosecuting, said the men "appear not to have shown any respect for the minimum standards of '
    'decent behaviour." The judge agreed.'
)
WORDS = "appear not to have shown any respect for the minimum standards of decent behaviour."
WHO = ["alice", "carol"]


def at(part: str) -> tuple[int, int]:
    return TEXT.index(part), TEXT.index(part) + len(part)


def mark(part: str, label: str, speaker: str | None = None) -> Span:
    start, end = at(part)
    offsets = dict(zip(("start", "end"), at(speaker), strict=True)) if speaker else None
    return Span(start=start, end=end, label=label, text=part, speaker=offsets)


ALICE = [mark("Durham Hall QC", "ACTOR"), mark(WORDS, "QUOTE", speaker="Durham Hall QC")]
CAROL = [mark("Durham Hall", "ACTOR"), mark(WORDS, "QUOTE", speaker="Durham Hall")]


def make_article(store: Store, alice: list[Span], carol: list[Span]) -> str:
    tokens = [Token(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", TEXT)]
    [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Nine jailed"), tokens, [])])
    store.replace_annotation(article_id, "alice", alice, Status.DONE)
    store.replace_annotation(article_id, "carol", carol, Status.DONE)
    return article_id


def gold(store: Store, article_id: str) -> list[tuple[str, str, tuple[int, int] | None]]:
    return [(s.label.value, s.text, tuple(s.speaker) if s.speaker else None) for s in store.spans(article_id, GOLD)]


@pytest.fixture
def article(store: Store) -> str:
    return make_article(store, ALICE, CAROL)


def test_quotes_whose_speakers_overlap_agree_and_the_actor_boundary_is_the_one_disagreement() -> None:
    found = consensus({"alice": ALICE, "carol": CAROL})
    assert [(s.label.value, s.text, s.speaker) for s in found.agreed] == [("QUOTE", WORDS, ALICE[1].speaker)]
    assert [(d.kind, d.layer, (d.start, d.end)) for d in found.disagreements] == [
        (Kind.BOUNDARY, "entity", at("Durham Hall QC"))
    ]


@pytest.mark.parametrize(
    ("carol_speaker", "kind"),
    [
        ("Durham Hall QC", None),  # the same ACTOR
        ("Durham Hall", None),  # overlapping: agreement counts them as agreeing
        ("The judge", Kind.SPEAKER),  # another ACTOR
    ],
)
def test_consensus_reads_speakers_as_agreement_does(carol_speaker: str, kind: Kind | None) -> None:
    carol = [mark(carol_speaker, "ACTOR"), mark(WORDS, "QUOTE", speaker=carol_speaker)]
    quotes = [d.kind for d in consensus({"alice": ALICE, "carol": carol}).disagreements if d.layer == "quote"]
    assert quotes == ([kind] if kind else [])


def test_a_quote_without_a_speaker_and_one_with_one_disagree() -> None:
    carol = [mark("Durham Hall QC", "ACTOR"), mark(WORDS, "QUOTE")]
    quotes = [d.kind for d in consensus({"alice": ALICE, "carol": carol}).disagreements if d.layer == "quote"]
    assert quotes == [Kind.SPEAKER]


def test_picking_the_actor_boundary_links_the_agreed_quote_and_settles_the_article(store: Store, article: str) -> None:
    opened = open_for_review(store, article, WHO, "lead")
    assert opened is not None and opened.message == (
        "1 span from all; 1 quote without their speaker, who is not decided yet"
    )
    assert gold(store, article) == [("QUOTE", WORDS, None)]
    [boundary] = review_state(store, article, WHO).disagreements
    edit = pick_version(store, article, boundary, "carol", "lead")
    assert edit is not None and edit.message == (
        "ACTOR 'Durham Hall' at 0:11; QUOTE 'appear not to have shown any respect for … behaviour.' at 43:126 "
        "linked to its speaker, as carol's version has it"
    )
    assert gold(store, article) == [("ACTOR", "Durham Hall", None), ("QUOTE", WORDS, at("Durham Hall"))]
    assert review_state(store, article, WHO).open == []
    assert [d.source for d in decisions(store, article)] == ["all", "carol"]


def test_changing_the_actor_boundary_moves_the_quote_to_the_new_actor(store: Store, article: str) -> None:
    open_for_review(store, article, WHO, "lead")
    [boundary] = review_state(store, article, WHO).disagreements
    pick_version(store, article, boundary, "carol", "lead")
    edit = pick_version(store, article, boundary, "alice", "lead")
    assert edit is not None and edit.message == (
        "ACTOR 'Durham Hall QC' at 0:14, 1 span replaced; QUOTE 'appear not to have shown any respect for … "
        "behaviour.' at 43:126 linked to ACTOR 'Durham Hall QC' at 0:14, gold's ACTOR overlapping its speaker"
    )
    assert gold(store, article) == [("ACTOR", "Durham Hall QC", None), ("QUOTE", WORDS, at("Durham Hall QC"))]
    store.undo(article, GOLD)
    assert gold(store, article) == [("ACTOR", "Durham Hall", None), ("QUOTE", WORDS, at("Durham Hall"))]


def test_auto_takes_such_a_quote_as_agreed_and_review_links_it(store: Store, article: str) -> None:
    report = auto_adjudicate(store, WHO, "lead")
    assert (report.spans, report.disagreements, report.settled) == (1, 1, 0)
    assert gold(store, article) == [("QUOTE", WORDS, None)]
    [boundary] = review_state(store, article, WHO).disagreements
    pick_version(store, article, boundary, "alice", "lead")
    assert gold(store, article) == [("ACTOR", "Durham Hall QC", None), ("QUOTE", WORDS, at("Durham Hall QC"))]


def test_a_quote_picked_after_its_speakers_boundary_is_linked_to_the_gold_actor(store: Store) -> None:
    """Where the quotes do disagree (carol's ends sooner), the report's order: carol's ACTOR, then alice's quote.
    Before, the quote went in speakerless, "who is not decided yet", and counted as settled."""
    short = "appear not to have shown any respect"
    article = make_article(store, ALICE, [CAROL[0], mark(short, "QUOTE", speaker="Durham Hall")])
    open_for_review(store, article, WHO, "lead")
    actor, quote = review_state(store, article, WHO).disagreements
    assert (actor.kind, quote.kind) == (Kind.BOUNDARY, Kind.BOUNDARY)
    pick_version(store, article, actor, "carol", "lead")
    edit = pick_version(store, article, quote, "alice", "lead")
    assert edit is not None and edit.message == (
        "QUOTE 'appear not to have shown any respect for … behaviour.' at 43:126; QUOTE at 43:126 "
        "linked to ACTOR 'Durham Hall' at 0:11, gold's ACTOR overlapping its speaker"
    )
    assert gold(store, article) == [("ACTOR", "Durham Hall", None), ("QUOTE", WORDS, at("Durham Hall"))]
    assert review_state(store, article, WHO).open == []


def test_auto_again_after_the_pick_leaves_the_linked_quote_as_it_is(store: Store, article: str) -> None:
    """The agreed quote (alice's, spoken by 'Durham Hall QC') is in gold already, linked to 'Durham Hall': a second
    `adjudicate --auto` does not refuse the article for a clash with itself; the reviewer picked a version there,
    so it is theirs to finish (`under_review`, attacker 43a), left as it is."""
    auto_adjudicate(store, WHO, "lead")
    [boundary] = review_state(store, article, WHO).disagreements
    pick_version(store, article, boundary, "carol", "lead")
    again = auto_adjudicate(store, WHO, "lead")
    assert (again.refused, again.spans, again.disagreements, again.under_review) == ([], 0, 0, (article,))
    assert gold(store, article) == [("ACTOR", "Durham Hall", None), ("QUOTE", WORDS, at("Durham Hall"))]

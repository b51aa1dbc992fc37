"""Correction telemetry: what annotators did with each suggestion, on small hand-built databases."""

from __future__ import annotations

from support import SMALL_TEXT

from annotator.metrics.corrections import AnnotatedArticle, Outcome, outcomes
from annotator.models import Label, Status
from annotator.reports.evaluation import load_corrections
from annotator.rows import SpanRow, SuggestionRow
from annotator.store import Store


def suggestion_id(store: Store, article_id: str, text: str) -> int:
    return next(s.id for s in store.suggestions(article_id) if s.text == text)


def span_id(store: Store, article_id: str, who: str, text: str) -> int:
    return next(s.id for s in store.spans(article_id, who) if s.text == text)


def counts(report) -> dict[tuple[str, str], tuple[int, int, int, int, int]]:
    return {
        (r.suggester, r.label.value): (r.accepted, r.moved, r.relabelled, r.rejected, r.pending) for r in report.rows
    }


def test_each_kind_of_correction_is_counted_per_suggester_and_label(store: Store, small_article: str) -> None:
    """Quote accepted (bringing its speaker), speaker relabelled, place rejected after accepting it, figure
    narrowed, and a span marked by hand."""
    a = small_article
    store.accept_suggestion(a, "alice", suggestion_id(store, a, "talks failed"))
    store.relabel_span(a, "alice", span_id(store, a, "alice", "Washington"), Label.LOCATION)
    store.accept_suggestion(a, "alice", suggestion_id(store, a, "Gaza"))
    store.remove_span(a, "alice", span_id(store, a, "alice", "Gaza"))
    store.accept_suggestion(a, "alice", suggestion_id(store, a, "at least 35"))
    figure = span_id(store, a, "alice", "at least 35")
    start = SMALL_TEXT.index("35")
    store.resize_span(a, "alice", figure, start, start + 2)
    store.add_span(a, "alice", SMALL_TEXT.index("Gaza"), SMALL_TEXT.index("Gaza") + 4, Label.ACTOR)
    store.set_status(a, "alice", Status.DONE)

    report = load_corrections(store, ["alice"])

    assert (report.annotators, report.annotations) == (["alice"], 1)
    assert counts(report) == {
        ("entities.v1", "ACTOR"): (0, 0, 1, 0, 0),
        ("entities.v1", "LOCATION"): (0, 0, 0, 1, 0),
        ("entities.v1", "FIGURE"): (0, 1, 0, 0, 0),
        ("quotes.v1", "QUOTE"): (1, 0, 0, 0, 0),
    }
    assert report.added == {Label.ACTOR: 1, Label.LOCATION: 0, Label.FIGURE: 0, Label.QUOTE: 0}


def test_shares_are_of_every_suggestion_including_pending(store: Store, small_article: str) -> None:
    a = small_article
    store.accept_suggestion(a, "bob", suggestion_id(store, a, "Gaza"))
    store.reject_suggestion(a, "bob", suggestion_id(store, a, "at least 35"))
    store.set_status(a, "bob", Status.DONE)
    rows = load_corrections(store, ["bob"]).rows
    entities = {r.label: r for r in rows if r.suggester == "entities.v1"}
    assert entities[Label.LOCATION].shares == {
        "accepted": 1.0, "moved": 0.0, "relabelled": 0.0, "rejected": 0.0, "pending": 0.0
    }  # fmt: skip
    assert (entities[Label.FIGURE].rejected, entities[Label.ACTOR].pending, entities[Label.ACTOR].suggested) == (
        1,
        1,
        1,
    )


def test_a_span_marked_by_hand_where_a_suggestion_was_counts_as_accepting_it(store: Store, small_article: str) -> None:
    a = small_article
    start = SMALL_TEXT.index("Gaza")
    store.add_span(a, "bob", start, start + 4, Label.LOCATION)
    store.set_status(a, "bob", Status.DONE)
    report = load_corrections(store, ["bob"])
    assert counts(report)[("entities.v1", "LOCATION")] == (1, 0, 0, 0, 0)
    assert sum(report.added.values()) == 0


def test_only_articles_marked_done_count_unless_asked(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    assert load_corrections(store, ["alice"]).annotations == 0
    report = load_corrections(store, ["alice"], [Status.DONE, Status.IN_PROGRESS])
    assert (report.annotations, counts(report)[("entities.v1", "LOCATION")]) == (1, (1, 0, 0, 0, 0))


def test_accepted_suggestion_whose_span_is_gone_after_an_import_is_rejected() -> None:
    """An import replaces spans with unlinked ones: an exact repeat is still recognised, a changed one is not."""
    suggestions = [
        SuggestionRow(id=1, start=0, end=5, label=Label.ACTOR, text="Alpha", suggester="entities.v1"),
        SuggestionRow(id=2, start=10, end=15, label=Label.ACTOR, text="Gamma", suggester="entities.v1"),
    ]
    spans = [
        SpanRow(id=7, start=0, end=5, label=Label.ACTOR, text="Alpha"),
        SpanRow(id=8, start=10, end=12, label=Label.ACTOR, text="Ga"),
    ]
    found, added = outcomes(
        AnnotatedArticle(suggestions=suggestions, spans=spans, decisions={1: "accepted", 2: "accepted"})
    )
    assert [outcome for _, outcome in found] == [Outcome.ACCEPTED, Outcome.REJECTED]
    assert [span.id for span in added] == [8]

"""`annotator.reports.evaluation`: the model or an annotator against gold, a named annotator or a file, on small databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SMALL_TEXT, find, word_tokens

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.formats.jsonl import dumps
from annotator.metrics.evaluation import MatchCounts
from annotator.models import NativeRecord, Span, Status, Suggestion
from annotator.reports.evaluation import score
from annotator.reports.evaluation_text import text_lines
from annotator.reports.reference import choose_reference
from annotator.store import Store, db_option
from annotator.vocabulary import GOLD


def gold_spans() -> list[Span]:
    """What the small article's suggestions get right, except the FIGURE, which is narrower in gold."""
    return [
        Span(**find(SMALL_TEXT, "Washington", "ACTOR")),
        Span(**find(SMALL_TEXT, "talks failed", "QUOTE"), speaker={"start": 0, "end": 10}),
        Span(**find(SMALL_TEXT, "Gaza", "LOCATION")),
        Span(**find(SMALL_TEXT, "35", "FIGURE")),
    ]


@pytest.fixture
def with_gold(store: Store, small_article: str) -> str:
    store.replace_annotation(small_article, GOLD, gold_spans(), Status.DONE)
    return small_article


def test_model_against_gold_per_label(store: Store, with_gold: str) -> None:
    report = score(store, choose_reference(store, None))
    assert (report.predicted, report.reference, report.articles) == ("model:entities.v1+quotes.v1", "gold", 1)
    assert report.labels["ACTOR"].exact == MatchCounts(tp=1, fp=0, fn=0)
    assert report.labels["FIGURE"].exact == MatchCounts(tp=0, fp=1, fn=1)
    assert report.labels["FIGURE"].overlap == MatchCounts(tp=1, fp=0, fn=0)
    assert report.labels["ALL"].exact == MatchCounts(tp=3, fp=1, fn=1)
    assert report.labels["ALL"].overlap == MatchCounts(tp=4, fp=0, fn=0)
    assert (report.speakers.gold_quotes, report.speakers.correct) == (1, 1)


def test_only_gold_articles_marked_done_count_unless_asked(store: Store, small_article: str) -> None:
    store.replace_annotation(small_article, GOLD, gold_spans(), Status.IN_PROGRESS)
    with pytest.raises(AnnotatorError, match="gold has no article marked done \\(1 in progress"):
        score(store, choose_reference(store, None))
    report = score(store, choose_reference(store, None, include_in_progress=True), include_in_progress=True)
    assert (report.articles, report.articles_rule) == (1, "marked done or in progress")


def test_an_annotator_against_gold_and_gold_from_an_annotator(store: Store, with_gold: str) -> None:
    store.replace_annotation(with_gold, "alice", gold_spans()[:2], Status.DONE)
    report = score(store, choose_reference(store, None), annotator="alice")
    assert (report.predicted, report.labels["ALL"].exact) == ("alice", MatchCounts(tp=2, fp=0, fn=2))
    reverse = score(store, choose_reference(store, "alice"), annotator=GOLD)
    assert (reverse.reference, reverse.labels["ALL"].exact) == ("alice", MatchCounts(tp=2, fp=2, fn=0))


def test_the_model_is_each_suggesters_newest_batch(store: Store, with_gold: str) -> None:
    """Re-suggesting keeps old suggestions someone decided on, for the record; they are not scored."""
    figure = next(s for s in store.suggestions(with_gold) if s.label.value == "FIGURE")
    store.accept_suggestion(with_gold, "alice", figure.id)
    newer = [
        Suggestion(**find(SMALL_TEXT, "Gaza", "LOCATION"), suggester="entities.v1"),
        Suggestion(**find(SMALL_TEXT, "35", "FIGURE"), suggester="entities.v1"),
    ]
    store.replace_suggestions(with_gold, word_tokens(SMALL_TEXT), newer)
    assert len(store.suggestions(with_gold)) == 3
    report = score(store, choose_reference(store, None))
    assert report.labels["FIGURE"].exact == MatchCounts(tp=1, fp=0, fn=0)
    assert report.labels["ALL"].exact == MatchCounts(tp=2, fp=0, fn=2)


def test_gold_from_a_native_file(store: Store, small_article: str, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    record = NativeRecord(article_id=small_article, text=SMALL_TEXT, annotator="ref", spans=gold_spans()[2:])
    path.write_text(dumps(record) + "\n", encoding="utf-8")
    report = score(store, choose_reference(store, str(path)))
    assert (report.reference, report.articles, report.labels["ALL"].exact) == (
        str(path),
        1,
        MatchCounts(tp=1, fp=3, fn=1),
    )


def test_a_file_article_missing_from_the_database_is_a_located_error(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(dumps(NativeRecord(article_id="elsewhere", text="Not stored.", annotator="x")) + "\n")
    with pytest.raises(InputError) as error:
        choose_reference(store, str(path))
    assert str(error.value) == (
        f"{path}:1: field 'article_id': article 'elsewhere' is not in the database (ingest or import it first)"
    )


def test_articles_without_suggestions_are_reported(store: Store, with_gold: str) -> None:
    from annotator.models import ArticleIn

    text = "Paris is calm."
    [other], _ = store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])
    store.replace_annotation(other, GOLD, [Span(**find(text, "Paris", "LOCATION"))], Status.DONE)
    report = score(store, choose_reference(store, None))
    assert (report.articles, report.predicted_missing, report.labels["LOCATION"].exact.fn) == (2, 1, 1)
    assert "  1 of them without any suggestions from model:entities.v1+quotes.v1 (see `annotator suggest`)" in (
        text_lines(report)
    )


def test_scoring_the_reference_against_itself_is_refused(store: Store, with_gold: str) -> None:
    with pytest.raises(AnnotatorError, match="is the reference itself"):
        score(store, choose_reference(store, None), annotator=GOLD)


def test_with_no_gold_the_way_on_names_whose_work_can_be_the_reference(store: Store, small_article: str) -> None:
    """Without gold, the way on depends on who has done what: the scored annotator's own done work cannot be the
    reference, so "nobody but alice" has marked one done; several annotators in progress are listed."""
    store.replace_annotation(small_article, "alice", gold_spans(), Status.DONE)
    store.replace_annotation(small_article, "bob", gold_spans()[:1], Status.IN_PROGRESS)
    with pytest.raises(AnnotatorError) as alone:
        score(store, choose_reference(store, None), annotator="alice")
    store.replace_annotation(small_article, "alice", gold_spans(), Status.IN_PROGRESS)
    store.replace_annotation(small_article, "carol", gold_spans()[:2], Status.IN_PROGRESS)
    with pytest.raises(AnnotatorError) as several:
        score(store, choose_reference(store, None))
    assert str(alone.value) == (
        "nothing to evaluate against: gold has no article marked done (nobody but alice has marked an article done "
        f"yet: d in `annotator{db_option(store.path)}` marks a finished one done, then `--gold-from bob` scores "
        "against bob's; or "
        "`--gold-from bob --include-in-progress` against work in progress)"
    )
    assert str(several.value) == (
        "nothing to evaluate against: gold has no article marked done (nobody has marked an article done yet: d in "
        f"`annotator{db_option(store.path)}` marks a finished one done, then `--gold-from NAME` scores against one "
        "annotator's (alice, bob, "
        "carol); or `--gold-from NAME --include-in-progress` against work in progress)"
    )


def test_an_annotator_is_scored_only_on_the_articles_they_started(store: Store, with_gold: str) -> None:
    """`evaluate --annotator bob` counted gold's spans of an article bob never opened against him (a newcomer's
    trial, 37, 10: ACTOR recall 0.653 for work he was never given). Such an article is left out, and counted."""
    from annotator.models import ArticleIn

    text = "Paris is calm."
    [other], _ = store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])
    store.replace_annotation(other, GOLD, [Span(**find(text, "Paris", "LOCATION"))], Status.DONE)
    store.replace_annotation(with_gold, "alice", gold_spans()[:2], Status.DONE)
    report = score(store, choose_reference(store, None), annotator="alice")
    assert (report.articles, report.not_started_left_out, report.labels["ALL"].exact) == (
        1, 1, MatchCounts(tp=2, fp=0, fn=2)
    )  # fmt: skip
    assert text_lines(report)[:2] == [
        "alice against gold: 1 article(s) gold has marked done",
        "  1 more left out: alice has not started them (no span, still to do)",
    ]


def test_one_article_scored_has_no_interval_and_says_why(store: Store, with_gold: str) -> None:
    report = score(store, choose_reference(store, None))
    assert report.micro_interval is None
    assert [line for line in text_lines(report) if "F1 95%" in line] == [
        "  F1 95%: no interval: 1 article with spans, and an interval takes 4 (with fewer, its 95% ends are little "
        "more than single articles' own figures)"
    ]


def test_two_articles_draw_no_interval_and_say_why(store: Store, with_gold: str) -> None:
    """Two articles, one the model gets wholly right and one wholly wrong: a draw of two holds the right one twice,
    once or never, a quarter each end, so its "95%" ends would be the two articles' own figures. No interval under
    `intervals.FEWEST` articles with spans, as `train` and `--against` draw none (until 2026-12-05: 0.000-1.000)."""
    from annotator.models import ArticleIn

    text = "Paris sent 12 doctors."
    wrong = [Suggestion(**find(text, "Paris", "ACTOR"), suggester="entities.v1")]
    (other,), _ = store.add_articles([(ArticleIn(text=text, title="Other"), word_tokens(text), wrong)])
    store.replace_annotation(other, GOLD, [Span(**find(text, "Paris", "LOCATION"))], Status.DONE)
    right = [*gold_spans()[:3], Span(**find(SMALL_TEXT, "at least 35", "FIGURE"))]  # the suggestions, all four
    store.replace_annotation(with_gold, GOLD, right, Status.DONE)
    report = score(store, choose_reference(store, None))
    assert report.micro_interval is None
    assert report.suggestions_unchanged == 1  # the right one's gold is the suggestions: a caution says so
    assert [line for line in text_lines(report) if "F1 95%" in line] == [
        "  F1 95%: no interval: 2 articles with spans, and an interval takes 4 (with fewer, its 95% ends are little "
        "more than single articles' own figures)"
    ]

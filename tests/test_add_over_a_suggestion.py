"""A span marked by hand with exactly a pending suggestion's edges and label is that suggestion (a newcomer's
trial): it was stored as a new span and the suggestion left undecided, and a quote marked this way lost its
suggested speaker. It is now accepted, as enter would have, speaker and all."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SMALL_TEXT, find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.store.verify import replay_problems

QUOTE = "talks failed"


def stored(path: Path) -> tuple[Store, str]:
    store = Store.open(path)
    actor = find(SMALL_TEXT, "Washington", "ACTOR")
    suggestions = [
        Suggestion(**actor, suggester="entities.v4"),
        Suggestion(**find(SMALL_TEXT, QUOTE, "QUOTE", speaker={"start": 0, "end": 10}), suggester="quotes.v3"),
    ]
    [article] = store.add_articles([(ArticleIn(text=SMALL_TEXT, title="Small"), word_tokens(SMALL_TEXT), suggestions)])[
        0
    ]
    return store, article


@pytest.mark.parametrize("rejected_before", [False, True])
def test_marking_a_suggestion_s_words_with_its_label_accepts_it(tmp_path: Path, rejected_before: bool) -> None:
    """Pending, or rejected before (a newcomer's trial: the words marked again by hand were a new span while the
    suggestion stayed rejected, so the log said both that the model was wrong and right): the suggestion is
    accepted, the reject taken back, one action; an undo gives back what was there."""
    store, article = stored(tmp_path / "x.db")
    with store:
        [actor, _quote] = store.suggestions(article)
        if rejected_before:
            store.reject_suggestion(article, "alice", actor.id)
        edit = store.add_span(article, "alice", 0, 10, "ACTOR")
        [span] = store.spans(article, "alice")
        assert (span.text, span.suggestion_id) == ("Washington", actor.id)
        assert store.decisions(article, "alice") == {actor.id: "accepted"}
        assert edit.message == "accepted ACTOR 'Washington' at 0:10"
        store.undo(article, "alice")
        before = {actor.id: "rejected"} if rejected_before else {}
        assert (store.spans(article, "alice"), store.decisions(article, "alice")) == ([], before)


def test_a_quote_marked_over_a_pending_quote_keeps_its_suggested_speaker(tmp_path: Path) -> None:
    store, article = stored(tmp_path / "x.db")
    with store:
        [actor, quote] = store.suggestions(article)
        store.accept_suggestion(article, "alice", actor.id)
        start = SMALL_TEXT.index(QUOTE)
        store.add_span(article, "alice", start, start + len(QUOTE), "QUOTE")
        quoted = [s for s in store.spans(article, "alice") if s.label == "QUOTE"]
        assert [(s.text, s.speaker) for s in quoted] == [(QUOTE, (0, 10))]
        assert store.decisions(article, "alice") == {actor.id: "accepted", quote.id: "accepted"}


def test_a_suggestion_accepted_with_an_edge_moved_over_another_rejects_the_one_it_covers(tmp_path: Path) -> None:
    """A newcomer's trial: } on the pending "U.S." made "U.S., Egyptian" and left the pending "Egyptian" undecided
    behind it, so accept all and d, a could never finish ("1 left pending because they overlap"). Accepting a
    suggestion with new edges decides what the new span covers, as adding or growing a span does."""
    text = "Police in Gaza City said 35 died."
    store = Store.open(tmp_path / "x.db")
    with store:
        gaza, city = find(text, "Gaza", "LOCATION"), find(text, "City", "LOCATION")
        suggestions = [Suggestion(**gaza, suggester="entities.v4"), Suggestion(**city, suggester="entities.v4")]
        [article] = store.add_articles([(ArticleIn(text=text, title="T"), word_tokens(text), suggestions)])[0]
        first, second = store.suggestions(article)
        edit = store.accept_corrected(article, "alice", first.id, end=city["end"])
        assert [s.text for s in store.spans(article, "alice")] == ["Gaza City"]
        assert store.decisions(article, "alice") == {first.id: "accepted", second.id: "rejected"}
        assert store.pending(article, "alice") == []
        assert edit.message == (
            "accepted LOCATION 'Gaza' at 10:14 as LOCATION 'Gaza City' at 10:19; the suggestion it covers, "
            "LOCATION 'City' at 15:19, is rejected as replaced"
        )
        store.undo(article, "alice")
        assert store.decisions(article, "alice") == {}


def gaza_city(path: Path) -> tuple[Store, str, int]:
    """An article whose one suggestion is the LOCATION "Gaza City"."""
    text = "Police in Gaza City said 35 died."
    store = Store.open(path)
    suggestions = [Suggestion(**find(text, "Gaza City", "LOCATION"), suggester="entities.v4")]
    [article] = store.add_articles([(ArticleIn(text=text, title="T"), word_tokens(text), suggestions)])[0]
    [suggestion] = store.suggestions(article)
    return store, article, suggestion.id


def test_removing_the_span_that_replaced_a_suggestion_makes_it_pending_again(tmp_path: Path) -> None:
    """A newcomer's trial: "Gaza" marked over the pending "Gaza City" rejected it as replaced, and removing "Gaza"
    left it rejected, though nothing covers it any more. The removal takes back the rejection the span made, in
    its own event, so undo and redo give back exactly each state."""
    store, article, city = gaza_city(tmp_path / "x.db")
    with store:
        store.add_span(article, "alice", 10, 14, "LOCATION")
        assert store.decisions(article, "alice") == {city: "rejected"}
        [span] = store.spans(article, "alice")
        edit = store.remove_span(article, "alice", span.id)
        assert edit.message == (
            "removed LOCATION 'Gaza' at 10:14; the suggestion it overlapped, LOCATION 'Gaza City' at 10:19, rejected as replaced, "
            "is pending again"
        )
        assert edit.decided == {city: None}
        assert (store.spans(article, "alice"), store.decisions(article, "alice")) == ([], {})
        assert [g.id for g in store.pending(article, "alice")] == [city]
        store.undo(article, "alice")
        assert [(s.id, s.text) for s in store.spans(article, "alice")] == [(span.id, "Gaza")]
        assert store.decisions(article, "alice") == {city: "rejected"}
        store.redo(article, "alice")
        assert (store.spans(article, "alice"), store.decisions(article, "alice")) == ([], {})
        assert replay_problems(store) == []


def test_a_suggestion_rejected_by_hand_stays_rejected_when_a_span_over_it_is_removed(tmp_path: Path) -> None:
    """x said the model was wrong: that holds whatever the person marks over it and removes later."""
    store, article, city = gaza_city(tmp_path / "x.db")
    with store:
        store.reject_suggestion(article, "alice", city)
        store.add_span(article, "alice", 10, 14, "LOCATION")
        [span] = store.spans(article, "alice")
        edit = store.remove_span(article, "alice", span.id)
        assert edit.message == "removed LOCATION 'Gaza' at 10:14"
        assert store.decisions(article, "alice") == {city: "rejected"}


def test_a_replaced_suggestion_another_span_still_covers_stays_rejected_until_that_one_goes(tmp_path: Path) -> None:
    """ "Gaza" and "City" marked apart over "Gaza City": removing one leaves it covered (pending, it could never be
    accepted), removing the other makes it pending again."""
    store, article, city = gaza_city(tmp_path / "x.db")
    with store:
        store.add_span(article, "alice", 10, 14, "LOCATION")
        store.add_span(article, "alice", 15, 19, "LOCATION")
        gaza, town = store.spans(article, "alice")
        assert store.remove_span(article, "alice", gaza.id).message == "removed LOCATION 'Gaza' at 10:14"
        assert store.decisions(article, "alice") == {city: "rejected"}
        edit = store.remove_span(article, "alice", town.id)
        assert edit.message == (
            "removed LOCATION 'City' at 15:19; the suggestion it overlapped, LOCATION 'Gaza City' at 10:19, rejected as replaced, "
            "is pending again"
        )
        assert store.decisions(article, "alice") == {}


@pytest.mark.parametrize("change", ["resize", "relabel"])
def test_a_span_moved_off_a_suggestion_it_replaced_makes_it_pending_again(tmp_path: Path, change: str) -> None:
    """As a removal does: "Gaza City" marked over the pending "City" rejected it as replaced; shrunk to "Gaza", or
    made a QUOTE (another layer), the span no longer covers it, so it is pending again, in the same event."""
    text = "Police in Gaza City said 35 died."
    store = Store.open(tmp_path / "x.db")
    with store:
        suggestions = [Suggestion(**find(text, "City", "LOCATION"), suggester="entities.v4")]
        [article] = store.add_articles([(ArticleIn(text=text, title="T"), word_tokens(text), suggestions)])[0]
        [city] = store.suggestions(article)
        store.add_span(article, "alice", 10, 19, "LOCATION")
        assert store.decisions(article, "alice") == {city.id: "rejected"}
        [span] = store.spans(article, "alice")
        if change == "resize":
            edit = store.resize_span(article, "alice", span.id, 10, 14)
            said = "resized to LOCATION 'Gaza' at 10:14"
        else:
            edit = store.relabel_span(article, "alice", span.id, "QUOTE")
            said = "LOCATION 'Gaza City' at 10:19 is now QUOTE"
        assert edit.message == (
            f"{said}; the suggestion it covered, LOCATION 'City' at 15:19, rejected as replaced, is pending again"
        )
        assert (store.decisions(article, "alice"), [g.id for g in store.pending(article, "alice")]) == ({}, [city.id])
        store.undo(article, "alice")
        assert store.decisions(article, "alice") == {city.id: "rejected"}
        store.redo(article, "alice")
        assert store.decisions(article, "alice") == {}
        assert replay_problems(store) == []


LISBON = "Civil Protection commander Rui Sousa said the fire was contained."


def lisbon(path: Path) -> tuple[Store, str, int]:
    """An article whose one suggestion is the ACTOR "Rui Sousa" (27:36)."""
    store = Store.open(path)
    suggestions = [Suggestion(**find(LISBON, "Rui Sousa", "ACTOR"), suggester="entities.v4")]
    [article] = store.add_articles([(ArticleIn(text=LISBON, title="T"), word_tokens(LISBON), suggestions)])[0]
    [suggestion] = store.suggestions(article)
    return store, article, suggestion.id


def test_a_span_over_part_of_a_suggestion_says_it_overlaps_it(tmp_path: Path) -> None:
    """A newcomer's trial: "commander Rui" over "Rui Sousa" said "the suggestion it covers", though it holds only
    one of its words."""
    store, article, _ = lisbon(tmp_path / "x.db")
    with store:
        assert store.add_span(article, "alice", 17, 30, "ACTOR").message == (
            "added ACTOR 'commander Rui' at 17:30; the suggestion it overlaps, ACTOR 'Rui Sousa' at 27:36, is rejected "
            "as replaced"
        )


def test_some_covered_some_overlapped_say_both(tmp_path: Path) -> None:
    text = "Police in Gaza City said 35 died."
    store = Store.open(tmp_path / "x.db")
    with store:
        suggestions = [
            Suggestion(**find(text, "Police", "ACTOR"), suggester="entities.v4"),
            Suggestion(**find(text, "Gaza City", "LOCATION"), suggester="entities.v4"),
        ]
        [article] = store.add_articles([(ArticleIn(text=text, title="T"), word_tokens(text), suggestions)])[0]
        assert store.add_span(article, "alice", 0, 14, "ACTOR").message == (
            "added ACTOR 'Police in Gaza' at 0:14; the 2 suggestions it covers or overlaps are rejected as replaced"
        )


@pytest.mark.parametrize("change", ["resize", "relabel"])
def test_a_span_moved_onto_exactly_a_suggestion_it_replaced_accepts_it(tmp_path: Path, change: str) -> None:
    """A newcomer's trial: "commander Rui" rejected the pending "Rui Sousa" as replaced; its edges moved onto
    exactly "Rui Sousa" (or a LOCATION "Rui Sousa" made an ACTOR), the suggestion stayed rejected and the span
    counted as added with no suggestion. Now it is that suggestion, accepted, as marking its words does, in the
    same event: undo and redo give back each state exactly."""
    store, article, rui = lisbon(tmp_path / "x.db")
    with store:
        if change == "resize":
            span = store.add_span(article, "alice", 17, 30, "ACTOR").spans[0]
            assert (
                store.resize_span(article, "alice", span.id, 17, 36).message
                == "resized to ACTOR 'commander Rui Sousa' at 17:36"
            )
            before = (17, 36)
            edit = store.resize_span(article, "alice", span.id, 27, 36)
            said = "resized to ACTOR 'Rui Sousa' at 27:36"
        else:
            span = store.add_span(article, "alice", 27, 36, "LOCATION").spans[0]
            before = (27, 36)
            edit = store.relabel_span(article, "alice", span.id, "ACTOR")
            said = "LOCATION 'Rui Sousa' at 27:36 is now ACTOR"
        assert store.decisions(article, "alice") == {rui: "accepted"}
        assert edit.message == (
            f"{said}; the suggestion it now matches exactly, ACTOR 'Rui Sousa' at 27:36, rejected as replaced, is "
            "accepted"
        )
        assert (edit.decided, [(s.id, s.start, s.end, s.suggestion_id) for s in edit.spans]) == (
            {rui: "accepted"},
            [(span.id, 27, 36, rui)],
        )
        store.undo(article, "alice")
        assert [(s.start, s.end, s.suggestion_id) for s in store.spans(article, "alice")] == [(*before, None)]
        assert store.decisions(article, "alice") == {rui: "rejected"}
        store.redo(article, "alice")
        assert [(s.start, s.end, s.label.value, s.suggestion_id) for s in store.spans(article, "alice")] == [
            (27, 36, "ACTOR", rui)
        ]
        assert store.decisions(article, "alice") == {rui: "accepted"}
        assert replay_problems(store) == []


def test_a_span_moved_onto_exactly_a_pending_suggestion_accepts_it(tmp_path: Path) -> None:
    """As marking its words does: the span is that suggestion, not a twin of it left pending under it."""
    store, article, rui = lisbon(tmp_path / "x.db")
    with store:
        span = store.add_span(article, "alice", 17, 26, "ACTOR").spans[0]
        edit = store.resize_span(article, "alice", span.id, 27, 36)
        assert edit.message == (
            "resized to ACTOR 'Rui Sousa' at 27:36; the suggestion it now matches exactly, ACTOR 'Rui Sousa' at 27:36, is accepted"
        )
        assert (store.decisions(article, "alice"), store.pending(article, "alice")) == ({rui: "accepted"}, [])
        store.undo(article, "alice")
        assert (store.decisions(article, "alice"), [g.id for g in store.pending(article, "alice")]) == ({}, [rui])


def test_a_span_moved_onto_exactly_a_suggestion_rejected_by_hand_leaves_it_rejected(tmp_path: Path) -> None:
    """x said the model was wrong: a span passing over its words does not take that back."""
    store, article, rui = lisbon(tmp_path / "x.db")
    with store:
        store.reject_suggestion(article, "alice", rui)
        span = store.add_span(article, "alice", 17, 36, "ACTOR").spans[0]
        edit = store.resize_span(article, "alice", span.id, 27, 36)
        assert (edit.message, edit.decided) == ("resized to ACTOR 'Rui Sousa' at 27:36", {})
        assert store.decisions(article, "alice") == {rui: "rejected"}
        assert [s.suggestion_id for s in store.spans(article, "alice")] == [None]


def test_a_quote_accepted_after_its_speaker_suggestion_was_replaced_takes_the_span_that_replaced_it(
    tmp_path: Path,
) -> None:
    """A newcomer's trial: the quote's suggested speaker "Washington" was replaced by a span marked over it with other
    edges; accepting the quote then dropped its speaker (and the speaker choice offered another ACTOR first). The
    span that replaced the suggested speaker is that speaker now; undo gives back the quote's suggestion pending."""
    store, article = stored(tmp_path / "x.db")
    with store:
        [actor, quote] = store.suggestions(article)
        store.add_span(article, "alice", 0, 15, "ACTOR")  # "Washington said": the suggestion rejected as replaced
        edit = store.accept_suggestion(article, "alice", quote.id)
        quoted = [s for s in store.spans(article, "alice") if s.label == "QUOTE"]
        assert [(s.text, s.speaker) for s in quoted] == [(QUOTE, (0, 15))]
        assert edit.message == (
            "accepted QUOTE 'talks failed' at 17:29 and as its speaker ACTOR 'Washington said' at 0:15, the span that "
            "replaced the suggested one"
        )
        assert store.decisions(article, "alice") == {actor.id: "rejected", quote.id: "accepted"}
        store.undo(article, "alice")
        assert store.decisions(article, "alice") == {actor.id: "rejected"}
        assert replay_problems(store) == []

"""What undo and redo say, from a newcomer's trial: an undone resize or relabel named the span as the undo left
it (the change it undid was not in the message), and undoing a span that had replaced a suggestion did not say
the suggestion was pending again. Real SQLite store; exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import Refused
from annotator.models import Suggestion
from annotator.store import Store
from tests.tui.fixtures import one_article

TEXT = "The Harbour master said the port closed."
WHO = "ann"


def opened(tmp_path: Path) -> Store:
    start = TEXT.index("Harbour")
    suggestion = Suggestion(start=start, end=start + 7, label="LOCATION", text="Harbour", suggester="test.v1")
    return Store.open(one_article(tmp_path / "n.db", TEXT, [suggestion]))


def test_undo_and_redo_of_a_span_that_replaced_a_suggestion_say_what_became_of_it(tmp_path: Path) -> None:
    with opened(tmp_path) as store:
        store.add_span("n", WHO, 4, 18, "ACTOR")
        assert store.undo("n", WHO).message == (
            "undid add of ACTOR 'Harbour master' at 4:18; LOCATION 'Harbour' at 4:11 is pending again"
        )
        assert store.redo("n", WHO).message == (
            "redid add of ACTOR 'Harbour master' at 4:18; LOCATION 'Harbour' at 4:11 is rejected again"
        )


def test_an_undone_resize_or_relabel_names_the_span_as_the_edit_left_it_and_as_it_is_now(tmp_path: Path) -> None:
    with opened(tmp_path) as store:
        span = store.add_span("n", WHO, 4, 18, "ACTOR").spans[0]
        store.resize_span("n", WHO, span.id, 0, 18)
        assert store.undo("n", WHO).message == (
            "undid resize of ACTOR 'The Harbour master' at 0:18, now 'Harbour master' at 4:18"
        )
        assert store.redo("n", WHO).message == (
            "redid resize of ACTOR 'Harbour master' at 4:18, now 'The Harbour master' at 0:18"
        )
        store.relabel_span("n", WHO, span.id, "LOCATION")
        assert store.undo("n", WHO).message == "undid relabel of LOCATION 'The Harbour master' at 0:18, now ACTOR"


def test_undoing_a_resize_onto_a_suggestion_says_it_is_rejected_again(tmp_path: Path) -> None:
    """A second trial: `]` onto exactly a replaced suggestion's words accepts it; the undo named the span only."""
    with opened(tmp_path) as store:
        span = store.add_span("n", WHO, 4, 18, "LOCATION").spans[0]  # replaces LOCATION 'Harbour'
        assert "is accepted" in store.resize_span("n", WHO, span.id, 4, 11).message
        assert store.undo("n", WHO).message == (
            "undid resize of LOCATION 'Harbour' at 4:11, now 'Harbour master' at 4:18; "
            "LOCATION 'Harbour' at 4:11 is rejected again"
        )


def test_undoing_an_accept_with_other_edges_says_the_suggestion_is_pending_again(tmp_path: Path) -> None:
    with opened(tmp_path) as store:
        store.accept_corrected("n", WHO, 1, end=18)
        assert store.undo("n", WHO).message == (
            "undid accept of LOCATION 'Harbour master' at 4:18; LOCATION 'Harbour' at 4:11 is pending again"
        )
        store.accept_suggestion("n", WHO, 1)  # the suggestion itself: the span says it all
        assert store.undo("n", WHO).message == "undid accept of LOCATION 'Harbour' at 4:11"


def test_a_label_key_on_a_suggestion_says_the_suggestion_is_accepted_with_the_new_label(tmp_path: Path) -> None:
    """Trials 19-20: relabelling a pending suggestion said it was relabelled, not what became of the suggestion
    (accepted, or rejected and replaced), which undo and redo say."""
    with opened(tmp_path) as store:
        harbour = store.pending("n", WHO)[0].id
        assert store.accept_corrected("n", WHO, harbour, label="ACTOR").message == (
            "relabelled LOCATION 'Harbour' at 4:11, now ACTOR; the suggestion is accepted with the new label"
        )


def test_a_label_key_on_a_rejected_suggestion_says_it_was_rejected_before(tmp_path: Path) -> None:
    with opened(tmp_path) as store:
        harbour = store.pending("n", WHO)[0].id
        store.reject_suggestion("n", WHO, harbour)
        assert store.accept_corrected("n", WHO, harbour, label="ACTOR", retake=True).message == (
            "relabelled LOCATION 'Harbour' at 4:11, now ACTOR; the suggestion, rejected before, is accepted with the "
            "new label"
        )


def test_an_undo_of_one_event_is_refused_once_another_edit_came_after_it(tmp_path: Path) -> None:
    """Trial 25: escape after `s` undoes the accept `s` made, and only that one (`only`)."""
    with opened(tmp_path) as store:
        accepted = store.accept_suggestion("n", WHO, store.pending("n", WHO)[0].id)
        later = store.add_span("n", WHO, TEXT.index("port"), TEXT.index("port") + 4, "LOCATION")
        with pytest.raises(Refused, match=f"event {accepted.event_id} is no longer the last edit here"):
            store.undo("n", WHO, only=accepted.event_id)
        assert store.undo("n", WHO, only=later.event_id).message == "undid add of LOCATION 'port' at 28:32"
        assert store.undo("n", WHO, only=accepted.event_id).message.startswith("undid accept of LOCATION 'Harbour'")
        assert [e.action for e in store.events("n", WHO)] == ["accept", "add", "undo", "undo"]


def test_undoing_a_replacement_names_the_spans_it_puts_back_and_takes_away_not_those_written_anew(
    tmp_path: Path,
) -> None:
    """`import --replace` writes every span anew: the same words, label and speaker are no change (a newcomer's
    trial: "and 16 other spans" on an article of 9)."""
    from annotator.models import Span, Status

    text = "Storms hit LISBON, Porto, Braga and Faro today.\n"

    def span(words: str, label: str = "LOCATION") -> Span:
        return Span(start=text.index(words), end=text.index(words) + len(words), label=label, text=words)

    with Store.open(one_article(tmp_path / "r.db", text)) as store:
        for words in ["LISBON", "Porto", "Braga"]:
            store.add_span("n", WHO, text.index(words), text.index(words) + len(words), "LOCATION")
        store.replace_annotation("n", WHO, [span("LISBON"), span("Porto", "ACTOR"), span("Faro")], Status.IN_PROGRESS)
        assert store.undo("n", WHO).message == (
            "undid import of 2 spans (LOCATION 'Porto' at 19:24 and 1 other) back and 2 spans (ACTOR 'Porto' at 19:24 "
            "and 1 other) taken away"
        )
        assert store.redo("n", WHO).message == (
            "redid import of 2 spans (ACTOR 'Porto' at 19:24 and 1 other) back and 2 spans (LOCATION 'Porto' at 19:24 "
            "and 1 other) taken away"
        )
        store.replace_annotation("n", WHO, [span("LISBON"), span("Porto", "ACTOR")], Status.IN_PROGRESS)
        assert store.undo("n", WHO).message == "undid import of LOCATION 'Faro' at 36:40"  # the one span it took away


def test_redoing_a_suggestion_accepted_with_other_edges_or_label_says_as_what(tmp_path: Path) -> None:
    """Newcomer 42t: a redo said "ACTOR 'Israeli' at 348:355 is accepted again" of a suggestion accepted as
    'Israeli forces'; the line names the span it was accepted as, where that differs from the suggestion (another
    label at its edges is the relabel a label key makes: below)."""
    with opened(tmp_path) as store:
        [suggestion] = store.current_suggestions("n")
        store.accept_corrected("n", WHO, suggestion.id, start=4, end=18)
        assert store.undo("n", WHO).message == (
            "undid accept of LOCATION 'Harbour master' at 4:18; LOCATION 'Harbour' at 4:11 is pending again"
        )
        assert store.redo("n", WHO).message == (
            "redid accept of LOCATION 'Harbour master' at 4:18; LOCATION 'Harbour' at 4:11 is accepted again, as "
            "'Harbour master' at 4:18"
        )
        store.undo("n", WHO)
        store.accept_corrected("n", WHO, suggestion.id, start=4, end=18, label="ACTOR")
        store.undo("n", WHO)
        assert store.redo("n", WHO).message.endswith(
            "; LOCATION 'Harbour' at 4:11 is accepted again, as ACTOR 'Harbour master' at 4:18"
        )


def test_undoing_a_label_key_on_a_suggestion_names_the_relabel(tmp_path: Path) -> None:
    """A trial: a label key on a pending LOCATION 'Iran' made it ACTOR ("relabelled ..., now ACTOR"), and `u` said
    "undid accept of ACTOR 'Iran'", an accept the user never made: the event is the accept of the suggestion with
    the new label. Undo names the relabel and what became of the suggestion."""
    with opened(tmp_path) as store:
        store.accept_corrected("n", WHO, store.pending("n", WHO)[0].id, label="ACTOR")
        assert store.undo("n", WHO).message == (
            "undid relabel of LOCATION 'Harbour' at 4:11 to ACTOR; the suggestion is pending again"
        )


def test_redoing_a_label_key_on_a_suggestion_names_the_relabel(tmp_path: Path) -> None:
    with opened(tmp_path) as store:
        store.accept_corrected("n", WHO, store.pending("n", WHO)[0].id, label="ACTOR")
        store.undo("n", WHO)
        assert store.redo("n", WHO).message == (
            "redid relabel of LOCATION 'Harbour' at 4:11 to ACTOR; the suggestion is accepted again, with the new label"
        )


def test_undoing_a_label_key_on_a_rejected_suggestion_says_it_is_rejected_again(tmp_path: Path) -> None:
    with opened(tmp_path) as store:
        harbour = store.pending("n", WHO)[0].id
        store.reject_suggestion("n", WHO, harbour)
        store.accept_corrected("n", WHO, harbour, label="ACTOR", retake=True)
        assert store.undo("n", WHO).message == (
            "undid relabel of LOCATION 'Harbour' at 4:11 to ACTOR; the suggestion is rejected again"
        )


def test_undoing_a_speakers_resize_says_its_quotes_follow_it_not_that_they_have_a_speaker_again(
    tmp_path: Path,
) -> None:
    """A newcomer's trial (s51 t5, F2): undo and redo of a speaker's resize ended "; 2 quotes have their speaker
    again", as if the resize had taken them away; the quotes kept that speaker throughout, following its words."""
    text = 'Mayor Ann Lee said: "We will rebuild." Later she added: "It will take years."'
    first, second = text.index('"We'), text.index('"It')
    with Store.open(one_article(tmp_path / "q.db", text)) as store:
        actor = store.add_span("n", WHO, 6, 13, "ACTOR").spans[0]
        for start in (first + 1, second + 1):
            quote = store.add_span("n", WHO, start, text.index('"', start), "QUOTE").spans[0]
            store.set_speaker("n", WHO, quote.id, actor.id)
        store.resize_span("n", WHO, actor.id, 0, 13)
        assert store.undo("n", WHO).message == (
            "undid resize of ACTOR 'Mayor Ann Lee' at 0:13, now 'Ann Lee' at 6:13; the speaker of 2 quotes"
        )
        assert store.redo("n", WHO).message == (
            "redid resize of ACTOR 'Ann Lee' at 6:13, now 'Mayor Ann Lee' at 0:13; the speaker of 2 quotes"
        )

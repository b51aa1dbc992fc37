"""The review screen's core questions: what opening does, who settled what, taking agreed spans back."""

from __future__ import annotations

import pytest
from review_db import make_review_db

from annotator.errors import Refused
from annotator.gold import decisions, open_for_review, pick_version, review_state, take_back_agreed
from annotator.models import Label, Status
from annotator.store import Store
from annotator.vocabulary import GOLD

WHO = ["alice", "bob"]


@pytest.fixture
def article(db_path) -> str:
    return make_review_db(db_path)


def gold(store: Store, article_id: str) -> list[tuple[str, str]]:
    return [(s.label.value, s.text) for s in store.spans(article_id, GOLD)]


def test_opening_puts_agreed_spans_into_gold_once(store: Store, article: str) -> None:
    assert open_for_review(store, article, WHO, "carol") is not None
    assert gold(store, article) == [("ACTOR", "Israel"), ("LOCATION", "Sderot")]
    take_back_agreed(store, article)
    assert open_for_review(store, article, WHO, "carol") is None  # taken back on purpose: not again
    assert gold(store, article) == []


def test_disagreements_start_open_and_a_pick_settles_one(store: Store, article: str) -> None:
    open_for_review(store, article, WHO, "carol")
    state = review_state(store, article, WHO)
    assert [(d.layer, d.kind.value) for d in state.disagreements] == [
        ("entity", "missing"), ("entity", "boundary"), ("quote", "missing"), ("entity", "missing")
    ]  # fmt: skip
    assert (state.settled_by, state.agreed_event is not None) == ([None, None, None, None], True)
    pick_version(store, article, state.disagreements[1], "bob", "carol")
    assert review_state(store, article, WHO).settled_by == [None, "bob", None, None]
    assert gold(store, article) == [("ACTOR", "Israel"), ("FIGURE", "20"), ("LOCATION", "Sderot")]


def test_picking_nothing_is_recorded_and_undo_reopens_it(store: Store, article: str) -> None:
    open_for_review(store, article, WHO, "carol")
    hamas = review_state(store, article, WHO).disagreements[0]
    edit = pick_version(store, article, hamas, "bob", "carol")
    assert edit is not None and edit.spans == []
    assert [(d.source, d.reviewer) for d in decisions(store, article)] == [("all", "carol"), ("bob", "carol")]
    assert review_state(store, article, WHO).settled_by[0] == "bob"
    store.undo(article, GOLD)
    assert review_state(store, article, WHO).settled_by[0] is None


def test_a_hand_edit_of_gold_settles_what_it_touches(store: Store, article: str) -> None:
    open_for_review(store, article, WHO, "carol")
    start = store.article_text(article).index("Hamas")
    store.add_span(article, GOLD, start, start + 5, Label.ACTOR)
    assert review_state(store, article, WHO).settled_by == ["reviewer", None, None, None]


def test_each_gold_event_names_the_reviewer_who_made_it_even_an_undo_or_redo(store: Store, article: str) -> None:
    start = store.article_text(article).index("Hamas")
    store.reviewer = "carol"
    store.add_span(article, GOLD, start, start + 5, Label.ACTOR)
    store.undo(article, GOLD)
    store.reviewer = "dave"
    store.redo(article, GOLD)
    assert [(e.action, e.after["reviewer"]) for e in store.events(article, GOLD)] == [
        ("add", "carol"),
        ("undo", "carol"),
        ("redo", "dave"),
    ]


def test_agreed_spans_come_back_only_when_they_are_the_last_change(store: Store, article: str) -> None:
    open_for_review(store, article, WHO, "carol")
    pick_version(store, article, review_state(store, article, WHO).disagreements[0], "alice", "carol")
    with pytest.raises(Refused, match="undo the later ones first"):
        take_back_agreed(store, article)


def test_a_done_gold_is_left_alone_on_opening(store: Store, article: str) -> None:
    store.set_status(article, GOLD, Status.DONE)
    assert open_for_review(store, article, WHO, "carol") is None
    assert gold(store, article) == []


def test_a_quote_picked_before_its_speaker_is_linked_when_the_speaker_is_picked(tmp_path) -> None:
    """A re-trial (38D): alice's quote is spoken by 'station manager Paul Hughes', bob's by 'Paul Hughes'. Picking
    bob's quote first put it into gold without its speaker (not decided yet); picking bob's ACTOR then left it
    so, and the article could be marked done with a quote both annotators gave a speaker. The speaker's pick links
    the quote bob's version links to it. Since trial 39b the two quotes agree (their speakers overlap, as
    `agreement` counts them): the quote goes into gold on opening, and the ACTOR's pick links it."""
    from support import word_tokens

    from annotator.models import ArticleIn, Offsets, Span

    text = '"It was a very difficult job," said station manager Paul Hughes.'
    quote = (1, text.index('," said') + 1)
    whole, name = text.index("station manager Paul Hughes"), text.index("Paul Hughes")
    end = name + len("Paul Hughes")

    def version(start: int) -> list[Span]:
        return [
            Span(start=quote[0], end=quote[1], label=Label.QUOTE, text=text[quote[0] : quote[1]],
                 speaker=Offsets(start=start, end=end)),
            Span(start=start, end=end, label=Label.ACTOR, text=text[start:end]),
        ]  # fmt: skip

    with Store.open(tmp_path / "r.db") as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=text, title="Job"), word_tokens(text), [])])
        store.replace_annotation(article_id, "alice", version(whole), Status.DONE)
        store.replace_annotation(article_id, "bob", version(name), Status.DONE)
        first = open_for_review(store, article_id, WHO, "carol")
        assert first is not None and first.message.endswith("1 quote without their speaker, who is not decided yet")
        [actor] = review_state(store, article_id, WHO).disagreements
        assert (actor.layer, actor.kind.value) == ("entity", "boundary")
        then = pick_version(store, article_id, actor, "bob", "carol")
        assert then is not None and then.message == (
            "ACTOR 'Paul Hughes' at 52:63; QUOTE 'It was a very difficult job,' at 1:29 linked to its speaker, as "
            "bob's version has it"
        )
        [linked] = [s for s in store.spans(article_id, GOLD) if s.label is Label.QUOTE]
        assert linked.speaker is not None and (linked.speaker.start, linked.speaker.end) == (name, end)
        assert review_state(store, article_id, WHO).open == []
        from annotator.store.verify import check

        assert check(store) == []  # the event log replays to the linked quote
        store.undo(article_id, GOLD)  # one undo takes the ACTOR and the link back
        [waiting] = [s for s in store.spans(article_id, GOLD) if s.label is Label.QUOTE]
        assert waiting.speaker is None


def _bob_removes(store: Store, article_id: str, text: str) -> None:
    [span] = [s for s in store.spans(article_id, "bob") if s.text == text]
    store.remove_span(article_id, "bob", span.id)


def test_a_picked_version_its_annotator_changes_since_is_open_again_and_gold_stays(store: Store, article: str) -> None:
    """A newcomer's trial: bob's version was picked, then bob removed that span from his done article; review
    read "settled: bob" beside bob's "(nothing)" while gold held the span. Gold no longer holds bob's version
    there: the disagreement is open, and gold is the reviewer's to change."""
    open_for_review(store, article, WHO, "carol")
    pick_version(store, article, review_state(store, article, WHO).disagreements[1], "bob", "carol")  # "20"
    _bob_removes(store, article, "20")
    state = review_state(store, article, WHO)
    assert [(d.kind.value, d.versions["bob"]) for d in state.disagreements][1] == ("missing", [])
    assert state.settled_by == [None, None, None, None]
    assert gold(store, article) == [("ACTOR", "Israel"), ("FIGURE", "20"), ("LOCATION", "Sderot")]


def test_a_pick_stays_settled_by_its_annotator_when_another_changes_their_version(store: Store, article: str) -> None:
    """Gold still holds bob's picked "20" when alice relabels her "20 rockets": settled by bob, as before."""
    open_for_review(store, article, WHO, "carol")
    pick_version(store, article, review_state(store, article, WHO).disagreements[1], "bob", "carol")  # "20"
    [rockets] = [s for s in store.spans(article, "alice") if s.text == "20 rockets"]
    store.remove_span(article, "alice", rockets.id)
    store.add_span(article, "alice", rockets.start, rockets.end, Label.ACTOR)
    assert review_state(store, article, WHO).settled_by == [None, "bob", None, None]


def test_a_picked_version_put_back_as_it_was_picked_is_settled_by_its_annotator_again(
    store: Store, article: str
) -> None:
    open_for_review(store, article, WHO, "carol")
    pick_version(store, article, review_state(store, article, WHO).disagreements[1], "bob", "carol")  # "20"
    _bob_removes(store, article, "20")
    start = store.article_text(article).index("20")
    store.add_span(article, "bob", start, start + 2, Label.FIGURE)
    assert review_state(store, article, WHO).settled_by == [None, "bob", None, None]


def test_a_picked_quote_whose_speaker_its_annotator_changes_since_is_open_again(store: Store, article: str) -> None:
    """bob's quote picked with 'the army' as its speaker; bob then gives it 'Israel': gold's quote is not his."""
    open_for_review(store, article, WHO, "carol")
    state = review_state(store, article, WHO)
    pick_version(store, article, state.disagreements[3], "bob", "carol")  # "the army" first, then its quote
    pick_version(store, article, review_state(store, article, WHO).disagreements[2], "bob", "carol")
    assert review_state(store, article, WHO).settled_by == [None, None, "bob", "bob"]
    [quote] = [s for s in store.spans(article, "bob") if s.label is Label.QUOTE]
    [israel] = [s for s in store.spans(article, "bob") if s.text == "Israel"]
    store.set_speaker(article, "bob", quote.id, israel.id)
    assert review_state(store, article, WHO).settled_by == [None, None, None, "bob"]


def test_a_pick_of_an_annotator_not_compared_now_settles_by_them_while_gold_holds_theirs(tmp_path) -> None:
    """dan's Goa picked in a review of alice, bob and dan; a review of alice and bob alone reads it settled by dan,
    whose version gold holds (his spans are read though he is not compared)."""
    from support import word_tokens

    from annotator.models import ArticleIn

    text = "Ann flew to Goa."
    goa = text.index("Goa")
    with Store.open(tmp_path / "r.db") as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=text, title="Goa"), word_tokens(text), [])])
        for who in ("alice", "bob", "dan"):
            if who != "bob":
                store.add_span(article_id, who, goa, goa + 3, Label.LOCATION)
            store.set_status(article_id, who, Status.DONE)
        [place] = review_state(store, article_id, ["alice", "bob", "dan"]).disagreements
        pick_version(store, article_id, place, "dan", "carol")
        assert review_state(store, article_id, WHO).settled_by == ["dan"]


def test_an_undo_or_redo_nobody_named_names_no_reviewer(store: Store, article: str) -> None:
    """A redo repeats its edit's `after`, which named carol; written by a Store no reviewer opened (a script), it
    named carol as who pressed it too. Who pressed an undo or redo is named only when known."""
    start = store.article_text(article).index("Hamas")
    store.reviewer = "carol"
    store.add_span(article, GOLD, start, start + 5, Label.ACTOR)
    store.reviewer = None
    store.undo(article, GOLD)
    store.redo(article, GOLD)
    assert [(e.action, e.after.get("reviewer")) for e in store.events(article, GOLD)] == [
        ("add", "carol"),
        ("undo", None),
        ("redo", None),
    ]

"""Trial 23: `;` stopped where no mention is, and the status line offered what no span should hold. An age after a
name and a comma ("Rui Almeida, 61,"), a number counting a hyphenated unit of time ("the four-month trial") and a
person noun that is the state someone is put in ("taken hostage") are no stops; a pronoun or a function word on
its own ("We", "to") is no phrase a label key offers or adds; and an article before a number word is no part of
its figure ("a five-storey building": 'five', not 'a five'; "a dozen" keeps it). Core functions on spaCy's tokens.
"""

from __future__ import annotations

import pytest
from support import offered
from support import spacy_at as at

from annotator import phrases, stops
from annotator.vocabulary import Label

UNMARKED = lambda _: False  # noqa: E731


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The defendant, Carla Mendes, 58, denied every charge.", "58"),
        ("One witness, Tom Hale, 34, said he ran.", "34"),
        ("She was jailed after a six-month trial.", "six"),
        ("The 12-year sentence was upheld.", "12"),
        ("Two aid workers were taken hostage near the border.", "hostage"),
        ("The gunmen held him hostage for a week.", "hostage"),
    ],
)
def test_no_stop_where_no_mention_is(text: str, word: str) -> None:
    tokens, index = at(text, word)
    assert not stops.is_candidate(text, tokens, index, UNMARKED)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("In Lisbon, 35 people died.", "35"),  # a count after a place and a comma
        ("Carla Mendes, 58 votes short, conceded.", "58"),  # a count with its noun after the comma
        ("She was jailed for six months.", "six"),  # no stop (a duration), but a figure's number where counted
        ("The hostage was freed on Monday.", "hostage"),
        ("Police freed a hostage.", "hostage"),
    ],
)
def test_the_stops_that_stay(text: str, word: str) -> None:
    tokens, index = at(text, word)
    expected = word != "six"
    assert stops.is_candidate(text, tokens, index, UNMARKED) is expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('"We respect the court," the lawyer said.', "We"),
        ("She said she would talk to all parties.", "to"),
        ("She said she would talk to all parties.", "she"),
        # newcomer trial 41n: "1-3 add 'along'", and 1 added ACTOR 'along'
        ("Cyclists will ride along Main Street.", "along"),
        ("The crowd gathered outside the court.", "outside"),
        ("Police searched behind the station and beyond it.", "behind"),
        ("Police searched behind the station and beyond it.", "beyond"),
    ],
)
def test_a_pronoun_or_a_function_word_is_no_phrase_to_offer(text: str, word: str) -> None:
    tokens, index = at(text, word)
    assert [labels for labels, _ in offered(text, word) if labels != ("QUOTE",)] == []
    assert phrases.no_phrase(text, tokens, index)


def test_a_name_with_a_function_word_s_spelling_is_a_phrase() -> None:
    """Mid-sentence a capital makes it a name ("May" of Theresa May), which the key offers."""
    assert offered("Reporters asked May about the vote.", "May") == [(("ACTOR", "LOCATION"), "May")]


@pytest.mark.parametrize(
    ("text", "word", "figure"),
    [
        ("A five-storey apartment building collapsed.", "five", "five"),
        ("It collapsed when a five-storey building fell.", "five", "five"),
        ("They waited for a dozen hours and saw a hundred trucks.", "hundred", "a hundred"),
        ("A dozen people were hurt.", "dozen", "A dozen"),
    ],
)
def test_the_article_is_no_part_of_a_number_word_s_figure(text: str, word: str, figure: str) -> None:
    tokens, index = at(text, word)
    first, last = phrases.at_cursor(text, tokens, index, Label.FIGURE)
    assert text[tokens[first][0] : tokens[last][1]] == figure


async def test_inside_a_quote_the_key_on_a_pronoun_adds_nothing_and_says_why(tmp_path) -> None:
    """Pilot on a real database: the status line offers only the quotation on "We", and 1 there adds nothing."""
    from annotator.tui.app import make_app
    from tests.tui.conftest import WHO
    from tests.tui.fixtures import held_spans, one_article

    text = '"We respect the court," the lawyer said.'
    db = one_article(tmp_path / "q.db", text)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"We", "enter")
        assert app.screen.status_line.text.plain.startswith("4 adds the quotation · ")
        await pilot.press("1")
        assert app.messages[-1][1] == (
            "Not added: 'We' alone is a pronoun, a function word or an adverb, no mention (the guide); v selects it, then the "
            "key marks it anyway"
        )
    assert held_spans(db, WHO) == []


@pytest.mark.parametrize(
    ("text", "word", "stop"),
    [
        ("The defendant, Carla Mendes, 58, denied every charge.", "defendant", False),
        ("Her lawyer, Tom Hale, said she would appeal.", "lawyer", False),
        ("Two farmers, Ana Dias and Rui Lobo, were fined.", "farmers", False),
        ("The suspect, a local man, fled on foot.", "suspect", True),
        ("Police questioned the witnesses, Hamas said.", "witnesses", True),
        ("The defendant denied every charge.", "defendant", True),
    ],
)
def test_a_descriptor_in_apposition_to_a_name_is_no_stop(text: str, word: str, stop: bool) -> None:
    """The house conventions mark the name only ("The defendant, Rui Almeida" -> "Rui Almeida"), so `;` passes the
    noun for people right before a comma and a name of two words or more (trial 23: it stopped at "The defendant",
    "His lawyer", "One neighbour")."""
    tokens, index = at(text, word)
    assert stops.is_candidate(text, tokens, index, UNMARKED) is stop

"""Trial 24: `;` and the label keys on a newcomer's stories. An age written as a hyphenated compound ("a
34-year-old season-ticket holder") is no stop. A noun for people ("fans") and an adjective that stands for people
after "the" ("the injured", "the dead") are stops, where a label key adds them with the article. A noun before a
noun for people is in its group ("the emergency services"), and markup between a title and its name keeps the title
off ("Mayor [bold]Ana Costa[/bold]"). Core functions on spaCy's tokens.
"""

from __future__ import annotations

import pytest
from support import offered
from support import spacy_at as at

from annotator import stops

UNMARKED = lambda _: False  # noqa: E731


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested a 34-year-old man on Sunday.",
        '"Nobody could move," said Tom Hale, a 41-year-old season-ticket holder from Leeds.',
    ],
)
def test_an_age_in_a_hyphenated_compound_is_no_stop(text: str) -> None:
    tokens, index = at(text, next(word for word in text.split() if word[:1].isdigit())[:2])
    assert not stops.is_candidate(text, tokens, index, UNMARKED)


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Fans were crushed against the barriers.", "Fans", "Fans"),
        ("Police said fans tried to climb the fence.", "fans", "fans"),
        ("After the collapse the injured were taken to hospital.", "injured", "the injured"),
        ("Rescuers said the dead were carried out at dawn.", "dead", "the dead"),
        ("Divers searched for the missing until nightfall.", "missing", "the missing"),
        ("Nine of the wounded, police said, were children.", "wounded", "the wounded"),
    ],
)
def test_a_word_for_people_is_a_stop_the_key_adds(text: str, word: str, phrase: str) -> None:
    tokens, index = at(text, word)
    assert stops.is_candidate(text, tokens, index, UNMARKED)
    assert offered(text, word) == [(("ACTOR", "LOCATION"), phrase)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Divers found the missing boat at dawn.", "missing"),  # an adjective before its noun
        ("The injured man was taken to hospital.", "injured"),
        ("He was injured in the crush.", "injured"),  # no article: a verb
        ("The fire left one dead and two hurt.", "dead"),
    ],
)
def test_an_adjective_before_its_noun_or_without_the_is_no_stop(text: str, word: str) -> None:
    tokens, index = at(text, word)
    assert not stops.is_candidate(text, tokens, index, UNMARKED)


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("She praised the emergency services across the region.", "emergency", "the emergency services"),
        ("She praised the emergency services across the region.", "services", "the emergency services"),
        ("Officials thanked the rescue workers on Sunday.", "rescue", "the rescue workers"),
        ("The man police arrested on Sunday was released.", "man", "The man"),
    ],
)
def test_a_noun_before_a_noun_for_people_is_in_its_group(text: str, word: str, phrase: str) -> None:
    """As "the town | hall" runs on to its noun for a place, "the emergency | services" runs on to its noun for
    people: the key on the modifying noun offers and adds the whole group."""
    assert offered(text, word) == [(("ACTOR", "LOCATION"), phrase)]


@pytest.mark.parametrize(
    "text",
    [
        "Mayor [bold]Ana Costa[/bold] said the town would rebuild.",
        "Mayor <b>Ana Costa</b> said the town would rebuild.",
        "Mayor [bold red]Ana Costa[/] said the town would rebuild.",
    ],
)
def test_markup_between_a_title_and_its_name_keeps_the_title_off(text: str) -> None:
    """Stored text is data, so markup in it is words of its own: on "Mayor" the key offers the name alone, as on
    plain "Mayor Ana Costa", and `;` stops at the name, not at the title."""
    tokens, name = at(text, "Ana")
    assert offered(text, "Mayor") == [(("ACTOR", "LOCATION"), "Ana Costa")]
    assert stops.next_candidate(text, tokens, -1, 1, UNMARKED) == name

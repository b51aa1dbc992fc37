"""A newcomer's trial: in "Ali Soufan told NPR Hamza bin Laden had appeared ...", after the span 'NPR Hamza bin Laden'
was cut back to 'NPR', the cursor on "bin" offered "1-3 add 'Hamza bin'": the lower-case particle was read as a
common noun closing a group. A particle between a name's capitalised words (bin, ibn, al, de, van, von, ...) is a
word of the name, from wherever the cursor is on it; and a name stops at an entity span next to it, as a noun group
does (the annotator cut 'NPR' off: the key adds the name after it, it does not grow 'NPR' back). Core functions on
spaCy's tokens, as `ingest` stores them; the text is the corpus article's (Wikinews, CC BY 2.5).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import spacy_at

from annotator import phrases, stops
from annotator.vocabulary import Label

#: wikinews/2019/US_President_Trump_says_Osama_bin_Laden%27s_son_killed, a sentence of it.
SOUFAN = (
    "Retired FBI agent and terrorism specialist Ali Soufan told NPR Hamza bin Laden had appeared in Al-Qaeda videos "
    "since he was a young boy and his father saw a leadership role for him."
)
NPR = (SOUFAN.index("NPR"), SOUFAN.index("NPR") + len("NPR"), Label.ACTOR)


def words(text: str, tokens: list[tuple[int, int]], found: tuple[int, int] | None) -> str:
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


def npr_marked(
    tokens: list[tuple[int, int]],
) -> tuple[Callable[[int], bool], Callable[[int, int], list[tuple[int, int, Label]]]]:
    """`covered` and `held` with the ACTOR span 'NPR' the only entity span."""

    def covered(index: int) -> bool:
        return tokens[index][0] < NPR[1] and NPR[0] < tokens[index][1]

    def held(start: int, end: int) -> list[tuple[int, int, Label]]:
        return [NPR] if start < NPR[1] and NPR[0] < end else []

    return covered, held


@pytest.mark.parametrize("word", ["Hamza", "bin", "Laden"])
def test_the_key_adds_the_whole_name_after_the_span_cut_back_to_npr(word: str) -> None:
    tokens, index = spacy_at(SOUFAN, word)
    covered, held = npr_marked(tokens)
    assert words(SOUFAN, tokens, phrases.at_cursor(SOUFAN, tokens, index, Label.ACTOR, covered)) == "Hamza bin Laden"
    found = phrases.key_phrases(SOUFAN, tokens, index, covered, held=held)
    assert [(p.labels, words(SOUFAN, tokens, p.words), p.resizes) for p in found] == [
        ((Label.ACTOR, Label.LOCATION), "Hamza bin Laden", None)
    ]


def test_semicolon_stops_at_hamza_after_npr() -> None:
    tokens, index = spacy_at(SOUFAN, "Hamza")
    covered, _ = npr_marked(tokens)
    assert stops.next_candidate(SOUFAN, tokens, index - 1, 1, covered) == index


@pytest.mark.parametrize(
    ("text", "particle", "name"),
    [
        ("His successor, Haitham bin Tariq Al Said, attended funeral prayers.", "bin", "Haitham bin Tariq Al Said"),
        ("The orchestra played Ludwig van Beethoven all night.", "van", "Ludwig van Beethoven"),
        ("Shops on Rua da Prata stayed shut.", "da", "Rua da Prata"),
    ],
)
def test_the_key_on_a_particle_adds_the_name_it_stands_in(text: str, particle: str, name: str) -> None:
    tokens, index = spacy_at(text, particle)
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.ACTOR)) == name

"""A newcomer's trial (s51 t5, F6): `;` stopped at a common word capitalised only because it opens a quotation
mid-sentence (`said "Buildings can ...`), and offered '1/2 add' it, though the key's rule (README, `?`) leaves out a
word capitalised only as a sentence's first, and a quotation's first word opens a sentence of its own. A name there
stays a stop, and so does a word the article writes capitalised elsewhere. Core functions on spaCy's tokens."""

from __future__ import annotations

import pytest
from support import spacy_at as at

from annotator import stops

UNMARKED = lambda _: False  # noqa: E731


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('The mayor said "Schools will close early," and left.', "Schools"),
        ('He added: "Prices rose again."', "Prices"),
        ("The chief said 'Roads are shut' on Friday.", "Roads"),
    ],
)
def test_a_common_word_opening_a_quotation_is_no_stop(text: str, word: str) -> None:
    tokens, index = at(text, word)
    assert not stops.is_candidate(text, tokens, index, UNMARKED)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('The mayor said "Nadia Karimi will decide," and left.', "Nadia"),  # a name of two words
        ('The mayor said "Schools will close," and Schools Minister Ola Berg agreed.', "Schools"),  # named elsewhere
        ('The mayor said "Police will stay," and left.', "Police"),  # a noun for people stays, as opening a sentence
    ],
)
def test_a_name_or_a_noun_for_people_opening_a_quotation_stays_a_stop(text: str, word: str) -> None:
    tokens, index = at(text, word)
    assert stops.is_candidate(text, tokens, index, UNMARKED)

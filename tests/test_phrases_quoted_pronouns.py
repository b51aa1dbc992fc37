"""A newcomer's trial: in `The mayor added "It is serious," before leaving.` the status line on "It" offered "1-3 add
'It' at the cursor" and `1` added ACTOR 'It'; `...added "We failed," and the chief replied "They lied,"` offered 'We'
and 'They'. A quotation opening mid-sentence starts a sentence of its own: a pronoun or a function word capitalised
there is one alone, no mention (the guide), as at a sentence's start; a name there is still offered. Core functions
on spaCy's tokens."""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator import phrases

ENTITIES = ("ACTOR", "LOCATION")  # words with no number: no FIGURE (the guide; `figure_labels`)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('The mayor of the port added "It is serious," before leaving.', "It"),
        ('The minister added "We failed," and the chief replied "They lied," in court.', "We"),
        ('The minister added "We failed," and the chief replied "They lied," in court.', "They"),
        ("The minister added “We failed,” and left.", "We"),
        ("The minister said ‘They lied,’ and left.", "They"),
    ],
)
def test_a_pronoun_opening_a_quotation_mid_sentence_is_no_phrase(text: str, word: str) -> None:
    tokens, index = spacy_at(text, word)
    assert phrases.no_phrase(text, tokens, index)
    assert [labels for labels, _ in offered(text, word)] == [("QUOTE",)]


def test_a_name_opening_a_quotation_and_a_pronoun_s_capital_elsewhere_stay_phrases() -> None:
    assert offered('The chief replied "Costa lied," in court.', "Costa") == [
        (ENTITIES, "Costa"),
        (("QUOTE",), "Costa lied,"),
    ]
    assert offered("Reporters asked May about the vote.", "May") == [(ENTITIES, "May")]

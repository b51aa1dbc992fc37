"""A newcomer's trial: `;` passed over "Managers", "farmers" and "investors", nouns for people missing from its list.
A lower-case plural agent noun in -ers, -ors, -ists or -ians ("investors", "maintainers", "terrorists",
"civilians") names people, but for the words of those shapes that name things or are verbs (`AGENT_SHAPED_WORDS`:
"others", "numbers", "borders", "exists"). Measured on the corpus's 336 articles: the exceptions chosen on half of
them, on the other half the rule added 317 stops, 36 of a sample of 40 on people. Core functions on spaCy's tokens;
the texts are the corpus articles' (Wikinews, CC BY 2.5) but the first, a newcomer's trial sentence.
"""

from __future__ import annotations

import pytest
from support import spacy_at

from annotator import phrases, stops
from annotator.vocabulary import Label


def unmarked(_: int) -> bool:
    return False


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Managers working nearby heard the blast.", "Managers", "Managers"),
        (
            "Actual construction is in the hands of still undecided private investors.",
            "investors",
            "private investors",
        ),
        (
            "Currently, the repository on GitHub is locked for viewers other than maintainers of the project.",
            "maintainers",
            "maintainers",
        ),
        (
            'Znak.com reported its source said "three terrorists" were killed in a firefight.',
            "terrorists",
            "terrorists",
        ),
    ],
)
def test_semicolon_stops_at_a_plural_agent_noun_and_the_key_adds_its_group(text: str, word: str, phrase: str) -> None:
    tokens, index = spacy_at(text, word)
    assert stops.is_candidate(text, tokens, index, unmarked)
    first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR)
    assert text[tokens[first][0] : tokens[last][1]] == phrase


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("With write-in access in 23 others, he ran.", "others"),
        ("The plummeting numbers of female penguins worried them.", "numbers"),
        ("Islands played a limited role when borders were drawn.", "borders"),
        ("No such record exists in the archive.", "exists"),
    ],
)
def test_words_of_that_shape_that_name_things_are_no_stops(text: str, word: str) -> None:
    tokens, index = spacy_at(text, word)
    assert not stops.is_candidate(text, tokens, index, unmarked)

"""Trial 24: `;` and the label keys on a newcomer's stories. An age written as a hyphenated compound ("a
34-year-old season-ticket holder") is no stop. Core functions on spaCy's tokens.
"""

from __future__ import annotations

import pytest

from annotator import phrases, stops
from annotator.suggest.tokens import tokenize

UNMARKED = lambda _: False  # noqa: E731


def at(text: str, word: str) -> tuple[list[tuple[int, int]], int]:
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    return tokens, next(i for i, (start, _) in enumerate(tokens) if start == text.index(word))


def offered(text: str, word: str) -> list[tuple[tuple[str, ...], str]]:
    """What the status line's preview offers at `word`: (labels, words) for each group of keys."""
    tokens, index = at(text, word)
    return [
        (tuple(label.value for label in found.labels), text[tokens[found.words[0]][0] : tokens[found.words[1]][1]])
        for found in phrases.key_phrases(text, tokens, index)
    ]


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

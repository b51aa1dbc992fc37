"""`groups.heads_a_body_of_people`, where `;` stops for a noun for a body of people (trial 31: it passed over
"Emergency services arrived"): the group's noun, after a common noun modifying it, a sentence's capitalised first
word too; not in a name's group, not where the noun modifies what follows, not after an adjective. Real tokens
(spaCy's tokenizer, as `ingest` stores them); the cases that were wrong on the dev gold's articles among them."""

from __future__ import annotations

import pytest

from annotator.groups import heads_a_body_of_people
from annotator.suggest.tokens import tokenize


def stops(text: str) -> list[str]:
    tokens = [(start, end) for start, end, *_ in tokenize([text])[0]]
    return [text[s:e] for i, (s, e) in enumerate(tokens) if heads_a_body_of_people(text, tokens, i)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Emergency services arrived at noon.", ["services"]),
        ("Later the emergency services left the town.", ["services"]),
        ("Rescue teams arrived and aid groups warned.", ["teams", "groups"]),
        ("Financial services grew.", []),  # an adjective before it: no body of people
        ("The RMT union said so.", []),  # a name's group: the name is the stop
        ("He asked the Israeli negotiating team to go on.", []),
        ("Tomasz Kubiak, a fire service spokesman, said so.", []),  # the noun modifies the one after it
        ("He spoke to news agency Interfax.", []),
    ],
)
def test_where_a_body_of_people_ends_its_group(text: str, found: list[str]) -> None:
    assert stops(text) == found

"""`edges.refusal`: the one answer, for chosen words and a label, to whether a label key adds them and why not, that
the keys ask before the Store and the "Selected ..." line asks for each key (a tester: the line offered 1 for
'later.', which 1 then refused). Plain values: spaCy's English tokenizer, no database."""

from __future__ import annotations

from annotator.edges import Refusal, refusal
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Label

TEXT = 'Police met Paul Hughes. "We will stay," he said.'
TOKENS = [(t.start, t.end) for t in tokenize([TEXT])[0]]
QUOTE = (TEXT.index("We"), TEXT.index("We") + 12, Label.QUOTE, "We will stay")


def words(part: str) -> tuple[int, int]:
    return TEXT.index(part), TEXT.index(part) + len(part)


def test_an_entity_ending_on_a_full_stop_is_refused_in_the_stores_words() -> None:
    assert refusal(TEXT, TOKENS, *words("Hughes."), Label.ACTOR, []) == Refusal(
        "an ACTOR span may not end with punctuation ('.')", "ends with '.'", "end with '.'"
    )


def test_a_quote_over_a_quote_is_refused_naming_it() -> None:
    assert refusal(TEXT, TOKENS, *words('Hughes. "We'), Label.QUOTE, [QUOTE]) == Refusal(
        "it would overlap QUOTE 'We will stay' at 25:37", "overlaps a QUOTE", "overlap a QUOTE"
    )


def test_a_quote_on_another_layer_leaves_an_entity_free() -> None:
    assert refusal(TEXT, TOKENS, *words("We"), Label.ACTOR, [QUOTE]) is None

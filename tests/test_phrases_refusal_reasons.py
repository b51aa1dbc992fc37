"""Re-trial finding: the status line's reason for a label key refused with nothing selected was false: "aboard" was "a
verb after its subject" (a preposition the closed class missed, read as a bare verb after the plural before it),
"comply" "an adverb" (every word in -ly is read as one), and, found with them, "likely" in "will likely be" "a verb
after 'will'". The refusals stand; the reasons are now true. Real tokens of the project's tokenizer."""

from __future__ import annotations

import pytest
from support import spacy_at

from annotator.phrases import key_phrases, why_no_phrase

ADVERB = "a pronoun, a function word or an adverb"


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        ("All 40 passengers aboard the ship survived.", "aboard", ADVERB),
        ("Two people aboard the plane died.", "aboard", ADVERB),  # it was the head of 'people aboard'
        ("The firms must comply with the law.", "comply", "a verb after 'must'"),
        ("The rules do not apply to ferries.", "apply", "a verb after 'do not'"),
        ("She said they apply to letters of complaint.", "apply", "a verb after 'they'"),
        ("Microbes that rely on iron grew.", "rely", "a verb after 'that'"),
        ("Researchers had to rely on the data.", "rely", "a verb after 'to'"),
        ("A report would likely be ready soon.", "likely", ADVERB),
        ("He would immediately sign it.", "immediately", ADVERB),  # an adverb before its verb
        ("I really like it here.", "really", ADVERB),  # "like": a verb as often as a preposition
        ("Prices rose to roughly the same level.", "roughly", ADVERB),
        ("Did they support you financially during the trip?", "financially", ADVERB),
    ],
)
def test_the_refusal_says_what_the_word_is(text: str, word: str, reason: str) -> None:
    tokens, index = spacy_at(text, word)
    assert (why_no_phrase(text, tokens, index), key_phrases(text, tokens, index)) == (reason, [])


def test_the_group_before_a_preposition_the_closed_class_missed_stops_before_it() -> None:
    text = "They flew in a capsule atop a rocket."
    tokens, index = spacy_at(text, "capsule")
    assert [text[tokens[k.words[0]][0] : tokens[k.words[1]][1]] for k in key_phrases(text, tokens, index)] == [
        "a capsule"
    ]

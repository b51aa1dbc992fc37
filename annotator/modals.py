"""Bare verbs after a modal, read without a parse: "will | debate it", "can't | vote", "would not | review" (a
newcomer's re-trial: the label keys offered 'debate', 'vote', 'review', and a group took the verb in: 'review costs').
For `phrases` (the keys refuse such a word) and `groups` (no noun group runs back over one)."""

from __future__ import annotations

from annotator.shapes import TokenRange, Tokens, adverb_at, is_common, joined, word_at
from annotator.wordlists import BETWEEN_MODAL_AND_VERB, DETERMINERS, DO_FORMS, MODALS, NEGATIONS, QUESTION_WORDS


def verb_after_modal(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The modal before token `index`, a lower-case common word, that makes it a bare verb, with any negation or
    adverb between ("will | debate it", "can't | vote", "would not | review", "did not | need"), as a token range;
    None where there is none. Not a modal after a determiner, a noun ("the will | of the people"), nor one
    after "how", "why", "where" or "when", its subject after it ("How can | people look"); "do", "does" and
    "did" only with a negation ("did | business" is their object)."""
    word = word_at(text, tokens, index)
    if not (word.islower() and is_common(word)) or adverb_at(text, tokens, index):  # "would | immediately sign"
        return None
    before, negated = index - 1, False
    while before >= 0 and joined(text, tokens, before, before + 1):
        between = word_at(text, tokens, before).lower()
        if between not in BETWEEN_MODAL_AND_VERB and not adverb_at(text, tokens, before):
            break
        negated = negated or between in NEGATIONS
        before -= 1
    if before < 0 or not joined(text, tokens, before, before + 1):
        return None
    modal = word_at(text, tokens, before)
    if modal not in MODALS or (modal in DO_FORMS and not negated):
        return None
    if before > 0 and word_at(text, tokens, before - 1).lower() in QUESTION_WORDS:  # "How can | people look"
        return None
    if (
        before > 0
        and joined(text, tokens, before - 1, before)
        and word_at(text, tokens, before - 1).lower() in DETERMINERS
    ):
        return None
    return (before, index - 1)

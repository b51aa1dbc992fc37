"""Bare verbs, read without a parse: after a modal ("will | debate it", "can't | vote", "would not | review"; a
newcomer's re-trial: the label keys offered 'debate', 'vote', 'review', and a group took the verb in: 'review costs'),
and after a plural subject ("Oil prices | rise", "Rail workers | strike over pay"; a re-trial added 'rise' and 'Rail
workers strike'). For `phrases` (the keys refuse such a word) and `groups` (no noun group runs back over one)."""

from __future__ import annotations

from annotator.shapes import TokenRange, Tokens, adverb_at, in_headline, is_common, is_modifier, joined, word_at
from annotator.wordlists import (
    AGENT_ENDINGS,
    BETWEEN_MODAL_AND_VERB,
    BODY_NOUNS,
    CHANGE_VERBS,
    DETERMINERS,
    DO_FORMS,
    FUNCTION_WORDS,
    LY_SUBJECTS,
    MODALS,
    NEGATIONS,
    PEOPLE_NOUNS,
    PLACE_HEADS,
    PLURAL_PEOPLE,
    PREPOSITIONS,
    QUESTION_WORDS,
    TO_PREPOSITIONS,
)


def verb_after_modal(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The modal before token `index`, a lower-case common word, that makes it a bare verb, with any negation or
    adverb between ("will | debate it", "can't | vote", "would not | review", "did not | need"), as a token range;
    None where there is none. Not a modal after a determiner, a noun ("the will | of the people"), nor one
    after "how", "why", "where" or "when", its subject after it ("How can | people look"); "do", "does" and
    "did" only with a negation ("did | business" is their object)."""
    word = word_at(text, tokens, index)
    if not (word.islower() and is_common(word)) or (
        adverb_at(text, tokens, index) and not _verb_in_ly(text, tokens, index)
    ):
        return None  # "would | immediately sign"; not "must | comply with" (`_verb_in_ly`)
    if adverb_after_modal(text, tokens, index):  # "will | likely be": the verb comes after it
        return None
    return _modal_before(text, tokens, index)


def adverb_after_modal(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is an adverb between a modal and its verb (`BETWEEN_MODAL_AND_VERB`), a word after it
    ("will | likely be", "would | jointly run"): no verb itself (the status line called "likely" one)."""
    word = word_at(text, tokens, index)
    return (
        word in BETWEEN_MODAL_AND_VERB
        and _followed(text, tokens, index)
        and _modal_before(text, tokens, index) is not None
    )


def _modal_before(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """`verb_after_modal`'s modal and the words between, whatever token `index` is."""
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


def verb_after_plural(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a bare lower-case word, is the verb of the plural right before it: one of a rise or a fall
    (`CHANGE_VERBS`: "Oil prices | rise on supply fears"), or in a headline (the text's first line, no full stop at its
    end) any word after a plural for people that opens the line, only names before it ("Rail workers | strike over
    pay", "Norland farmers | block roads"; not "surround downtown police | complex"), but a noun for people, a body or
    a place, which heads a compound there ("Farmers | union says")."""
    word, before = word_at(text, tokens, index), index - 1
    if before < 0 or not joined(text, tokens, before, index) or not (word.isalpha() and word.islower()):
        return False
    if word.endswith(("s", "ed", "ing")) or len(word) < 3 or word in FUNCTION_WORDS or is_modifier(word):
        return False
    if any(form in PEOPLE_NOUNS or form in BODY_NOUNS for form in (word, word + "s")) or word in PLACE_HEADS:
        return False
    plural = word_at(text, tokens, before)
    if plural.lower() in DETERMINERS or plural.lower() in FUNCTION_WORDS or adverb_at(text, tokens, index):
        return False
    if plural in PLURAL_PEOPLE or (
        plural.endswith("s") and not plural.endswith(("ss", "us", "is")) and len(plural) > 3
    ):
        if word in CHANGE_VERBS:
            return True
        opens = not any(word_at(text, tokens, i).islower() for i in range(before))  # not "surround downtown police"
        return opens and _names_people(plural.lower()) and in_headline(text, tokens, index)
    return False


def _names_people(plural: str) -> bool:
    forms = (plural, plural[:-1], plural[:-2])
    return plural in PLURAL_PEOPLE or plural.endswith(AGENT_ENDINGS) or any(f in PEOPLE_NOUNS for f in forms if f)


def _followed(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a word follows token `index` on its line."""
    after = index + 1
    return after < len(tokens) and joined(text, tokens, index, after) and word_at(text, tokens, after)[:1].isalnum()


def _verb_in_ly(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a word in -ly that `adverb_at` reads as an adverb, has a preposition after it, no verb for
    it to modify ("comply | with", "rely | on"), where an adverb after a modal or a subject is followed by its verb
    ("will quickly | sign", "they quickly | left"); not "like", a verb as often ("I really | like it"). Not before a
    determiner ("nearly | all", "roughly | the same") nor punctuation ("will certainly | .", "support you
    financially | ,"), where adverbs stand as often (measured over the corpus)."""
    if not (word_at(text, tokens, index).endswith("ly") and adverb_at(text, tokens, index)):
        return False
    following = word_at(text, tokens, index + 1).lower() if _followed(text, tokens, index) else ""
    return following in PREPOSITIONS and following != "like"


def verb_in_ly(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The word before token `index`, a word in -ly that `adverb_at` reads as an adverb, that makes it a bare verb, as
    a token range (a re-trial's status line called "comply" an adverb): a subject pronoun ("they", "we", "I", "who",
    "which", "that"; not "you", an object as often) or "to", with a preposition after it (`_verb_in_ly`: "they | apply
    to", "microbes that | rely on", "to | comply with"); None where there is none. After a modal, `verb_after_modal`
    reads it ("must | comply with")."""
    before = index - 1
    if before < 0 or not joined(text, tokens, before, index) or not _verb_in_ly(text, tokens, index):
        return None
    prior = word_at(text, tokens, before).lower()
    opens = prior == "to" and before > 0 and word_at(text, tokens, before - 1).lower() in TO_PREPOSITIONS
    return (before, before) if (prior in LY_SUBJECTS or prior == "to") and not opens else None

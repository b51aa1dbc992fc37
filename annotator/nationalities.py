"""The noun group a nationality word opens ("The Greek coast guard said", "the Chinese state broadcaster", "Thai
police"), read without a parse: where it ends, before its verb, a title before a name, or what no group of nouns
runs on to. For `phrases` (the key on any of its words adds it whole) and `stops` (`;` stops once a group)."""

from __future__ import annotations

from annotator.groups import ing_before_its_noun, verb_after_subject
from annotator.shapes import Tokens, adverb_at, is_common, is_modifier, is_name_word, joined, word_at
from annotator.wordlists import (
    BASE_FORM_PASTS,
    BODY_NOUNS,
    ING_NOUNS,
    IRREGULAR_PASTS,
    NATIONALITIES,
    NOUN_LIKE_ENDINGS,
    PEOPLE_NOUNS,
    PLURAL_MODIFIERS,
    PLURAL_PEOPLE,
    TITLES,
)


def nationality_head(text: str, tokens: Tokens, index: int) -> int | None:
    """The last word of the noun group a nationality adjective at token `index` opens (`NATIONALITIES`: "The Greek
    coast | guard said", "Thai | police"; trial 32: the key on "Greek" added 'Greek' alone): the common words after
    it up to a verb (`verb_after_subject`: "the Spanish coast guard | rescued") or a title before a name, the last
    that is no modifier; None when no common noun follows."""
    if word_at(text, tokens, index) not in NATIONALITIES:
        return None
    last, position = None, index + 1
    while position < len(tokens) and position - index <= 4 and joined(text, tokens, position - 1, position):
        word = word_at(text, tokens, position)
        if not is_common(word) or word in IRREGULAR_PASTS or verb_after_subject(text, tokens, position):
            break
        if word.capitalize() in TITLES and _name_after(text, tokens, position):
            break  # "the Greek coast guard | commander Ilse Maarten": titles stay off names
        if last == position - 1 and _ends_the_group(text, tokens, last, position):
            break
        if not is_modifier(word) or word.endswith(NOUN_LIKE_ENDINGS):
            last = position
        position += 1
    return last


def _ends_the_group(text: str, tokens: Tokens, head: int, index: int) -> bool:
    """Whether the noun at token `head` ends a nationality's group before token `index` (a corpus check found the key
    on "Chinese" adding 'Chinese students living'): an adverb follows ("the Polish market | altogether"), a word in
    -ing that modifies no noun after it ("a Canadian film crew | working there"), or the noun is a plural ("Iranian
    chess players | reach"; not one that modifies a noun: "the state news | agency"), or a noun for people or a body
    of them before its verb in -s or a past like its base ("the Indian government | appears", "the Afghan government
    | shut"; not before a noun for people: "a German government | spokesman")."""
    noun, word = word_at(text, tokens, head), word_at(text, tokens, index)
    if adverb_at(text, tokens, index):
        return True
    if len(word) >= 5 and word.islower() and word.endswith("ing") and word not in ING_NOUNS:
        return not ing_before_its_noun(text, tokens, index)
    plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and noun not in PLURAL_MODIFIERS
    if noun in PLURAL_PEOPLE or (plural and len(noun) >= 4):
        return True
    if (noun not in PEOPLE_NOUNS and noun not in BODY_NOUNS) or is_modifier(noun):  # "Turkish military | operations"
        return False
    people = any(form in PEOPLE_NOUNS or form in BODY_NOUNS for form in (word[:-1], word[:-2]))
    return word in BASE_FORM_PASTS or (word.endswith("s") and not word.endswith(("ss", "us", "is")) and not people)


def _name_after(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a name word follows token `index` on its line."""
    following = index + 1
    return (
        following < len(tokens)
        and joined(text, tokens, index, following)
        and is_name_word(word_at(text, tokens, following))
    )

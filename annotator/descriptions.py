"""A description before a person's name ("retired police officer | Jo Lin", "Retired | police officer Jo Lin"),
which the conventions keep out of the name's span as they keep a title out ("Democratic mayor Muriel Bowser", "Police
press officer": a bare common noun in a job title stays unmarked; tests/fixtures/README.md). A plain function over
an article's text and tokens, read from the words' shapes with no parse, so that a label key on any word of the
description adds the name (`phrases.at_cursor`), as on a capitalised title (`titles.titled_name`).
"""

from __future__ import annotations

from annotator.groups import group_start, verb_after_subject
from annotator.shapes import (
    HYPHENS,
    Tokens,
    capital_by_position,
    group_word,
    is_modifier,
    is_name_word,
    joined,
    name_range,
    word_at,
)
from annotator.titles import titled_name
from annotator.wordlists import DATES, DETERMINERS, FUNCTION_WORDS, PARTICLES, PEOPLE_NOUNS, PLURAL_PEOPLE, TITLE_HEADS

TokenRange = tuple[int, int]


def described_name(text: str, tokens: Tokens, index: int) -> TokenRange | None:
    """The name right after the noun group that token `index` is a word of, when that group ends in a noun for a
    person or a title ("officer", "spokesman", "minister") and runs into the name with nothing between: the group
    describes the named person, no participant of its own. A word capitalised only because it opens a sentence
    (`capital_by_position`), a modifier or a noun for people, is read in lower case ("Retired | police officer Jo
    Lin", "Police | officer Jo Lin"; not "Seattle | police Chief Carmen Best", a place). None otherwise: the group ends
    before a verb, a date ("officers | Monday") or no name."""
    word = word_at(text, tokens, index)
    lower = word.lower()
    common = is_modifier(lower) or _person_noun(lower)  # "Retired", "Police"; not "Seattle | police Chief ..."
    if word[:1].isupper() and word[1:].islower() and common and capital_by_position(text, tokens, index):
        start = tokens[index][0]
        text = text[:start] + text[start].lower() + text[start + 1 :]
        word = word.lower()
    if not (word.islower() and group_word(word)):
        return None
    last = index
    while last + 1 < len(tokens) and joined(text, tokens, last, last + 1):
        after = word_at(text, tokens, last + 1)
        if not (after.islower() and group_word(after)):
            break
        last += 1
    name = last + 1
    head = word_at(text, tokens, last)
    if name >= len(tokens) or not joined(text, tokens, last, name) or not _person_noun(head) or is_modifier(head):
        return None  # "his official | Twitter account", "a local | MP": an adjective, no noun for a person
    if head in PLURAL_PEOPLE or text[tokens[last][0] - 1 : tokens[last][0]] in HYPHENS:
        return None  # "many people | Wikinews", "the 55-member | AU": no one described
    first_name = word_at(text, tokens, name)
    lower = first_name.lower()
    if not is_name_word(first_name) or lower in DETERMINERS or lower in FUNCTION_WORDS or first_name in DATES:
        return None  # "the man | I met", "a doctor | Who"
    found = titled_name(text, tokens, name) or (name, name_range(text, tokens, name, PARTICLES)[1])
    if first_name.isupper() or (head.endswith("s") and found[0] == found[1]):
        return None  # "the local | MP", "people | PrEP"; "the protesters | Wikinews spoke to": a name of one word
    if group_start(text, tokens, last) > index or any(verb_after_subject(text, tokens, i) for i in range(index, name)):
        return None
    return found  # "police | Chief Carmen Best": the name after the title (`titled_name`)


def _person_noun(word: str) -> bool:
    """A noun for one person or for people (`PEOPLE_NOUNS`, or its plural), or a title in lower case ("minister")."""
    forms = (word, word[:-1], word[:-2])
    return any(form in PEOPLE_NOUNS for form in forms if form) or word.capitalize() in TITLE_HEADS

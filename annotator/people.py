"""Nouns for people in an article's tokens, read without a parse: a lower-case word that names people ("residents",
"the army said"), not the state someone is put in ("taken hostage"), and the group a name opens up to its noun for
people or a body of them ("the SEAL union"). For `phrases` (what a label key takes) and `stops` (where `;` stops).
"""

from __future__ import annotations

from annotator.shapes import Tokens, group_word, is_common, joined, word_at
from annotator.wordlists import (
    AGENT_ENDINGS,
    AGENT_SHAPED_WORDS,
    BODY_NOUNS,
    DETERMINERS,
    OBJECT_OPENERS,
    PEOPLE_ADJECTIVES,
    PEOPLE_NOUNS,
    PLURAL_PEOPLE,
    SPEECH_VERB_FORMS,
    TAKING_VERBS,
)


def head_after_name(text: str, tokens: Tokens, name_end: int) -> int:
    """The last token of the group a name opens: the lower-case words after it up to the last that names a body of
    people or people ("the SEAL | union", "the Hamas military | wing", "the Kenya | police"), or the name's own end
    when none does ("the Coast Guard | spoke"): a capitalised word before a lower-case head belongs to its group."""
    end, last = name_end, name_end
    while last + 1 < len(tokens) and joined(text, tokens, last, last + 1) and last - name_end < 3:
        word = word_at(text, tokens, last + 1)
        if not is_common(word) or word.endswith("ed"):
            break
        last += 1
        if word in BODY_NOUNS or is_participant(text, tokens, last):
            end = last
    return end


def _state_put_in(text: str, tokens: Tokens, index: int) -> bool:
    """Whether the word at `index` follows a verb of taking or holding with no determiner, at most an object pronoun
    between ("taken | hostage", "held him | prisoner"): the state someone is put in, no mention of a person."""
    before = [
        word_at(text, tokens, i).lower()
        for i in range(index - 1, max(index - 3, -1), -1)
        if all(joined(text, tokens, j, j + 1) for j in range(i, index))
    ]
    if before[:1] and before[0] in TAKING_VERBS:
        return True
    return len(before) == 2 and before[0] in OBJECT_OPENERS - DETERMINERS and before[1] in TAKING_VERBS


def _after_the(text: str, tokens: Tokens, index: int) -> bool:
    """Whether "the" stands right before token `index`."""
    return index > 0 and joined(text, tokens, index - 1, index) and word_at(text, tokens, index - 1).lower() == "the"


def is_participant(text: str, tokens: Tokens, index: int, word: str | None = None) -> bool:
    """Whether a lower-case word names people: a person noun (`PEOPLE_NOUNS`, or its plural: "residents"; a plural agent
    noun, `AGENT_ENDINGS`: "investors"), an
    adjective standing for people after "the" (`PEOPLE_ADJECTIVES`: "the injured were", not "the injured man"), or
    the subject of a verb of saying right after it ("the army said", "organizers say"); not a singular person noun
    that modifies the word after it ("a hostage | deal", "official | Israeli figures"). `word`: the token read
    otherwise (a word capitalised only where a sentence starts, in lower case)."""
    word = word_at(text, tokens, index) if word is None else word
    if not word.islower():
        return False
    following = index + 1
    after = (
        word_at(text, tokens, following) if following < len(tokens) and joined(text, tokens, index, following) else ""
    )
    if after in SPEECH_VERB_FORMS:
        return True
    if word in PEOPLE_ADJECTIVES:  # "the injured | were taken", "the missing | ."; not "the missing | boat"
        return _after_the(text, tokens, index) and not group_word(after)
    if _state_put_in(text, tokens, index):  # "taken | hostage", "held him | prisoner" (trial 23)
        return False
    if word in PEOPLE_NOUNS:  # unless it modifies a noun after it: "a hostage | deal", "official | Israeli figures"
        plural = word in PLURAL_PEOPLE  # "people fear", "police detain": a verb follows, never a noun
        return plural or not (group_word(after) and not after.endswith(("ed", "ing")))
    if word.endswith(AGENT_ENDINGS) and len(word) >= 6 and word not in AGENT_SHAPED_WORDS:
        return True  # a plural agent noun: "investors", "maintainers", "terrorists", "civilians"
    return word.endswith("s") and (word[:-1] in PEOPLE_NOUNS or word[:-2] in PEOPLE_NOUNS)

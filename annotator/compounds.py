"""Where a group opened by a word before its noun ends, read without a parse: a common noun before the noun it
modifies ("the business | secretary", "competition | regulators"; a newcomer's trial put the cursor on the first word
with `/` and got 'the business'), a nationality before its noun group ("Palestinian | state"). For `phrases`: the
key on a group's first word takes the group the key on its last word takes."""

from __future__ import annotations

from annotator.complements import is_clean
from annotator.people import is_participant
from annotator.shapes import TokenRange, Tokens, adverb_at, is_common, is_modifier, joined, sentence_start, word_at
from annotator.verbs import past_after_subject, verb_after_subject, verb_after_to, verb_before_group
from annotator.wordlists import (
    BODY_NOUNS,
    FUNCTION_WORDS,
    ING_NOUNS,
    MODIFIERS,
    NATIONALITY_ENDINGS,
    NEWS_MEDIA,
    NOUN_LIKE_ENDINGS,
    PEOPLE_NOUNS,
    PLACE_HEADS,
    PLURAL_MODIFIERS,
    PLURAL_PEOPLE,
    SPEECH_VERB_FORMS,
)


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _heads_a_noun(word: str) -> bool:
    """Whether a plural is a noun by what it names: people, a body of them, a place, the media."""
    forms = (word, word[:-1], word[:-2])
    return word in PLACE_HEADS or word in NEWS_MEDIA or any(f in PEOPLE_NOUNS or f in BODY_NOUNS for f in forms if f)


def _noun_after(text: str, tokens: Tokens, noun: int) -> bool:
    """Whether the word after token `noun`, a singular common noun, is the noun it modifies, no verb of it as its
    subject: lower-case, no modifier (but for the endings nouns share: "secretary"), no adverb, no past or word in
    -ing (but for a noun in -ing: "the court | hearing"), no verb by the words around it; a plural only when it names
    people, a body, a place or the media, or when no object follows it, as one follows a verb in -s ("competition |
    regulators on Monday"; not "the storm | cuts power", "the toll | rises to 12")."""
    after = noun + 1
    if after >= len(tokens) or not joined(text, tokens, noun, after):
        return False
    word = word_at(text, tokens, after)
    if not (is_common(word) and word.islower()) or word in MODIFIERS or word in SPEECH_VERB_FORMS:
        return False
    if word in PLURAL_PEOPLE:  # "the man | police arrested": a plural for people after a noun is its own group
        return False
    if (is_modifier(word) and not word.endswith(NOUN_LIKE_ENDINGS)) or adverb_at(text, tokens, after):
        return False
    if word.endswith("ed") or (word.endswith("ing") and word not in ING_NOUNS):
        return False
    if past_after_subject(text, tokens, after):
        return False
    if not _plural(word):
        return not verb_after_subject(text, tokens, after) and not verb_before_group(text, tokens, after)
    if _heads_a_noun(word):
        return True
    if verb_after_subject(text, tokens, after):
        return False
    then = after + 1  # a verb's object, its "to" or its sentence's end: "the storm cuts | power", "the toll | rises."
    if then >= len(tokens) or not joined(text, tokens, after, then):
        return False
    following = word_at(text, tokens, then).lower()
    return following in FUNCTION_WORDS and following != "to"  # "competition | regulators on Monday"


def compound_head(text: str, tokens: Tokens, head: int) -> int:
    """The last noun of the compound that the common noun at token `head` opens (`head` itself when it opens none):
    over each noun that the singular noun before it modifies (`_noun_after`). Not from a sentence's first word, whose
    capital says nothing of a name ("Apple | shares fell": the name keeps its reading), but for one read as the common
    word (in lower case: `phrases.as_common`) before a plural that names people ("Competition | regulators in Dunmore
    are"; a newcomer's re-trial got 'Competition'); nor from a verb after "to" ("to | reduce psychopathy")."""
    if verb_after_to(text, tokens, head):
        return head
    if sentence_start(text, tokens, head):
        after = head + 1
        people = after < len(tokens) and joined(text, tokens, head, after) and is_participant(text, tokens, after)
        common = word_at(text, tokens, head).islower() and _plural(word_at(text, tokens, after)) and people
        return after if common and _noun_after(text, tokens, head) else head
    while True:
        word = word_at(text, tokens, head)
        singular = not _plural(word) or word in PLURAL_MODIFIERS
        noun = is_common(word) and word.islower() and not is_modifier(word) and word not in PLURAL_PEOPLE
        verb_form = word.endswith("ed") or (word.endswith("ing") and word not in ING_NOUNS)  # "deployed, helping |"
        if not (noun and singular and not verb_form and _noun_after(text, tokens, head)):
            return head
        head += 1


def nationality_group(text: str, tokens: Tokens, name: TokenRange) -> TokenRange | None:
    """A nationality word with the noun group it modifies ("Palestinian | state", "Israeli | negotiating teams");
    None for other names, or before a verb ("Israeli officials | added")."""
    first, last = name
    word = word_at(text, tokens, last)
    following = last + 1
    if first != last or not word.endswith(NATIONALITY_ENDINGS) or following >= len(tokens):
        return None
    after = word_at(text, tokens, following)
    if not joined(text, tokens, last, following) or not is_common(after) or after in SPEECH_VERB_FORMS:
        return None
    if after.endswith("ed") and not is_modifier(after):
        return None
    head = following  # over modifiers ("negotiating") to the noun
    while (
        (is_modifier(word_at(text, tokens, head)) or word_at(text, tokens, head).endswith("ing"))
        and head + 1 < len(tokens)
        and joined(text, tokens, head, head + 1)
        and is_common(word_at(text, tokens, head + 1))
    ):
        head += 1
    return (first, head) if is_clean(text, tokens, (first, head)) else None

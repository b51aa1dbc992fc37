"""Noun groups in an article's tokens, read without a parse: where a common noun's group starts and ends (its
modifiers, its owner); the verbs that end it are `verbs`' (by their ending or a closed list of common verbs: "see",
"heard", "know"; never inside a group: in a newcomer's trial "we see | black smoke" offered 'see black'). For
`phrases` (what a key selects) and `stops` (where `;` and `w` stop); the words' shapes are `shapes`'."""

from __future__ import annotations

from annotator.figure_units import unit_after_number
from annotator.modals import verb_after_modal, verb_after_plural
from annotator.shapes import (
    Tokens,
    adverb_at,
    group_word,
    is_common,
    is_modifier,
    is_name_word,
    joined,
    sentence_start,
    word_at,
)
from annotator.verbs import (
    compound_ing,
    verb_after_subject,
    verb_after_to,
    verb_before_group,
    verb_in_s,
)
from annotator.wordlists import (
    BODY_NOUNS,
    DETERMINERS,
    MODIFIERS,
    NEWS_MEDIA,
    NOUN_LIKE_ENDINGS,
    PEOPLE_NOUNS,
    PLACE_HEADS,
    PLURAL_PEOPLE,
    POSSESSIVES,
    TITLES,
    VERBS,
)

__all__ = ["group_head", "group_start", "heads_a_body_of_people", "ing_before_its_noun", "modified_head",
           "verb_after_subject"]  # fmt: skip


def group_head(text: str, tokens: Tokens, index: int) -> int:
    """The last word of the noun group around token `index`: the word itself, unless it is a modifier, whose
    group runs on over the modifiers after it to the first common noun ("the city's western | district"; the last
    common word when only an ending nouns have too makes it a modifier: "a harsh | critic", "a senior | official"), or
    a noun before a noun for a building or a place ("the town | hall": a LOCATION whole, the guide; trial 22), or a
    noun after an article, or a singular one opening a sentence, before a noun for people, a body of them or the media
    ("the emergency | services"; trial 24; "state | media reported", a newcomer's trial added 'State'; not a plural
    subject before its verb: "Floods | force hundreds", trial 31)."""
    following = index + 1
    if following < len(tokens) and is_common(word_at(text, tokens, index)) and joined(text, tokens, index, following):
        after = word_at(text, tokens, following)
        word = word_at(text, tokens, index)
        # a singular noun opening a sentence opens its group, as one after an article does; not "Floods | force"
        opening = word.islower() and not word.endswith("s") and sentence_start(text, tokens, index)
        opens = _after_an_article(text, tokens, index) or opening
        if after in PLACE_HEADS or (opens and _heads_for_people(text, tokens, index)):
            return following
        if _compound_plural(text, tokens, index):
            return following
    last = index + 1 if following < len(tokens) and compound_ing(text, tokens, following) else index  # "video"
    while (is_modifier(word_at(text, tokens, last)) or ing_before_its_noun(text, tokens, last)) and joined(
        text, tokens, last, last + 1
    ):
        if not is_common(word_at(text, tokens, last + 1)) or adverb_at(text, tokens, last + 1):  # "ended | shortly"
            break
        last += 1
    word = word_at(text, tokens, last)
    noun = last > index and word not in MODIFIERS and word.endswith(NOUN_LIKE_ENDINGS)  # "a harsh | critic"
    return last if not is_modifier(word) or noun else index


def ing_before_its_noun(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a lower-case word in -ing, modifies the common noun right after it inside a group ("the
    Chinese social networking | platform", "a video sharing | platform"; a newcomer's trial cut the group before its
    head): no verb of the clause (`verb_before_group`: "a bus carrying | children", "deployed, helping | victims"), and
    the word after it no verb either ("the training | ended")."""
    word, following = word_at(text, tokens, index), index + 1
    if not (len(word) >= 5 and word.islower() and word.endswith("ing")) or following >= len(tokens):
        return False
    after = word_at(text, tokens, following)
    return (
        is_common(after)
        and not after.endswith("ed")
        and after not in VERBS
        and not verb_before_group(text, tokens, index)
        and not verb_after_subject(text, tokens, following)
        and (not verb_in_s(text, tokens, following) or compound_ing(text, tokens, index))  # "sharing | platforms"
    )


#: Auxiliaries a plural subject takes, never a verb in -s: "fuel prices | are" (the plural is a noun, no verb).
PLURAL_AUXILIARIES = frozenset({"are", "were", "have", "had", "do", "did", "will", "would", "can", "could", "may",
                                "might", "must", "should"})  # fmt: skip


def _compound_plural(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a singular common noun, modifies the plural common noun right after it, that noun
    no verb: a plural's auxiliary or a verb in -ed follows it, as its own verb ("cargo | ships waited", "fuel | prices
    are"; not "the storm | cuts power", "the toll | rises.", "the government | plans to"). `w` stops once a group, at
    that noun (a newcomer's trial stopped at "cargo" and then "ships")."""
    word, following = word_at(text, tokens, index), index + 1
    after = word_at(text, tokens, following)
    if word.endswith("s") or is_modifier(word) or not is_common(after) or after in MODIFIERS:
        return False
    if not after.endswith("s") or after.endswith(("ss", "us", "is")) or len(after) < 4 or is_modifier(after):
        return False
    if verb_after_subject(text, tokens, following):
        return False
    then = following + 1
    if then >= len(tokens) or not joined(text, tokens, following, then):
        return False
    verb = word_at(text, tokens, then)
    return verb in PLURAL_AUXILIARIES or (len(verb) > 4 and verb.islower() and verb.endswith("ed"))


def _after_an_article(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a determiner other than "that" (a relative pronoun as often) stands right before token `index`."""
    before = word_at(text, tokens, index - 1).lower() if index > 0 and joined(text, tokens, index - 1, index) else ""
    return before in DETERMINERS and before != "that"


def _heads_for_people(text: str, tokens: Tokens, index: int, word: str | None = None) -> bool:
    """Whether token `index`, a noun that is no noun for people itself, modifies a noun for people, a body of them or
    the news media right after it ("emergency | services", "rescue | workers", "state | media"); not a subject before its verb's ("the man | police
    arrested": a plural noun for people is no head after a noun). `word`: the token read otherwise (a sentence's
    capitalised first word, in lower case)."""
    word, after = word_at(text, tokens, index) if word is None else word, word_at(text, tokens, index + 1)

    def people(noun: str) -> bool:
        return any(form in PEOPLE_NOUNS or form in BODY_NOUNS for form in (noun, noun[:-1], noun[:-2]) if form)

    head = people(after) or after in NEWS_MEDIA  # "state | media"
    return not is_modifier(word) and not people(word) and after not in PLURAL_PEOPLE and head


def heads_a_body_of_people(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a noun for a body of people (`BODY_NOUNS`, or its plural; `NEWS_MEDIA`) that ends a
    group of common nouns, one modifying it right before it ("Emergency | services arrived", "the rescue | teams"; in
    `_heads_for_people`'s sense): where a missed ACTOR may be, as a noun for people is. The noun before may be
    capitalised only as its sentence's first word (a newcomer's trial, 31: `;` passed over "Emergency services
    arrived"). Not in a name's group ("the Associated Press news | agency", "the Israeli negotiating | team": the
    name is the stop), nor where the noun modifies what follows ("fire | service spokesman", "news | agency
    Interfax"); the media not after a verb after "to" ("to download | media": files)."""
    before, following = index - 1, index + 1
    word = word_at(text, tokens, index)
    if before < 0 or not joined(text, tokens, before, index) or not word.islower() or word in PLACE_HEADS:
        return False  # "the ticket | offices": a building (trial 32)
    bodies = any(form in BODY_NOUNS or form in PEOPLE_NOUNS for form in (word, word[:-1], word[:-2]) if form)
    if not bodies and (word not in NEWS_MEDIA or verb_after_to(text, tokens, before)):  # "to download | media"
        return False
    if following < len(tokens) and joined(text, tokens, index, following):
        after = word_at(text, tokens, following)
        verb = after.endswith(("ed", "ing")) or verb_after_subject(text, tokens, following)
        if is_name_word(after) or (group_word(after) and not verb):
            return False
    modifier = word_at(text, tokens, before)
    opening = modifier[:1].isupper() and modifier[1:].islower() and sentence_start(text, tokens, before)
    if not (modifier.islower() or opening):
        return False
    name = (
        before > 0 and is_name_word(word_at(text, tokens, before - 1)) and not sentence_start(text, tokens, before - 1)
    )
    if not opening and name and joined(text, tokens, before - 1, before):
        return False
    return is_common(modifier.lower()) and _heads_for_people(text, tokens, before, modifier.lower())


def modified_head(text: str, tokens: Tokens, last: int) -> int | None:
    """The head of the noun group that a name ending at token `last` modifies, when that head is a noun for people
    or a body of them ("the RMT | union", "Emergency | services", "Hamas | officials"; trial 31: the name belongs to
    its group); None when no such group follows or a verb does ("Floods | force hundreds")."""
    following = last + 1
    if following >= len(tokens) or not joined(text, tokens, last, following):
        return None
    if not is_common(word_at(text, tokens, following)) or verb_after_subject(text, tokens, following):
        return None
    head = group_head(text, tokens, following)
    word = word_at(text, tokens, head)
    return head if any(form in PEOPLE_NOUNS or form in BODY_NOUNS for form in (word, word[:-1], word[:-2])) else None


def group_start(text: str, tokens: Tokens, index: int) -> int:
    """The first word of the noun group that ends at token `index`: its modifiers before it, and a common noun
    or a title that owns it; not its determiner, nor a figure's unit ("a 20km | line"). A name that owns it is a span
    of its own ("Israel's army")."""
    first = index
    while first > 0 and joined(text, tokens, first - 1, first):
        before = word_at(text, tokens, first - 1)
        owner = word_at(text, tokens, first - 2) if first > 1 else ""
        if before in POSSESSIVES and group_word(owner) and (owner.islower() or owner.rstrip(".") in TITLES):
            first -= 2  # "the island's power authority", "the President's office"; not "Israel's | army"
        elif (
            group_word(before)
            and not adverb_at(text, tokens, first - 1)
            and not verb_after_to(text, tokens, first - 1)
            and not verb_before_group(text, tokens, first - 1)
            and not (before.endswith("s") and verb_after_subject(text, tokens, first - 1))  # "it enables | disabled"
            and verb_after_modal(text, tokens, first - 1) is None  # "will review | costs"
            and not verb_after_plural(text, tokens, first - 1)  # "Norland farmers block | roads"
            and not unit_after_number(text, tokens, first - 1)  # "20km | line": the figure's unit
        ):
            first -= 1
        else:
            break
    return first

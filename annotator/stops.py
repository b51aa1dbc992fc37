"""Where the moves over missed mentions stop: `w` at each word no entity covers that may start one, `;` at the
names, numbers and nouns for people among them (the places a label key then adds a whole phrase at).

Plain functions over an article's text and tokens ((start, end) offsets, in order), read from the tokens' shapes
with no parse, as `annotator.phrases` reads the phrase a label key adds there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from annotator.counts import continues_a_figure, counts_time, is_figure_number, period
from annotator.groups import (
    group_head,
    group_start,
    heads_a_body_of_people,
    modified_head,
    verb_after_subject,
)
from annotator.motion import token_at
from annotator.nationalities import nationality_head
from annotator.people import is_participant
from annotator.shapes import (
    adverb_at,
    capital_by_position,
    group_word,
    is_common,
    is_modifier,
    is_name_word,
    is_number,
    joined,
    name_range,
    qualified,
    sentence_start,
    word_at,
)
from annotator.titles import titled_name
from annotator.wordlists import (
    BASE_FORM_PASTS,
    CLOCK_WORDS,
    DATES,
    DETERMINERS,
    FUNCTION_WORDS,
    NOT_MODIFIERS,
    PARTICLES,
    PEOPLE_NOUNS,
    POSSESSIVES,
    PRONOUN_ONE,
    QUALIFIER_WORDS,
    SPEECH_VERB_FORMS,
    TITLES,
)

Tokens = Sequence[tuple[int, int]]
#: `next_unmarked` and `next_candidate`: (text, tokens, index, step, covered) -> the token a key goes to.
Finder = Callable[[str, Tokens, int, int, Callable[[int], bool]], int]


def is_unmarked_word(text: str, tokens: Tokens, index: int, covered: Callable[[int], bool]) -> bool:
    """Whether token `index` may be where a missing entity's label key is pressed: a word (starting with a letter
    or a digit: not "'s") that no entity span or suggestion covers (`covered`) and that is not a function word, a
    determiner or a date; not a word inside a phrase whose label key is pressed further on (a modifier or a
    common-noun owner before its noun: "the city's | western | district"; a qualifier before its number: "at
    least | 35"); and not a verb or an adverb by its ending (-ed, -ing, -ly) unless a determiner makes it a noun
    ("the injured", "his family"), nor a verb whose past is its base form ("cost", "hit") unless one does."""
    word = word_at(text, tokens, index)
    lower = word.lower()
    acronym = word.isupper() and len(word) > 1  # "US", not "us"
    function = (lower in FUNCTION_WORDS or adverb_at(text, tokens, index)) and not acronym
    function = function and not _opens_a_name(text, tokens, index)
    if not lower[:1].isalnum() or function or lower in DETERMINERS or word in DATES:
        return False
    if covered(index):
        return False
    if continues_a_figure(text, tokens, index):
        return False  # "3-| 1", "two | million": the figure's first number is its stop, the key adds it whole
    within = period(text, tokens, index)
    if within is not None and within[1] > index:
        return False  # "the last | quarter": the key on its noun adds the whole group
    if len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"):
        return False  # a year is no figure
    if lower == "one" and _pronoun_one(text, tokens, index):
        return False  # "No one", "a fair one", "the one who": a pronoun, no figure
    if is_number(word) and _in_date(text, tokens, index):
        return False  # the day of a date ("Oct. 7", "7 October") is no figure either
    if is_number(word) and counts_time(text, tokens, index):
        return False  # a duration or an age ("nearly six hours", "in one hour") is no figure
    if lower in QUALIFIER_WORDS and _in_qualifier(text, tokens, index):
        return False
    if is_name_word(word) and not is_number(word):  # where a name starts as the label key reads it: not "Tel | Aviv"
        if name_range(text, tokens, index, PARTICLES)[0] == index or (index > 0 and covered(index - 1)):
            return True  # a name's first word, or the first after a span ("NPR | Hamza bin Laden", 'NPR' cut back)
        # a title the name before it stops short of: "World | Health Organization"
        return word.rstrip(".") in TITLES and name_range(text, tokens, index - 1, PARTICLES)[1] < index
    if _before_its_head(text, tokens, index):
        return False
    verb = (len(word) > 3 and word.endswith(("ed", "ing", "ly")) and word not in NOT_MODIFIERS) or (
        word in BASE_FORM_PASTS  # "has cost | exporters" (trial 21)
    )
    if verb:
        determiner = word_at(text, tokens, index - 1).lower() if index > 0 else ""
        return determiner in DETERMINERS and joined(text, tokens, index - 1, index)
    return True


def _opens_a_name(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a function word's capital is a name's: mid-sentence, opening a name of several words ("on | Via
    dell'Archeologia", "Via" no preposition there; trial 23)."""
    word = word_at(text, tokens, index)
    return (
        word[:1].isupper()
        and not sentence_start(text, tokens, index)
        and name_range(text, tokens, index, PARTICLES) != (index, index)
    )


def _pronoun_one(text: str, tokens: Tokens, index: int) -> bool:
    """Whether "one" at token `index` is a pronoun standing for a person or a thing, no figure: after "no",
    "every", "any" or "each" ("No one"), or with no noun, number or "of" after it after a determiner, or after a
    determiner and an adjective ("the one who", "this one.", "a fair one,", "the only one"; trial 21). "killed
    one", "one of them", "one resident" count."""

    def word(position: int) -> str:  # on the line of "one", nothing but words and spaces between
        low, high = min(index, position), max(index, position)
        near = low >= 0 and high < len(tokens) and all(joined(text, tokens, i, i + 1) for i in range(low, high))
        return word_at(text, tokens, position).lower() if near else ""

    before = word(index - 1)
    if before in PRONOUN_ONE:
        return True
    after = word(index + 1)
    if after in ("of", "-") or is_number(after) or group_word(after):
        return False
    if before in DETERMINERS or before == "which":
        return True
    adjective = before.isalpha() and before not in DETERMINERS and not is_number(before)
    return adjective and before not in FUNCTION_WORDS - {"only"} and word(index - 2) in DETERMINERS


def _before_its_head(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a lower-case word modifies or owns a common noun after it ("western | district", "the island's |
    power authority"), or stands before a noun for a building or a place ("the town | hall"): the label key on
    that noun adds the whole group."""
    word = word_at(text, tokens, index)
    following = index + 1
    if group_head(text, tokens, index) > index and word.islower():
        return True
    if (
        following < len(tokens)
        and word_at(text, tokens, following) in POSSESSIVES
        and joined(text, tokens, index, following)
    ):
        following += 1
    elif not is_modifier(word):
        return False
    return (
        word.islower()
        and following < len(tokens)
        and joined(text, tokens, following - 1, following)
        and is_common(word_at(text, tokens, following))
    )


def _in_date(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a number stands next to the name of a month or a day ("Oct. | 7", "7 | October")."""
    return any(
        0 <= other < len(tokens) and joined(text, tokens, min(index, other), max(index, other))
        and word_at(text, tokens, other) in DATES
        for other in (index - 1, index + 1)
    )  # fmt: skip


def _in_qualifier(text: str, tokens: Tokens, index: int) -> bool:
    """Whether the word is part of a qualifier before a number ("at | least | 35"): the number adds the figure."""
    return any(
        (number := qualified(text, tokens, start)) is not None and number > index
        for start in range(max(index - 2, 0), index + 1)
    )


def next_unmarked(text: str, tokens: Tokens, index: int, step: int, covered: Callable[[int], bool]) -> int:
    """The next (step 1) or previous (step -1) word no entity covers, function words, punctuation and marked
    spans skipped (`is_unmarked_word`): the places a pass for missed mentions stops at; `index` if none.
    A label key there adds the phrase under the cursor (a common noun: its whole group)."""
    return _next_where(len(tokens), index, step, lambda i: is_unmarked_word(text, tokens, i, covered))


def is_candidate(text: str, tokens: Tokens, index: int, covered: Callable[[int], bool]) -> bool:
    """Whether token `index` is where a missed name, figure or participant may start: a place `w` stops at
    (`is_unmarked_word`: no entity covers it, no function word, determiner, date or year) that is capitalised (a
    name's first word, a sentence's first noun: "Police"), the first number of a figure ("35", not "million"
    after it), or a common noun naming people (`_is_participant`: "residents", "the army said"), but not a title
    whose name is marked, nor a capitalised title before a name (`titled_name`: the name is the stop). Other common
    nouns are left to `w`: one key then reaches the next likely mention however many common words lie between."""
    word = word_at(text, tokens, index)
    if (word.lower() in CLOCK_WORDS and _after_a_number(text, tokens, index)) or CLOCK_TOKEN.fullmatch(word):
        return False  # "5:03 | AM", "6 | P.M.", "6:00AM": the time of day, however written (trials 39b, 39c)
    number = is_figure_number(text, tokens, index)  # not "the last quarter", "the third quarter" (trial 26)
    if not number and _titles_a_name(text, tokens, index, covered):
        return False
    if not number and titled_name(text, tokens, index) is not None:  # "Environment Minister | Joao Silva" (trial 22)
        return False
    if not (word[:1].isupper() or number or is_name_word(word)):
        return (
            (is_participant(text, tokens, index) or _heads_a_body(text, tokens, index, covered))
            and is_unmarked_word(text, tokens, index, covered)
            and not _before_a_name_in_apposition(text, tokens, index)
            and not verb_after_subject(text, tokens, index)  # "Floods | force hundreds": a verb (trial 31)
            and not _opened_by_a_stop(text, tokens, index, covered)
        )
    if not number and capital_by_position(text, tokens, index) and not _marked_elsewhere(text, tokens, index, covered):
        # read as the common word it is ("Unemployment rose"): "Police" stays, a noun for people
        return is_participant(text, tokens, index, word.lower()) and is_unmarked_word(text, tokens, index, covered)
    if number and continues_a_figure(text, tokens, index):
        return False  # inside a figure ("two | million", "3-| 1"): its first number starts it
    if not is_unmarked_word(text, tokens, index, covered):
        return False
    # not a title before a name marked already ("Prime | Minister Benjamin Netanyahu": titles stay off names)
    return number or not any(covered(i) for i in range(index, name_range(text, tokens, index, PARTICLES)[1] + 1))


#: A time of day written as one token ("6:00AM", "7:30pm", "11a.m."): the tokenizer keeps it whole.
CLOCK_TOKEN = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)


def _after_a_number(text: str, tokens: Tokens, index: int) -> bool:
    """Whether the word right before token `index`, on the same line, holds a digit ("5:03 | AM")."""
    return (
        index > 0
        and joined(text, tokens, index - 1, index)
        and any(c.isdigit() for c in word_at(text, tokens, index - 1))
    )


def _opened_by_a_stop(text: str, tokens: Tokens, index: int, covered: Callable[[int], bool]) -> bool:
    """Whether a noun for people is the head of a group that a stop before it opens, a nationality or a name
    ("The Greek | government", "the Greek coast | guard said"): the key there adds the whole group, so `;` stops
    once a group (trial 32: two presses passed "The Greek government")."""
    for first in range(group_start(text, tokens, index), index):
        if not is_name_word(word_at(text, tokens, first)):
            continue
        last = name_range(text, tokens, first, PARTICLES)[1]
        heads = (nationality_head(text, tokens, first), modified_head(text, tokens, last))
        if index in heads and is_candidate(text, tokens, first, covered):
            return True
    return False


def _heads_a_body(text: str, tokens: Tokens, index: int, covered: Callable[[int], bool]) -> bool:
    """A noun for a body of people that the unmarked noun before it modifies ("Emergency | services arrived";
    trial 31: `;` passed over it at a sentence's start): the stop of the group, as "Rescue | workers" is."""
    return heads_a_body_of_people(text, tokens, index) and not covered(index - 1)


def _before_a_name_in_apposition(text: str, tokens: Tokens, index: int) -> bool:
    """Whether a noun for people stands right before a comma and a name of two words or more that the sentence goes
    on after ("The defendant, | Rui Almeida, 61,", "His lawyer, | Paulo Sequeira, said", "Two farmers, | Ana Dias
    and ..."): a descriptor in apposition, which the house conventions do not mark (trial 23)."""
    comma, name = index + 1, index + 2
    if name >= len(tokens) or word_at(text, tokens, comma) != "," or not joined(text, tokens, index, comma):
        return False
    if not joined(text, tokens, comma, name) or not word_at(text, tokens, name)[:1].isupper():
        return False
    last = name_range(text, tokens, name, PARTICLES)[1]
    after = word_at(text, tokens, last + 1) if last + 1 < len(tokens) else ""
    return last > name and (after in (",", ")", "and") or after in SPEECH_VERB_FORMS)


def _marked_elsewhere(text: str, tokens: Tokens, index: int, covered: Callable[[int], bool]) -> bool:
    """Whether an entity span or a suggestion (`covered`) holds the same word, as written, elsewhere in the article:
    the model or the annotator took it for a name there ("Israel sent aid. ... Israel said")."""
    start, end = tokens[index]
    word, position = text[start:end], text.find(text[start:end])
    while position >= 0:  # found by `str.find`: ; asks at every sentence, and a token loop costs a long article
        other = token_at(tokens, position)
        if other != index and tuple(tokens[other]) == (position, position + len(word)) and covered(other):
            return True
        position = text.find(word, position + 1)
    return False


def _titles_a_name(text: str, tokens: Tokens, index: int, covered: Callable[[int], bool]) -> bool:
    """Whether token `index` opens a title right before a name ("Finance minister | Ada Lee", "Chief executive |
    Tom Hale", "Coast guard commander | Ilse Maarten", "the minister | Ada Lee"): titles stay off names (the
    guide), so no mention starts there. Up to three words of title words, nouns for people, other lower-case
    words ("executive", "guard") and a sentence's capitalised first word ("Transport | minister"). Before a name no
    entity marks, the name is the stop only when a lower-case title word stands right before it ("minister",
    "chief"): a capitalised one may open the name ("General Motors", "Prince Edward Island")."""
    titled, title_before, position = False, False, index
    while position < len(tokens) and position - index < 4:
        word = word_at(text, tokens, position)
        if position > index and not joined(text, tokens, position - 1, position):
            return False
        if covered(position):
            return titled and position > index and is_name_word(word)
        if position > index and is_name_word(word):
            return title_before
        title = word.rstrip(".").capitalize() in TITLES or word.lower() in PEOPLE_NOUNS
        if title:
            titled = True
        elif not (
            (position == index and _capitalised_opening(text, tokens, index))  # "Transport | minister"
            or (word.isalpha() and word.islower() and word not in FUNCTION_WORDS and word not in SPEECH_VERB_FORMS)
        ):
            return False
        title_before = title and word.islower()
        position += 1
    return False


def _capitalised_opening(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a capitalised word that opens a sentence and a lower-case word follows: no name of
    several words starts there, it may open a title ("Transport minister", "Fire chief")."""
    following = index + 1
    return (
        word_at(text, tokens, index)[:1].isupper()
        and sentence_start(text, tokens, index)
        and following < len(tokens)
        and joined(text, tokens, index, following)
        and word_at(text, tokens, following).islower()
    )


def next_candidate(text: str, tokens: Tokens, index: int, step: int, covered: Callable[[int], bool]) -> int:
    """The next (step 1) or previous (step -1) name, number or noun for people no entity covers (`is_candidate`);
    `index` if none. A label key there adds the whole name, the figure with its qualifier, or the noun group."""
    return _next_where(len(tokens), index, step, lambda i: is_candidate(text, tokens, i, covered))


def _next_where(count: int, index: int, step: int, wanted: Callable[[int], bool]) -> int:
    """The first token after `index` (step 1) or before it (step -1) that is `wanted`; `index` if none."""
    position = index + step
    while 0 <= position < count:
        if wanted(position):
            return position
        position += step
    return index

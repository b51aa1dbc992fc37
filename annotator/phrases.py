"""Selections worth one key: the phrase under the cursor, and (from `quotations`) the quotation around it.

Plain functions over an article's text and tokens ((start, end) offsets, in order) that answer with token
ranges (first, last), inclusive, as the TUI's selection holds them. They need no parse: a phrase is read
from the tokens' shapes (capitalised names with their joining particles, numbers with their qualifiers and
scale words, a noun with its determiner, a name with the noun group it modifies), so articles stored without a
model work the same: the TUI has no parse (articles store tokens only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from annotator.complements import is_clean, quantified, with_complement
from annotator.compounds import compound_head, nationality_group
from annotator.counts import counts_time, period
from annotator.dates import is_date
from annotator.descriptions import described_name
from annotator.figure_labels import figure_core, label_misfit
from annotator.figure_units import number_of_unit
from annotator.groups import group_head, group_start, modified_head, verb_after_subject
from annotator.literal import quoted
from annotator.modals import adverb_after_modal, verb_after_modal, verb_after_plural, verb_in_ly
from annotator.nationalities import nationality_head
from annotator.people import is_participant
from annotator.quotations import quotation
from annotator.shapes import (
    adverb_at,
    capital_by_position,
    group_word,
    in_a_name,
    is_name_word,
    is_number,
    joined,
    name_range,
    opens_a_quotation,
    sentence_start,
    whole_compounds,
    word_at,
)
from annotator.spans import edge_problem
from annotator.titles import titled_name
from annotator.verbs import past_after_subject
from annotator.vocabulary import Label
from annotator.wordlists import (
    CONNECTORS,
    DATES,
    DETERMINERS,
    FUNCTION_WORDS,
    MEMBER_NOUNS,
    PARTICLES,
    SENTENCE_OPENING_WORDS,
)

Tokens = Sequence[tuple[int, int]]
TokenRange = tuple[int, int]


def phrase_ladder(text: str, tokens: Tokens, index: int) -> list[TokenRange]:
    """Ever larger phrases around token `index`, for a key that grows the selection one rung a press: the name,
    the figure or the word under the cursor; then with its determiner ("the Gaza Strip", "the army"). On a title
    before a name, the name without the title, then with it ("Mayor | Ana Costa"). No rung starts or ends inside
    a hyphenated compound of common words (`whole_compounds`: "three-year-old Syrian child", not "old Syrian
    child"; a newcomer's trial)."""
    ladder: list[TokenRange] = []
    for rung in _rungs(text, tokens, index):
        whole = _whole(text, tokens, rung)
        if whole not in ladder:
            ladder.append(whole)
    return ladder


def _whole(text: str, tokens: Tokens, rung: TokenRange, covered: Callable[[int], bool] | None = None) -> TokenRange:
    """`rung` with the whole compounds at its edges (`whole_compounds`), where that leaves it clean and takes in
    no token an entity span holds (`covered`); else `rung` as it is."""
    whole = whole_compounds(text, tokens, rung)
    added = [*range(whole[0], rung[0]), *range(rung[1] + 1, whole[1] + 1)]
    if whole == rung or not is_clean(text, tokens, whole) or (covered is not None and any(map(covered, added))):
        return rung
    return whole


def _rungs(text: str, tokens: Tokens, index: int) -> list[TokenRange]:
    """`phrase_ladder`'s rungs as the shapes of the words give them, compounds not yet whole."""
    if not tokens:
        return []
    index = number_of_unit(text, tokens, index)  # "€410 | m", "20 | km": the figure, never the unit alone
    word = word_at(text, tokens, index)
    within = period(text, tokens, index)
    if within is not None:  # "the last | quarter": a part of a period, no figure (trial 26)
        return _ladder(text, tokens, index, [within])
    if (figure := figure_core(text, tokens, index)) is not None:  # "€410m", "at least 35"
        core = figure
    elif word in DATES:  # a day or a month is a phrase of its own: it never joins a name ("Palestinians | Thursday")
        core = (index, index)
    elif (is_name_word(word) and word.lower() not in DETERMINERS) or in_a_name(text, tokens, index):
        cores = [name_range(text, tokens, index, PARTICLES), name_range(text, tokens, index, CONNECTORS)]
        named = titled_name(text, tokens, index)
        if named is not None:  # on a title: the name first, as a label key adds it; then with its title
            return _ladder(text, tokens, index, [named, (min(cores[0][0], index), named[1])])
        head = modified_head(text, tokens, cores[0][1])  # "the RMT | union": the name's group (trial 31)
        modified = nationality_group(text, tokens, cores[0]) if head is None else (cores[0][0], head)
        return _ladder(text, tokens, index, [*cores, modified] if modified is not None else cores)
    elif (
        word.lower() in DETERMINERS
        and index + 1 < len(tokens)
        and joined(text, tokens, index, index + 1)
        and word_at(text, tokens, index + 1) not in FUNCTION_WORDS  # "another | very": no phrase; "the | US" one
    ):
        following = phrase_ladder(text, tokens, index + 1)
        name_after = is_name_word(word_at(text, tokens, index + 1))
        ends = [r[1] for r in following[: 1 if name_after else None] if r[0] >= index]  # "the | regional assembly"
        end = max([following[0][1], *ends]) if following else index  # "about a | hundred"
        head = (modified_head(text, tokens, end) or nationality_head(text, tokens, index + 1)) if name_after else None
        return [(index, end if head is None else head)]  # "the | RMT union", "the | Chinese social networking platform"
    elif group_word(word) and not adverb_at(text, tokens, index):  # "working | nearby": no noun
        verb = verb_after_subject(text, tokens, index)  # "the family | waited": the word alone, no group
        head = compound_head(text, tokens, group_head(text, tokens, index))  # "the business | secretary"
        group = (index, index) if verb else (group_start(text, tokens, index), head)
        ladder = _ladder(text, tokens, index, [(index, index), group])
        wider = quantified(text, tokens, ladder[-1]) if ladder and not is_name_word(word) else None
        return [*ladder, wider] if wider is not None else ladder
    else:
        core = (index, index)
    return _ladder(text, tokens, index, [core])


def _ladder(text: str, tokens: Tokens, index: int, cores: list[TokenRange]) -> list[TokenRange]:
    """Each core, then the last core with the determiner before it; clean ranges only, once each, each one
    larger than the one before."""
    rungs = list(cores)
    first, last = cores[-1]
    if first > 0 and joined(text, tokens, first - 1, first) and word_at(text, tokens, first - 1).lower() in DETERMINERS:
        first -= 1
    rungs.append((first, last))
    ladder: list[TokenRange] = []
    for rung in rungs:
        if rung not in ladder and is_clean(text, tokens, rung) and (not ladder or rung[0] <= ladder[-1][0]):
            ladder.append(rung)
    return ladder


def grow(text: str, tokens: Tokens, selection: TokenRange | None, cursor: int) -> TokenRange | None:
    """The next rung of the phrase ladder around the cursor after the current selection (the first rung when
    nothing is selected, or the selection is not on the ladder); None when the ladder ends. On a common noun the
    last rung takes the "of" phrase after its group (`at_cursor`, a label key alone, stops before it)."""
    ladder = phrase_ladder(text, tokens, cursor)
    word = word_at(text, tokens, cursor) if tokens else ""
    if ladder and group_word(word) and not is_name_word(word):
        extended = with_complement(text, tokens, ladder[-1])
        if extended is not None:
            ladder.append(_whole(text, tokens, extended))
    if selection is None:
        return ladder[0] if ladder else None
    low, high = sorted(selection)
    bigger = [r for r in ladder if r[0] <= low and r[1] >= high and r != (low, high)]
    return bigger[0] if bigger else None


def at_cursor(
    text: str, tokens: Tokens, index: int, label: Label | str, covered: Callable[[int], bool] | None = None
) -> TokenRange | None:
    """What a label key adds with nothing selected and nothing under the cursor: for a QUOTE the quotation
    around the cursor (or the next one in its paragraph), None when there is none (a word is no quote: trial 25,
    4 outside quotation marks made "stalled" a QUOTE); for an entity the phrase under it (the first rung of
    `phrase_ladder`; a common noun's whole group, `noun_group`; on a title, the name after it, `titled_name`),
    else the cursor's token alone. A word capitalised only because it opens a sentence (`capital_by_position`) that
    the name reading leaves alone is read as the common word it is (`as_common`: "State | media reported", "Local |
    media": a newcomer's trial added 'State'); a name keeps its reading ("Reuters reported", "Texas officials")."""
    found = _phrase_at(text, tokens, index, label, covered)
    if found == (index, index) and Label(label) is not Label.QUOTE and _common_by_position(text, tokens, index):
        common = _phrase_at(as_common(text, tokens, index), tokens, index, label, covered)
        return (
            found if common is None or not common[0] <= index <= common[1] else common
        )  # not "Seattle | police Chief"
    return found


def _common_by_position(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` may be a common word capitalised only because it opens a sentence (`capital_by_position`):
    not a function word, nor a word in -ing, which opens a clause as often as a noun group ("Citing | privacy rules,
    ...", "Studying | penguins seemed")."""
    word = word_at(text, tokens, index).lower()
    opening = word in FUNCTION_WORDS or word in SENTENCE_OPENING_WORDS or word.endswith("ing")
    return not opening and capital_by_position(text, tokens, index)


def as_common(text: str, tokens: Tokens, index: int) -> str:
    """`text` with token `index`'s first letter in lower case and every offset as it was: the word read as it would
    be mid-sentence, a common word."""
    start = tokens[index][0]
    return text[:start] + text[start].lower() + text[start + 1 :]


def _phrase_at(
    text: str, tokens: Tokens, index: int, label: Label | str, covered: Callable[[int], bool] | None
) -> TokenRange | None:
    """`at_cursor` with every word read as it is written."""
    if Label(label) is Label.QUOTE:
        return quotation(text, tokens, index)
    index = number_of_unit(text, tokens, index)
    named = titled_name(text, tokens, index)
    named = named or described_name(text, tokens, index)  # "retired police | officer Jo Lin": the name
    if named is not None:  # a title word before a name: the name, titles stay off it (the guide; trial 22)
        return named
    ladder = phrase_ladder(text, tokens, index)
    if not ladder:
        return (index, index)
    word = word_at(text, tokens, index)
    named_word = is_name_word(word) and group_word(word)  # not "One | resident": a number, a FIGURE for 2 and 3
    head = modified_head(text, tokens, name_range(text, tokens, index, PARTICLES)[1]) if named_word else None
    if head is None and named_word:  # "The Greek | coast guard": a nationality opens the group (trial 32)
        head = nationality_head(text, tokens, index)
    if head is not None:  # a name in a noun group: the group, as from its head ("the RMT | union"; trial 31)
        group = at_cursor(text, tokens, head, label, covered)
        if group is not None and group[0] <= index:
            return group
    following = index + 1
    if (  # "One | resident": one person is an ACTOR with its noun, as "one resident" is from the noun
        Label(label) is Label.ACTOR
        and word.lower() == "one"
        and following < len(tokens)
        and joined(text, tokens, index, following)
        and is_participant(text, tokens, following)  # a noun for people: not "one | came"
    ):
        index, word, ladder = following, word_at(text, tokens, following), phrase_ladder(text, tokens, following)
    if verb_after_subject(text, tokens, index):  # a verb, no noun group: "the family | waited outside"
        return (index, index)
    inside = _in_a_nationality_group(text, tokens, index, label, covered) if group_word(word) else None
    if inside is not None:  # "the Chinese state | broadcaster": the group, as from the nationality
        return inside
    particle = in_a_name(text, tokens, index)  # "Hamza | bin Laden": the name's, no common noun (a newcomer's trial)
    if (group_word(word) and not is_name_word(word) and not particle) or period(text, tokens, index) is not None:
        group = noun_group(text, tokens, index, ladder, covered or (lambda _: False))
        return _whole(text, tokens, group, covered)
    if covered is not None and (
        (is_name_word(word) and word.lower() not in DETERMINERS) or particle
    ):  # "NPR | Hamza bin Laden", 'NPR' a span: the name
        return unmarked_part(text, tokens, ladder[0], index, covered)  # after it, not 'NPR' grown back over it
    return ladder[0]


def _in_a_nationality_group(
    text: str, tokens: Tokens, index: int, label: Label | str, covered: Callable[[int], bool] | None
) -> TokenRange | None:
    """The group a nationality word opens (`nationality_head`), as the key on the nationality adds it, for a common
    word inside it before its head ("the Chinese state | broadcaster", "the Russian news | agency": the key on
    "state" added 'the Chinese state'); None when the word is no such word."""
    start = group_start(text, tokens, index)
    head = nationality_head(text, tokens, start) if start < index else None
    if head is None or head <= index or is_name_word(word_at(text, tokens, index)):
        return None
    group = at_cursor(text, tokens, head, label, covered)
    return group if group is not None and group[0] <= start else None


def unmarked_part(
    text: str, tokens: Tokens, rung: TokenRange, index: int, covered: Callable[[int], bool]
) -> TokenRange:
    """The words of `rung` around token `index` that no entity span holds (`covered`): a span in a name or a group stays
    one of its own; `index` alone when what is left would be no clean span."""
    first, last = rung
    marked = [i for i in range(first, index) if covered(i)]
    if marked:
        first = marked[-1] + 1
    following = [i for i in range(index + 1, last + 1) if covered(i)]
    if following:
        last = following[0] - 1
    return (first, last) if is_clean(text, tokens, (first, last)) else (index, index)


#: The entity spans (no suggestions) that overlap characters start..end, as (start, end, label).
Held = Callable[[int, int], Sequence[tuple[int, int, Label | str]]]


class KeyPhrase(NamedTuple):
    """What the label keys `labels` do at the cursor: add the tokens `words`, or resize the entity span at the
    character offsets `resizes` to them."""

    labels: tuple[Label, ...]
    words: TokenRange
    resizes: tuple[int, int] | None = None


def key_phrases(
    text: str,
    tokens: Tokens,
    index: int,
    covered: Callable[[int], bool] | None = None,
    quoted: Callable[[int], bool] | None = None,
    held: Held | None = None,
) -> list[KeyPhrase]:
    """What each label key would add at token `index` with nothing selected (`at_cursor`), the keys adding the
    same words together, in key order: a preview for the status line, so that a digit pressed at a stop of `;`
    adds no surprise. Where the phrase holds an entity span (`held`), the key of its label resizes it (`grown`).
    Left out is what the key would be refused: words the span rules refuse for the label (a full stop), a number
    alone for an ACTOR or a LOCATION and words with no number for a FIGURE (`label_misfit`), a phrase
    over entity spans it may not take in, a pronoun, a function word or an adverb alone (`no_phrase`), and the quotation where
    a quote span holds any of it (`quoted`)."""
    found: dict[tuple[TokenRange, tuple[int, int] | None], list[Label]] = {}
    for label in (Label.ACTOR, Label.LOCATION, Label.FIGURE) if not no_phrase(text, tokens, index) else ():
        words = at_cursor(text, tokens, index, label, covered)
        if words is None:  # only a QUOTE has none
            continue
        first, last = words
        start, end = tokens[first][0], tokens[last][1]
        if edge_problem(text, start, end, label) is not None or label_misfit(text, tokens, index, label, words):
            continue
        spans = held(start, end) if held is not None else ()
        resizes = grown(start, end, label, spans)
        if spans and resizes is None:
            continue
        found.setdefault(((first, last), resizes), []).append(label)
    around = quotation(text, tokens, index)
    if around is not None and not any((quoted or (lambda _: False))(i) for i in range(around[0], around[1] + 1)):
        found.setdefault((around, None), []).append(Label.QUOTE)
    return [KeyPhrase(tuple(labels), words, resizes) for (words, resizes), labels in found.items()]


def no_phrase(text: str, tokens: Tokens, index: int) -> bool:
    """Whether an entity key pressed at token `index` with nothing selected has no phrase to add (`why_no_phrase`)."""
    return why_no_phrase(text, tokens, index) is not None


def why_no_phrase(text: str, tokens: Tokens, index: int) -> str | None:
    """What token `index` is, in the refusal's words, where an entity key pressed there with nothing selected has no
    phrase to add (None where it has one): a verb after its subject (`past_after_subject`; t7 added 'people died';
    `verb_after_subject`, not after a verb in -ing, whose object it is: "the court | needs more staff";
    `verb_after_plural`: "Oil prices | rise", "Rail workers | strike" in a headline), a bare verb
    after a modal (`verb_after_modal`: "will | debate"), the number of a time, a duration or an age (`counts_time`:
    "six | months ago"), or a pronoun, a function word, a determiner or an adverb (`adverb_at`: "quickly", "soon")
    alone ("We", "to"; trial 23), lower-case or capitalised only where a sentence or a quotation starts ("May"
    mid-sentence is a name; `added "It is serious,"`), no phrase growing from it: no mention (the guide); a date
    (`is_date`: "Thursday", "in 2016"), no entity nor figure. A selection adds it all the same."""
    if is_date(text, tokens, index):
        return "a date"
    before = word_at(text, tokens, index - 1) if index > 0 else ""  # "costing | shippers millions": its object
    verb = (
        group_word(word_at(text, tokens, index))
        and not before.endswith("ing")
        and not adverb_at(text, tokens, index)  # "Doctors | reportedly treated"
        and not is_participant(text, tokens, index)  # "which | analysts say": a noun for people, no verb
        and verb_after_subject(text, tokens, index)
    )
    if past_after_subject(text, tokens, index) or verb or verb_after_plural(text, tokens, index):
        return "a verb after its subject"  # "the court | needs more staff", "Harwick Foods | posts lower profit"
    modal = verb_after_modal(text, tokens, index) or verb_in_ly(text, tokens, index)  # "they | apply to": no adverb
    if modal is not None:  # "will | debate it", "can't | vote": a bare verb (a newcomer's re-trial added 'debate')
        return f"a verb after {quoted(text[tokens[modal[0]][0] : tokens[modal[1]][1]])}"
    word = word_at(text, tokens, index)
    if is_number(word) and counts_time(text, tokens, index):  # "six | months ago": no figure (the guide), as `;` says
        return "the number of a time, a duration or an age"
    lower = word.lower()
    adverb = adverb_at(text, tokens, index) or adverb_after_modal(text, tokens, index)  # "will | likely be"
    if lower not in FUNCTION_WORDS and lower not in DETERMINERS and not adverb:
        return None
    opening = sentence_start(text, tokens, index) or opens_a_quotation(text, tokens, index)
    if (word.isupper() and len(word) > 1) or (word[:1].isupper() and not opening):
        return None
    alone = phrase_ladder(text, tokens, index)[:1] in ([], [(index, index)])
    return "a pronoun, a function word or an adverb" if alone else None


def grown(
    start: int,
    end: int,
    label: Label | str,
    spans: Sequence[tuple[int, int, Label | str]],
    any_label: bool = False,
) -> tuple[int, int] | None:
    """The entity span that a label key resizes to the words at characters start..end, rather than adding a span
    there that would overlap it: the only span they overlap (`spans`), of the key's label, which they hold whole
    and only add words to at its edges ("Lisbon Port Authority" -> "The Lisbon Port Authority"; trial 21). With
    `any_label` (words the user selected), a span of another label too, which the key then relabels as well
    ("Germany" -> "Alternative for Germany"; trial 23). None when there is no such span."""
    if len(spans) != 1:
        return None
    span_start, span_end, span_label = spans[0]
    same = Label(span_label) is Label(label)
    inside = start <= span_start and span_end <= end and ((span_start, span_end) != (start, end) or not same)
    return (span_start, span_end) if inside and (same or any_label) else None


def noun_group(
    text: str, tokens: Tokens, index: int, ladder: list[TokenRange], covered: Callable[[int], bool]
) -> TokenRange:
    """The ACTOR a label key makes of the common noun at token `index` (its `phrase_ladder` given): the group
    with its modifiers, determiner and quantifier ("the male victim", "one resident", "most of the deceased"),
    a member noun's "of" phrase ("supporters of hostages"), and nothing an entity span holds already (`covered`):
    a name before it that is a span stays one of its own ("the Maidan Wardak | provincial council"), since one
    span over both could not be added (a pending suggestion there is no bound: the new span replaces it)."""
    group = ladder[-1]
    if word_at(text, tokens, group[1]).lower() in MEMBER_NOUNS:
        if len(ladder) > 1 and word_at(text, tokens, group[0]).lower() == "one":
            group = ladder[-2]  # "one | member of the Coast Guard": one of a group counts, a FIGURE
        extended = with_complement(text, tokens, group, names=True)
        if extended is not None and not any(covered(i) for i in range(group[1] + 1, extended[1] + 1)):
            group = extended
    return unmarked_part(text, tokens, group, index, covered)

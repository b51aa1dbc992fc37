"""Verbs in an article's tokens, read without a parse: whether a word in -ed, -ing or -s, or a common verb (`VERBS`),
is the verb of its clause rather than a word of a noun group, by its ending and the words around it. Split out of
`groups` (where a noun group starts and ends), which asks these questions at each word it would take in."""

from __future__ import annotations

from annotator.shapes import (
    Tokens,
    adverb_at,
    group_word,
    in_headline,
    is_common,
    is_modifier,
    is_name_word,
    joined,
    sentence_start,
    word_at,
)
from annotator.verb_objects import ends_its_clause, modified_object, object_after
from annotator.wordlists import (
    ACTIVITY_INGS,
    AGENT_ENDINGS,
    BASE_FORM_PASTS,
    BODY_NOUNS,
    CHANGE_VERBS,
    DETERMINERS,
    FUNCTION_WORDS,
    ING_NOUNS,
    IRREGULAR_PASTS,
    MODIFIERS,
    NUMBER_WORDS,
    PEOPLE_NOUNS,
    PLURAL_MODIFIERS,
    PLURAL_PEOPLE,
    POSSESSIVES,
    PREPOSITIONS,
    SINGULAR_SUBJECTS,
    TO_PREPOSITIONS,
    VERBS,
)


def verb_before_group(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a word in -ed or -ing before a noun group, is a verb of the clause rather than a
    modifier of the group: it follows a common noun ("the blast affected | first responders", "a bus carrying |
    children") or a function word that is no preposition (an auxiliary, a pronoun, "n't": "we haven't allowed |
    residents"). After a determiner, a preposition, a number, a modifier, a name, a common verb (`VERBS`: "found |
    wounded children") or a verb after "to" it modifies ("the affected guests", "to displaced families", "the Israeli
    negotiating team", "to resume stalled talks").
    A verb whose past is its base form ("cost", "hit") is one after a function word, a common noun or a name ("has
    cost | exporters", "Maersk cut | jobs"; trial 21), and a word in -s is one after a singular subject
    (`verb_in_s`: "Storm cuts | power"; trial 32), and a word in -ing is one after a comma (`_opens_a_clause`:
    "deployed, helping | victims"), and so is a short or irregular past after its subject (`past_after_subject`)."""
    if verb_in_s(text, tokens, index) or _opens_a_clause(text, tokens, index):
        return True
    word = word_at(text, tokens, index)
    if (word in IRREGULAR_PASTS or len(word) == 4) and past_after_subject(text, tokens, index):
        return True  # "the team used | drones", "the mayor led | protesters" (t7): the pasts the rest leaves out
    if word_at(text, tokens, index) in BASE_FORM_PASTS:
        before = _before_a_verb(text, tokens, index, ("",), shortest=1)
        return before is not None and (before.lower() in FUNCTION_WORDS or is_common(before) or is_name_word(before))
    before = _before_a_verb(text, tokens, index, ("ed", "ing"))
    if before is None:
        return False
    if before.lower() in FUNCTION_WORDS:
        return before.lower() not in VERBS  # "found | wounded children": after a verb, a modifier of its object
    common = is_common(before) or _opening_plural(text, tokens, index - 1)  # "Soldiers | guarding families"
    verb = common and not is_modifier(before) and not verb_after_to(text, tokens, index - 1)
    return verb and not compound_ing(text, tokens, index)


def compound_ing(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a word for an activity in -ing (`ACTIVITY_INGS`) between two common nouns, the first
    singular, is the middle of a compound that modifies the second ("a video sharing | platform", "a gold mining |
    project", "video sharing | platforms"; a person trying the keys got 'a video' and 'platform'), not the first noun's
    verb; other words in -ing stay verbs there ("a bus carrying | children", "a report showing | growth"), and so does
    one before a plural after a singular determiner, which makes the first noun the subject ("a site sharing | videos":
    a compound's head would be singular too)."""
    following = index + 1
    if word_at(text, tokens, index) not in ACTIVITY_INGS or index == 0 or following >= len(tokens):
        return False
    if not (joined(text, tokens, index - 1, index) and joined(text, tokens, index, following)):
        return False
    before, after = word_at(text, tokens, index - 1), word_at(text, tokens, following)
    plural = after.endswith("s") and not after.endswith(("ss", "us", "is"))
    if plural and index > 1 and joined(text, tokens, index - 2, index - 1):
        plural = word_at(text, tokens, index - 2).lower() not in SINGULAR_DETERMINERS  # "a site sharing | videos"
    then = following + 1  # "direct voting | needs to": a verb in -s before "to"
    if plural and then < len(tokens) and joined(text, tokens, following, then) and word_at(text, tokens, then) == "to":
        plural = False
    if verb_after_to(text, tokens, index - 1):  # "to extend | voting options", "to man | polling booths": its object
        return False
    return all(
        is_common(noun)
        and noun.islower()
        and not is_modifier(noun)
        and (not noun.endswith(("s", "ed", "ing")) or (position == following and plural))
        and noun not in PLURAL_PEOPLE
        and not adverb_at(text, tokens, position)
        for noun, position in ((before, index - 1), (after, following))
    ) and not verb_after_subject(text, tokens, following)


#: Determiners of a singular noun only: before the first noun of "a site sharing | videos", the word in -ing is its verb.
SINGULAR_DETERMINERS = frozenset({"a", "an", "one", "each", "every", "this", "that", "another", "either", "neither"})


def _opening_plural(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a plural common noun capitalised only as its sentence's first word ("Soldiers |
    guarding families stayed", "Nurses | treated patients"): a word in -ed or -ing after it is its verb, as after a
    lower-case noun (a newcomer's trial offered 'Soldiers guarding families'); one in -ing that is a noun as often
    (`ING_NOUNS`: "meeting") is none."""
    word, following = word_at(text, tokens, index), word_at(text, tokens, index + 1)
    plural = len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return (
        plural
        and word[:1].isupper()
        and word[1:].islower()
        and following not in ING_NOUNS
        and sentence_start(text, tokens, index)
    )


#: Punctuation after which a word in -ing opens a clause of its own.
CLAUSE_MARKS = frozenset({",", ";", "—", "–", "--"})


def _opens_a_clause(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a lower-case word in -ing (not one that is a noun as often: `ING_NOUNS`), follows a
    comma or a dash: the verb of a clause of its own ("were deployed, helping | victims overnight", "stayed,
    guarding | families"; a newcomer's trial offered 'helping victims'), never a modifier of the group after it."""
    word = word_at(text, tokens, index)
    if not (len(word) >= 5 and word.islower() and word.endswith("ing")) or word in ING_NOUNS or word in MODIFIERS:
        return False
    return index > 0 and joined(text, tokens, index - 1, index) and word_at(text, tokens, index - 1) in CLAUSE_MARKS


def verb_in_s(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a lower-case word in -s before a noun, is the verb of the singular common noun or the
    name right before it ("Storm cuts | power", "Maersk cuts | jobs": a headline's, trial 32), not a plural noun
    that modifies the noun after it (`PLURAL_MODIFIERS`: "the state news | agency"; nouns for people or bodies of
    them: "the emergency services | personnel")."""
    word = word_at(text, tokens, index)
    if not word.endswith("s") or word.endswith(("ss", "us", "is")) or word in PLURAL_MODIFIERS or is_modifier(word):
        return False
    if any(form in PEOPLE_NOUNS or form in BODY_NOUNS for form in (word[:-1], word[:-2])):
        return False
    before = _before_a_verb(text, tokens, index, ("s",), shortest=4)
    if before is None or (before.endswith("s") and not before.endswith(("ss", "us", "is"))):
        return False
    return (is_common(before) and not is_modifier(before)) or is_name_word(before)


def _before_a_verb(text: str, tokens: Tokens, index: int, endings: tuple[str, ...], shortest: int = 5) -> str | None:
    """The word before token `index` when that token may be a verb by its ending (lower-case, `shortest` letters
    or more, not a known modifier) and the word before it does not make it a noun or a modifier (a determiner, a
    possessive, a preposition: "the wounded", "to displaced families"); None otherwise."""
    word = word_at(text, tokens, index)
    if not (len(word) >= shortest and word.islower() and word.endswith(endings) and word not in MODIFIERS):
        return None
    if index == 0 or not joined(text, tokens, index - 1, index):
        return None
    before = word_at(text, tokens, index - 1)
    lower = before.lower()
    if lower in DETERMINERS or before in POSSESSIVES or lower in PREPOSITIONS:
        return None
    return before


def ing_of_a_verb(word: str) -> bool:
    """Whether a word is the form in -ing of a common verb (`VERBS`: "coming", "seeing", "getting", "dying",
    "carrying"), not one that is a noun as often ("hearing", "building": `ING_NOUNS`)."""
    if not word.endswith("ing") or word in ING_NOUNS:
        return False
    stem = word[:-3]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem  # "getting"
    return any(form in VERBS for form in (stem, stem + "e", doubled, stem[:-1] + "ie", stem[:-1] + "y"))


def verb_after_to(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` follows "to" and is no modifier: a verb ("to | resume stalled truce talks"), which
    a noun group never takes in; a name or a modifier may follow "to" in a group ("to displaced families"). The
    "to" of a compound preposition opens no verb ("according to | state television"; trial 37)."""
    return (
        index > 0
        and word_at(text, tokens, index - 1) == "to"
        and joined(text, tokens, index - 1, index)
        and is_common(word_at(text, tokens, index))
        and not is_modifier(word_at(text, tokens, index))
        and not (index > 1 and word_at(text, tokens, index - 2).lower() in TO_PREPOSITIONS)
    )


def verb_after_subject(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a verb after its subject, never after a determiner, a possessive or a preposition
    ("the wounded", "to displaced families", "the rises in prices"). A word in -ed, or a common verb's in -ing
    (`ing_of_a_verb`), after a common noun, a name or a function word other than a verb (a pronoun, an auxiliary: "one
    missing deckhand | waited", "Firefighters | battled", "they | marched", "black smoke | coming up"; not "found |
    wounded"). A word in -s after "he", "she", "it", "who" or "which", or after a common noun or a name only with
    its object or figure after it (`verb_objects.object_after`: "the toll | rises to 12"; `modified_object` after a
    name: "Harwick Foods posts | lower profit"): after a noun, a word in -s is as often its group's plural ("rescue |
    workers arrived")."""
    if past_after_subject(text, tokens, index):
        return True
    before = _before_a_verb(text, tokens, index, ("ing",)) if ing_of_a_verb(word_at(text, tokens, index)) else None
    if before is not None:
        return _a_subject(before)
    bare = _before_a_verb(text, tokens, index, ("",), shortest=3)
    if bare is not None and _plural_subject(text, tokens, index - 1) and not word_at(text, tokens, index).endswith("s"):
        return True  # "Floods | force hundreds": a plural subject's verb, a headline's first words (trial 31)
    before = _before_a_verb(text, tokens, index, ("s",), shortest=4)
    if before is None or word_at(text, tokens, index).endswith(("ss", "us", "is")):  # "progress", "census", "crisis"
        return False
    if before.lower() in SINGULAR_SUBJECTS:
        return True
    subject = (is_common(before) and not is_modifier(before)) or is_name_word(before)
    if not subject:
        return False
    if object_after(text, tokens, index, quantifiers=False):
        return True
    word = word_at(text, tokens, index)
    if word in PLURAL_MODIFIERS or word.endswith(AGENT_ENDINGS) or _names_people(word):  # "Hong Kong citizens | more"
        return False
    if object_after(text, tokens, index) or ends_its_clause(text, tokens, index):
        return True
    return headline_verb(text, tokens, index) or (not before.islower() and modified_object(text, tokens, index))


def _names_people(word: str) -> bool:
    """Whether a plural names people or a body of them ("citizens", "forces"): a noun, never a verb in -s."""
    return any(form in PEOPLE_NOUNS or form in BODY_NOUNS for form in (word, word[:-1], word[:-2]) if form)


def past_after_subject(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a past after its subject, a form no noun of the news has there: a word in -ed of
    four letters or more ("people | died", "the deckhand | waited"; t7: "died", under five letters, was read as a
    noun, and the key added 'people died'), not one that is no past (`NOT_PASTS_IN_ED`: "a need", "the wind speed"),
    or an irregular past (`IRREGULAR_PASTS`: "the team | won", "Rathbun | wrote", "a gas leak | led"), after a common noun, a name or a function word other than a verb (a pronoun, an
    auxiliary); never after a determiner, a possessive or a preposition ("the wounded", "to displaced families")."""
    word = word_at(text, tokens, index)
    if word in IRREGULAR_PASTS:
        before = _before_a_verb(text, tokens, index, ("",), shortest=2)
    elif word in NOT_PASTS_IN_ED:
        return False
    else:
        before = _before_a_verb(text, tokens, index, ("ed",), shortest=4)
        if before is not None and (
            _counted_after(text, tokens, index, before) or _modifies_its_noun(text, tokens, index)
        ):
            return False
    return before is not None and _a_subject(before)


def _counted_after(text: str, tokens: Tokens, index: int, before: str) -> bool:
    """Whether a word in -ed at token `index` stands between a number word (`before`) and the plural noun it
    counts: an adjective in that noun's group ("Three retired | judges", "two wounded soldiers": the key adds
    'retired judges', as from the noun), not a past after its subject ("Two | died", "Police | arrested
    protesters": a noun before it, not a number). A quantifier ("many", "both") opens no subject here at all."""
    if before.lower() not in NUMBER_WORDS:
        return False
    after = index + 1
    if after >= len(tokens) or not joined(text, tokens, index, after):
        return False
    noun = word_at(text, tokens, after)
    plural = len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is"))
    return noun.lower() not in FUNCTION_WORDS and group_word(noun) and (plural or noun in PLURAL_PEOPLE)


#: Words that count what follows ("enough unvaccinated people"): no subject of a past after them.
COUNTING_WORDS = frozenset({"enough", "more", "fewer", "less"})


def _modifies_its_noun(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a word in -ed right before a common noun, is that noun's modifier where a past would
    have its subject before it: after a counting word ("enough | unvaccinated people", "more | informed decisions"), or
    after a verb that is no auxiliary ("it enables | disabled users", not "he has | injured people"; an earlier trial: the keys refused
    these, where the group is the mention). After "and" it stays a past ("and | studied law", "and | asked voters" in
    the corpus far outnumber "and | retired judges")."""
    after, before = index + 1, index - 1
    if after >= len(tokens) or not joined(text, tokens, index, after) or before < 0:
        return False
    noun = word_at(text, tokens, after)
    if noun.lower() in FUNCTION_WORDS or noun.lower() in DETERMINERS or not is_common(noun):
        return False
    if noun.endswith(("ed", "ing")) or adverb_at(text, tokens, after):
        return False
    word = word_at(text, tokens, before).lower()
    if word in COUNTING_WORDS:
        return True
    return word not in FUNCTION_WORDS and not word.endswith("ed") and verb_after_subject(text, tokens, before)


#: Words in -ed that are no past ("a need", "the wind speed", "the garden shed", "a couple hundred"), where "died",
#: "used", "agreed", "freed" are.
NOT_PASTS_IN_ED = frozenset({"need", "seed", "feed", "deed", "heed", "weed", "reed", "speed", "breed", "greed", "steed",
                             "tweed", "creed", "bleed", "proceed", "exceed", "succeed", "seaweed", "shed", "sled",
                             "hundred"})  # fmt: skip


def _a_subject(before: str) -> bool:
    """Whether the word before a verb may be its subject: a common noun that is no modifier, a name, or a function
    word other than a verb (a pronoun, an auxiliary: not "found | wounded children")."""
    lower = before.lower()
    return (
        (lower in FUNCTION_WORDS and lower not in VERBS)
        or (is_common(before) and not is_modifier(before))
        or is_name_word(before)
    )


def _plural_subject(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index` is a plural noun that a bare verb after it may have as its subject: a common noun in -s
    with an object after the verb ("the floods | force the"), or a capitalised one starting a sentence or a headline
    ("Floods | force evacuation"), a common noun capitalised there, not a name's own capital."""
    word = word_at(text, tokens, index)
    if not word.endswith("s") or word.endswith(("ss", "us", "is")) or len(word) < 4:
        return False
    if is_name_word(word):
        return word[1:].islower() and sentence_start(text, tokens, index)
    return is_common(word) and object_after(text, tokens, index + 1)


def headline_verb(text: str, tokens: Tokens, index: int) -> bool:
    """Whether token `index`, a word in -s after a singular noun or a name, is a headline's verb: the article's first
    line, with no full stop at its end, and a common word after it that is no verb form and no line's last word
    ("Harwick Foods posts | lower profit", "Council delays | vote on new bridge"; a newcomer's trial added 'Harwick
    Foods posts lower profit'). A name in -s of several words is singular ("Harwick Foods"); a lone plural is none
    ("Oil prices | rise"; "Tesla sales | figures": `verb_in_s`). Not where the word after ends the line ("Oil prices |
    rise"), which a plural's verb does as often."""
    after, then = index + 1, index + 2
    if then >= len(tokens) or not joined(text, tokens, after, then) or not joined(text, tokens, index, after):
        return False
    if not in_headline(text, tokens, index):
        return False
    noun = word_at(text, tokens, after)
    if not (is_common(noun) and noun.islower()) or noun.endswith(("ed", "ing")) or noun in VERBS | CHANGE_VERBS:
        return False  # "Oil prices | rise on supply fears": a plural subject's verb after it
    before = index - 1
    named = before > 0 and is_name_word(word_at(text, tokens, before - 1)) and joined(text, tokens, before - 1, before)
    return verb_in_s(text, tokens, index) or (named and is_name_word(word_at(text, tokens, before)))

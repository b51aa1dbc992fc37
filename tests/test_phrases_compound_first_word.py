"""h7: a newcomer's trial put the cursor on a group's first word with `/` (search lands there) and pressed 1: on
"business" of "the business secretary" it added 'the business', on "competition" of "competition regulators"
'competition', on "the" of "the regional assembly" 'the regional'; from the last word each added the whole group.
A common noun before the noun it modifies opens that noun's group, as the group from its head says. The FIGURE key
on "8,300" in "up from 8,300 twelve months ago" added '8,300 twelve': a duration's number is no part of the figure
(the guide: times are no figures). A past in -ed before its noun after a counting word or a verb is the noun's
modifier ("more | informed decisions", "enables | disabled users"), where the keys refused it as a verb after its subject. Core,
on spaCy's tokens."""

from __future__ import annotations

from support import offered, spacy_at

from annotator import phrases
from annotator.vocabulary import Label

ENTITIES = ("ACTOR", "LOCATION")  # words with no number: no FIGURE (the guide; `figure_labels`)
TEXT = "Ministers met the business secretary and competition regulators on Monday. He wrote to the regional assembly."


def added(text: str, word: str, label: Label = Label.ACTOR) -> str:
    """What the `label` key's phrase is at `word` (`at_cursor`, nothing selected, no spans)."""
    tokens, index = spacy_at(text, word)
    first, last = phrases.at_cursor(text, tokens, index, label)
    return text[tokens[first][0] : tokens[last][1]]


def test_the_first_noun_of_a_compound_takes_the_whole_group() -> None:
    assert added(TEXT, "business") == "the business secretary"
    assert added(TEXT, "competition") == "competition regulators"
    assert offered(TEXT, "business") == [(ENTITIES, "the business secretary")]
    assert offered(TEXT, "competition") == [(ENTITIES, "competition regulators")]


def test_the_determiner_before_a_modifier_takes_the_whole_group() -> None:
    assert added(TEXT, "the regional") == "the regional assembly"
    assert offered(TEXT, "the regional") == [(ENTITIES, "the regional assembly")]


def test_the_last_word_still_takes_the_same_group() -> None:
    assert added(TEXT, "secretary") == "the business secretary"
    assert added(TEXT, "regulators") == "competition regulators"
    assert added(TEXT, "assembly") == "the regional assembly"


def test_a_noun_before_its_verb_takes_no_verb_in() -> None:
    text = "The storm cuts power to homes. Many people need help. The toll rises to 12. The team used drones."
    assert added(text, "storm") == "The storm"
    assert added(text, "people") == "Many people"
    assert added(text, "toll") == "The toll"
    assert added(text, "team") == "The team"
    assert added("What can you do to improve race relations?", "improve") == "improve"


def test_a_duration_after_a_figure_is_no_part_of_it() -> None:
    text = "Membership rose to 9,100, up from 8,300 twelve months ago."
    assert added(text, "8,300", Label.FIGURE) == "8,300"
    assert offered(text, "8,300") == [(("FIGURE",), "8,300")]


def test_numbers_of_one_figure_stay_together() -> None:
    text = "It cost 1.4 million dollars and twenty five people came, at least 35 of them."
    assert added(text, "1.4", Label.FIGURE) == "1.4 million"
    assert added(text, "twenty", Label.FIGURE) == "twenty five"
    assert added(text, "at least", Label.FIGURE) == "at least 35"


def test_a_past_before_its_noun_after_a_counting_word_or_a_verb_is_its_modifier() -> None:
    text = (
        "They need more informed decisions. Online, it enables disabled users to vote. "
        "There are enough unvaccinated people to spread it."
    )
    assert added(text, "informed") == "informed decisions"
    assert added(text, "disabled") == "disabled users"
    assert added(text, "unvaccinated") == "enough unvaccinated people"
    assert offered(text, "disabled") == [(ENTITIES, "disabled users")]


def test_a_past_after_and_stays_refused() -> None:
    """After "and" a past before a noun is the clause's verb as often as not ("and | studied law"): still refused, so
    "retired | Justices" offers nothing yet."""
    text = "He moved to Chicago and studied law. On behalf of the Court and retired Justices, he wrote."
    assert offered(text, "studied") == []
    assert offered(text, "retired") == []


def test_a_determiner_before_a_number_keeps_its_figure() -> None:
    text = "More than a dozen people came, about a hundred in all, at most two weeks ago."
    assert offered(text, "a dozen") == [(("FIGURE",), "a dozen")]
    assert offered(text, "a hundred") == [(("FIGURE",), "a hundred")]


def test_a_past_after_its_subject_stays_refused() -> None:
    """eebe0f3's rule kept: no verb is taken in again."""
    text = "At least 12 people died in the floods. Police chased and arrested protesters. He has injured people."
    for verb in ("died", "arrested", "injured"):
        assert offered(text, verb) == [], verb
        assert added(text, verb) == verb, verb
    assert added(text, "people") == "people"
    assert added(text, "protesters") == "protesters"

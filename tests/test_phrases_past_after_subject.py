"""t7: with the cursor on "died" in "... people died ...", a label key added 'people died' (the same on older
commits): "died", under five letters, was not read as a verb, so the noun group before it ran on to it. A past
after its subject (a word in -ed, "died", "used", "agreed", or an irregular past, "won", "led") is a verb, no mention
(the guide): the keys offer nothing there and drag no noun in; the subject keeps its own phrase. Core, on spaCy's
tokens."""

from __future__ import annotations

from support import offered, spacy_at

from annotator import phrases
from annotator.vocabulary import Label

ENTITIES = ("ACTOR", "LOCATION")  # words with no number: no FIGURE (the guide; `figure_labels`)


def added(text: str, word: str) -> str:
    """What the ACTOR key's phrase is at `word` (`at_cursor`, nothing selected, no spans)."""
    tokens, index = spacy_at(text, word)
    first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR)
    return text[tokens[first][0] : tokens[last][1]]


def test_on_died_after_people_the_keys_offer_nothing_and_take_no_noun() -> None:
    text = "At least 12 people died in the floods."
    assert offered(text, "died") == []
    assert added(text, "died") == "died"
    assert offered(text, "people") == [(ENTITIES, "people")]


def test_short_pasts_in_ed_after_a_noun_or_a_name_are_verbs() -> None:
    text = "The man died. The team used drones. Two fans sued the club. Bryant aged 41 won."
    for verb in ("died", "used", "sued"):
        assert offered(text, verb) == [], verb
        assert added(text, verb) == verb, verb
    assert offered(text, "man") == [(ENTITIES, "The man")]
    assert offered(text, "team") == [(ENTITIES, "The team")]


def test_irregular_pasts_after_their_subject_are_verbs() -> None:
    text = "The European team won the final. Rathbun wrote a letter. A gas leak led to the blast. The firm paid."
    for verb in ("won", "wrote", "led", "paid"):
        assert offered(text, verb) == [], verb
        assert added(text, verb) == verb, verb
    assert offered(text, "team") == [(ENTITIES, "The European team")]


def test_a_past_in_ed_of_five_letters_or_more_after_its_subject_is_refused_as_well() -> None:
    """Before, "waited" and "agreed" after their subject were the word alone: 1 added ACTOR 'waited'."""
    text = "The deckhand waited outside. Carroll agreed."
    assert offered(text, "waited") == []
    assert offered(text, "agreed") == []
    assert offered(text, "Carroll") == [(ENTITIES, "Carroll")]


def test_words_in_ed_that_are_no_past_stay_in_their_group() -> None:
    """ "speed", "breed", "need" end in -ed after a noun; "indeed" is an adverb, no phrase at all."""
    text = "The wind speed rose. A radio legend indeed. The colony breed is rare."
    assert offered(text, "speed") == [(ENTITIES, "The wind speed")]
    assert offered(text, "breed") == [(ENTITIES, "The colony breed")]
    assert offered(text, "indeed") == []
    assert offered(text, "legend") == [(ENTITIES, "A radio legend")]


def test_a_past_after_a_determiner_or_a_preposition_stays_a_noun_or_a_modifier() -> None:
    text = "Medics treated the wounded. Aid went to displaced families. The accused denied it."
    assert offered(text, "wounded") == [(ENTITIES, "the wounded")]
    assert offered(text, "displaced") == [(ENTITIES, "displaced families")]
    assert offered(text, "accused") == [(ENTITIES, "The accused")]


def test_a_noun_after_a_short_or_irregular_past_takes_neither_the_verb_nor_its_subject() -> None:
    """On "drones" in "The team used drones." the keys offered 'The team used drones', as "used" was no verb there."""
    text = "The team used drones. The mayor led protesters away. Two fans paid fines."
    assert offered(text, "drones") == [(ENTITIES, "drones")]
    assert offered(text, "protesters") == [(ENTITIES, "protesters")]
    assert offered(text, "fines") == [(ENTITIES, "fines")]


def test_a_word_in_ed_between_a_number_and_its_plural_noun_is_in_the_noun_group() -> None:
    """ "Three retired judges": on "retired" the keys refused it as a verb after its subject ("Three"), where the
    noun's group is right; the number stays a FIGURE of its own, as from the noun. A verb after a number alone, or
    after a noun, is still refused."""
    text = "Three retired judges spoke. Two wounded soldiers and five injured men arrived. Two died. Police arrested protesters."
    assert added(text, "retired") == added(text, "judges") == "retired judges"
    assert added(text, "wounded") == "wounded soldiers"
    assert added(text, "injured") == "injured men"
    for verb in ("died", "arrested"):
        assert offered(text, verb) == [], verb
        assert added(text, verb) == verb, verb

"""A newcomer's re-trial: in "Soldiers guarding families stayed behind." `;` and `w` stopped at "families" offering
'Soldiers guarding families' (a word in -ing after a sentence's capitalised first noun was read as its modifier); on
"nearby" in "Managers working nearby said" the keys offered 'Managers working nearby', on "daily" 'patients daily',
on "quickly" 'Rescuers helping residents quickly' (and 1 added it), on "tirelessly" 'Firefighters working
tirelessly', and on the seed's "shortly" 'ended shortly'. A word in -ed or -ing after a plural noun that only its
sentence capitalises is its verb (unless a noun as often: `ING_NOUNS`), and an adverb is no noun: a lower-case word
in -ly (not a noun or an adjective in -ly: "family", "ally", "elderly") or "nearby", "daily" and the like with no
common word after them; on a lone adverb no key adds anything, and `w` and `;` pass it."""

from __future__ import annotations

from support import offered, spacy_at

from annotator.stops import next_candidate, next_unmarked

ENTITIES = ("ACTOR", "LOCATION")  # words with no number: no FIGURE (the guide; `figure_labels`)


def stops(text: str, finder) -> list[str]:
    tokens, _ = spacy_at(text, text.split()[0])
    found, index = [], -1
    while (position := finder(text, tokens, index, 1, lambda _: False)) != index:
        found.append(text[slice(*tokens[position])])
        index = position
    return found


def test_a_word_in_ing_or_ed_after_a_sentences_capitalised_plural_is_its_verb() -> None:
    text = "Soldiers guarding families stayed behind."
    assert offered(text, "families") == [(ENTITIES, "families")]
    assert offered(text, "Soldiers") == [(ENTITIES, "Soldiers")]
    assert stops(text, next_unmarked) == ["Soldiers", "families"]
    assert stops(text, next_candidate) == ["Soldiers", "families"]
    assert offered("Nurses treated patients in tents.", "patients") == [(ENTITIES, "patients")]
    assert offered("Students meeting officials left.", "officials") == [(ENTITIES, "Students meeting officials")]


def test_an_adverb_is_in_no_group_and_offers_nothing() -> None:
    cases = {
        "Managers working nearby said the plant closed.": "nearby",
        "Nurses treated patients daily.": "daily",
        "Rescuers helping residents quickly left.": "quickly",
        "Firefighters working tirelessly saved homes.": "tirelessly",
        "The talks, involving Qatari mediators, ended shortly after Israel launched its attack.": "shortly",
    }
    for text, adverb in cases.items():
        assert offered(text, adverb) == [], adverb
        assert adverb not in stops(text, next_unmarked), adverb
        assert adverb not in stops(text, next_candidate), adverb
    assert offered("Nurses treated patients daily.", "patients") == [(ENTITIES, "patients")]
    assert offered("Rescuers helping residents quickly left.", "residents") == [(ENTITIES, "residents")]
    assert offered("The talks, involving Qatari mediators, ended shortly after.", "ended") == [(ENTITIES, "ended")]
    # a plural agent noun names people (a newcomer's trial: ; passed "Managers"); "nearby" is still no stop
    assert stops("Managers working nearby said the plant closed.", next_candidate) == ["Managers"]


def test_nouns_and_adjectives_in_ly_and_adverbs_before_a_noun_stay_in_their_group() -> None:
    text = "The elderly residents and their family waited. A deadly blast hit an early rally."
    assert offered(text, "residents") == [(ENTITIES, "The elderly residents")]
    assert offered(text, "family") == [(ENTITIES, "their family")]
    assert offered(text, "deadly") == [(ENTITIES, "A deadly blast")]
    assert offered(text, "rally") == [(ENTITIES, "an early rally")]
    assert offered("They met a key ally.", "ally") == [(ENTITIES, "a key ally")]
    text = "Nearby residents fled the nearby hospital. Daily life and weekly markets stopped."
    assert offered(text, "residents") == [(ENTITIES, "Nearby residents")]
    assert offered(text, "nearby") == [(ENTITIES, "the nearby hospital")]
    assert offered(text, "weekly") == [(ENTITIES, "weekly markets")]

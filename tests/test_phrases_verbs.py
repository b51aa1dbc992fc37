"""A newcomer's trial: on "black" in "we see black smoke" the status line offered "1-3 add 'see black'" and 1 added
ACTOR 'see black'; in "Residents saw thick black smoke. We heard loud explosions." it offered 'thick' on "thick",
'thick black' on "black", 'heard loud' on "loud" and 'heard loud explosions' on "explosions". A verb ("see",
"hear", "heard", "know", not only one in -ed) is never inside an offered noun group, and a group's adjectives
with no telling ending ("thick", "black", "loud") are its modifiers: on any word of it the keys offer it whole.
On a common verb itself the keys offer nothing, as on "saw" or "told" (no mention)."""

from __future__ import annotations

from support import offered, spacy_at

from annotator import phrases
from annotator.stops import next_unmarked
from annotator.vocabulary import Label

ENTITIES = ("ACTOR", "LOCATION")  # words with no number: no FIGURE (the guide; `figure_labels`)
SMOKE = "Residents saw thick black smoke. We heard loud explosions."


def test_on_any_word_of_an_adjectives_group_the_keys_offer_the_group_whole() -> None:
    for word in ("thick", "black", "smoke"):
        assert offered(SMOKE, word) == [(ENTITIES, "thick black smoke")], word
    for word in ("loud", "explosions"):
        assert offered(SMOKE, word) == [(ENTITIES, "loud explosions")], word


def test_a_common_verb_before_a_group_stays_out_of_it_and_offers_nothing_itself() -> None:
    text = "Witnesses say they see grey smoke and hear heavy gunfire. They know local families."
    assert offered(text, "grey") == [(ENTITIES, "grey smoke")]
    assert offered(text, "smoke") == [(ENTITIES, "grey smoke")]
    assert offered(text, "gunfire") == [(ENTITIES, "heavy gunfire")]
    assert offered(text, "families") == [(ENTITIES, "local families")]
    for verb in ("see", "hear", "know"):
        assert offered(text, verb) == [], verb
    assert offered(SMOKE, "heard") == []
    assert offered(SMOKE, "saw") == []


def test_irregular_pasts_and_base_forms_of_common_verbs_end_a_group() -> None:
    text = "Neighbours heard gunshots. Medics found wounded children. Officials think residents want clean water."
    assert offered(text, "gunshots") == [(ENTITIES, "gunshots")]
    assert offered(text, "children") == [(ENTITIES, "wounded children")]  # after a verb, -ed modifies its object
    assert offered(text, "residents") == [(ENTITIES, "residents")]
    assert offered(text, "water") == [(ENTITIES, "clean water")]


def test_a_verb_in_ing_after_its_subject_is_the_word_alone() -> None:
    """On "coming" in "we see black smoke coming up" the key added 'see black smoke coming'."""
    text = "We see black smoke coming up from the houses."
    tokens, index = spacy_at(text, "coming")
    first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR)
    assert text[tokens[first][0] : tokens[last][1]] == "coming"
    assert offered(text, "smoke") == [(ENTITIES, "black smoke")]


def test_a_determiner_before_an_adverb_offers_nothing() -> None:
    """In the same quote, "It was another very difficult night": on "another" the line offered 'another very'."""
    text = "It was another very difficult night."
    assert offered(text, "another") == []
    assert offered(text, "difficult") == [(ENTITIES, "difficult night")]
    assert offered(text, "night") == [(ENTITIES, "difficult night")]


def test_groups_the_trials_settled_stay_as_they_were() -> None:
    text = "The Israeli negotiating team met the affected guests. Police met supporters of hostages."
    assert offered(text, "team") == [(ENTITIES, "The Israeli negotiating team")]
    assert offered(text, "guests") == [(ENTITIES, "the affected guests")]
    assert offered(text, "supporters") == [(ENTITIES, "supporters of hostages")]


def test_an_adjective_before_a_noun_in_a_modifiers_shape_offers_the_group() -> None:
    """On "harsh" the line offered 'a harsh' once "harsh" was known for a modifier: "critic" ends like one."""
    text = "She became a harsh critic of the war. He met a senior official and a young civilian."
    assert offered(text, "harsh") == [(ENTITIES, "a harsh critic")]
    assert offered(text, "senior") == [(ENTITIES, "a senior official")]
    assert offered(text, "young") == [(ENTITIES, "a young civilian")]


def test_to_of_a_compound_preposition_is_no_infinitive_before_a_noun_group() -> None:
    """ "according to state television": "state" read as the verb of "to state", so 1 on "television" added
    'television' alone (a newcomer's trial, 37, 11). After "according", "due", "next", "close", "thanks", "prior",
    "owing", "contrary", "compared", "similar" or "opposed", "to" is a preposition; after others it may open a verb."""
    for opener in ("according", "due", "next", "thanks", "compared"):
        text = f"The news came {opener} to state television on Monday."
        assert offered(text, "television") == [(ENTITIES, "state television")], opener
    assert offered("They want to state facts plainly.", "facts") == [(ENTITIES, "facts")]


def test_a_verb_in_ing_opening_a_clause_after_a_comma_and_an_adverb_stay_out_of_the_group() -> None:
    """A newcomer's trial: in "...deployed, helping victims overnight." `w` stopped at "overnight" and the keys
    offered 'helping victims overnight' there ('helping victims' on "victims"), in "Troops stayed, guarding families
    overnight." 'guarding families', and on "shippers" 'costing shippers'. A word in -ing after a comma opens a
    clause (a verb, no modifier), and an adverb of time is no noun: neither is in a noun group; on the adverb nothing
    is offered, and `w` passes it."""
    text = "Crews were deployed, helping victims overnight. Troops stayed, guarding families overnight."
    assert offered(text, "victims") == [(ENTITIES, "victims")]
    assert offered(text, "families") == [(ENTITIES, "families")]
    assert offered(text, "overnight") == []
    tokens, _ = spacy_at(text, "Crews")
    stops, index = [], -1
    while (found := next_unmarked(text, tokens, index, 1, lambda _: False)) != index:
        stops.append(found)
        index = found
    assert [text[slice(*tokens[i])] for i in stops] == ["Crews", "victims", "Troops", "families"]
    assert offered("Fuel prices rose, costing shippers millions.", "shippers") == [(ENTITIES, "shippers")]
    assert offered("Cold, hungry children waited.", "children") == [(ENTITIES, "hungry children")]  # no -ing: kept

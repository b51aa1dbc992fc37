"""A newcomer's trial: the ACTOR key on "State" in "State media on Saturday reported ..." added 'State' alone (two
annotators then grew it with `}`). A common word capitalised only because it opens a sentence was read as a name,
and a name joins only a group whose head names people ("Police | officers"): "Local | media", "Foreign | nationals"
gave the word alone where "local media" mid-sentence gives the group. Now such a word is read as the common word
it is, when the name reading gives it alone (`phrases.at_cursor`), and a noun opening a sentence opens the group of
the noun for people, a body of them or the media after it, as after an article ("the emergency | services"). Real
names at a sentence's start keep their reading. Core functions on spaCy's tokens; sentences written for the test.
"""

from __future__ import annotations

import pytest
from support import spacy_at

from annotator import phrases, stops
from annotator.vocabulary import Label


def at(text: str, word: str, label: Label = Label.ACTOR) -> str:
    tokens, index = spacy_at(text, word)
    found = phrases.at_cursor(text, tokens, index, label)
    assert found is not None
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("State media on Saturday reported that the bridge had collapsed.", "State media"),
        ("The bridge collapsed overnight. State media reported it on Saturday.", "State media"),
        ("Local media reported the fire on Monday.", "Local media"),
        ("Foreign nationals were among the dead.", "Foreign nationals"),
        ("Military sources said two soldiers died.", "Military sources"),
    ],
)
def test_the_key_on_a_sentences_first_common_word_adds_its_group(text: str, group: str) -> None:
    assert at(text, group.split()[0] + " ") == group


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Police officers said the road was closed.", "Police officers"),
        ("Government troops entered the town.", "Government troops"),
        ("Security forces fired tear gas.", "Security forces"),
        ("Rescue workers pulled two people out.", "Rescue workers"),
        ("Opposition lawmakers walked out.", "Opposition lawmakers"),
    ],
)
@pytest.mark.parametrize("position", [0, 1])
def test_groups_of_a_noun_for_people_stay_whole_from_either_word(text: str, group: str, position: int) -> None:
    assert at(text, group.split()[position] + " ") == group


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        ("Reuters reported the deal on Monday.", "Reuters", "Reuters"),
        ("Apple shares fell on Monday.", "Apple", "Apple"),
        ("Texas officials said the road was closed.", "Texas", "Texas officials"),
        ("United Nations officials said the road was closed.", "United", "United Nations officials"),
        ("State Department officials said the road was closed.", "State", "State Department officials"),
        ("State Department officials said the road was closed.", "Department", "State Department officials"),
    ],
)
def test_a_name_opening_a_sentence_keeps_its_reading(text: str, word: str, name: str) -> None:
    assert at(text, word) == name


def test_a_plural_opening_a_headline_takes_in_no_verb_after_it() -> None:
    assert at("Floods force hundreds from homes\nThe river rose overnight.", "Floods") == "Floods"


def test_a_word_the_article_capitalises_mid_sentence_stays_a_name() -> None:
    text = "Apple shares are down. Investors in Apple sold them."
    assert at(text, "Apple") == "Apple"


def test_the_media_after_an_article_is_the_groups_head() -> None:
    assert at("He said the state media reported it.", "state") == "the state media"


@pytest.mark.parametrize("label", [Label.LOCATION, Label.FIGURE])
def test_the_other_entity_keys_read_the_word_as_the_actor_key_does(label: Label) -> None:
    assert at("Local media reported the fire on Monday.", "Local", label) == "Local media"


def test_semicolon_stops_once_at_the_group_where_the_key_adds_it_whole() -> None:
    text = "State media on Saturday reported that the bridge had collapsed."
    tokens, _ = spacy_at(text, "State")
    unmarked = lambda _: False  # noqa: E731
    stop = stops.next_candidate(text, tokens, -1, 1, unmarked)
    found = phrases.at_cursor(text, tokens, stop, Label.ACTOR)
    assert found is not None
    assert text[tokens[stop][0] : tokens[stop][1]] == "media"
    assert text[tokens[found[0]][0] : tokens[found[1]][1]] == "State media"


def test_semicolon_passes_media_a_verb_after_to_takes_as_its_object() -> None:
    text = "The app relies on a tool to download media from many sites."
    tokens, _ = spacy_at(text, "The")
    unmarked = lambda _: False  # noqa: E731
    assert stops.next_candidate(text, tokens, -1, 1, unmarked) == -1

"""`annotator.speaker_offers`: the order in which the speaker choice offers a quote's possible speakers. A trial
from a fresh clone: the nearest ACTOR, in the next sentence, came first, before the one in the quote's own
sentence. Real tokens (spaCy's English tokenizer, as stored)."""

from __future__ import annotations

from annotator.rows import Offsets
from annotator.speaker_offers import attribution, quote_sentence, speakers_first
from annotator.suggest.tokens import tokenize


def at(text: str, words: str, occurrence: int = 0) -> Offsets:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return Offsets(start, start + len(words))


def offered(text: str, quote: str, actors: list[str], suggested: str | None = None) -> list[str]:
    tokens = tokenize([text])[0]
    spans = [at(text, words) for words in actors]
    speaker = at(text, suggested) if suggested is not None else None
    return [text[a.start : a.end] for a in speakers_first(text, tokens, at(text, quote), speaker, spans)]


def test_the_actor_of_the_quotes_own_sentence_comes_before_a_nearer_one_in_the_next() -> None:
    text = 'Mayor Ann Lee said on Monday: "We will stay." Police said nothing.'
    assert offered(text, "We will stay.", ["Police", "Mayor Ann Lee"]) == ["Mayor Ann Lee", "Police"]


def test_a_quote_of_its_own_sentence_offers_the_sentence_before_it_first() -> None:
    text = '"We will stay," Lee said. "We have no choice." Police left.'
    assert offered(text, "We have no choice.", ["Police", "Lee"]) == ["Lee", "Police"]


def test_the_suggested_speaker_comes_first_however_far() -> None:
    text = 'Mayor Ann Lee said on Monday: "We will stay." Police said nothing.'
    assert offered(text, "We will stay.", ["Mayor Ann Lee", "Police"], suggested="Police") == [
        "Police",
        "Mayor Ann Lee",
    ]


def test_actors_inside_the_quote_come_last_and_other_paragraphs_after_its_own() -> None:
    text = 'Reuters reported it.\nThe council met. "Lee will stay," the mayor said. Police left.'
    assert offered(text, "Lee will stay,", ["Lee", "Reuters", "Police", "the mayor"]) == [
        "the mayor",
        "Police",
        "Reuters",
        "Lee",
    ]


def test_a_full_stop_ending_a_quote_ends_its_sentence() -> None:
    text = 'She left. "We will stay." Police said nothing.'
    assert quote_sentence(text, tokenize([text])[0], *at(text, "We will stay.")) == (10, 25)


def test_a_question_mark_ending_a_quote_does_not() -> None:
    text = 'She left. "Will you stay?" the mayor asked. Police said nothing.'
    assert quote_sentence(text, tokenize([text])[0], *at(text, "Will you stay?")) == (10, 43)


def test_a_comma_after_the_quote_runs_on_to_the_sentences_end() -> None:
    text = 'She left. "We will stay", the mayor said. Police said nothing.'
    assert quote_sentence(text, tokenize([text])[0], *at(text, "We will stay")) == (10, 41)


def test_a_quote_with_words_of_its_sentence_outside_it_is_its_own_attribution() -> None:
    text = 'She left. "We will stay," the mayor said. Police said nothing.'
    assert attribution(text, tokenize([text])[0], *at(text, "We will stay,")) == (10, 41)


def test_a_quote_of_its_own_sentence_at_a_paragraphs_start_has_only_that_sentence() -> None:
    text = 'Lee spoke.\n"We will stay." Police said nothing.'
    assert attribution(text, tokenize([text])[0], *at(text, "We will stay.")) == (11, 26)


def test_a_pronoun_saying_it_offers_the_nearest_actor_before_it_before_the_others_of_its_sentence() -> None:
    text = (
        'Lee spoke first. One of the victims came. She said it to show children "there is nothing to be ashamed of". '
        "The men laughed."
    )
    actors = ["Lee", "One of the victims", "children", "The men"]
    assert offered(text, "there is nothing to be ashamed of", actors) == [
        "One of the victims",
        "Lee",
        "children",
        "The men",
    ]


def test_the_subject_of_a_verb_of_saying_comes_before_its_listener_nearer_the_quote() -> None:
    text = 'Lee told Reuters "we will stay".'
    assert offered(text, "we will stay", ["Reuters", "Lee"]) == ["Lee", "Reuters"]


def test_actors_before_the_quote_in_its_paragraph_come_before_nearer_ones_after_it() -> None:
    text = 'Ann Lee arrived. The aide said "we will stay". Police left.'
    assert offered(text, "we will stay", ["Police", "Ann Lee"]) == ["Ann Lee", "Police"]

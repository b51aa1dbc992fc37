"""The v1 rules (entities.v1 + quotes.v1) on the seed article with the real model: quotes, speakers and the guide's
entity rules. They stay as they were: older suggestions keep their names and meaning."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotator.models import Label, Suggestion, check_spans
from annotator.suggest import RULES_V1, suggest_doc

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5fda543fc562549a.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def suggestions(nlp, text: str) -> list[Suggestion]:
    return suggest_doc(nlp(text), RULES_V1)


def labelled(suggestions: list[Suggestion], label: Label) -> list[str]:
    return [s.text for s in suggestions if s.label is label]


def speaker_text(text: str, quote: Suggestion) -> str | None:
    return text[quote.speaker.start : quote.speaker.end] if quote.speaker else None


def at(text: str, needle: str, occurrence: int = 0) -> int:
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return index


def test_every_span_passes_check_spans(suggestions: list[Suggestion], text: str) -> None:
    check_spans(list(suggestions), text)


def test_entity_spans_do_not_overlap(suggestions: list[Suggestion]) -> None:
    entities = sorted((s for s in suggestions if s.label is not Label.QUOTE), key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(entities))


def test_suggestions_are_sorted_and_named(suggestions: list[Suggestion]) -> None:
    assert suggestions == sorted(suggestions, key=lambda s: (s.start, s.end))
    assert {s.suggester for s in suggestions} == set(RULES_V1.names)


def test_six_quotes_without_their_marks(suggestions: list[Suggestion]) -> None:
    quotes = labelled(suggestions, Label.QUOTE)
    assert [q[:22] for q in quotes] == [
        "The occupation (Israel",
        "We hear explosions and",
        "disgust",
        "ensure what we have se",
        "to continue negotiatio",
        "not achieved any of th",
    ]
    assert quotes[4] == "to continue negotiations for the return of the hostages."


def test_quote_speakers(suggestions: list[Suggestion], text: str) -> None:
    quotes = [s for s in suggestions if s.label is Label.QUOTE]
    assert [speaker_text(text, q) for q in quotes] == [
        "one resident",
        "one resident",
        "Israel",
        "Netanyahu",
        "his office",
        "Tzachi Hanegbi",
    ]


def test_pronoun_speaker_resolves_to_the_resident_span(suggestions: list[Suggestion], text: str) -> None:
    """'he told Reuters' points at the very span of 'one resident' from the sentence before."""
    second = [s for s in suggestions if s.label is Label.QUOTE][1]
    assert second.speaker is not None
    assert (second.speaker.start, second.speaker.end) == (at(text, "one resident"), at(text, "one resident") + 12)


def test_speakers_point_at_actor_suggestions(suggestions: list[Suggestion]) -> None:
    actors = {(s.start, s.end) for s in suggestions if s.label is Label.ACTOR}
    speakers = [(s.speaker.start, s.speaker.end) for s in suggestions if s.speaker]
    assert len(speakers) == 6
    assert set(speakers) <= actors


def test_figures_keep_their_qualifiers(suggestions: list[Suggestion]) -> None:
    assert labelled(suggestions, Label.FIGURE) == [
        "at least 35",
        "three",
        "three",
        "three",
        "1.4 million",
        "more than 800,000",
        "more than 1,170",
        "252",
        "128",
        "at least 37",
        "more than 35,709",
    ]


def test_channel_13_gives_no_figure(suggestions: list[Suggestion], text: str) -> None:
    channel = at(text, "Channel 13")
    assert not [s for s in suggestions if s.label is Label.FIGURE and channel <= s.start < channel + 10]


def test_one_resident_is_an_actor_not_a_figure(suggestions: list[Suggestion], text: str) -> None:
    start = at(text, "one resident")
    found = [(s.label, s.text) for s in suggestions if s.start == start and s.label is not Label.QUOTE]
    assert found == [(Label.ACTOR, "one resident")]


@pytest.mark.parametrize(
    ("context", "needle", "label"),
    [
        ("Washington voiced", "Washington", Label.ACTOR),
        ("Tel Aviv said", "Tel Aviv", Label.ACTOR),
        ("Israel's aerial", "Israel", Label.ACTOR),  # possessive of an agent: "Israel's ... bombardments"
        ("Israel has angrily", "Israel", Label.ACTOR),
        ("in Rafah's", "Rafah", Label.LOCATION),
        ("people in Israel", "Israel", Label.LOCATION),  # the country as a place
        ("residents said", "residents", Label.ACTOR),
        ("the army says", "the army", Label.ACTOR),  # an unnamed source keeps its article, as in the guide
    ],
)
def test_role_decides_the_label(
    suggestions: list[Suggestion], text: str, context: str, needle: str, label: Label
) -> None:
    start = at(text, context) + context.index(needle)
    found = [(s.label, s.text) for s in suggestions if s.start == start and s.label is not Label.QUOTE]
    assert found == [(label, needle)]


def test_names_lose_titles_articles_and_possessives(suggestions: list[Suggestion]) -> None:
    actors = labelled(suggestions, Label.ACTOR)
    assert "Benjamin Netanyahu" in actors
    assert "International Criminal Court" in actors
    assert not [a for a in actors if a.startswith(("the ", "The ", "Prime")) and a != "the army"]
    assert not [a for a in actors if a.endswith("'s")]

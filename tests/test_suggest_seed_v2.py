"""The default suggesters (entities.v3 with the shipped guide component, and quotes.v6) on the seed article with
the real pipeline: exact figures, quotes and speakers, and the guide's roles."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotator.models import Label, Suggestion, check_spans
from annotator.suggest import SUGGESTER_NAMES, suggest_doc, suggesters_of

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_5fda543fc562549a.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def suggestions(nlp, text: str) -> list[Suggestion]:
    return suggest_doc(nlp(text), suggesters_of(nlp))


def labelled(suggestions: list[Suggestion], label: Label) -> list[str]:
    return [s.text for s in suggestions if s.label is label]


def at(text: str, needle: str, occurrence: int = 0) -> int:
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    return index


def test_the_default_pipeline_makes_the_new_versions(nlp, suggestions: list[Suggestion]) -> None:
    assert suggesters_of(nlp).names == SUGGESTER_NAMES == ("entities.v16", "quotes.v6")
    assert {s.suggester for s in suggestions} == set(SUGGESTER_NAMES)


def test_spans_obey_the_rules(suggestions: list[Suggestion], text: str) -> None:
    check_spans(list(suggestions), text)
    entities = sorted((s for s in suggestions if s.label is not Label.QUOTE), key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(entities))


def test_figures(suggestions: list[Suggestion]) -> None:
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


def test_quotes_and_their_speakers(suggestions: list[Suggestion], text: str) -> None:
    quotes = [s for s in suggestions if s.label is Label.QUOTE]
    assert [(q.text[:22], text[q.speaker.start : q.speaker.end] if q.speaker else None) for q in quotes] == [
        ("The occupation (Israel", "one resident"),
        ("We hear explosions and", "one resident"),
        ("disgust", "Israel"),
        ("ensure what we have se", "Netanyahu"),
        ("to continue negotiatio", "his office"),
        ("not achieved any of th", "Tzachi Hanegbi"),
    ]
    second = quotes[1]  # "..., he told Reuters": the pronoun's antecedent from the sentence before
    assert second.speaker is not None and second.speaker.start == at(text, "one resident")


@pytest.mark.parametrize(
    ("context", "needle", "label"),
    [
        ("Washington voiced", "Washington", Label.ACTOR),
        ("Israel has angrily", "Israel", Label.ACTOR),
        ("in Rafah's", "Rafah", Label.LOCATION),
        ("people in Israel", "Israel", Label.LOCATION),
        ("residents said", "residents", Label.ACTOR),
        ("one resident", "one resident", Label.ACTOR),
        ("the army says", "the army", Label.ACTOR),
        ("his office also", "his office", Label.ACTOR),
        ("three Hamas leaders", "Hamas leaders", Label.ACTOR),
        ("Egyptian and Qatari", "Egyptian", Label.ACTOR),
        ("the prosecutor", "the prosecutor", Label.ACTOR),
    ],
)
def test_roles(suggestions: list[Suggestion], text: str, context: str, needle: str, label: Label) -> None:
    start = at(text, context) + context.index(needle)
    found = [(s.label, s.text) for s in suggestions if s.start == start and s.label is not Label.QUOTE]
    assert found == [(label, needle)]


def test_no_figure_in_a_name(suggestions: list[Suggestion], text: str) -> None:
    channel = at(text, "Channel 13")
    assert [s.text for s in suggestions if channel <= s.start < channel + 10] == ["Channel 13"]
    assert labelled(suggestions, Label.ACTOR).count("Channel 13") == 1


def test_the_shipped_component_is_pinned() -> None:
    """The weights in annotator/data/guide/ are the ones its meta.json (written by training/train_guide.py) names."""
    import hashlib
    import json

    from annotator.suggest.loading import shipped_guide

    folder = shipped_guide()
    assert folder is not None
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert hashlib.sha256((folder / "ner" / "model").read_bytes()).hexdigest() == meta["ner_model_sha256"]
    assert meta["labels"] == ["ACTOR", "LOCATION", "FIGURE"] and meta["recipe"] == "training/rebuild.sh"

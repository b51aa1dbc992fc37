"""entities.v3 + quotes.v3 on a few paragraphs of the *test* gold split, with exact values.

These pin what entities.v3 + quotes.v3 (the default until entities.v4) make of news nobody tuned on, so a
change to their rules or to the shipped weights shows here. entities.v4 is not pinned here: its rules were
written while these values were out of sight, and they stay so. The paragraphs were chosen by a fixed rule before their outputs were seen (the first
paragraph of articles 0, 6 and 12 of tests/fixtures/gold/test.jsonl, and the first paragraph with a quotation
mark of article 0); the values are what the suggesters made, right or wrong, and each test also states how
many of the suggestions equal a gold span. Nothing here was used to change a rule: the test split is for
reporting only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.models import check_spans
from annotator.suggest import Suggesters, suggest_doc

TEST = Path(__file__).parent / "fixtures" / "gold" / "test.jsonl"
Triple = tuple[str, str, str | None]


def paragraph(article: int, quoted: bool) -> tuple[str, list[Triple]]:
    """The chosen paragraph of a test article and its gold spans (label, text, speaker's text)."""
    record = json.loads(TEST.read_text("utf-8").splitlines()[article])
    text: str = record["text"]
    offset = 0
    for line in text.split("\n"):
        if line.strip() and (not quoted or '"' in line):
            break
        offset += len(line) + 1
    end = offset + len(line)
    gold = []
    for span in record["spans"]:
        if offset <= span["start"] and span["end"] <= end:
            speaker = span.get("speaker")
            gold.append((span["label"], span["text"], text[speaker["start"] : speaker["end"]] if speaker else None))
    return line, gold


def suggested(nlp, text: str) -> list[Triple]:
    suggestions = suggest_doc(nlp(text), Suggesters("entities.v3", "quotes.v3"))
    check_spans(list(suggestions), text)
    return [(s.label.value, s.text, text[s.speaker.start : s.speaker.end] if s.speaker else None) for s in suggestions]


@pytest.mark.parametrize(
    ("article", "quoted", "expected", "equal_to_gold", "gold_spans"),
    [
        (
            0,
            False,
            [
                ("ACTOR", "Sea-Eye", None),
                ("ACTOR", "Alan Kurdi", None),
                ("ACTOR", "Syrian", None),
                ("LOCATION", "Turkey", None),
                ("ACTOR", "Relatives", None),
                ("ACTOR", "the boy", None),
                ("ACTOR", "Majorca", None),
            ],
            3,  # gold: "Relatives of the boy" is one ACTOR, "Majorca" a LOCATION, "Syrian" unmarked
            5,
        ),
        (
            0,
            True,
            [
                ("QUOTE", "This day is very hard for me, as I re-experience many memories,", "Abdullah Kurdi"),
                ("ACTOR", "Abdullah Kurdi", None),
                (
                    "QUOTE",
                    "It's people with good heart in this organization. So my boy's name stands for something good "
                    "and his little soul can find ... peace.",
                    "Abdullah Kurdi",
                ),
                ("ACTOR", "this organization", None),
                ("ACTOR", "my boy", None),
                ("ACTOR", "Abdullah Kurdi", None),
                ("LOCATION", "Iraq", None),
                ("ACTOR", "The boy", None),
                ("ACTOR", "Tima Kurdi", None),
            ],
            9,  # all of it, speakers included ("said his father, Abdullah Kurdi"; the second quote continues)
            9,
        ),
        (
            6,
            False,
            [
                ("LOCATION", "United States", None),
                ("LOCATION", "Washington DC", None),
                ("ACTOR", "Arnav Gupta", None),
                ("LOCATION", "Bethesda", None),
                ("LOCATION", "Maryland", None),
                ("LOCATION", "Ellipse", None),
                ("LOCATION", "White House", None),
                ("LOCATION", "Washington Monument", None),
                ("ACTOR", "Gupta", None),
                ("ACTOR", "officials", None),
                ("FIGURE", "85%", None),
                ("ACTOR", "his body", None),
            ],
            11,  # gold does not mark "his body" (the time zone, once an ACTOR, is no longer suggested)
            11,
        ),
        (
            12,
            False,
            [
                ("ACTOR", "Akilisi Pohiva", None),
                ("LOCATION", "Tonga", None),
                ("ACTOR", "Tongan", None),
                ("ACTOR", "Pohiva", None),
                ("LOCATION", "Tonga", None),
                ("LOCATION", "Tonga", None),
                ("LOCATION", "Nukuʻalofa", None),
                ("LOCATION", "Auckland", None),
                ("LOCATION", "New Zealand", None),
            ],
            8,  # gold does not mark "Tongan" (in "Tongan time"); the time zone is no longer suggested
            8,
        ),
    ],
)
def test_paragraphs_of_the_test_split(
    nlp, article: int, quoted: bool, expected: list[Triple], equal_to_gold: int, gold_spans: int
) -> None:
    text, gold = paragraph(article, quoted)
    found = suggested(nlp, text)
    assert found == expected
    assert (len([s for s in found if s in gold]), len(gold)) == (equal_to_gold, gold_spans)

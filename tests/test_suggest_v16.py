"""entities.v16's rule (`suggest.general_v16`: a number with a multiplier or unit glued inside its token is a FIGURE
whole) on sentences written for the purpose (none from the gold files), with the real pipeline: exact (text, label)
pairs of the entity layer beside entities.v15's for the same text (trial finding N3: "Output rose to 2.4bn",
"Temperatures reached 38C" had no FIGURE suggestion), what it leaves as it was, and the real CLI ingesting a .txt
file with the default suggesters."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import ingested_suggestions

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc

V15 = Suggesters("entities.v15", "quotes.v6")
V16 = Suggesters("entities.v16", "quotes.v6")


def entities(nlp, text: str, suggesters: Suggesters) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


@pytest.mark.parametrize(
    ("text", "v15", "v16"),
    [
        ("Output rose to 2.4bn in March.", [], [("2.4bn", "FIGURE")]),
        ("Temperatures reached 38C on Monday.", [], [("38C", "FIGURE")]),
        ("It was 38C. The next day it rained.", [], [("38C", "FIGURE")]),  # the full stop split off (unit_stops)
        ("They built a 100MW plant.", [], [("100MW", "FIGURE")]),  # the small model types it a date
        ("Prices were up 7pc in May.", [], [("7pc", "FIGURE")]),
        ("Profits fell to nearly 2.4bn last year.", [], [("nearly 2.4bn", "FIGURE")]),  # with its qualifier
        ("The fund raised US$40bn.", [], [("US$40bn", "FIGURE")]),  # with its currency sign
    ],
)
def test_what_entities_v16_changes(nlp, text: str, v15: list[tuple[str, str]], v16: list[tuple[str, str]]) -> None:
    assert (entities(nlp, text, V15), entities(nlp, text, V16)) == (v15, v16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 20km line of tanks was seen.", [("20", "FIGURE")]),  # a unit the tokenizer splits off stays out
        ("There was 3mm of rain overnight.", [("3", "FIGURE")]),
        ("Sales rose to €410m. Its shares fell.", [("€410m", "FIGURE")]),  # general_v13's multiplier
        ("The firm paid £1.2bn for it, and the stamp cost 5p.", [("£1.2bn", "FIGURE"), ("5p", "FIGURE")]),
        ("Water was found on K2-18b, a planet.", []),  # part of a name: no figure
        ("In the 1990s the trip took 2h.", [("2h", "FIGURE")]),  # the small model's, as before; "1990s" no figure
    ],
)
def test_what_the_rule_leaves_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text, V15) == entities(nlp, text, V16) == expected


def test_ingest_of_a_story_with_figures_glued_to_their_units(tmp_path: Path) -> None:
    """The real CLI, with the default suggesters: "2.4bn" and "38C" are FIGUREs, "20km" gives "20"."""
    story = "Output rose to 2.4bn in March.\nTemperatures reached 38C on Monday.\nA 20km line of tanks was seen.\n"
    suggestions = ingested_suggestions(tmp_path, "figures.txt", story)
    assert [(s.text, s.label.value, s.suggester) for s in suggestions] == [
        ("2.4bn", "FIGURE", "entities.v16"),
        ("38C", "FIGURE", "entities.v16"),
        ("20", "FIGURE", "entities.v16"),
    ]

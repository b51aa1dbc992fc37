"""A line break ends a sentence (`suggest.line_starts`): a headline on a .txt file's first line is no longer parsed
as the first words of the body's first sentence. The real pipeline on texts written for the purpose (none from the
gold files), and the real CLI ingesting such a .txt file."""

from __future__ import annotations

from pathlib import Path

from processes import ingested_suggestions

from annotator.suggest import Suggesters, suggest_doc

HEADLINED = "Fire at warehouse in Hull\nFirefighters from Humberside said three people were hurt."
DEFAULT = Suggesters("entities.v16", "quotes.v6")


def test_the_pipeline_marks_line_starts_before_its_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("annotator_line_starts") == names.index("parser") - 1


def test_no_sentence_runs_over_a_line_break(nlp) -> None:
    doc = nlp(HEADLINED)
    assert [s.text for s in doc.sents] == [
        "Fire at warehouse in Hull\n",
        "Firefighters from Humberside said three people were hurt.",
    ]


def test_a_sentence_boundary_inside_a_line_is_still_the_parsers(nlp) -> None:
    doc = nlp("The fire started at noon. Crews left at six.\nNobody was hurt.")
    assert [s.text for s in doc.sents] == ["The fire started at noon.", "Crews left at six.\n", "Nobody was hurt."]


def test_the_first_word_after_a_headline_is_no_place(nlp) -> None:
    """Run into the headline, "Firefighters" was parsed as a place in Hull and suggested a LOCATION."""
    suggestions = suggest_doc(nlp(HEADLINED), DEFAULT)
    assert ("Firefighters", "ACTOR") in [(s.text, s.label.value) for s in suggestions]
    assert "LOCATION" not in [s.label.value for s in suggestions if s.text == "Firefighters"]


def test_ingesting_a_headlined_txt_file(tmp_path: Path) -> None:
    got = ingested_suggestions(tmp_path, "warehouse.txt", HEADLINED + "\n")
    assert ("Firefighters", "ACTOR") in [(s.text, s.label.value) for s in got]

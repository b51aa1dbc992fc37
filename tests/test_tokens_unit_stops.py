"""A newcomer's trial: "€410m." at a sentence's end was tokenized "410", "m." (spaCy's special case "m." matched
inside the tokens) and "38C." as one token "38C.", so neither FIGURE could be made: a FIGURE may not end with the
full stop. The project's tokenizer splits the sentence's full stop off a figure's unit (`suggest.unit_stops`) and
keeps abbreviations whole; the rule is kept when a pipeline is saved, loaded and pickled."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy

from annotator.models import Label
from annotator.suggest import suggest_doc, tokens_of
from annotator.suggest.tokens import blank_english, project_tokenizer, tokenize
from annotator.suggest.unit_stops import NO_LONE_LETTER_STOP, UNIT_STOP

EURO = "The group's profit rose 5% on sales of €410m. Its shares fell 2% after it spent €12m in 2020."


def words(text: str) -> list[str]:
    [tokens] = tokenize([text])
    return [text[t.start : t.end] for t in tokens]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on sales of €410m. Its shares fell", ["on", "sales", "of", "€", "410", "m", ".", "Its", "shares", "fell"]),
        ("€12m in 2020.", ["€", "12", "m", "in", "2020", "."]),
        (
            "temperatures at Melbourne Park reached 38C.",
            ["temperatures", "at", "Melbourne", "Park", "reached", "38C", "."],
        ),
        ("It rose to $3.5m. Then", ["It", "rose", "to", "$", "3.5", "m", ".", "Then"]),
        ("a 5G. It", ["a", "5", "G", ".", "It"]),
        ("of 5kW. It", ["of", "5kW", ".", "It"]),
        ("cost $5M. It", ["cost", "$", "5", "M", ".", "It"]),
        ("weighs 10g. It", ["weighs", "10", "g", ".", "It"]),
    ],
)
def test_a_sentences_full_stop_is_split_off_a_figures_unit(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_abbreviations_and_initials_stay_whole() -> None:
    text = "In the U.S. at 5 p.m. and 9 a.m. on Jan. 5 St. Paul met J. Smith, Plan B. and (b. 1950) p. 12 at 5p.m."
    assert words(text) == [
        *["In", "the", "U.S.", "at", "5", "p.m.", "and", "9", "a.m.", "on", "Jan.", "5", "St.", "Paul", "met"],
        *["J.", "Smith", ",", "Plan", "B.", "and", "(", "b.", "1950", ")", "p.", "12", "at", "5", "p.m."],
    ]


def test_no_is_split_as_spacy_splits_it() -> None:
    """spaCy has no special case "No.": its full stop was split before the rule and still is."""
    assert words("No. 5") == ["No", ".", "5"]


def test_the_model_makes_the_same_tokens_as_the_blank_tokenizer(nlp) -> None:
    assert tokens_of(nlp(EURO)) == tokenize([EURO])[0]


def test_the_figure_before_a_sentences_end_keeps_its_multiplier(nlp) -> None:
    figures = [(s.label, s.text) for s in suggest_doc(nlp(EURO)) if s.label is Label.FIGURE]
    assert figures == [(Label.FIGURE, "5%"), (Label.FIGURE, "€410m"), (Label.FIGURE, "2%"), (Label.FIGURE, "€12m")]


def test_the_rule_is_added_once_however_often_it_is_applied() -> None:
    tokenizer = spacy.blank("en").tokenizer
    project_tokenizer(tokenizer)
    project_tokenizer(tokenizer)
    pattern = tokenizer.suffix_search.__self__.pattern
    assert (pattern.count(NO_LONE_LETTER_STOP), pattern.count(UNIT_STOP)) == (1, 1)


def test_a_saved_and_loaded_or_pickled_pipeline_keeps_the_rule(tmp_path: Path) -> None:
    text = "on sales of €410m. Its shares fell after 38C."
    expected = tokenize([text])[0]
    blank_english().to_disk(tmp_path / "blank")
    loaded = spacy.load(tmp_path / "blank")
    assert tokens_of(loaded.tokenizer(text)) == expected  # as saved, before the project's rules are applied again
    loaded.tokenizer = project_tokenizer(loaded.tokenizer)
    assert loaded.tokenizer.suffix_search.__self__.pattern.count(UNIT_STOP) == 1
    assert tokens_of(loaded.tokenizer(text)) == expected
    copy = pickle.loads(pickle.dumps(blank_english()))
    assert tokens_of(copy.tokenizer(text)) == expected

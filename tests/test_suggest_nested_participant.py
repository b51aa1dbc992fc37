"""A name the guide marks inside a participant's noun phrase ("the young LAPD fighters", "LAPD" an ACTOR) crashed
the street rule of entities.v10 and every later version with spaCy's IndexError E1002, and with it `annotator
ingest`. The participants rule (`general_v4.participants`) trims marked words only at the left edge of its phrase,
so the phrase and the name inside it both reach `general_v10.streets_are_places`, which bounded the name's start by
the phrase's end and asked `_is_street` about an empty run of words. The sentence is written for the purpose (none
from the gold files); the shipped pipeline itself parses "LAPD" as a common noun modifying "fighters", so the
phrase keeps it. Found by an experiment that swapped in en_core_web_md's names ("the captured ISIS fighters")."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import ingested_suggestions

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc
from annotator.suggest.general_v10 import _is_street

TEXT = "Kurdish forces watch over the young LAPD fighters and families. The U.S. has pulled out."
#: What entities.v9 (no street rule) makes of it, and what every version with the rule now makes too.
EXPECTED = [("Kurdish", "ACTOR"), ("the young LAPD fighters", "ACTOR"), ("U.S.", "ACTOR")]


@pytest.mark.parametrize("entities", ["entities.v9", "entities.v10", "entities.v14", "entities.v15", "entities.v16"])
def test_a_name_inside_a_participant_phrase(nlp, entities: str) -> None:
    suggestions = suggest_doc(nlp(TEXT), Suggesters(entities, "quotes.v6"))
    check_spans(list(suggestions), TEXT)
    assert [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE] == EXPECTED


def test_an_empty_run_of_words_is_no_street(nlp) -> None:
    doc = nlp(TEXT)
    assert [_is_street(doc, 8, 7), _is_street(doc, 8, 8), _is_street(doc, len(doc), len(doc))] == [False] * 3


def test_ingest_of_the_story(tmp_path: Path) -> None:
    suggestions = ingested_suggestions(tmp_path, "story.txt", TEXT + "\n")
    assert [(s.text, s.label.value, s.suggester) for s in suggestions] == [
        (text, label, "entities.v16") for text, label in EXPECTED
    ]

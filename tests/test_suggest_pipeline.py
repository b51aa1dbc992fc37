"""The public interface around the rules: loading, batching, tokens, and the dev gold fixture's shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.models import Label, NativeRecord
from annotator.rows import Token
from annotator.suggest import ModelNotFound, load_pipeline, suggest_texts, tokens_of

DEV_GOLD = Path(__file__).parent / "fixtures" / "dev_gold.jsonl"


def test_missing_model_raises_a_one_line_message() -> None:
    with pytest.raises(ModelNotFound) as error:
        load_pipeline("no_such_pipeline_xx")
    assert str(error.value) == (
        "spaCy pipeline 'no_such_pipeline_xx' is neither installed nor a pipeline folder: pass an installed "
        "pipeline's name or path, or leave --model out for the default English model"
    )


def test_tokens_exclude_white_space(nlp) -> None:
    assert tokens_of(nlp("Hi  there.\n")) == [Token(start=0, end=2), Token(start=4, end=9), Token(start=9, end=10)]


def test_suggest_texts_yields_one_result_per_text_in_order(nlp) -> None:
    results = list(suggest_texts(["Washington said no.", "", "Paris is big."], nlp, batch_size=2))
    assert [[s.text for s in suggestions] for _, suggestions in results] == [["Washington"], [], ["Paris"]]
    assert results[0][1][0].label is Label.ACTOR
    assert results[2][1][0].label is Label.LOCATION


def test_dev_gold_records_are_valid_native_records() -> None:
    records = [NativeRecord.model_validate_json(line) for line in DEV_GOLD.read_text("utf-8").splitlines()]
    assert len(records) == 6
    assert {r.annotator for r in records} == {"gold"}
    assert all(r.meta["licence"] == "CC BY 2.5, Wikinews contributors" for r in records[1:])

"""The public interface around the rules: loading, batching, tokens, and the gold fixtures' shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.models import Label, NativeRecord
from annotator.rows import Token
from annotator.suggest import ModelNotFound, load_pipeline, suggest_texts, tokens_of

GOLD = Path(__file__).parent / "fixtures" / "gold"


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


@pytest.mark.parametrize(("name", "articles", "spans"), [("dev.jsonl", 18, 770), ("test.jsonl", 18, 639)])
def test_gold_splits_are_valid_native_records(name: str, articles: int, spans: int) -> None:
    records = [NativeRecord.model_validate_json(line) for line in (GOLD / name).read_text("utf-8").splitlines()]
    assert (len(records), sum(len(r.spans) for r in records)) == (articles, spans)
    assert {r.annotator for r in records} == {"gold"}
    assert all(r.meta["licence"] == "CC BY 2.5, Wikinews contributors" for r in records if r.meta.get("url"))


def test_gold_splits_share_no_article() -> None:
    ids = {
        name: {
            NativeRecord.model_validate_json(line).article_id for line in (GOLD / name).read_text("utf-8").splitlines()
        }
        for name in ("dev.jsonl", "test.jsonl")
    }
    assert ids["dev.jsonl"].isdisjoint(ids["test.jsonl"])

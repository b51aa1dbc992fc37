"""The second annotation of six dev2 articles (tests/fixtures/gold/second_annotation/): its anchors resolve.

Every anchor must resolve exactly once (its context occurs once in the article's text), the built file must be
what the anchors give, and the articles must be the first six of entities_dev2.jsonl, so the agreement figures
of training/README.md ("Two annotators on the same articles") stay reproducible from the anchors.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "fixtures" / "gold" / "second_annotation"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("second_annotation", ROOT / "training" / "second_annotation.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built() -> dict[str, dict]:
    rows = map(json.loads, (FOLDER / "second.jsonl").read_text("utf-8").splitlines())
    return {row["article_id"]: row for row in rows}


def test_the_articles_are_the_first_six_of_dev2_in_file_order(builder: ModuleType) -> None:
    assert list(builder.load_anchors()) == builder.chosen_ids() == list(built())
    assert len(builder.chosen_ids()) == 6


def test_every_anchor_is_found_exactly_once(builder: ModuleType) -> None:
    records = built()
    problems = {
        article_id: builder.anchor_problems(records[article_id]["text"], entries)
        for article_id, entries in builder.load_anchors().items()
    }
    assert problems == {article_id: [] for article_id in records}


def test_the_built_file_is_what_the_anchors_give(builder: ModuleType) -> None:
    records = built()
    for article_id, entries in builder.load_anchors().items():
        assert builder.resolve(records[article_id]["text"], entries) == records[article_id]["spans"], article_id


def test_an_anchor_whose_context_occurs_twice_is_named(builder: ModuleType) -> None:
    entries = [("ACTOR", "Lam", "Lam said"), ("QUOTE", "We", "go.", "Lam said")]
    assert builder.anchor_problems('"We go." Lam said. Lam said no.', entries) == [
        "ACTOR 'Lam': context 'Lam said' occurs 2 times"
    ]

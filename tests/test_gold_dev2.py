"""The second entity dev set (tests/fixtures/gold/entities_dev2.jsonl): valid, on its text, apart from both splits.

It is what entity rules are measured on now that the shipped component has learned dev.jsonl, so a broken
record or an article shared with a split would mislead every figure taken from it.
"""

from __future__ import annotations

import json
from collections import Counter

from support import GOLD, gold_records, spans_off_their_text_or_tokens

records = gold_records


def test_dev2_is_valid_gold_with_these_counts() -> None:
    dev2 = records("entities_dev2.jsonl")
    labels = Counter(span.label.value for record in dev2 for span in record.spans)
    assert len(dev2) == 22
    assert labels == {"ACTOR": 984, "LOCATION": 199, "FIGURE": 77, "QUOTE": 162}
    assert {r.annotator for r in dev2} == {"gold"}
    assert {r.meta["licence"] for r in dev2} == {"CC BY 2.5, Wikinews contributors"}


def test_dev2_spans_sit_on_its_text_and_on_tokens() -> None:
    assert spans_off_their_text_or_tokens(records("entities_dev2.jsonl")) == []


def test_dev2_shares_no_article_with_the_splits() -> None:
    dev2 = {r.article_id for r in records("entities_dev2.jsonl")}
    split = {r.article_id for name in ("dev.jsonl", "test.jsonl") for r in records(name)}
    assert dev2.isdisjoint(split)


def test_dev2_quotes_and_speakers_are_those_of_the_speaker_dev_set() -> None:
    speakers = {
        row["id"]: {
            (q["start"], q["end"], (q["speaker"]["start"], q["speaker"]["end"]) if q["speaker"] else None)
            for q in row["quotes"]
        }
        for row in map(json.loads, (GOLD / "speakers_dev.jsonl").read_text("utf-8").splitlines())
    }
    for record in records("entities_dev2.jsonl"):
        quotes = {
            (s.start, s.end, (s.speaker.start, s.speaker.end) if s.speaker else None)
            for s in record.spans
            if s.label.value == "QUOTE"
        }
        assert speakers[record.article_id] <= quotes

"""Native JSONL out and back in: the round trip is exact, and a bad record writes nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.exchange.formats.jsonl import read_records
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.importing import read_file, store_records
from annotator.exchange.records import export, suggestion_records
from annotator.store import Store


def exported(store: Store, who: str) -> str:
    """What `annotator export --annotator who` writes."""
    out = io.BytesIO()
    export(store, "jsonl", out, who)
    return out.getvalue().decode("utf-8")


def load(store: Store, path: Path, who: str | None = None, rename: bool = False) -> tuple[int, int]:
    """What `annotator import path [--annotator who] [--rename]` stores: (records, new articles)."""
    report = store_records(store, read_file(path, "jsonl", ReadOptions(annotator=who, rename=rename)))
    return report.records, report.new_articles


@pytest.fixture
def annotated(store: Store, small_article: str) -> str:
    store.accept_all(small_article, "alice")
    store.set_status(small_article, "alice", "done")
    return small_article


def test_export_writes_the_native_record(store: Store, annotated: str) -> None:
    record = json.loads(exported(store, "alice"))
    assert record["annotator"] == "alice"
    assert record["status"] == "done"
    assert record["spans"][:2] == [
        {"start": 0, "end": 10, "label": "ACTOR", "text": "Washington"},
        {"start": 17, "end": 29, "label": "QUOTE", "text": "talks failed", "speaker": {"start": 0, "end": 10}},
    ]
    assert set(record) == {"article_id", "text", "title", "meta", "annotator", "status", "spans", "updated_at",
                           "unchecked"}  # fmt: skip
    assert record["unchecked"]["as_suggested"] is True  # A then d: the suggestions unchanged, no command named
    assert "commands" not in record["unchecked"]


def test_round_trip_into_a_fresh_database_is_identical(tmp_path: Path, store: Store, annotated: str) -> None:
    first = exported(store, "alice")
    (tmp_path / "alice.jsonl").write_text(first, encoding="utf-8")
    with Store.open(tmp_path / "fresh.db") as fresh:
        assert load(fresh, tmp_path / "alice.jsonl") == (1, 1)
        assert exported(fresh, "alice") == first


def test_import_as_another_annotator(tmp_path: Path, store: Store, annotated: str) -> None:
    (tmp_path / "alice.jsonl").write_text(exported(store, "alice"), encoding="utf-8")
    with pytest.raises(InputError, match="the record names 'alice' as its annotator, not 'carol'"):
        load(store, tmp_path / "alice.jsonl", "carol")  # never moved onto another person silently (attack 31)
    load(store, tmp_path / "alice.jsonl", "carol", rename=True)  # --rename: deliberately
    assert [s.text for s in store.spans(annotated, "carol")] == [s.text for s in store.spans(annotated, "alice")]


def test_suggestions_export_as_the_model(store: Store, small_article: str) -> None:
    [record] = list(suggestion_records(store))
    assert record.annotator == "model:entities.v1+quotes.v1"
    assert [s.text for s in record.spans] == ["Washington", "talks failed", "Gaza", "at least 35"]


def bad_record_file(tmp_path: Path, store: Store, change: dict) -> Path:
    good = json.loads(exported(store, "alice"))
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, **change}) + "\n", encoding="utf-8")
    return path


def test_a_span_whose_text_does_not_match_names_line_and_field(tmp_path: Path, store: Store, annotated: str) -> None:
    path = bad_record_file(
        tmp_path, store, {"spans": [{"start": 0, "end": 10, "label": "ACTOR", "text": "Washingtom"}]}
    )
    with pytest.raises(InputError, match=r"in.jsonl:2: field 'spans\[0\].text': text 'Washingtom' does not match"):
        list(read_records(path))


def test_an_unknown_label_names_the_field(tmp_path: Path, store: Store, annotated: str) -> None:
    path = bad_record_file(
        tmp_path, store, {"spans": [{"start": 0, "end": 10, "label": "PERSON", "text": "Washington"}]}
    )
    with pytest.raises(
        InputError,
        match=r"in.jsonl:2: field 'spans\[0\].label': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE', got 'PERSON' \(map it with --label-map PERSON=LABEL, LABEL the one it stands for",
    ):
        list(read_records(path))


def test_a_span_off_token_boundaries_writes_nothing(tmp_path: Path, store: Store, annotated: str) -> None:
    path = bad_record_file(
        tmp_path, store, {"annotator": "dave", "spans": [{"start": 0, "end": 4, "label": "ACTOR", "text": "Wash"}]}
    )
    events_before = store.count("events")
    with pytest.raises(InputError, match=r"in.jsonl:2: field 'spans\[0\]': span 0:4 'Wash' does not fall on token"):
        load(store, path)
    assert store.count("events") == events_before
    assert store.spans(annotated, "dave") == []


def test_a_json_array_is_not_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('[{"article_id": "x"}]', encoding="utf-8")
    with pytest.raises(InputError, match=r"in.jsonl:1: this is a JSON array"):
        list(read_records(path))


def test_an_article_id_with_another_text_is_refused(tmp_path: Path, store: Store, annotated: str) -> None:
    record = json.loads(exported(store, "alice"))
    record.update(text=record["text"] + " More.", spans=[])
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"in.jsonl:1: field 'text': article .* is stored with a different text"):
        load(store, path)

"""The export path (plain records, not validated again) gives exactly what validated records would, and reports
progress through a callback."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

from exchange_support import build, every_status

from annotator.exchange.formats.common import (
    Record,
)
from annotator.exchange.formats.jsonl import dumps, record_dict
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.formats.stored_spans import (
    RecordSpan,
    StoredSpans,
)
from annotator.exchange.importing import read_file, store_records
from annotator.exchange.records import annotator_records, export, written_stamp
from annotator.models import Label, NativeRecord
from annotator.rows import Offsets


def validated(record: Record) -> NativeRecord:
    return NativeRecord.model_validate(record_dict(record))


def test_exported_records_equal_validated_ones(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        records = list(annotator_records(store, "alice", None))
    assert [record_dict(validated(r)) for r in records] == [record_dict(r) for r in records]
    assert [replace(r, title="x").title for r in records] == ["x", "x"]


def test_jsonl_lines_equal_pydantic_serialisation(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        for record in annotator_records(store, "alice", None):
            expected = json.dumps(validated(record).model_dump(mode="json", exclude_none=True), ensure_ascii=False)
            assert dumps(record) == expected
        record = replace(record, updated_at=None, meta={"a": None})
        expected = json.dumps(validated(record).model_dump(mode="json", exclude_none=True), ensure_ascii=False)
        assert dumps(record) == expected


def test_export_and_import_report_progress(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with build(tmp_path / "a.db") as store:
        out = io.BytesIO()
        report = lambda done, total: seen.append((done, total))  # noqa: E731
        assert export(store, "prodigy", out, "alice", report, every_status()) == 2
    assert seen == [(2, 2)]
    (tmp_path / "alice.jsonl").write_bytes(out.getvalue())
    from annotator.store import Store

    with Store.open(tmp_path / "b.db") as fresh:
        records = read_file(tmp_path / "alice.jsonl", "prodigy", ReadOptions())
        store_records(fresh, records, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 2), (2, 2)]


def test_stored_spans_read_as_the_record_spans_they_stand_for(tmp_path: Path) -> None:
    """An export keeps stored spans as the store's rows (JSONL writes them as they are); read as spans, they are
    the RecordSpans they stand for, and JSONL writes the same line from either."""
    with build(tmp_path / "a.db") as store:
        record = next(annotator_records(store, "alice", None))
    assert isinstance(record.spans, StoredSpans)
    spans = [
        RecordSpan(0, 10, Label.ACTOR, "Washington"),
        RecordSpan(17, 33, Label.QUOTE, "the talks failed", Offsets(0, 10)),
        RecordSpan(46, 57, Label.FIGURE, "At least 35"),
        RecordSpan(73, 77, Label.LOCATION, "Gaza"),
        RecordSpan(118, 126, Label.LOCATION, "New York"),
    ]
    assert record.spans == spans
    assert (len(record.spans), record.spans[1], record.spans[-2:]) == (5, spans[1], spans[-2:])
    assert list(record.spans) == spans
    assert record.spans == StoredSpans(list(record.spans.rows))
    assert dumps(record) == dumps(replace(record, spans=spans))
    assert record_dict(record)["spans"][1] == {
        "start": 17, "end": 33, "label": "QUOTE", "text": "the talks failed", "speaker": {"start": 0, "end": 10}
    }  # fmt: skip


def test_written_stamp_keeps_the_store_form_only_for_a_real_moment() -> None:
    """A stamp already in the store's form is written as stored, but only once its moment is checked: one that
    names no moment (an older release stored stamps as files gave them) is left out, as any other form is."""
    stamps = ["2026-11-25T10:00:00.000000Z", "9999-12-31T23:59:59.999999Z", "2026-11-25T10:00:00+05:00",
              "2026-11-25T10:00Z", "2026-13-01T00:00:00.000000Z", "2026-02-30T00:00:00.000000Z",
              "2026-11-25T23:59:60.000000Z", "0000-01-01T00:00:00.000000Z", "２０２6-11-25T00:00:00.000000Z", "x", None]  # fmt: skip
    assert [written_stamp(stamp) for stamp in stamps] == [
        "2026-11-25T10:00:00.000000Z", "9999-12-31T23:59:59.999999Z", "2026-11-25T05:00:00.000000Z",
        "2026-11-25T10:00:00.000000Z", None, None, None, None, None, None, None,
    ]  # fmt: skip

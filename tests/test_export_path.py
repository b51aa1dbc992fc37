"""The fast export path gives exactly what validated models would, and reports progress through a callback."""

from __future__ import annotations

import io
import json
from pathlib import Path

from exchange_support import build

from annotator.exchange.formats.jsonl import dumps
from annotator.exchange.records import annotator_records, export, import_file
from annotator.models import NativeRecord


def test_trusted_records_equal_validated_ones(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        records = list(annotator_records(store, "alice"))
    assert [NativeRecord.model_validate(r.model_dump()) for r in records] == records
    assert [r.model_copy(update={"title": "x"}).title for r in records] == ["x", "x"]


def test_jsonl_lines_equal_pydantic_serialisation(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        for record in annotator_records(store, "alice"):
            expected = json.dumps(record.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
            assert dumps(record) == expected
        record = record.model_copy(update={"updated_at": None, "meta": {"a": None}})
        assert dumps(record) == json.dumps(record.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


def test_export_and_import_report_progress(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with build(tmp_path / "a.db") as store:
        out = io.BytesIO()
        assert export(store, "prodigy", out, "alice", progress=lambda done, total: seen.append((done, total))) == 2
    assert seen == [(2, 2)]
    (tmp_path / "alice.jsonl").write_bytes(out.getvalue())
    from annotator.store import Store

    with Store.open(tmp_path / "b.db") as fresh:
        import_file(fresh, tmp_path / "alice.jsonl", "prodigy", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 2), (2, 2)]

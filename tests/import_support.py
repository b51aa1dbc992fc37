"""Shared by the import-refusal tests (`test_import_shapes`, `test_import_values`): a native record of the small
article, writing records to a file, and the one line `annotator import` refuses a file with (nothing written)."""

from __future__ import annotations

import json
from pathlib import Path

from exchange_support import SMALL
from real_files import annotations, run

WASHINGTON = {"start": 0, "end": 10, "label": "ACTOR", "text": "Washington"}
STATUSES = "'todo', 'in_progress', 'done', 'skipped' or 'flagged'"


def write(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def refused(db: Path, path: Path, *options: str) -> str:
    """The one line `annotator import` refused the file with, after checking that nothing was written."""
    before = annotations(db)
    code, out, err = run("import", path, "--db", db, *options)
    assert (code, out) == (1, ""), (code, out, err)
    assert err.startswith("annotator: error: ") and err.count("\n") == 1, err
    assert annotations(db) == before
    return err.removeprefix("annotator: error: ").rstrip("\n")


def native(**fields: object) -> dict[str, object]:
    return {"article_id": "small", "text": SMALL, "annotator": "eve", "status": "done", "spans": [WASHINGTON], **fields}

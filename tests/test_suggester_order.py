"""Suggester versions listed as text put entities.v10 before entities.v2 (`store.suggesters`, `stats`, evaluate's
and import's lists of versions). They are listed by kind, then version number. The real console script, a
database the CLI made, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

from annotator.exchange.predictions import known_suggesters
from annotator.store import Store

NEW = "Rita Ora sang in Leeds on Friday before 3,000 fans, said Tom Jones."
OLD = "Angela Merkel met Emmanuel Macron in Berlin."
#: This release's versions, by kind and number: entities.v1, entities.v2, ..., entities.v10, ..., quotes.v1, ...
BUILT_IN = ", ".join(sorted(known_suggesters(), key=lambda name: (name.split(".v")[0], int(name.split(".v")[1]))))


def ok(*args: str | Path) -> str:
    result = annotator(*args, timeout=120)
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def made(folder: Path) -> Path:
    """One article suggested by this release (entities.v16), one whose suggestions came by import (entities.v2)."""
    db = folder / "w.db"
    (folder / "in.jsonl").write_text(json.dumps({"id": "new", "text": NEW}) + "\n", "utf-8")
    ok("ingest", folder / "in.jsonl", "--db", db)
    spans = [{"start": OLD.index("Berlin"), "end": OLD.index("Berlin") + 6, "label": "LOCATION", "text": "Berlin"}]
    record = {"article_id": "old", "text": OLD, "annotator": "model:entities.v2", "spans": spans}
    (folder / "old.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    ok("import", folder / "old.jsonl", "--db", db)
    return db


def test_versions_are_listed_by_number(tmp_path: Path) -> None:
    assert BUILT_IN.startswith("entities.v1, entities.v2, entities.v3, ") and ", entities.v10" in BUILT_IN
    db = made(tmp_path)
    with Store.open(db, read_only=True) as store:
        assert store.suggesters() == ["entities.v2", "entities.v16"]
    out = ok("stats", "--db", db)
    assert out[out.index("suggester") :].splitlines()[2:6] == [
        "entities.v2    LOCATION             1",
        "entities.v16   ACTOR                3",
        "entities.v16   FIGURE               1",
        "entities.v16   LOCATION             1",
    ]
    gold = {"article_id": "new", "text": NEW, "annotator": "gold", "status": "done", "spans": []}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", "utf-8")
    chosen = ("--suggester", "entities.v99", "--gold-from", tmp_path / "gold.jsonl")
    assert one_error_line(annotator("evaluate", "--db", db, *chosen)) == (
        f"no suggester 'entities.v99' (stored or built in: {BUILT_IN})"
    )


def test_import_names_the_versions_it_knows_by_number(tmp_path: Path) -> None:
    db = made(tmp_path)
    record = {"article_id": "old", "text": OLD, "annotator": "model:entities.v99", "spans": []}
    path = tmp_path / "v99.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    assert one_error_line(annotator("import", path, "--db", db)) == (
        f"{path}:1: field 'annotator': unknown suggester version 'entities.v99' (this release knows {BUILT_IN})"
    )

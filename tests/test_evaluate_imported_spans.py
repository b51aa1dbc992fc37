"""`annotator evaluate`'s telemetry counted the spans that came by `annotator import` (another tool's work, where
the suggestions were never shown) as "spans added with no suggestion", which says the model missed them while
people worked in the tool. Spans added in the tool are counted there; those an import wrote (an edit since keeps
them imported) are said apart; so is one repeating a suggestion, as bob's status came by import (he was never shown
the suggestions: trial 32). The real console script, a database the CLI made, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXT = "Rita Ora sang in Leeds on Friday before 3,000 fans, said Tom Jones."
BOB = {
    "article_id": "a1",
    "text": TEXT,
    "annotator": "bob",
    "status": "done",
    "spans": [
        {"start": 0, "end": 8, "label": "ACTOR", "text": "Rita Ora"},  # repeats a suggestion never shown: imported
        {"start": 57, "end": 60, "label": "ACTOR", "text": "Tom"},  # no suggestion: imported
        {"start": 0, "end": 50, "label": "QUOTE", "text": TEXT[:50]},  # no suggestion: imported
    ],
}


def ok(*args: str | Path) -> str:
    result = annotator(*args, timeout=120)
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def worked(folder: Path) -> Path:
    """alice works in the tool (accepts "Rita Ora", marks a quote by hand); bob's work comes by import, then he
    marks "Friday" by hand in the tool."""
    db = folder / "w.db"
    (folder / "in.jsonl").write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", "utf-8")
    ok("ingest", folder / "in.jsonl", "--db", db)
    with Store.open(db) as store:
        rita = next(s.id for s in store.suggestions("a1") if s.text == "Rita Ora")
        store.accept_suggestion("a1", "alice", rita)
        store.add_span("a1", "alice", 0, 50, "QUOTE")
        store.set_status("a1", "alice", "done")
    (folder / "bob.jsonl").write_text(json.dumps(BOB) + "\n", "utf-8")
    ok("import", folder / "bob.jsonl", "--db", db)
    with Store.open(db) as store:
        store.add_span("a1", "bob", TEXT.index("Friday"), TEXT.index("Friday") + 6, "LOCATION")
    return db


def test_spans_that_came_by_import_are_not_counted_as_added(tmp_path: Path) -> None:
    db = worked(tmp_path)
    lines = ok("evaluate", "--db", db, "--gold-from", "alice").splitlines()
    assert lines[-2:] == [
        "spans added with no suggestion: ACTOR 0, LOCATION 1, FIGURE 0, QUOTE 1",
        "spans that came by `annotator import` instead (another tool's work, never shown the suggestions): "
        "ACTOR 2, LOCATION 0, FIGURE 0, QUOTE 1",
    ]
    report = json.loads(ok("evaluate", "--db", db, "--gold-from", "alice", "--json"))["corrections"]
    assert report["added"] == {"ACTOR": 0, "LOCATION": 1, "FIGURE": 0, "QUOTE": 1}
    assert report["imported"] == {"ACTOR": 2, "LOCATION": 0, "FIGURE": 0, "QUOTE": 1}


def test_with_nothing_imported_the_line_is_not_there(tmp_path: Path) -> None:
    db = worked(tmp_path)
    lines = ok("evaluate", "--db", db, "--gold-from", "bob", "--annotator", "alice").splitlines()
    assert lines[-1] == "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 1"

"""The core never imports Textual or Rich, and nothing imports spaCy until suggestions are computed."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "annotator.models",
    "annotator.metrics.agreement",
    "annotator.metrics.evaluation",
    "annotator.store",
    "annotator.gold",
    "annotator.gold_links",
    "annotator.gold_agreed",
    "annotator.gold_drift",
    "annotator.gold_write",
    "annotator.gold_stale",
    "annotator.review_done",
    "annotator.review_agreed",
    "annotator.reports.agreement",
    "annotator.reports.agreement_html",
    "annotator.exchange.ingest",
    "annotator.exchange.imported_ends",
    "annotator.exchange.resuggesting",
    "annotator.exchange.records",
    "annotator.exchange.formats.jsonl",
    "annotator.exchange.schemas",
    "annotator.suggest",
    "annotator.reports.evaluation",
    "annotator.reports.evaluation_text",
    "annotator.reports.evaluation_whose",
    "annotator.reports.reference",
    "annotator.reports.time_spent",
    "annotator.speaker_offers",
    "annotator.companion_names",
    "annotator.store.unlocked",
    "annotator.store.merged_assignments",
    "annotator.exchange.labelstudio_tasks",
    "annotator.exchange.csv_exports",
    "annotator.exchange.untagged",
    "annotator.exchange.formats.labelstudio_completions",
    "annotator.exchange.formats.labelstudio_ids",
    "annotator.exchange.formats.labelstudio_unannotated",
    "annotator.exchange.unannotated_tasks",
    "annotator.exchange.not_articles",
    "annotator.dates",
    "annotator.figure_shapes",
    "annotator.exchange.kept_ids",
    "annotator.exchange.already_done",
    "annotator.exchange.known_users",
    "annotator.exchange.realign",
    "annotator.exchange.task_work",
    "annotator.exchange.skipped_copies",
    "annotator.exchange.stored_work",
    "annotator.store.origins",
    "annotator.store.renaming",
    "annotator.store.aliases",
    "annotator.store.stacks",
    "annotator.exchange.renamed_names",
    "annotator.store.merge_assignments",
    "annotator.store.merge_sessions",
    "annotator.store.merge_notes",
    "annotator.store.merge_renames",
    "annotator.store.merge_copy",
    "annotator.store.packs_out",
    "annotator.store.ends_aside",
    "annotator.store.held",
    "annotator.overlaps",
    "annotator.verb_objects",
]


def loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_neither_textual_nor_rich_nor_spacy(module: str) -> None:
    assert loaded_after_import(module) & {"textual", "rich", "spacy"} == set()


def test_opening_an_article_and_editing_it_load_no_pydantic(tmp_path) -> None:
    """The TUI's path: open a store, read an article's view, commit an edit and undo it, all on plain rows."""
    code = f"""
import sqlite3, sys, json
from annotator.store import Store
store = Store.open({str(tmp_path / "a.db")!r})
now = "2026-01-01T00:00:00Z"
store.conn.execute("INSERT INTO articles VALUES ('a', 'T', 'Gaza said.', '{{}}', 'h', 10, '[[0,4],[5,9],[9,10]]', ?)", [now])
store.conn.commit()
store.view("a", "alice")
edit = store.add_span("a", "alice", 0, 4, "LOCATION")
store.undo("a", "alice")
print(edit.spans[0].text, "pydantic" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["Gaza", "False"]

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
    "annotator.reports.agreement",
    "annotator.exchange.ingest",
    "annotator.exchange.records",
    "annotator.exchange.formats.jsonl",
    "annotator.exchange.schemas",
    "annotator.suggest",
    "annotator.reports.evaluation",
]


def loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_neither_textual_nor_rich_nor_spacy(module: str) -> None:
    assert loaded_after_import(module) & {"textual", "rich", "spacy"} == set()


def test_prepare_edits_builds_the_validators_the_first_edit_needs() -> None:
    """The TUI runs it in a thread after the first frame; the models build their validators on first use."""
    code = (
        "from annotator.models import AnnotationSpan, Edit, Offsets\n"
        "from annotator.store import prepare_edits\n"
        "models = (Offsets, AnnotationSpan, Edit)\n"
        "print(*(m.__pydantic_complete__ for m in models)); prepare_edits(); print(*(m.__pydantic_complete__ for m in models))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False"] * 3 + ["True"] * 3

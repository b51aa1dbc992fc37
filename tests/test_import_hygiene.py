"""The core never imports Textual or Rich, and nothing imports spaCy until suggestions are computed."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "annotator.models",
    "annotator.store",
    "annotator.ingest",
    "annotator.exchange",
    "annotator.formats.jsonl",
    "annotator.schemas",
    "annotator.suggest",
    "annotator.score",
]


def loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_neither_textual_nor_rich_nor_spacy(module: str) -> None:
    assert loaded_after_import(module) & {"textual", "rich", "spacy"} == set()


def test_opening_an_article_for_the_screen_does_not_import_pydantic(tmp_path) -> None:
    """The TUI's start-up path (its modules, the store, `view`) leaves pydantic for after the first frame."""
    from annotator.models import ArticleIn
    from annotator.store import Store

    db = tmp_path / "a.db"
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(id="a", text="Gaza said so."), None, [])])
    code = (
        "import sys, annotator.tui.app, annotator.tui.screens.annotate\n"
        "from annotator.store import Store\n"
        f"print(Store.open({str(db)!r}).view('a', 'alice').text, 'pydantic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["Gaza", "said", "so.", "False"]

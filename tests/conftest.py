"""Shared fixtures: real SQLite files in tmp_path, articles with hand-made tokens and suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SMALL_TEXT, find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.db"


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def small_article(store: Store) -> str:
    """One article with three suggestions: an ACTOR, a QUOTE spoken by it, a LOCATION and a FIGURE."""
    text = SMALL_TEXT
    suggestions = [
        Suggestion(**find(text, "Washington", "ACTOR"), suggester="entities.v1"),
        Suggestion(
            **find(text, "talks failed", "QUOTE"),
            speaker={"start": 0, "end": 10},
            suggester="quotes.v1",
        ),
        Suggestion(**find(text, "Gaza", "LOCATION"), suggester="entities.v1"),
        Suggestion(**find(text, "at least 35", "FIGURE"), suggester="entities.v1"),
    ]
    added, _ = store.add_articles([(ArticleIn(text=text, title="Small"), word_tokens(text), suggestions)])
    return added[0]


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once per test session (suggestion tests need the parse)."""
    from annotator.suggest import load_pipeline

    return load_pipeline()

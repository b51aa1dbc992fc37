"""TUI fixtures: a database holding the seed article (with hand-made suggestions) and a hostile article.

The database is built once a session (tokenizing with spaCy's blank English pipeline) and copied per test.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from tests.tui.fixtures import hostile_article, seed_article

WHO = "alice"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "annotations.db"
    with Store.open(path) as store:
        store.add_articles([seed_article(), hostile_article()])
    return path


@pytest.fixture
def tui_db(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "annotations.db"
    shutil.copy(template_db, path)
    return path


@pytest.fixture
def read_store(tui_db: Path) -> Callable[[], Store]:
    """A fresh Store on the test database, to check what was committed."""
    return lambda: Store.open(tui_db)


@pytest.fixture
def running(tui_db: Path):
    """`async with running() as (app, pilot)`: the app on the test database, as alice, at 100x32."""

    @asynccontextmanager
    async def start(size: tuple[int, int] = (100, 32), **options) -> AsyncIterator[tuple[AnnotatorApp, object]]:
        app = make_app(tui_db, WHO, keymap_path=options.pop("keymap_path", False))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield app, pilot

    return start

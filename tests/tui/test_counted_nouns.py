"""A count and its noun agree (a newcomer's trial: the header said "1 spans"). One helper says every count of a noun
(`annotator.wording.counted`); the header of the real app (Pilot, a real SQLite file) and the Store's messages say
"0 spans", "1 span", "2 spans"."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.models import Span, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.widgets.info import Legend
from annotator.wording import counted
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Anna Berg met Tom Hale in Oslo and Bergen on Monday.\n"


@pytest.mark.parametrize(("count", "said"), [(0, "0 spans"), (1, "1 span"), (2, "2 spans")])
def test_counted_says_the_noun_in_the_plural_unless_one(count: int, said: str) -> None:
    assert counted(count, "span") == said


def test_counted_takes_an_irregular_plural() -> None:
    assert [counted(n, "match", "matches") for n in (0, 1, 2)] == ["0 matches", "1 match", "2 matches"]


def _header(app) -> str:
    return "".join(segment.text for segment in app.screen.query_one(Legend).render_line(4)).strip()


def _database(tmp_path: Path, spans: int) -> Path:
    start = TEXT.index("Oslo")
    db = one_article(tmp_path / f"{spans}.db", TEXT, [Suggestion(start=start, end=start + 4, label="LOCATION",
                                                                  text="Oslo", suggester="test.v1")])  # fmt: skip
    with Store.open(db) as store:
        for part in ["Anna Berg", "Tom Hale"][:spans]:
            store.add_span("n", WHO, TEXT.index(part), TEXT.index(part) + len(part), "ACTOR")
    return db


@pytest.mark.parametrize(("spans", "said"), [(0, "1 pending · 0 spans"), (1, "1 pending · 1 span "),
                                             (2, "1 pending · 2 spans")])  # fmt: skip
async def test_the_header_says_1_span(tmp_path: Path, spans: int, said: str) -> None:
    app = make_app(_database(tmp_path, spans), WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert said in _header(app)


@pytest.mark.parametrize(("spans", "said"), [(0, "imported 0 spans"), (1, "imported 1 span"),
                                             (2, "imported 2 spans")])  # fmt: skip
def test_an_import_says_how_many_spans(tmp_path: Path, spans: int, said: str) -> None:
    db = one_article(tmp_path / "i.db", TEXT)
    with Store.open(db) as store:
        parts = ["Anna Berg", "Tom Hale"][:spans]
        rows = [Span(start=TEXT.index(p), end=TEXT.index(p) + len(p), label="ACTOR", text=p) for p in parts]
        edit = store.replace_annotation("n", WHO, rows, "todo")
    assert edit.message == said

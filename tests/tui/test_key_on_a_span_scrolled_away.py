"""The wheel scrolls the article and leaves the highlighted span where it was, off screen: a key that acts on it
(x, enter, a digit, an edge key, s, *) first brings it back into view and says so, and acts only when pressed again,
on what is shown (a trial: eight wheel turns down, then x rejected 'event organizers', out of sight, and only the span
list's marker told). The article is ingested by the real console script; the wheel is a terminal's SGR reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.screens.article import ArticleScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import ingest_stories, terminal_read

TEXT = "Police said John Smith met Mary Jones in London during the day.\n\n" + "\n\n".join(
    f"The council met for the {n}th time on the budget and the roads." for n in range(5, 60)
)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingest_stories(tmp_path_factory.mktemp("ingested"), [{"id": "s", "title": "Long", "text": TEXT}])


@pytest.fixture
def db(ingested: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(ingested, tmp_path / "long.db"))


def article(app: AnnotatorApp) -> ArticleScreen:
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


def first_line_shown(app: AnnotatorApp) -> int:
    return int(article(app).view.scroll_offset.y)


def rejected(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        pending = {s.text for s in store.pending("s", WHO)}
        return [s.text for s in store.suggestions("s") if s.text not in pending]


WHEEL_DOWN = "\x1b[<65;20;10M"


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_x_on_a_span_scrolled_out_of_view_brings_it_back_and_acts_when_pressed_again(
    db: Path, size: tuple[int, int]
) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert article(app).status_line.text.plain.startswith("? ACT Police")
        terminal_read(app, WHEEL_DOWN * 12)
        await pilot.pause()
        assert first_line_shown(app) > 4  # Police's line, the first, is out of view
        terminal_read(app, "x")
        await pilot.pause()
        assert (first_line_shown(app), app.messages[-1][1]) == (
            0,
            "Not done: the highlighted ACTOR 'Police' at 0:6 was scrolled out of view: shown now; press the key "
            "again to act on it",
        )
        assert rejected(db) == []
        terminal_read(app, "x")
        await pilot.pause()
        assert app.messages[-1][1] == "rejected ACTOR 'Police' at 0:6"
    assert rejected(db) == ["Police"]


async def test_x_read_with_a_click_on_the_scrollbar_does_not_act_on_the_span_it_scrolls_away(db: Path) -> None:
    """A re-trial (s51 t5r, N1): a click on the scrollbar's track below its thumb scrolls a page, animated, and an x
    read with it rejected 'Police', by then out of view: the view was still on its way. The span must be in view
    where the view is going too."""
    from tests.tui.fixtures import sgr_click

    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = article(app).view
        assert first_line_shown(app) == 0 and view.show_vertical_scrollbar
        track = view.region.right  # 1-based: the scrollbar's column is the view's last
        terminal_read(app, sgr_click(track, view.region.bottom - 1) + "x")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not done: the highlighted ACTOR 'Police' at 0:6 was scrolled out of view: shown now; press the key "
            "again to act on it"
        )
        assert rejected(db) == []

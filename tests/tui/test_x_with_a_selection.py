"""x with a selection (a newcomer's trial: it cleared the selection and removed nothing, saying nothing). x acts on
the suggestion or span under the cursor, never on a selection's words, so it clears the selection and says so,
naming what a second x would act on there."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import seed_tokens

TEXT = "Prime Minister Benjamin Netanyahu spoke in Gaza."


def database(path: Path) -> Path:
    suggestions = [Suggestion(start=15, end=33, label="ACTOR", text="Benjamin Netanyahu", suggester="t.v1")]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=TEXT, id="a", title="A"), seed_tokens(TEXT), suggestions)])
    return path


async def test_x_with_a_selection_clears_it_says_so_and_decides_nothing(tmp_path: Path):
    db = database(tmp_path / "x.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("home", "shift+right", "x")  # "Prime Minister": the cursor on "Minister", no item there
        on_nothing = (app.screen.selection_start, app.screen.status_line.text.plain)
        await pilot.press("shift+right", "shift+right", "x")  # "Minister Benjamin": the cursor on the suggestion
        on_suggestion = (app.screen.selection_start, app.screen.status_line.text.plain)
        await pilot.press("x")
        second = app.screen.status_line.text.plain
        await pilot.press("1", "shift+right", "x")  # marked by hand: the span "Benjamin Netanyahu", a selection in it
        on_span = (app.screen.selection_start, app.screen.status_line.text.plain)
    assert on_nothing == (
        None,
        "Selection cleared, nothing removed: x rejects the suggestion or removes the span under the cursor, and "
        "there is none here",
    )
    assert on_suggestion == (
        None,
        "Selection cleared, nothing rejected: x again rejects the suggestion ACTOR 'Benjamin Netanyahu' at 15:33 "
        "under the cursor",
    )
    assert second == "rejected ACTOR 'Benjamin Netanyahu' at 15:33; nothing is left to decide: d marks the article done"
    assert on_span == (
        None,
        "Selection cleared, nothing removed: x again removes the span ACTOR 'Benjamin Netanyahu' at 15:33 under the "
        "cursor",
    )
    with Store.open(db) as store:
        assert [e.action for e in store.events("a", WHO)] == ["reject", "accept"]

"""`u` in a screen opened as A after A renamed B and B renamed C took back A's half only: the work stood under A and C
both (a trial, t8 R4). Now the screen says why it is not undone and what to undo first, and writes nothing. Pilot
on the real app; the renames by the real console script."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.tui.app import make_app
from tests.processes import annotator
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, washington_article


async def test_u_as_the_first_name_says_to_undo_the_second_rename_first(tmp_path: Path) -> None:
    db = washington_article(tmp_path / "n.db")
    with Store.open(db) as store:
        store.accept_suggestion("n", WHO, store.suggestions("n")[0].id)
    for old, new in ((WHO, "bea"), ("bea", "cara")):
        assert annotator("rename-annotator", old, new, "--db", db).returncode == 0
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(160, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        said = app.screen.status_line.text.plain
    assert said == (
        "Not done: the rename of 'alice' to 'bea' was moved on since ('bea' renamed 'cara'): undo that first, as 'cara'"
    )
    assert (held_spans(db, WHO), held_spans(db, "cara")) == ([], [("ACTOR", "Washington")])

"""On the review screen, j and k (to a disagreement) are moves of the person's own, as the annotate screen's moving
keys are: after them ctrl+n goes on from the cursor, not from the match the last search went to (which it keeps
through picks and edits, `CursorScreen.search_origin`). Pilot on a real two-annotator database."""

from __future__ import annotations

from pathlib import Path

from review_db import TEXT, make_review_db
from support import nth

from annotator.tui.review import make_review_app


async def test_ctrl_n_after_k_goes_on_from_the_disagreement(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"said", "enter")
        await pilot.pause()
        assert screen.model.tokens[screen.cursor].start == nth(TEXT, "said", 1)  # type: ignore[attr-defined]
        await pilot.press("k", "k")  # the last disagreement, 'the army', then the quote before it
        await pilot.pause()
        assert screen.model.tokens[screen.cursor].start == nth(TEXT, "We")  # type: ignore[attr-defined]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.model.tokens[screen.cursor].start == nth(TEXT, "said", 1)  # type: ignore[attr-defined]

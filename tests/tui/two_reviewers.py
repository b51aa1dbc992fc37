"""Two reviewers on one database at once, as a team lead's trials ran them: two real review apps (`lead` and `lead2`)
on one real SQLite file, under Pilot, each shown its first article before a test presses a key. Written once here
for the review tests of what one reviewer's screen does about the other's changes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from annotator.tui.review import ReviewApp, make_review_app

Reviewer = tuple[ReviewApp, Pilot[None]]


def status(app: ReviewApp) -> str:
    """What the app's status line says now."""
    return app.screen.status_line.text.plain


@asynccontextmanager
async def two_reviewers(
    path: Path, annotators: Sequence[str], size: tuple[int, int] = (80, 24), *,
    names: tuple[str, str] = ("lead", "lead2"), ticking: bool = True,
) -> AsyncIterator[tuple[Reviewer, Reviewer]]:  # fmt: skip
    """`async with two_reviewers(path, WHO) as ((lead, one), (lead2, two))`: the review of `annotators` by each of
    `names`, in that order, both on `path` at `size`. `ticking` False: no tick shows gold as stored before a key, so
    the store refuses the key's write (the screens' ticks would otherwise come every `CURSOR_SAVE_SECONDS`)."""
    with pytest.MonkeyPatch.context() as patch:
        if not ticking:
            patch.setattr("annotator.tui.screens.article.CURSOR_SAVE_SECONDS", 3600.0)
        first, second = (make_review_app(path, name, annotators, keymap_path=False) for name in names)
        async with first.run_test(size=size) as one, second.run_test(size=size) as two:
            await one.pause()
            await two.pause()
            yield (first, one), (second, two)

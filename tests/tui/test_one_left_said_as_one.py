"""A tester's trial: one suggestion left undecided on a done article was spoken of in the plural: "Done, with 1
suggestion left undecided ... O reopens it to decide them", and after O "1 suggestion pending again (tab goes to
them)"; so were one disagreement left open in review. One is "it". Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from review_db import make_review_db

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.review import make_review_app
from annotator.tui.screens.prompts import OpenDisagreementsPrompt
from annotator.vocabulary import Status
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Soldiers arrived in Port Mellin on Tuesday."


def done_with_one_left(path: Path) -> Path:
    start = TEXT.index("Port Mellin")
    mellin = Suggestion(start=start, end=start + 11, label="LOCATION", text="Port Mellin", suggester="test.v1")
    one_article(path, TEXT, [mellin])
    with Store.open(path) as store:
        store.set_status("n", WHO, Status.DONE)
    return path


async def test_a_done_article_with_one_suggestion_left_says_it(tmp_path: Path) -> None:
    db = done_with_one_left(tmp_path / "a.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Done, with 1 suggestion left undecided when it was marked done (not pending while it is done); "
            "O reopens it to decide it"
        )
        await pilot.press("tab")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Nothing is pending on a done article: 1 suggestion was left undecided when it was marked done; "
            "O reopens it to decide it"
        )
        await pilot.press("O")
        await pilot.pause()
        assert app.messages[-1][1] == "Reopened: in progress again, 1 suggestion pending again (tab goes to it)"


async def test_one_disagreement_left_open_in_review_is_it(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    make_review_db(path)
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "a", "a", "d")  # three of the four disagreements settled
        await pilot.pause()
        assert isinstance(app.screen, OpenDisagreementsPrompt)
        assert str(app.screen.query_one("#open-question").render()) == (
            "1 disagreement is still open: gold would have none of its spans.\n\n y  mark gold done without it\n"
            " escape  cancel: keep reviewing (tab goes to it)"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.status_line.text.plain == "Not marked done: 1 disagreement still open (tab goes to it)"


async def test_two_quotes_without_speaker_are_each_chosen_for(tmp_path: Path) -> None:
    """The done prompt: "2 quotes have no speaker yet (s on each chooses one)", not "s on it"."""
    text = '"We stay," she said. "We go," he said.'
    db = one_article(tmp_path / "d.db", text)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"stay", "enter", "4", "escape", "slash", *"go", "enter", "4", "escape", "d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DonePrompt"
        assert str(app.screen.query_one("#done-question").render()).startswith(
            "2 quotes have no speaker yet (s on each chooses one).\n\n"
        )

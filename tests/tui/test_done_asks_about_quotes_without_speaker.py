"""Nitpick (newcomer 42k): `d` marked an article done without a word while a quote still had no speaker, though
tab counts such a quote as still to decide; `d` asks only while suggestions are pending. It now asks then too, in
the same prompt, naming the quotes (l marks it done all the same, escape keeps working). Pilot on a real
database: an article with one quotation and no suggestions, its quote marked with 4 and left without speaker."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.tui.app import make_app
from annotator.vocabulary import Status
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = 'Wells ran dry. "The dams are nearly empty," said the mayor.'


async def test_d_with_a_quote_without_speaker_asks_and_l_marks_it_done(tmp_path: Path) -> None:
    db = one_article(tmp_path / "q.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"dams", "enter", "4", "escape")  # the quote; no speaker chosen
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DonePrompt"
        assert str(app.screen.query_one("#done-question").render()) == (
            "1 quote has no speaker yet (s on it chooses one).\n\n l  leave it so and mark the article done\n"
            " escape  cancel: keep working on it"
        )
        await pilot.press("a")  # nothing to accept: not a key here
        await pilot.pause()
        assert type(app.screen).__name__ == "DonePrompt"
        await pilot.press("escape")
        await pilot.pause()
        with Store.open(db) as store:
            assert store.status("n", WHO) is not Status.DONE
        await pilot.press("d", "l")
        await pilot.pause()
    with Store.open(db) as store:
        assert store.status("n", WHO) is Status.DONE


async def test_d_with_pending_suggestions_and_a_quote_without_speaker_names_both(running) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("slash", *"We hear", "enter", "4", "escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert str(app.screen.query_one("#done-question").render()) == (
            "15 suggestions are still pending; 1 quote has no speaker yet (s on it chooses one).\n\n a  accept them "
            "all, then mark the article done\n l  leave them undecided and mark it done\n escape  cancel: keep working "
            "on it"
        )

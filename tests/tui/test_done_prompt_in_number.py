"""A newcomer's nitpick: the prompt `d` asks while something is left to decide said "l Leave them" even for one
suggestion or one quote. Its words agree in number with what is left: "Leave it" for one item. Pilot on a real
database."""

from __future__ import annotations

from annotator.models import Suggestion
from annotator.tui.app import make_app
from annotator.tui.widgets.bars import KeyBar
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = 'Wells ran dry in Lagos. "The dams are nearly empty," said the mayor.'
LAGOS = Suggestion(start=16, end=21, label="LOCATION", text="Lagos", suggester="test.v1")


async def asked(tmp_path, keys: list[str], suggestions: list[Suggestion]) -> tuple[str, str]:
    """The done prompt's question and its key bar, after `keys` then d."""
    db = one_article(tmp_path / "d.db", TEXT, suggestions)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*keys, "d")
        await pilot.pause()
        assert type(app.screen).__name__ == "DonePrompt"
        return str(app.screen.query_one("#done-question").render()), str(app.screen.query_one(KeyBar).render())


async def test_one_pending_suggestion_is_it(tmp_path) -> None:
    question, keys = await asked(tmp_path, [], [LAGOS])
    assert question == (
        "1 suggestion is still pending.\n\n a  accept it, then mark the article done\n"
        " l  leave it undecided and mark the article done\n escape  cancel: keep working on it"
    )
    assert keys == " a Accept it, done  l Leave it, done  esc Cancel "


async def test_one_quote_without_speaker_is_it(tmp_path) -> None:
    question, keys = await asked(tmp_path, ["slash", *"dams", "enter", "4", "escape"], [])
    assert question.endswith(" l  leave it so and mark the article done\n escape  cancel: keep working on it")
    assert keys == " l Leave it, done  esc Cancel "


async def test_a_suggestion_and_a_quote_are_them(tmp_path) -> None:
    question, keys = await asked(tmp_path, ["slash", *"dams", "enter", "4", "escape"], [LAGOS])
    assert question == (
        "1 suggestion is still pending; 1 quote has no speaker yet (s on it chooses one).\n\n"
        " a  accept the suggestion, then mark the article done\n l  leave them undecided and mark it done\n"
        " escape  cancel: keep working on it"
    )
    assert keys == " a Accept it, done  l Leave them, done  esc Cancel "

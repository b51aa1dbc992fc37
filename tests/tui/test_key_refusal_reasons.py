"""Re-trial finding: a label key refused on "aboard" said it was "a verb after its subject", on "comply" that it was
an adverb. The refusals stand and now say what the words are. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "All 40 passengers aboard the ship survived. The firms must comply with the law."


def status(app) -> str:
    return app.screen.status_line.text.plain


def refused(word: str, why: str) -> str:
    return f"Not added: '{word}' alone is {why}, no mention (the guide); v selects it, then the key marks it anyway"


async def test_the_keys_refuse_a_preposition_and_a_verb_in_ly_for_what_they_are(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("slash", *"aboard", "enter", "1")
        assert status(app) == refused("aboard", "a pronoun, a function word or an adverb")
        await pilot.press("slash", *"comply", "enter", "1")
        assert status(app) == refused("comply", "a verb after 'must'")
    assert held_spans(db, WHO) == []

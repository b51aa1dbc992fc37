"""A newcomer's re-trial: `;` and `w` stopped at "families" in "Soldiers guarding families stayed behind." offering
'Soldiers guarding families', on "nearby" in "Managers working nearby said" the line offered 'Managers working
nearby', and on "quickly" in "Rescuers helping residents quickly left." the whole phrase, which `1` added. A word in
-ing after a sentence's capitalised plural is its verb, and an adverb no noun: the keys offer and add the noun alone,
`w` and `;` pass the adverb, and on it no key adds anything. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = (
    "Soldiers guarding families stayed behind.\n"
    "Managers working nearby said the plant closed.\n"
    "Rescuers helping residents quickly left."
)
HINTS = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_w_and_semicolon_offer_the_noun_alone_and_pass_the_adverb(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        shown = []
        for _ in range(3):  # from Soldiers
            await pilot.press("semicolon")
            shown.append(status(app))
        # "Managers" is a plural agent noun, people (; stops there since abfaed9)
        assert shown == ["1/2 add 'families'" + HINTS, "1/2 add 'Managers'" + HINTS, "1/2 add 'Rescuers'" + HINTS]
        await pilot.press("slash", *"Soldiers", "enter")
        shown = []
        for _ in range(5):
            await pilot.press("w")
            shown.append(status(app))
        assert shown == [
            f"1/2 add '{words}'" + HINTS for words in ("families", "Managers", "the plant", "Rescuers", "residents")
        ]
        await pilot.press("slash", *"nearby", "enter")
        assert status(app) == "no label key adds anything here" + HINTS
        await pilot.press("slash", *"quickly", "enter")
        assert status(app) == "no label key adds anything here" + HINTS
        await pilot.press("1")
        assert status(app) == (
            "Not added: 'quickly' alone is a pronoun, a function word or an adverb, no mention (the guide); v selects "
            "it, then the key marks it anyway"
        )
        await pilot.press("slash", *"families", "enter", "1")
        assert status(app) == (
            "added ACTOR 'families' at 18:26; next: 1/2 add 'Managers' (`,` goes back to the span added)"
        )
    assert held_spans(db, WHO) == [("ACTOR", "families")]

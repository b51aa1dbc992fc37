"""A newcomer's re-trial (N10, N1, N2): in the headline "Harwick Foods posts lower profit" `/profit` enter 1 added
ACTOR 'Harwick Foods posts lower profit' (rejecting the suggestion 'Foods' as replaced); after "will" the status line
offered "1-3 add 'debate'"; 3 on "early" added FIGURE 'early' and on "six" of "six months ago" FIGURE 'six'. The key
adds the group without the verb, and on a verb, an adverb or a duration's number it adds nothing and says why. Pilot
on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = (
    "Harwick Foods posts lower profit\n"
    "The council will debate it on Monday. Two judges retired early this year, up from one six months ago."
)
FOODS = Suggestion(start=8, end=13, label="ACTOR", text="Foods", suggester="t.v1")
HINTS = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


def refused(word: str, why: str) -> str:
    return f"Not added: '{word}' alone is {why}, no mention (the guide); v selects it, then the key marks it anyway"


async def test_the_key_in_a_headline_adds_the_group_without_its_verb(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT, [FOODS])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("slash", *"profit", "enter")
        assert status(app).startswith("1/2 add 'lower profit'")
        await pilot.press("1")
        assert status(app).startswith("added ACTOR 'lower profit' at 20:32")
        await pilot.press("slash", *"posts", "enter")
        assert status(app) == "no label key adds anything here" + HINTS
        await pilot.press("1")
        assert status(app) == refused("posts", "a verb after its subject")
    assert held_spans(db, WHO) == [("ACTOR", "lower profit")]


async def test_the_keys_refuse_a_verb_after_a_modal_an_adverb_and_a_durations_number(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT, [FOODS])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("slash", *"debate", "enter")
        assert status(app) == "no label key adds anything here" + HINTS
        await pilot.press("1")
        assert status(app) == refused("debate", "a verb after 'will'")
        await pilot.press("slash", *"early", "enter", "3")
        assert status(app) == refused("early", "a pronoun, a function word or an adverb")
        await pilot.press("slash", *"six", "enter", "3")
        assert status(app) == refused("six", "the number of a time, a duration or an age")
    assert held_spans(db, WHO) == []


BODY = "Harwick results\nThe results came on Monday. Harwick Foods posts lower profit after a poor harvest.\n"


async def test_the_key_in_a_body_sentence_refuses_the_verb_and_adds_the_group_without_it(tmp_path: Path) -> None:
    """The re-trial's body sentence: on "posts" the status line offered "1-3 add 'Harwick Foods posts'"."""
    db = one_article(tmp_path / "n.db", BODY, [])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.press("slash", *"posts", "enter")
        assert status(app) == "no label key adds anything here" + HINTS
        await pilot.press("1")
        assert status(app) == refused("posts", "a verb after its subject")
        await pilot.press("slash", *"profit", "enter", "1")
        assert status(app).startswith("added ACTOR 'lower profit'")
    assert held_spans(db, WHO) == [("ACTOR", "lower profit")]

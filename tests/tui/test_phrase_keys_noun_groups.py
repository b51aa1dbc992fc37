"""A newcomer's trial (31): on "Emergency" in "Emergency services", `1` added ACTOR 'Emergency' and `v` said "No
larger phrase here"; in "the RMT union", `v` `v` stopped at 'the RMT'; `;` on the headline "Floods force hundreds
..." offered 'Floods force', the verb with it. A name or a modifier belongs to its noun group: a label key adds the
group as from its head, `v` grows to it, and no phrase takes in a verb. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = (
    "Floods force hundreds from homes\n"
    "Emergency services arrived at dawn. Talks with the RMT union failed, and Hamas officials said nothing."
)


def status(app) -> str:
    return app.screen.status_line.text.plain


def selected(app) -> str:
    screen = app.screen
    start, end = screen.model.token_range(screen.selection_start, screen.cursor)
    return screen.model.text[start:end]


async def test_a_label_key_on_a_modifier_adds_its_whole_noun_group(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        for word in ("Emergency", "RMT", "Hamas"):
            await pilot.press("slash", *word, "enter", "1")
    assert sorted(held_spans(db, WHO)) == [
        ("ACTOR", "Emergency services"),
        ("ACTOR", "Hamas officials"),
        ("ACTOR", "the RMT union"),
    ]


async def test_v_grows_from_a_modifier_to_its_noun_group(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Emergency", "enter", "v", "v")
        assert selected(app) == "Emergency services"
        await pilot.press("escape", "slash", *"RMT", "enter")
        grown = []
        for _ in range(3):
            await pilot.press("v")
            grown.append(selected(app))
        assert grown == ["RMT", "RMT union", "the RMT union"]
        await pilot.press("escape", "slash", *"the RMT", "enter", "v")
        assert selected(app) == "the RMT union"


async def test_no_phrase_offered_takes_in_a_headline_verb(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        seen = [status(app)]
        for _ in range(3):
            await pilot.press("semicolon")
            seen.append(status(app))
        assert not [line for line in seen if "force" in line], seen
        await pilot.press("g", "g", "v", "v")  # the headline's first word: no rung takes in "force"
        assert "force" not in selected(app)

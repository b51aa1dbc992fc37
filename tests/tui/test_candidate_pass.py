"""A pass over missed mentions: a label key that adds the phrase where `;` stops goes on to the next such place
(as a decision goes on to the next suggestion), so each mention costs one key; with a selection, or with
auto_advance off in the keymap file, the cursor stays on the span added. Checked in the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Police said Maria Lopez and 12 residents fled to Lagos on Monday."


def database(path: Path) -> Path:
    return one_article(path, TEXT)


def held(path: Path) -> list[tuple[str, str]]:
    return held_spans(path, WHO)


def cursor_word(app) -> str:
    screen = app.screen
    return screen.model.text[slice(*screen.model.tokens[screen.cursor])]


async def test_each_label_key_at_a_candidate_adds_it_and_goes_on_to_the_next(tmp_path: Path):
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert cursor_word(app) == "Police"  # a candidate itself: the article opens on its first token
        seen = []
        for key in ("1", "1", "3", "1"):
            await pilot.press(key)
            seen.append(cursor_word(app))
        assert seen == ["Maria", "12", "residents", "Lagos"]
        assert app.messages[-1][1] == (
            "added ACTOR 'residents' at 31:40; next: 1/2 add 'Lagos' (`,` goes back to the span added)"
        )
        await pilot.press("2")  # the last one: nothing after it, the cursor stays on the span
        assert cursor_word(app) == "Lagos"
        await pilot.press("comma")
        assert app.screen.model.get(app.screen.current).text == "residents"
    assert held(db) == [("ACTOR", "Police"), ("ACTOR", "Maria Lopez"), ("FIGURE", "12"), ("ACTOR", "residents"),
                        ("LOCATION", "Lagos")]  # fmt: skip


async def test_with_a_selection_or_auto_advance_off_the_cursor_stays_on_the_span_added(tmp_path: Path):
    db = database(tmp_path / "n.db")
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("auto_advance = false\n")
    app = make_app(db, WHO, keymap_path=keymap)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        assert app.screen.model.get(app.screen.current).text == "Police"
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("semicolon", "shift+right", "1")  # "Maria Lopez" selected by hand
        assert app.screen.model.get(app.screen.current).text == "Maria Lopez"
    assert held(db) == [("ACTOR", "Police"), ("ACTOR", "Maria Lopez")]


@pytest.mark.parametrize("key", ["comma", "asterisk"])
async def test_comma_and_asterisk_act_on_the_span_just_added_over_what_lies_between(tmp_path: Path, key: str):
    """A newcomer's trial: after the digit moved on, `,` went to the pending suggestion between ("Hamas"), and
    the x meant for the span just added rejected that. From where the digit moved the cursor, `,` goes back to
    the span just added, and `*` marks its words elsewhere. (The digit now goes on to the pending "Hamas" itself, the
    nearer of it and the next stop: from there too.)"""
    text = "Police said Hamas fighters fled. Police left."
    hamas = text.index("Hamas")
    suggestion = Suggestion(start=hamas, end=hamas + 5, label="ACTOR", text="Hamas", suggester="t.v1")
    db = one_article(tmp_path / "n.db", text, [suggestion])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+up", "1")  # the first "Police" (the article opens on the suggestion)
        assert cursor_word(app) == "Hamas"  # the pending suggestion, before the next stop ("fighters")
        await pilot.press(key)
        current = app.screen.model.get(app.screen.current)
        assert (current.text, current.start) == ("Police", 0)
    police = [("ACTOR", "Police")] * (2 if key == "asterisk" else 1)
    assert held_spans(db, WHO) == police


async def test_a_pending_suggestion_before_the_next_stop_is_where_the_digit_goes_on_to(tmp_path: Path):
    """Trial 21: after a digit at a stop of `;` the cursor jumped to the next stop, past pending suggestions, and
    tab then went on from there. The digit goes on to the nearer of the next stop and the next item still to
    decide after the span added, and says which."""
    text = "Police said Maria Lopez fled to Lagos with 12 residents."
    lagos = text.index("Lagos")
    suggestion = Suggestion(start=lagos, end=lagos + 5, label="LOCATION", text="Lagos", suggester="t.v1")
    db = one_article(tmp_path / "n.db", text, [suggestion])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+up", "1")  # "Police" as an ACTOR; on to the stop "Maria", before "Lagos"
        assert cursor_word(app) == "Maria"
        await pilot.press("1")
        current = app.screen.model.get(app.screen.current)
        assert (current.kind, current.label.value, current.text) == ("pending", "LOCATION", "Lagos")
        assert app.messages[-1][1] == (
            "added ACTOR 'Maria Lopez' at 12:23; next: the suggestion LOCATION 'Lagos' at 32:37, still to decide "
            "(enter accept, x reject, 1/2 label; `,` goes back to the span added)"
        )


@pytest.mark.parametrize(
    ("keys", "stop"), [(("semicolon",), "Maria"), (("semicolon", "1"), "Police")], ids=["semicolon", "digit going on"]
)
async def test_at_a_stop_inside_a_quote_the_quote_is_not_current_and_x_leaves_it(tmp_path: Path, keys, stop):
    """Trial 21: at a stop of `;` inside an accepted quote the quote was current ("x remove the quote"), so an x
    meant to pass the stop removed the quote. The stop offers the words at the cursor: nothing is current there,
    the cursor's token is drawn, and x removes nothing."""
    text = 'Ada Lee said: "We asked Maria Lopez and Police to stay."'
    db = one_article(tmp_path / "n.db", text)
    with Store.open(db) as store:
        actor = store.add_span("n", WHO, 0, 7, "ACTOR").spans[0].id
        quote = store.add_span("n", WHO, text.index("We"), text.index('."') + 1, "QUOTE").spans[0].id
        store.set_speaker("n", WHO, quote, actor)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        assert cursor_word(app) == stop
        screen = app.screen
        assert screen.current is None and screen.view.marks.show_cursor
        await pilot.press("x")
        assert app.messages[-1][1] == "No span or suggestion under the cursor to reject"
    assert held(db)[1] == ("QUOTE", "We asked Maria Lopez and Police to stay.")

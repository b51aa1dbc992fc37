"""A newcomer's trial: a move that lands inside a quote made the quote current and drew no cursor, so nothing
showed which word a label key would then mark (it adds an entity at the cursor, "inside a quote too"). With a
quote current the cursor's token is drawn too, on top of the quote's current style. Pilot on a real database."""

from __future__ import annotations

import pytest

from annotator.tui.app import make_app
from annotator.tui.styles import CURSOR
from annotator.tui.widgets.article_view import ArticleView


async def test_the_cursor_is_drawn_inside_a_current_quote(running) -> None:
    async with running() as (app, pilot):
        await pilot.press("enter", "enter", "x", "2", *["tab"] * 6)  # as the annotate snapshot: a quote current
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and item.is_quote
        view = screen.query_one(ArticleView)
        marks = view.marks
        assert marks.show_cursor and marks.cursor is not None and marks.current is not None
        assert marks.current[0] <= marks.cursor[0] < marks.cursor[1] <= marks.current[1]
        style = view._style_at(marks.cursor[0], [], [])
        assert style.reverse is CURSOR.reverse is True
        outside = marks.cursor[1] + 1 if marks.cursor[1] + 1 < marks.current[1] else marks.current[0]
        assert not view._style_at(outside, [], []).reverse


async def test_no_cursor_is_drawn_over_a_current_entity(running) -> None:
    async with running() as (app, _pilot):
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and not item.is_quote  # on opening: the first suggestion, an entity
        assert not screen.query_one(ArticleView).marks.show_cursor


def _hint(app) -> str:
    line = app.screen.status_line.text.plain
    return line[line.rindex("  (") :]


async def test_the_status_line_inside_a_quote_says_what_the_keys_do_there(running) -> None:
    """A newcomer's trial: with the cursor inside a pending quote the status line offered "1-4 label", while a
    label digit there adds an entity at the cursor and x rejects the quote. It says what each key does there, and
    which words a digit adds; on an entity, 1-3 (4 adds a quote around it instead)."""
    from tests.tui.test_tui_keys import go_to_word

    async with running() as (app, pilot):
        assert _hint(app) == "  (enter accept, x reject, 1/2 label)"  # on opening: Israel, a pending entity
        await go_to_word(pilot, app, "occupation")
        item = app.screen.model.get(app.screen.current)
        assert item is not None and item.is_quote and item.pending
        assert (
            _hint(app)
            == "  (enter or 4 accept the quote, x reject it, s choose its speaker; 1/2 add 'The occupation' at the cursor)"
        )
        await pilot.press("enter")
        await go_to_word(pilot, app, "occupation")
        assert _hint(app) == "  (x remove the quote, s choose its speaker; 1/2 add 'The occupation' at the cursor)"


QUOTED = 'Police said: "Israel will fight Hamas in Gaza." Then they left.'


def _quoted_article(tmp_path):
    from annotator.models import Suggestion
    from tests.tui.fixtures import one_article

    def suggested(words: str, label: str) -> Suggestion:
        start = QUOTED.index(words)
        return Suggestion(start=start, end=start + len(words), label=label, text=words, suggester="test.v1")

    return one_article(tmp_path / "q.db", QUOTED, [suggested("Israel", "ACTOR"), suggested("Hamas", "ACTOR")])


# With the speaker chosen, enter took the first offer: no ACTOR outside the quote, so 'Israel', the nearest inside it
# (b7a481c), is the speaker, a span now; left, it is still pending.
@pytest.mark.parametrize(
    ("keys", "kind"), [(("4", "escape"), "pending"), (("4", "enter"), "span")], ids=["speaker left", "speaker chosen"]
)
async def test_after_4_adds_a_quotation_the_entity_under_the_cursor_at_its_start_is_current(
    tmp_path, keys, kind
) -> None:
    """Trials 19-20: 4 pressed outside a quote added it and put the cursor on its first word, "Israel", a pending
    ACTOR, while the quote stayed current: the status line and enter acted on the quote. What the cursor is on is
    current, as after a move there: enter accepts "Israel"."""
    from tests.tui.conftest import WHO
    from tests.tui.fixtures import held_spans

    db = _quoted_article(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("home", *keys)
        screen = app.screen
        assert screen.model.text[slice(*screen.model.tokens[screen.cursor])] == "Israel"
        item = screen.model.get(screen.current)
        assert (item.kind, item.text) == (kind, "Israel")
        await pilot.press("enter")
    assert ("ACTOR", "Israel") in held_spans(db, WHO)


async def test_with_auto_advance_off_4_leaves_the_entity_under_the_cursor_current(tmp_path) -> None:
    db = _quoted_article(tmp_path)
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("auto_advance = false\n")
    app = make_app(db, "alice", keymap_path=keymap)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("home", "4")
        screen = app.screen
        item = screen.model.get(screen.current)
        assert (item.kind, item.text) == ("pending", "Israel")


@pytest.mark.parametrize("moves", [4, 13], ids=["opening mark", "closing mark"])
async def test_quotation_mark_key_on_a_quotes_mark_makes_that_quote_current(tmp_path, moves: int) -> None:
    """Trial 21: `"` on the opening mark of an accepted quote selected its words ("1-4 add it"), and after escape
    the cursor sat at their end, where `s` found no quote. On either mark of a quote, `"` makes it current, the
    cursor on its first word, as inside it."""
    from annotator.store import Store
    from tests.tui.conftest import WHO
    from tests.tui.fixtures import one_article

    text = 'Ada Lee said: "We asked for bread, not bullets." She left.'
    db = one_article(tmp_path / "n.db", text)
    with Store.open(db) as store:
        store.add_span("n", WHO, text.index("We"), text.index('"', 15), "QUOTE")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+up", *["right"] * moves)
        screen = app.screen
        assert screen.model.text[slice(*screen.model.tokens[screen.cursor])] == '"'
        await pilot.press("quotation_mark")
        item = screen.model.get(screen.current)
        assert screen.selection_start is None
        assert (item.kind, item.text) == ("span", "We asked for bread, not bullets.")
        assert screen.model.text[slice(*screen.model.tokens[screen.cursor])] == "We"

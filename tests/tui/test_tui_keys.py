"""Every key of the annotate screen, driven with Pilot; each test checks what the database holds afterwards.

Suggestions in reading order on the seed article: Israel (ACTOR), Gaza Strip (LOCATION), at least 35
(FIGURE), Palestinians (ACTOR), Tel Aviv (ACTOR), Israeli (ACTOR), Rafah, Yibna (LOCATION), three (FIGURE),
residents (ACTOR), the "The occupation ..." QUOTE (speaker: one resident), one resident (ACTOR), ...
"""

from __future__ import annotations

import pytest
from textual import events

from annotator.models import Status
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.help import HelpScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import region_of


def spans(store) -> list[tuple[str, str, object]]:
    with store as opened:
        return [
            (s.label.value, s.text, (s.speaker.start, s.speaker.end) if s.speaker else None)
            for s in opened.spans("seed", WHO)
        ]


def decisions(store) -> dict[int, str]:
    with store as opened:
        return opened.decisions("seed", WHO)


async def test_opens_on_the_first_article_and_records_it(running, read_store):
    async with running() as (app, _):
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.article_id == "seed"
    with read_store() as store:
        assert store.last_opened(WHO) == "seed"


async def test_tab_and_enter_accept_the_first_suggestion(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "enter")
    assert spans(read_store()) == [("ACTOR", "Israel", None)]


async def test_keys_typed_ahead_act_in_the_order_typed(running, read_store):
    """A burst (fast typing, a slow SSH link) reaches the app before any key is handled; none may overtake."""
    async with running() as (app, pilot):
        for key, character in [("tab", "\t"), ("enter", "\r"), ("tab", "\t"), ("tab", "\t"), ("3", "3")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
    assert spans(read_store()) == [("ACTOR", "Israel", None), ("FIGURE", "at least 35", None)]


async def test_shift_tab_goes_back(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "tab", "tab", "shift+tab", "enter")
    assert spans(read_store()) == [("LOCATION", "Gaza Strip", None)]


async def test_x_rejects_a_suggestion(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "x")
    assert decisions(read_store()) == {1: "rejected"}
    with read_store() as store:
        assert [p.text for p in store.pending("seed", WHO)][:2] == ["Gaza Strip", "at least 35"]


async def test_delete_removes_an_accepted_span(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "enter", "delete")
    assert spans(read_store()) == []
    assert decisions(read_store()) == {1: "rejected"}


async def test_digit_relabels_an_accepted_span(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "enter", "2")
    assert spans(read_store()) == [("LOCATION", "Israel", None)]


async def test_digit_on_a_pending_suggestion_accepts_it_with_that_label_in_one_action(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "tab", "tab", "tab", "2")
    assert spans(read_store()) == [("LOCATION", "Palestinians", None)]
    with read_store() as store:
        assert [e.action for e in store.events("seed", WHO)] == ["accept"]


async def test_selection_and_digit_add_a_span(running, read_store):
    async with running() as (_, pilot):
        # tab x4 -> Palestinians; right -> Thursday; shift+right -> "Thursday even"
        await pilot.press("tab", "tab", "tab", "tab", "right", "shift+right", "3")
    assert spans(read_store()) == [("FIGURE", "Thursday even", None)]


async def test_digit_on_a_bare_token_adds_a_one_token_span(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("right", "right", "1")
    assert spans(read_store()) == [("ACTOR", "aerial", None)]


async def test_overlapping_span_is_refused_with_a_message(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("tab", "enter", "left", "shift+right", "shift+right", "3")
        assert "overlap" in str(app.screen.query_one("#status").text)
    assert spans(read_store()) == [("ACTOR", "Israel", None)]


async def test_brackets_move_the_start_and_braces_the_end(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "tab", "[")  # Gaza Strip -> the Gaza Strip (accepted at once)
        assert spans(read_store()) == [("LOCATION", "the Gaza Strip", None)]
        await pilot.press("}")
        assert spans(read_store()) == [("LOCATION", "the Gaza Strip killed", None)]
        await pilot.press("]", "{")
    assert spans(read_store()) == [("LOCATION", "Gaza Strip", None)]


async def test_s_then_tab_chooses_the_speaker_and_enter_confirms(running, read_store):
    async with running() as (_, pilot):
        # accept Israel and residents, then the quote: its suggested speaker (one resident) comes along
        await pilot.press("tab", "enter", *["tab"] * 9, "enter", "tab", "enter")
        assert spans(read_store())[-1] == ("ACTOR", "one resident", None)
        await pilot.press("s", "enter")  # the default is the quote's current speaker
        assert quote_speaker(read_store()) == (490, 502)
        await pilot.press("s", "shift+tab", "enter")  # one ACTOR back: residents
        assert quote_speaker(read_store()) == (315, 324)
        await pilot.press("s", "tab", "enter")  # one forward again
        assert quote_speaker(read_store()) == (490, 502)
        await pilot.press("s", "escape")  # cancel: unchanged
        assert quote_speaker(read_store()) == (490, 502)
        await pilot.press("s", "x")  # x: no speaker
    assert quote_speaker(read_store()) is None


async def test_s_defaults_to_the_nearest_preceding_actor(running, read_store):
    async with running() as (_, pilot):
        # accept Israel, wrap back to the last suggestion (the "disgust" quote, no speaker), accept it
        await pilot.press("tab", "enter", "shift+tab", "enter", "s", "enter")
    assert spans(read_store()) == [("ACTOR", "Israel", None), ("QUOTE", "disgust", (0, 6))]


def quote_speaker(store):
    return next(s for s in spans(store) if s[0] == "QUOTE")[2]


async def test_accept_all_leaves_nothing_pending(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("A")
    with read_store() as store:
        assert store.pending("seed", WHO) == []
        assert len(store.spans("seed", WHO)) == 15


async def test_undo_and_both_redo_keys(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("tab", "enter", "tab", "enter")
        await pilot.press("u")
        assert spans(read_store()) == [("ACTOR", "Israel", None)]
        await pilot.press("ctrl+r")
        assert len(spans(read_store())) == 2
        await pilot.press("u", "u")
        assert spans(read_store()) == []
        await pilot.press("U")
    assert spans(read_store()) == [("ACTOR", "Israel", None)]


async def test_d_marks_done_and_opens_the_next_article(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("d")
        assert app.screen.article_id == "hostile"
    with read_store() as store:
        assert store.status("seed", WHO) is Status.DONE
        assert store.last_opened(WHO) == "hostile"


@pytest.mark.parametrize(("key", "status"), [("S", Status.SKIPPED), ("F", Status.FLAGGED)])
async def test_skip_and_flag_mark_the_article_and_open_the_next(running, read_store, key, status):
    async with running() as (app, pilot):
        await pilot.press(key)
        assert app.screen.article_id == "hostile"
    with read_store() as store:
        assert store.status("seed", WHO) is status


@pytest.mark.parametrize(
    ("keys", "statuses"),
    [(("d", "S"), [Status.DONE, Status.SKIPPED]), (("S", "d"), [Status.SKIPPED, Status.DONE])],
    ids=["skipping the last one", "done after a skip does not go back to it"],
)
async def test_when_no_article_is_left_to_do_the_list_shows(running, read_store, keys, statuses):
    async with running() as (app, pilot):
        await pilot.press(*keys)
        assert type(app.screen).__name__ == "ArticleListScreen"
    with read_store() as store:
        assert [store.status(a, WHO) for a in ("seed", "hostile")] == statuses


async def test_n_and_p_move_between_articles(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("n")
        assert app.screen.article_id == "hostile"
        with read_store() as store:
            assert store.last_opened(WHO) == "hostile"
        await pilot.press("p")
        assert app.screen.article_id == "seed"
    with read_store() as store:
        assert store.last_opened(WHO) == "seed"


async def test_question_mark_opens_help_and_escape_closes_it(running):
    async with running() as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotateScreen)


async def test_q_quits_and_saves_the_cursor(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("right", "right", "right", "q")
        assert app.return_code == 0
    with read_store() as store:
        assert store.view("seed", WHO).cursor == 16  # "ground"


async def test_mouse_click_selects_a_span_and_drag_selects_tokens(running, read_store):
    async with running() as (app, pilot):
        view = app.screen.query_one("#article")
        gaza = app.screen.model.text.index("Gaza")
        region = region_of(view, gaza)
        await pilot.click(view, offset=(region.x, region.y))
        await pilot.press("enter")
        assert spans(read_store()) == [("LOCATION", "Gaza Strip", None)]
        start, end = (
            region_of(view, app.screen.model.text.index("aerial")),
            region_of(view, app.screen.model.text.index("ground")),
        )
        await pilot.mouse_down(view, offset=(start.x, start.y))
        await pilot.hover(view, offset=(end.x + 2, end.y))
        await pilot.mouse_up(view, offset=(end.x + 2, end.y))
        await pilot.press("3")
    assert spans(read_store()) == [("FIGURE", "aerial and ground", None), ("LOCATION", "Gaza Strip", None)]

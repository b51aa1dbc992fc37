"""Every key of the annotate screen, driven with Pilot; each test checks what the database holds afterwards.

Suggestions in reading order on the seed article: Israel (ACTOR), Gaza Strip (LOCATION), at least 35
(FIGURE), Palestinians (ACTOR), Tel Aviv (ACTOR), Israeli (ACTOR), Rafah, Yibna (LOCATION), three (FIGURE),
residents (ACTOR), the "The occupation ..." QUOTE (speaker: one resident), one resident (ACTOR), Reuters,
Benjamin Netanyahu (ACTOR), the "disgust" QUOTE (no speaker). A fresh article opens on the first of them.
"""

from __future__ import annotations

import pytest
from textual import events

from annotator.models import Status
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.speaker import SpeakerScreen
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


def current(app) -> str | None:
    """The text of the current item (the one every acting key acts on), or None."""
    screen = app.screen if isinstance(app.screen, AnnotateScreen) else app.screen_stack[-2]
    item = screen.model.get(screen.current)
    return item.text if item else None


async def go_to_word(pilot, app, word: str, occurrence: int = 0) -> None:
    """Click on a word: the cursor goes there and what is under it becomes current."""
    view = app.screen.query_one("#article")
    text = app.screen.model.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    view.follow(start)
    await pilot.pause()
    region = region_of(view, start)
    await pilot.click(view, offset=(region.x, region.y))


async def test_opens_on_the_first_suggestion_and_enter_accepts_it_then_moves_on(running, read_store):
    async with running() as (app, pilot):
        assert current(app) == "Israel"
        await pilot.press("enter")
        assert current(app) == "Gaza Strip"  # the next one still to decide
        await pilot.press("enter")
    assert spans(read_store()) == [("ACTOR", "Israel", None), ("LOCATION", "Gaza Strip", None)]


async def test_the_span_under_a_reopened_cursor_is_current_and_keys_act_on_it(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("A")  # every suggestion accepted
        await go_to_word(pilot, app, "one resident")
        await pilot.press("q")
    async with running() as (app, pilot):
        assert current(app) == "one resident"  # drawn as current, and acted on
        await pilot.press("2")
    assert ("LOCATION", "one resident", None) in spans(read_store())


async def test_keys_typed_ahead_act_in_the_order_typed(running, read_store):
    """A burst (fast typing, a slow SSH link) reaches the app before any key is handled; none may overtake."""
    async with running() as (app, pilot):
        for key, character in [("enter", "\r"), ("tab", "\t"), ("3", "3")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
    assert spans(read_store()) == [("ACTOR", "Israel", None), ("FIGURE", "at least 35", None)]


async def test_tab_goes_among_what_needs_a_decision_and_the_span_keys_among_all(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("enter", "enter")  # Israel and Gaza Strip accepted: on "at least 35"
        await pilot.press("shift+tab")
        assert current(app) == "disgust"  # back round to the last suggestion: accepted ones are passed over
        await pilot.press("tab", "comma")
        assert current(app) == "Gaza Strip"  # the span keys go through accepted spans too
        await pilot.press("comma", "full_stop", "full_stop")
        assert current(app) == "at least 35"
    assert len(spans(read_store())) == 2


async def test_x_rejects_a_suggestion_and_moves_on(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("x")
        assert current(app) == "Gaza Strip"
    assert decisions(read_store()) == {1: "rejected"}
    with read_store() as store:
        assert [p.text for p in store.pending("seed", WHO)][:2] == ["Gaza Strip", "at least 35"]


async def test_x_removes_an_accepted_span(running, read_store):
    async with running() as (_app, pilot):
        await pilot.press("enter", "comma", "x")
    assert spans(read_store()) == []
    assert decisions(read_store()) == {1: "rejected"}


async def test_a_digit_relabels_an_accepted_span_and_stays_on_it(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("enter", "comma", "2")
        assert current(app) == "Israel"
    assert spans(read_store()) == [("LOCATION", "Israel", None)]


async def test_a_digit_on_a_suggestion_accepts_it_with_that_label_in_one_action(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("tab", "tab", "tab", "2")
        assert current(app) == "Tel Aviv"
    assert spans(read_store()) == [("LOCATION", "Palestinians", None)]
    with read_store() as store:
        assert [e.action for e in store.events("seed", WHO)] == ["accept"]


async def test_auto_advance_off_in_the_keymap_file_stays_on_the_decision(running, read_store, tmp_path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text("auto_advance = false\n")
    async with running(keymap_path=keymap) as (app, pilot):
        await pilot.press("enter")
        assert current(app) == "Israel"
        await pilot.press("x")  # the accepted span, removed
        assert current(app) is None
    assert spans(read_store()) == []


async def test_a_selection_and_a_digit_add_a_span(running, read_store):
    async with running() as (app, pilot):
        await go_to_word(pilot, app, "Thursday")
        await pilot.press("shift+right", "3")
    assert spans(read_store()) == [("FIGURE", "Thursday even", None)]


async def test_a_digit_with_nothing_under_the_cursor_adds_the_phrase_there(running, read_store):
    async with running() as (app, pilot):
        await go_to_word(pilot, app, "Criminal")
        assert current(app) is None
        await pilot.press("1")
        assert current(app) == "International Criminal Court"
        await go_to_word(pilot, app, "million")  # "1.4 million Palestinians", no suggestion: the figure whole
        await pilot.press("3")
        assert current(app) == "1.4 million"
        await go_to_word(pilot, app, "aerial")
        await pilot.press("3")  # no number: no FIGURE (the guide)
        assert app.screen.status_line.text.plain == (
            "Not added: 'aerial' holds no number, and a FIGURE is a number (the guide); v selects it, then the key "
            "marks it anyway"
        )
    assert spans(read_store()) == [("ACTOR", "International Criminal Court", None), ("FIGURE", "1.4 million", None)]


async def test_v_selects_the_phrase_and_grows_it(running, read_store):
    async with running() as (app, pilot):
        await go_to_word(pilot, app, "Strip", 3)  # "in the Gaza Strip since", in the last paragraph: no suggestion
        await pilot.press("v")
        assert app.screen.model.text[slice(*app.screen._selection())] == "Gaza Strip"
        await pilot.press("v")
        assert app.screen.model.text[slice(*app.screen._selection())] == "the Gaza Strip"
        await pilot.press("left_square_bracket")  # the selection's start moves too
        assert app.screen.model.text[slice(*app.screen._selection())] == "in the Gaza Strip"
        await pilot.press("right_square_bracket", "2")
    assert ("LOCATION", "the Gaza Strip", None) in spans(read_store())


async def test_a_quotation_in_two_keys_and_its_speaker_asked_at_once(running, read_store):
    async with running() as (app, pilot):
        await go_to_word(pilot, app, "hear")
        await pilot.press("quotation_mark")
        selected = app.screen.model.text[slice(*app.screen._selection())]
        assert selected.startswith("We hear explosions") and selected.endswith("difficult night,")
        await pilot.press("4")
        assert isinstance(app.screen, SpeakerScreen)  # a new quote asks for its speaker (auto-advance)
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotateScreen)
    assert spans(read_store())[0][:2] == ("QUOTE", selected)


async def test_an_overlapping_span_is_refused_with_a_message(running, read_store):
    """A selection crossing a span's edge ("the Gaza" of "the | Gaza Strip"); one taking in a span whole resizes it
    (tests/tui/test_select_over_another_label.py)."""
    async with running() as (app, pilot):
        await pilot.press("A")
        accepted = spans(read_store())
        await go_to_word(pilot, app, "the Gaza")
        await pilot.press("shift+right", "3")
        assert "overlap" in str(app.screen.query_one("#status").text)
    assert spans(read_store()) == accepted


async def test_brackets_move_the_start_and_braces_the_end(running, read_store):
    async with running() as (_app, pilot):
        await pilot.press("tab", "left_square_bracket")  # Gaza Strip -> the Gaza Strip (accepted at once)
        assert spans(read_store()) == [("LOCATION", "the Gaza Strip", None)]
        await pilot.press("right_curly_bracket")
        assert spans(read_store()) == [("LOCATION", "the Gaza Strip killed", None)]
        await pilot.press("right_square_bracket", "left_curly_bracket")
    assert spans(read_store()) == [("LOCATION", "Gaza Strip", None)]


async def test_an_edge_never_crosses_a_line_break_and_says_why(running, read_store):
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 5)  # "Israeli", first word of the second paragraph
        assert current(app) == "Israeli"
        await pilot.press("left_square_bracket")
        assert "Not moved: a span may not cross a line break" in str(app.screen.query_one("#status").text)
        await pilot.press("right_curly_bracket")  # the end moves over "tanks" and is accepted
    assert spans(read_store()) == [("ACTOR", "Israeli tanks", None)]


async def test_an_edge_skips_punctuation(running, read_store):
    async with running() as (_app, pilot):
        await pilot.press(*["tab"] * 6, "right_curly_bracket")  # Rafah -> over "'s"? no: "'s" may end a span
        text = spans(read_store())[0][1]
    assert text in ("Rafah's", "Rafah's southeast")
    assert not text.endswith(",")


async def test_s_on_a_suggested_quote_accepts_it_and_asks_for_the_speaker(running, read_store):
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 10)
        assert current(app).startswith("The occupation")
        await pilot.press("s")
        assert isinstance(app.screen, SpeakerScreen)  # accepted already, with its suggested speaker
        assert app.screen.candidate.text == "one resident"
        quote = current(app)
        await pilot.press("enter")
    assert ("QUOTE", quote, (490, 502)) in spans(read_store())
    assert ("ACTOR", "one resident", None) in spans(read_store())


async def test_the_speaker_choice_offers_suggested_actors_nearest_first_and_choosing_one_accepts_it(
    running, read_store
):
    async with running() as (app, pilot):
        await pilot.press("shift+tab", "enter")  # "disgust": accepted; it has no speaker, so the choice opens
        screen = app.screen
        assert isinstance(screen, SpeakerScreen)
        names = [c.text for c in screen.candidates]
        assert names[:2] == ["Benjamin Netanyahu", "Reuters"]  # the nearest first, suggestions too
        await pilot.press("enter")
    netanyahu = app_text_offset(read_store(), "Benjamin Netanyahu")
    assert ("QUOTE", "disgust", (netanyahu, netanyahu + 18)) in spans(read_store())
    assert ("ACTOR", "Benjamin Netanyahu", None) in spans(read_store())  # accepted with the link, one undo
    with read_store() as store:
        assert [e.action for e in store.events("seed", WHO)] == ["accept", "speaker"]


async def test_a_selection_becomes_the_speaker_in_one_step(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("shift+tab", "enter")
        assert isinstance(app.screen, SpeakerScreen)
        await pilot.press("home")  # the cursor moves in the article: "Israel has angrily ..."
        assert app.screen.candidate is None
        await pilot.press("1")  # the phrase under the cursor as a new ACTOR, and the speaker
    israel = app_text_offset(read_store(), "Israel has angrily")
    assert ("QUOTE", "disgust", (israel, israel + 6)) in spans(read_store())
    assert ("ACTOR", "Israel", None) in spans(read_store())


def app_text_offset(store, part: str) -> int:
    with store as opened:
        return opened.article_text("seed").index(part)


async def test_s_then_tab_chooses_another_speaker_x_clears_escape_cancels(running, read_store):
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 10, "enter")  # the quote, with one resident
        await go_to_word(pilot, app, "occupation")
        await pilot.press("s", "tab", "enter")  # the next nearest
        assert quote_speaker(read_store()) not in (None, (490, 502))
        await pilot.press("s", "escape")
        changed = quote_speaker(read_store())
        await pilot.press("s", "x")
    assert changed is not None
    assert quote_speaker(read_store()) is None


def quote_speaker(store):
    return next(s for s in spans(store) if s[0] == "QUOTE")[2]


async def test_accept_all_leaves_nothing_pending(running, read_store):
    async with running() as (_, pilot):
        await pilot.press("A")
    with read_store() as store:
        assert store.pending("seed", WHO) == []
        assert len(store.spans("seed", WHO)) == 15


async def test_star_marks_the_same_words_everywhere_in_one_action(running, read_store):
    async with running() as (app, pilot):
        await go_to_word(pilot, app, "Hamas")  # "Hamas leaders": v selects the name alone, 1 takes its group
        await pilot.press("v", "1", "asterisk")
        assert "added at" in str(app.screen.query_one("#status").text)
        everywhere = app.screen.model.text.count("Hamas")
    texts = [s[1] for s in spans(read_store())]
    assert texts.count("Hamas") == everywhere == 5
    with read_store() as store:
        assert [e.action for e in store.events("seed", WHO)] == ["add", "add"]
        store.undo("seed", WHO)
        assert [s.text for s in store.spans("seed", WHO)] == ["Hamas"]


async def test_undo_says_what_it_undid_and_goes_there(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("enter", "tab", "tab", "tab", "tab", "enter")  # Israel, then Tel Aviv... far down: Rafah
        await pilot.press("home", "up")
        await pilot.press("u")
        status = str(app.screen.query_one("#status").text)
        assert ("undid accept of" in status and "Rafah" not in status) or "undid accept of ACTOR" in status
        assert current(app) in ("Tel Aviv", "Israeli", "Rafah")  # the suggestion pending again, current
        await pilot.press("ctrl+r")
        await pilot.press("u", "u")
        assert spans(read_store()) == []
        await pilot.press("U")
    assert spans(read_store()) == [("ACTOR", "Israel", None)]


async def test_removing_a_speaker_says_which_quotes_lost_it(running, read_store):
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 10, "enter")  # the quote with its speaker, one resident
        await go_to_word(pilot, app, "one resident")
        await pilot.press("x")
        status = str(app.screen.query_one("#status").text)
    assert "1 quote it spoke now has no speaker" in status
    assert quote_speaker(read_store()) is None


async def test_long_messages_wrap_and_the_log_keeps_them(running):
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press(*["tab"] * 10, "enter")
        await go_to_word(pilot, app, "one resident")
        await pilot.press("x")
        status = app.screen.query_one("#status")
        assert status.size.height >= 2  # wrapped, not cut
        await pilot.press("M")
        assert type(app.screen).__name__ == "MessagesScreen"
        assert any("no speaker" in message for _, message in app.messages)


async def test_d_with_suggestions_pending_asks_first(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("d")
        assert type(app.screen).__name__ == "DonePrompt"
        await pilot.press("escape")
        assert app.screen.article_id == "seed"
        await pilot.press("d", "l")  # leave them undecided, done
        assert app.screen.article_id == "hostile"
        await pilot.press("d", "a")  # accept them all, done
    with read_store() as store:
        assert store.status("seed", WHO) is Status.DONE
        assert store.pending("seed", WHO) == []  # done: nothing pending (learn31); the 15 are left undecided
        store.set_status("seed", WHO, "in_progress")
        assert len(store.pending("seed", WHO)) == 15
        assert store.status("hostile", WHO) is Status.DONE
        assert store.pending("hostile", WHO) == []
        assert [s.text for s in store.spans("hostile", WHO)] == ["Not bold"]


async def test_d_then_accept_all_is_one_action_one_undo_takes_back(running, read_store):
    """A newcomer's trial: d, a (accept them all, done) took two undos, the first undoing only "done". Both are
    one action: one undo gives back the article as it was, its suggestions pending, still in progress."""
    async with running() as (app, pilot):
        await pilot.press("enter")  # one accepted: the article is in progress
        await pilot.press("d", "a")
        assert app.screen.article_id == "hostile"
        await pilot.press("p", "u")
        assert app.screen.article_id == "seed"
        assert app.messages[-1][1].endswith("; done -> in progress")  # it says the status went back too
    with read_store() as store:
        assert store.status("seed", WHO) is Status.IN_PROGRESS
        assert len(store.spans("seed", WHO)) == 1
        assert len(store.pending("seed", WHO)) == 14


@pytest.mark.parametrize(("key", "status"), [("S", Status.SKIPPED), ("F", Status.FLAGGED)])
async def test_skip_and_flag_mark_the_article_and_open_the_next(running, read_store, key, status):
    async with running() as (app, pilot):
        await pilot.press(key)
        if key == "S":
            await pilot.press("y")  # it asks first (tests/tui/test_skip_asks.py)
        if key == "F":
            await pilot.press("g", "a", "r", "b", "l", "e", "d", "enter")  # the reason (optional)
        assert app.screen.article_id == "hostile"
    with read_store() as store:
        assert store.status("seed", WHO) is status
        assert store.flag_reason("seed", WHO) == ("garbled" if key == "F" else None)


async def test_escape_on_the_flag_reason_does_not_flag(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("F", "escape")
        assert app.screen.article_id == "seed"
    with read_store() as store:
        assert store.status("seed", WHO) is Status.TODO


async def test_a_comment_is_stored(running, read_store):
    async with running() as (_app, pilot):
        await pilot.press("C", *"odd", "enter")
    with read_store() as store:
        assert [(who, text) for who, text, _ in store.comments("seed")] == [(WHO, "odd")]


async def test_rejected_suggestions_can_be_shown_and_taken_back(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("x")  # Israel rejected
        await pilot.press("R")
        assert app.messages[-1][1].startswith("Rejected suggestions shown, dimmed and struck through (1)")  # M has it
        await pilot.press("comma")  # the span keys go through rejected suggestions while they are shown
        assert (current(app), app.screen.model.get(app.screen.current).kind) == ("Israel", "rejected")
        await pilot.press("enter")
    assert spans(read_store()) == [("ACTOR", "Israel", None)]
    assert decisions(read_store()) == {1: "accepted"}


@pytest.mark.parametrize(
    ("keys", "statuses"),
    [(("d", "l", "S", "y"), [Status.DONE, Status.SKIPPED]), (("S", "y", "d", "a"), [Status.SKIPPED, Status.DONE])],
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
        await go_to_word(pilot, app, "ground")
        await pilot.press("q")
        assert app.return_code == 0
    with read_store() as store:
        assert store.view("seed", WHO).cursor == 20  # "ground"


async def test_mouse_click_picks_a_span_and_drag_selects_tokens(running, read_store):
    async with running() as (app, pilot):
        await go_to_word(pilot, app, "Gaza")
        await pilot.press("enter")
        assert spans(read_store()) == [("LOCATION", "Gaza Strip", None)]
        view = app.screen.query_one("#article")
        start, end = (
            region_of(view, app.screen.model.text.index("aerial")),
            region_of(view, app.screen.model.text.index("ground")),
        )
        await pilot.mouse_down(view, offset=(start.x, start.y))
        await pilot.hover(view, offset=(end.x + 2, end.y))
        await pilot.mouse_up(view, offset=(end.x + 2, end.y))
        await pilot.press("3")
    assert spans(read_store()) == [("FIGURE", "aerial and ground", None), ("LOCATION", "Gaza Strip", None)]


async def test_an_entity_key_on_a_quote_adds_the_phrase_inside_it_and_4_on_an_entity_adds_the_quote(
    running, read_store
):
    """A label key relabels the current span only within its layer: on a quote, 1-3 add the phrase under the
    cursor inside it (the quote stays a quote); on an entity inside quotation marks, 4 adds the quotation."""
    async with running() as (app, pilot):
        await go_to_word(pilot, app, "move")  # inside the suggested quote "The occupation (Israeli forces) ..."
        assert current(app).startswith("The occupation")
        await pilot.press("2")
        assert current(app) == "move"
        await pilot.press("4")  # on the new LOCATION: the quotation around it
    held = spans(read_store())
    assert ("LOCATION", "move", None) in held
    assert [s[1][:14] for s in held if s[0] == "QUOTE"] == ["The occupation"]

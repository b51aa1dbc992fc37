"""Finding 1 (newcomer 42k): t or T and the character after it sent at once (tmux send-keys, a paste, keys typed
while the machine is busy) ran the character as a key: `t d` marked the article done and went on, `T u` undid an
edit, and the key after that was then eaten as the character of the jump. The key after t or T is the character,
whatever the timing, also when it is a key that opens something as it arrives (F, C, /). Pilot, with every key
waiting before the first is handled (as a burst reaches the app, or keys typed while it is stopped)."""

from __future__ import annotations

from pathlib import Path

from textual import events

from annotator.store import Store
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.speaker import SpeakerScreen
from annotator.vocabulary import Status
from tests.tui.conftest import WHO


def burst(app: AnnotatorApp, typed: str) -> None:
    """Every key waiting for the app at once."""
    for character in typed:
        app.post_message(events.Key({"/": "slash"}.get(character, character), character))


def article(app: AnnotatorApp) -> AnnotateScreen:
    return next(s for s in reversed(app.screen_stack) if isinstance(s, AnnotateScreen))


def cursor_word(app: AnnotatorApp) -> str:
    screen = article(app)
    start, end = screen.model.tokens[screen.cursor]
    return screen.model.text[start:end]


def status(db: Path) -> Status | None:
    with Store.open(db) as store:
        return store.status("seed", WHO)


async def test_t_and_d_at_once_go_to_the_next_word_starting_with_d_and_do_not_mark_the_article_done(
    running, tui_db: Path
) -> None:
    async with running() as (app, pilot):
        assert cursor_word(app) == "Israel"
        burst(app, "td")
        await pilot.pause()
        assert (article(app).article_id, cursor_word(app), article(app).jump_step) == ("seed", "district", None)
        burst(app, "1")  # a key again, not the character of a jump: the phrase at "district" as an ACTOR
        await pilot.pause()
    assert status(tui_db) is not Status.DONE
    with Store.open(tui_db) as store:
        assert [s.text for s in store.spans("seed", WHO)] == ["the city's western district"]


async def test_capital_t_and_u_at_once_undo_nothing_and_the_next_key_is_a_key(running, tui_db: Path) -> None:
    async with running() as (app, pilot):
        await pilot.press("x")  # the suggestion "Israel" rejected
        with Store.open(tui_db) as store:
            before = store.decisions("seed", WHO)
        burst(app, "Tu")
        await pilot.pause()
        assert app.messages[-1][1] == "No word starting with 'u' before this one"
        assert article(app).jump_step is None
        with Store.open(tui_db) as store:
            assert store.decisions("seed", WHO) == before


async def test_the_character_after_t_is_the_jumps_even_when_it_opens_a_prompt_as_it_arrives(running) -> None:
    """F (flag) and / (search) are read as they arrive, ahead of the screen: after t they are characters."""
    async with running() as (app, pilot):
        burst(app, "tF")
        await pilot.pause()
        assert (type(app.screen), cursor_word(app)) == (AnnotateScreen, "forces")
        await pilot.press("t", "slash")  # no word starts with /: stays, and no search line opens
        assert (type(app.screen), cursor_word(app)) == (AnnotateScreen, "forces")
        assert app.messages[-1][1] == "No word starting with '/' after this one"


async def test_t_and_a_character_at_once_in_the_speaker_choice_move_its_cursor(running) -> None:
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 10)  # the quote "The occupation ..."
        await pilot.press("s")
        assert isinstance(app.screen, SpeakerScreen)
        burst(app, "tR")
        await pilot.pause()
        assert (type(app.screen), cursor_word(app), article(app).jump_step) == (SpeakerScreen, "resident", None)


async def test_a_key_typed_before_t_acts_before_the_jump(running, tui_db: Path) -> None:
    """Re-trial 42s: with t and T read ahead of every key (priority), `x T f` sent at once jumped first and then
    rejected what the jump landed on ('The farmer'), not the suggestion current when x was typed. Keys act in the
    order typed: x rejects 'Israel', then t and d jump."""
    async with running() as (app, pilot):
        assert cursor_word(app) == "Israel"
        burst(app, "xtd")
        await pilot.pause()
        assert (cursor_word(app), article(app).jump_step) == ("district", None)
    with Store.open(tui_db) as store:
        rejected = [s.text for s in store.suggestions("seed") if store.decisions("seed", WHO).get(s.id) == "rejected"]
    assert rejected == ["Israel"]

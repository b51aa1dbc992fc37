"""A search typed as fast as a paste: `/` and the letters after it reach the app before the search line is
mounted. Every letter belongs in the search line, in the order typed, and enter goes to the match: none is lost,
none reaches the article under it (where x would then act on the span current before the search). Pilot with all
the keys waiting before the first is handled, and a real terminal (tmux send-keys -l, a paste's speed).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual import events
from tmux_tui import HAVE_TMUX, Session

from annotator.store import Store
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.speaker import SpeakerScreen
from tests.tui.conftest import WHO

KEY_NAMES = {"/": "slash", " ": "space", "\r": "enter"}


def burst(app: AnnotatorApp, typed: str) -> None:
    """Every character waiting for the app at once, as a paste or a fast typist's keys arrive."""
    for character in typed:
        app.post_message(events.Key(KEY_NAMES.get(character, character), character))


def current(app: AnnotatorApp) -> str | None:
    screen = next(s for s in reversed(app.screen_stack) if isinstance(s, AnnotateScreen))
    item = screen.model.get(screen.current)
    return item.text if item else None


def decided(db: Path) -> dict[str, str]:
    """Suggestion text -> decision, of alice's decisions on the seed article."""
    with Store.open(db) as store:
        texts = {s.id: s.text for s in store.suggestions("seed")}
        return {texts[id]: decision for id, decision in store.decisions("seed", WHO).items()}


async def test_a_search_typed_at_once_finds_its_match_and_x_acts_there(running, tui_db: Path) -> None:
    async with running() as (app, pilot):
        assert current(app) == "Israel"
        burst(app, "/Tel Aviv\r")
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)  # the search line closed on enter
        assert app.screen.search_query == "Tel Aviv"
        assert current(app) == "Tel Aviv"
        burst(app, "x")
        await pilot.pause()
    assert decided(tui_db) == {"Tel Aviv": "rejected"}  # Israel untouched


async def test_from_a_match_of_the_last_search_a_new_query_typed_at_once_replaces_it(running) -> None:
    """The last query is offered again, selected: typed letters replace it, none is dropped (enter alone on it
    goes to its next match, as the key table says)."""
    async with running() as (app, pilot):
        await pilot.press("slash", *"Rafah", "enter")
        assert current(app) == "Rafah"  # on a match of the last search
        burst(app, "/Tel Aviv\r")
        await pilot.pause()
        assert app.screen.search_query == "Tel Aviv"
        assert current(app) == "Tel Aviv"
        burst(app, "/\r")  # the last query again: its next match (the only one: the cursor stays)
        await pilot.pause()
        assert current(app) == "Tel Aviv"


async def test_a_search_typed_at_once_from_the_speaker_choice_reaches_the_search_line(running) -> None:
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 10)
        assert current(app).startswith("The occupation")
        await pilot.press("s")
        assert isinstance(app.screen, SpeakerScreen)
        burst(app, "/Reuters\r")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.candidate is not None and app.screen.candidate.text == "Reuters"


@pytest.mark.skipif(not HAVE_TMUX, reason="needs tmux")
@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_a_search_pasted_into_a_real_terminal_goes_to_its_match(tui_db: Path, size: tuple[int, int]) -> None:
    session = Session(tui_db)
    try:
        session.tmux("resize-window", "-t", session.name, "-x", str(size[0]), "-y", str(size[1]))
        assert session.started(), "\n".join(session.screen())
        session.settle()
        session.tmux("send-keys", "-t", session.name, "-l", "/Tel Aviv")  # one write: the speed of a paste
        session.press("Enter")
        session.press("x")  # at once: the article's key, not the closing line's
        assert session.wait_for(lambda: decided(tui_db) != {}), "\n".join(session.screen())
        time.sleep(0.3)
    finally:
        session.kill()
    assert decided(tui_db) == {"Tel Aviv": "rejected"}


async def test_a_comment_and_a_flags_reason_typed_at_once_are_saved_whole(running, tui_db: Path) -> None:
    """The same for the other lines a key opens: C's comment, F's reason."""
    async with running() as (app, pilot):
        burst(app, "CThe title is wrong\r")
        await pilot.pause()
        assert app.screen.status_line.text.plain == "Comment saved"
        burst(app, "Fneeds a second look\r")
        await pilot.pause()
    with Store.open(tui_db) as store:
        assert [text for _, text, _ in store.comments("seed")] == ["The title is wrong"]
        assert (store.status("seed", WHO).value, store.flag_reason("seed", WHO)) == ("flagged", "needs a second look")


async def test_keys_typed_on_past_the_enter_that_closes_a_line_act_on_the_article(running, tui_db: Path) -> None:
    """Typed at once past enter, the keys after it are the article's, as if typed slowly: none lands in the line
    that is closing, or is lost with it."""
    async with running() as (app, pilot):
        burst(app, "CA comment\r/Tel Aviv\rx")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.search_query == "Tel Aviv"
    with Store.open(tui_db) as store:
        assert [text for _, text, _ in store.comments("seed")] == ["A comment"]
    assert decided(tui_db) == {"Tel Aviv": "rejected"}

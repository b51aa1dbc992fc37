"""Finding 2 (newcomer 42k): `s` on a pending QUOTE suggestion accepted the quote and its suggested speaker ACTOR at
once, before the speaker choice ("... escape cancels") was answered: the window closed during the choice (SIGHUP)
left both accepted, although enter was never pressed. Now nothing is stored until a speaker is confirmed: escape,
q and a closed window leave the quote pending as it was; enter (or x: none, or another ACTOR) accepts it with the
speaker chosen, both in one transaction. Pilot on a real database; the app's SIGHUP handler is `app.exit(None, 129)`."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.store.verify import replay_problems
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans
from tests.tui.test_speaker_accepted_with_quote import QUOTE, SPEAKER, TEXT, article


def stored(path: Path) -> tuple[list[tuple[str, str]], list[str], int]:
    """What the database holds of alice's work: spans, event actions, pending suggestions."""
    with Store.open(path) as store:
        return held_spans(path, WHO), [e.action for e in store.events("n", WHO)], len(store.pending("n", WHO))


async def test_s_on_a_pending_quote_stores_nothing_and_a_hangup_during_the_choice_leaves_it_pending(
    tmp_path: Path,
) -> None:
    path = article(tmp_path / "q.db")
    before = stored(path)
    assert before == ([], [], 4)
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert type(app.screen).__name__ == "SpeakerScreen"
        assert stored(path) == before  # what a SIGHUP now would leave
        app.exit(None, 129)  # the app's SIGHUP (and SIGTERM) handler
        await pilot.pause()
    assert stored(path) == before


async def test_s_then_escape_on_a_pending_quote_stores_nothing_and_says_it_is_still_pending(tmp_path: Path) -> None:
    path = article(tmp_path / "q.db")
    before = stored(path)
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "escape")
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and (item.kind, item.text) == ("pending", QUOTE)
        assert app.messages[-1][1] == f"Speaker unchanged: the quote {QUOTE!r} is still pending (nothing was stored)"
    assert stored(path) == before  # no accept and undo in the history either


async def test_s_then_another_actor_confirmed_accepts_the_quote_with_it_and_leaves_the_suggested_one_pending(
    tmp_path: Path,
) -> None:
    path = article(tmp_path / "q.db")
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "tab", "enter")  # the next candidate after the suggested speaker: "Farmers"
        await pilot.pause()
        start = TEXT.index(QUOTE)
        assert app.messages[-1][1] == (
            f"accepted QUOTE {QUOTE!r} at {start}:{start + len(QUOTE)} with speaker 'Farmers' (accepted as an ACTOR)"
        )
    with Store.open(path) as store:
        spans = {s.text: s for s in store.spans("n", WHO)}
        assert sorted(spans) == ["Farmers", QUOTE]
        farmers = spans["Farmers"]
        assert spans[QUOTE].speaker == (farmers.start, farmers.end)
        assert [s.text for s in store.pending("n", WHO)] == [SPEAKER, "Faro"]


async def test_s_then_x_accepts_the_quote_with_no_speaker(tmp_path: Path) -> None:
    path = article(tmp_path / "q.db")
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "x")
        await pilot.pause()
    with Store.open(path) as store:
        (quote,) = store.spans("n", WHO)
        assert (quote.text, quote.speaker) == (QUOTE, None)
        assert [s.text for s in store.pending("n", WHO)] == [SPEAKER, "Farmers", "Faro"]


async def test_one_u_takes_back_a_quote_accepted_with_another_speaker_whole(tmp_path: Path) -> None:
    """Re-trial 42s: after `s`, tab, enter, one `u` left the quote accepted with its suggested speaker, a state the
    person never saw (the accept and the speaker were two events); a second `u` was needed. The choice is one
    event: one `u` puts back the pending quote, one ctrl+r the quote with 'Farmers', and `check` replays it."""
    path = article(tmp_path / "q.db")
    before = stored(path)
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "tab", "enter")
        await pilot.pause()
        after = stored(path)
        assert (sorted(after[0]), after[1]) == ([("ACTOR", "Farmers"), ("QUOTE", QUOTE)], ["accept"])
        await pilot.press("u")
        await pilot.pause()
        assert stored(path)[0::2] == before[0::2]  # no span, every suggestion pending
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert stored(path)[0::2] == after[0::2]
    with Store.open(path) as store:
        assert replay_problems(store) == []

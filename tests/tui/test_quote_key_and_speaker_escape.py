"""A newcomer's trial (25). (1) `4` outside any quotation made a one-word QUOTE of the word under the cursor
("stalled") and asked for its speaker: the help says 4 adds a quote over the quotation around the cursor, so with
none it refuses, as `"` does. (2) `s` on a pending quote accepted it and its suggested speaker, and the speaker
choice said "escape cancels", but escape left both accepted: escape then undid what `s` committed. Since newcomer 42k's
finding (a window closed during the choice kept both), `s` stores nothing before a speaker is confirmed, so escape
leaves the quote pending with no event at all. Pilot on real SQLite databases."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans
from tests.tui.test_speaker_accepted_with_quote import QUOTE, SPEAKER, article


async def test_4_outside_any_quotation_adds_nothing_and_says_why(running, read_store) -> None:
    async with running((80, 24)) as (app, pilot):
        await pilot.press("slash", *"stalled", "enter")
        await pilot.pause()
        assert app.screen.status_line.text.plain.startswith("no label key adds anything here")  # a past (eebe0f3)
        await pilot.press("4")
        await pilot.pause()
        assert type(app.screen).__name__ == "AnnotateScreen"  # no speaker question
        assert app.screen.status_line.text.plain == (
            "Not added: no quotation marks around the cursor or after it in this paragraph; 4 adds a quote over "
            "the quotation around the cursor, or v selects words and 4 marks them"
        )
    with read_store() as store:
        assert [(s.label.value, s.text) for s in store.spans("seed", WHO)] == []


async def test_4_over_words_the_user_selected_outside_a_quotation_still_marks_them(running, read_store) -> None:
    async with running((80, 24)) as (_app, pilot):
        await pilot.press("slash", *"stalled", "enter", "v", "4")
        await pilot.pause()
    with read_store() as store:
        assert [(s.label.value, s.text) for s in store.spans("seed", WHO)] == [("QUOTE", "stalled")]


async def test_s_then_escape_on_a_pending_quote_leaves_it_and_its_speaker_pending(tmp_path: Path) -> None:
    path = article(tmp_path / "q.db")
    with Store.open(path) as store:
        before = len(store.pending("n", WHO))
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SpeakerScreen"
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "AnnotateScreen"
        item = screen.model.get(screen.current)
        assert item is not None and (item.kind, item.text) == ("pending", QUOTE)
        assert app.messages[-1][1] == f"Speaker unchanged: the quote {QUOTE!r} is still pending (nothing was stored)"
    assert held_spans(path, WHO) == []
    with Store.open(path) as store:
        assert len(store.pending("n", WHO)) == before
        assert [e.action for e in store.events("n", WHO)] == []


async def test_s_then_a_speaker_confirmed_keeps_the_quote_accepted(tmp_path: Path) -> None:
    path = article(tmp_path / "q.db")
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")
        await pilot.pause()
    assert held_spans(path, WHO) == [("QUOTE", QUOTE), ("ACTOR", SPEAKER)]

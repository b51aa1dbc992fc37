"""A team trial (39b, 5): `s` on a pending quote accepts it with its suggested speaker, then opens the speaker
choice; choosing someone else left the suggested speaker accepted as an ACTOR span nobody chose (shown only in the
message log). Choosing another speaker, or none, now sends the ACTOR that came along with the quote back to
pending in the same action (one undo), and the status line says so. Pilot on a real database; the store checked."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans
from tests.tui.test_speaker_accepted_with_quote import QUOTE, SPEAKER, article


def undecided(path: Path) -> list[str]:
    with Store.open(path) as store:
        decided = set(store.decisions("n", WHO))
        return [s.text for s in store.suggestions("n") if s.id not in decided]


async def test_another_speaker_sends_the_one_accepted_with_the_quote_back_to_pending(tmp_path: Path) -> None:
    db = article(tmp_path / "q.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # on the pending quote: the choice opens on 'Executive Rita Lobo'; nothing stored yet
        await pilot.pause()
        await pilot.press("tab", "enter")  # the next ACTOR: 'Farmers'
        await pilot.pause()
        said = app.screen.status_line.text.plain
    assert held_spans(db, WHO) == [("QUOTE", QUOTE), ("ACTOR", "Farmers")]
    assert SPEAKER in undecided(db)
    # nothing was stored before enter (newcomer 42k), so the suggested speaker was never shown accepted: it stays
    # pending, and the one line says what enter stored
    assert said.startswith(f"accepted QUOTE {QUOTE!r} at 16:42 with speaker 'Farmers' (accepted as an ACTOR)")
    with Store.open(db) as store:  # one action: one undo puts the quote back pending, as before s (re-trial 42s)
        store.undo("n", WHO)
    assert held_spans(db, WHO) == []
    assert {SPEAKER, "Farmers"} <= set(undecided(db))


async def test_no_speaker_sends_it_back_too_and_the_same_speaker_keeps_it(tmp_path: Path) -> None:
    db = article(tmp_path / "q.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "x")  # no speaker
        await pilot.pause()
    assert held_spans(db, WHO) == [("QUOTE", QUOTE)]
    assert SPEAKER in undecided(db)
    other = article(tmp_path / "r.db")
    app = make_app(other, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "enter")  # the suggested speaker, as it came
        await pilot.pause()
    assert held_spans(other, WHO) == [("QUOTE", QUOTE), ("ACTOR", SPEAKER)]


async def test_undo_and_redo_of_the_choice_name_the_speaker_the_quote_has_now(tmp_path: Path) -> None:
    """The same trial (39b, 6): undo and redo of a speaker change both said "...has its speaker again", naming no
    speaker; each now names the quote and its speaker (a speaker changed on an accepted quote: test_undo_messages)."""
    db = article(tmp_path / "q.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "tab", "enter", "u")
        await pilot.pause()
        undid = app.messages[-1][1]
        await pilot.press("ctrl+r")
        await pilot.pause()
        redid = app.messages[-1][1]
    # s, a choice and enter on a pending quote are one action (re-trial 42s): undone and redone whole
    assert undid == f"undid accept of QUOTE {QUOTE!r} at 16:42 and its speaker ACTOR 'Farmers' at 88:95"
    assert redid == f"redid accept of QUOTE {QUOTE!r} at 16:42 and its speaker ACTOR 'Farmers' at 88:95"

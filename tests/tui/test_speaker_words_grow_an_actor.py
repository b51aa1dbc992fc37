"""A newcomer's trial: in the speaker choice, words selected around the quote's accepted speaker ("station manager
Paul Hughes" around "Paul Hughes") were refused as overlapping it, and the choice closed, leaving the speaker the
user meant to change. Words that take in one ACTOR grow it and make it the speaker, one undoable action; words
that cannot be an ACTOR are refused with the choice still open and nothing changed (on a pending quote, whose
suggested speaker comes along on enter, that speaker is counted as marked already). Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.speaker import SpeakerScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = '"It was a very difficult job," said station manager Paul Hughes.'
QUOTE = "It was a very difficult job,"


def suggested(words: str, label: str, speaker: str | None = None) -> Suggestion:
    start = TEXT.index(words)
    spoken = {"start": TEXT.index(speaker), "end": TEXT.index(speaker) + len(speaker)} if speaker else None
    return Suggestion(start=start, end=start + len(words), label=label, text=words, speaker=spoken, suggester="t.v1")


def article(path: Path) -> Path:
    return one_article(path, TEXT, [suggested(QUOTE, "QUOTE", "Paul Hughes"), suggested("Paul Hughes", "ACTOR")])


def held(db: Path) -> list[tuple[str, str, tuple[int, int] | None]]:
    with Store.open(db) as store:
        spans = store.spans("n", WHO)
    return [(s.label.value, s.text, (s.speaker.start, s.speaker.end) if s.speaker else None) for s in spans]


async def test_words_around_the_speaker_grow_it_and_stay_the_speaker_in_one_undo(tmp_path: Path) -> None:
    db = article(tmp_path / "s.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"difficult", "enter", "s")
        await pilot.press("slash", *"station", "enter", "shift+right", "shift+right", "shift+right")
        line = str(app.screen.below.status_line.render())
        assert "enter: 'station manager Paul Hughes' as the speaker: ACTOR 'Paul Hughes' grows to it" in line
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SpeakerScreen)
        assert app.messages[-1][1] == (  # s on the pending quote accepted it only now, its speaker grown (42k)
            f"accepted QUOTE {QUOTE!r} at 1:29 with speaker 'station manager Paul Hughes' (ACTOR 'Paul Hughes' at "
            "52:63 grown to it)"
        )
        assert sorted(held(db)) == [("ACTOR", "station manager Paul Hughes", None), ("QUOTE", QUOTE, (36, 63))]
        await pilot.press("u")
        await pilot.pause()
        assert app.messages[-1][1] == (  # the whole choice, one action (re-trial 42s): back to nothing accepted
            f"undid accept of QUOTE {QUOTE!r} at 1:29 and its speaker ACTOR 'station manager Paul Hughes' at 36:63"
        )
        assert held(db) == []


async def test_words_that_cannot_be_an_actor_are_refused_with_the_choice_still_open(tmp_path: Path) -> None:
    db = article(tmp_path / "s.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"difficult", "enter", "s")
        await pilot.press("slash", *"manager", "enter", "shift+right")  # "manager Paul": half of the ACTOR
        line = str(app.screen.below.status_line.render())
        assert "'manager Paul' cannot be the speaker: it would overlap ACTOR 'Paul Hughes' at 52:63" in line
        for key in ("enter", "1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, SpeakerScreen)
            line = str(app.screen.below.status_line.render())
            assert line.startswith(
                "Not done · Speaker of 'It was a very difficult job,'? 'manager Paul' cannot be the speaker: it would "
                "overlap ACTOR 'Paul Hughes' at 52:63 · "
            )
        assert held(db) == []  # nothing is stored before the speaker is confirmed (newcomer 42k)
        await pilot.press("escape", "escape")  # the selection, then the choice: the quote stays pending
        await pilot.pause()
        assert held(db) == []


async def test_words_around_a_pending_actor_suggestion_replace_it_as_the_speaker(tmp_path: Path) -> None:
    """The suggestion is no span yet: the new ACTOR rejects it as replaced, as the label keys outside do."""
    db = one_article(tmp_path / "p.db", TEXT, [suggested("Paul Hughes", "ACTOR")])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"difficult", "enter", "4")  # a quote without speaker: the choice opens
        await pilot.press("slash", *"station", "enter", "shift+right", "shift+right", "shift+right", "enter")
        await pilot.pause()
        assert sorted(held(db)) == [("ACTOR", "station manager Paul Hughes", None), ("QUOTE", QUOTE, (36, 63))]

"""A newcomer's trial: enter on a quote whose suggested speaker was an ACTOR accepted already linked the speaker
silently ("accepted QUOTE 'a kick in the teeth' at 27:45; nothing is left to decide"), where the docs promise the
status line names it. The message names the speaker linked, and so does a quote made with 4 over a rejected
quote suggestion, which brings its suggested speaker back. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = 'Unions said the plan was "a kick in the teeth" for firefighters.'
QUOTE = "a kick in the teeth"


def suggested(words: str, label: str, speaker: str | None = None) -> Suggestion:
    start = TEXT.index(words)
    spoken = {"start": TEXT.index(speaker), "end": TEXT.index(speaker) + len(speaker)} if speaker else None
    return Suggestion(start=start, end=start + len(words), label=label, text=words, speaker=spoken, suggester="t.v1")


def article(path: Path) -> Path:
    return one_article(path, TEXT, [suggested("Unions", "ACTOR"), suggested(QUOTE, "QUOTE", "Unions")])


def speakers(db: Path) -> list[tuple[str, tuple[int, int] | None]]:
    with Store.open(db) as store:
        return [(s.text, (s.speaker.start, s.speaker.end) if s.speaker else None) for s in store.spans("n", WHO)]


async def test_enter_on_a_quote_whose_speaker_is_accepted_names_it(tmp_path: Path) -> None:
    db = article(tmp_path / "q.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # "Unions", accepted: the quote is next
        await pilot.press("enter")
        await pilot.pause()
        assert app.messages[-1][1] == (
            f"accepted QUOTE {QUOTE!r} at 26:45 with speaker 'Unions'; nothing is left to decide: d marks the "
            "article done"
        )
    assert sorted(speakers(db)) == [("Unions", None), (QUOTE, (0, 6))]


async def test_a_quote_made_over_a_rejected_suggestion_names_the_speaker_it_brings_back(tmp_path: Path) -> None:
    db = article(tmp_path / "q.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "x")  # "Unions" accepted, the quote rejected
        await pilot.press("slash", *"kick", "enter", "4")
        await pilot.pause()
        assert app.messages[-1][1] == f"accepted QUOTE {QUOTE!r} at 26:45 with speaker 'Unions'"
    assert sorted(speakers(db)) == [("Unions", None), (QUOTE, (0, 6))]


async def test_a_quote_suggestion_accepted_with_new_edges_names_the_speaker_it_keeps(tmp_path: Path) -> None:
    db = article(tmp_path / "q.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "left_curly_bracket")  # "Unions" accepted; the quote's end a word left
        await pilot.pause()
        assert app.messages[-1][1] == (
            f"accepted QUOTE {QUOTE!r} at 26:45 as QUOTE 'a kick in the' at 26:39 with speaker 'Unions'"
        )
    assert sorted(speakers(db)) == [("Unions", None), ("a kick in the", (0, 6))]

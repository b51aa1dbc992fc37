"""A newcomer's trial: with the speaker ACTOR 'Jane Whitfield' accepted first, enter on her quote went on past the
speaker to the next suggestion unnamed, while the README said the speaker "is current next, to check … enter keeps
it" (true only of a speaker still pending, accepted with the quote): enter, enter accepted 'every family' unseen. A
speaker marked before stays as it is (checked when it was marked); the cursor goes on, as after any decision, and
the status line names what is current now. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = 'Jane Whitfield spoke on Monday. "Prices will fall soon," she said. It helps every family in Leeds.'
QUOTE = "Prices will fall soon,"
SPEAKER = "Jane Whitfield"


def suggested(words: str, label: str, speaker: str | None = None) -> Suggestion:
    start = TEXT.index(words)
    spoken = {"start": TEXT.index(speaker), "end": TEXT.index(speaker) + len(speaker)} if speaker else None
    return Suggestion(start=start, end=start + len(words), label=label, text=words, speaker=spoken, suggester="t.v1")


def article(path: Path) -> Path:
    held = [
        (SPEAKER, "ACTOR", None),
        (QUOTE, "QUOTE", SPEAKER),
        ("every family", "ACTOR", None),
        ("Leeds", "LOCATION", None),
    ]
    return one_article(path, TEXT, [suggested(*h) for h in held])


async def test_enter_on_a_quote_whose_speaker_was_accepted_before_names_the_next_item(tmp_path: Path) -> None:
    app = make_app(article(tmp_path / "q.db"), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")  # the ACTOR, then her quote
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and (item.kind, item.label.value, item.text) == ("pending", "ACTOR", "every family")
        assert app.messages[-1][1] == (
            f"accepted QUOTE {QUOTE!r} at 33:55 with speaker {SPEAKER!r}; the speaker was marked before (s links "
            "another); next: the suggestion ACTOR 'every family' at 76:88, still to decide"
        )
    assert held_spans(tmp_path / "q.db", WHO) == [("ACTOR", SPEAKER), ("QUOTE", QUOTE)]


async def test_a_speaker_still_pending_is_current_after_its_quote_as_before(tmp_path: Path) -> None:
    """The other case the README's enter describes, unchanged: the speaker accepted with the quote is current."""
    app = make_app(article(tmp_path / "q.db"), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")  # on to the quote, past the pending ACTOR
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and (item.kind, item.text) == ("span", SPEAKER)
        assert app.messages[-1][1].startswith(
            f"accepted QUOTE {QUOTE!r} at 33:55 and its speaker {SPEAKER!r}, current now"
        )

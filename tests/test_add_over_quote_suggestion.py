"""A newcomer's trial: `4` pressed away from a pending quote (at a stop of `;` before it) adds the quotation, whose
words are exactly the quote suggestion's; the suggestion was accepted but lost its suggested speaker (the speaker
prompt then offered another ACTOR first), while enter on it brings the speaker along. A span marked by hand over
exactly a suggestion's words is that suggestion, accepted as enter accepts it. Real SQLite store, and the real
TUI through Pilot."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article
from tests.tui.test_tui_keys import go_to_word

TEXT = 'Transport minister Hal Ostrander promised an inquiry. "Nobody will be spared scrutiny," he told reporters.'
QUOTE = "Nobody will be spared scrutiny,"


def database(path: Path) -> Path:
    speaker, quote = TEXT.index("Hal Ostrander"), TEXT.index(QUOTE)
    return one_article(path, TEXT, [
        Suggestion(start=speaker, end=speaker + 13, label="ACTOR", text="Hal Ostrander", suggester="test.v1"),
        Suggestion(start=quote, end=quote + len(QUOTE), label="QUOTE", text=QUOTE, suggester="test.v1",
                   speaker={"start": speaker, "end": speaker + 13}),
    ])  # fmt: skip


def quotes(path: Path) -> list[tuple[str, str | None, int | None]]:
    with Store.open(path) as store:
        spans = store.spans("n", WHO)
    speakers = {(s.start, s.end): s.text for s in spans}
    return [(s.text, speakers.get((s.speaker.start, s.speaker.end)) if s.speaker else None, s.suggestion_id)
            for s in spans if s.label.value == "QUOTE"]  # fmt: skip


def test_a_quote_marked_over_exactly_a_suggestions_words_keeps_its_suggested_speaker(tmp_path: Path) -> None:
    db = database(tmp_path / "n.db")
    start = TEXT.index(QUOTE)
    with Store.open(db) as store:
        edit = store.add_span("n", WHO, start, start + len(QUOTE), "QUOTE")
    assert edit.message == f"accepted QUOTE {QUOTE!r} at {start}:{start + len(QUOTE)} and its speaker 'Hal Ostrander'"
    assert quotes(db) == [(QUOTE, "Hal Ostrander", 2)]
    with Store.open(db) as store:  # the undo names the quote first, as the change was about it (a third trial)
        assert store.undo("n", WHO).message == (
            f"undid accept of QUOTE {QUOTE!r} at {start}:{start + len(QUOTE)} and its speaker ACTOR 'Hal Ostrander' "
            "at 19:32"
        )


async def test_4_before_a_pending_quote_accepts_it_with_its_speaker(tmp_path: Path) -> None:
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await go_to_word(pilot, app, "inquiry")  # before the quote: nothing current
        assert app.screen.current is None
        assert "4 adds the quotation" in app.screen.status_line.text.plain
        await pilot.press("4")
        await pilot.pause()
    assert quotes(db) == [(QUOTE, "Hal Ostrander", 2)]

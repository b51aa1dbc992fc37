"""Trial s59 t19 F2: in Japanese (no spaces between words) `/田中` then `1` marked the whole 44-character clause, and `4`
did not know 「…」 as quotation marks. The tokenizer (which the suggesters' versioned output rests on) stays: a run
of such text is one word to every key, a selection (`v`) too, as docs/annotating.md now says. Pilot on a real
SQLite database, the article tokenized as `ingest` tokenizes it."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "東京 - 気象庁によると、火曜日の朝に地震が発生した。「被害を調査している」と田中太郎長官は述べた。\n"
RUN = "気象庁によると、火曜日の朝に地震が発生した。「被害を調査している」と田中太郎長官は述べた"


def spans(path: Path) -> list[tuple[str, str]]:
    with Store.open(path) as store:
        return [(s.label.value, s.text) for s in store.spans("n", WHO)]


def test_a_run_of_text_without_spaces_is_one_word() -> None:
    assert [TEXT[t.start : t.end] for t in tokenize([TEXT])[0]] == ["東京", "-", RUN, "。"]


async def test_v_and_a_digit_mark_the_whole_run_the_cursor_is_in(tmp_path: Path) -> None:
    path = one_article(tmp_path / "j.db", TEXT)
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"田中", "enter", "v")
        await pilot.pause()
        assert app.screen.status_line.text.plain == f"Selected '{RUN}': 1-4 add it with that label, escape clears"
        await pilot.press("1")
        await pilot.pause()
    assert spans(path) == [("ACTOR", RUN)]


async def test_4_knows_no_corner_brackets_and_a_selection_quotes_the_whole_run(tmp_path: Path) -> None:
    path = one_article(tmp_path / "j.db", TEXT)
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"被害", "enter", "4")
        await pilot.pause()
        assert app.screen.status_line.text.plain == (
            "Not added: no quotation marks around the cursor or after it in this paragraph; 4 adds a quote over "
            "the quotation around the cursor, or v selects words and 4 marks them"
        )
        assert spans(path) == []
        await pilot.press("v", "4")
        await pilot.pause()
        assert type(app.screen).__name__ == "SpeakerScreen"  # the quote is stored, its speaker asked for
    assert spans(path) == [("QUOTE", RUN)]

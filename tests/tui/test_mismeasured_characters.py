"""A newcomer's trial (22): characters whose width Rich and the terminal disagree on were drawn as "\ufffd" in the
article view: a code point Unicode has not assigned (U+0378), Devanagari's vowel signs (none to Rich, a cell to a
terminal), an emoji skin-tone modifier. The columns stayed aligned, but "मेरा" and "मेरी" were drawn alike and
each looked like a real U+FFFD in the text. They are named by their code, as invisible characters are
("⟨U+0378⟩"): cells Rich and the terminal agree on, so every line still ends where the screen thinks it does.
Pilot on a real database; `tmux -L` at 80x24 and 200x50 showed the same (the panel's border in one column)."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.layout import terminal_width
from annotator.tui.widgets.article_view import ArticleView
from tests.tui.conftest import WHO
from tests.tui.fixtures import drawn, one_article, region_of, under_cursor, view_of

LONG = "Officials in हिन्दी \u0378 said the border crossing would reopen on Monday, a spokesperson said. "
TEXT = "Rafah \u0378 Gaza and \ufffd lost.\nमेरा and मेरी क्ष, 👍\U0001f3fd too.\n" + LONG * 3


def opened(tmp_path: Path) -> AnnotatorApp:
    return make_app(one_article(tmp_path / "w.db", TEXT), WHO, keymap_path=False)


async def test_an_unassigned_code_point_is_named_and_a_real_replacement_stays(tmp_path: Path) -> None:
    async with opened(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert drawn(view_of(pilot.app), 0) == "Rafah ⟨U+0378⟩ Gaza and \ufffd lost."


async def test_vowel_signs_and_a_skin_tone_are_named_and_a_conjunct_is_itself(tmp_path: Path) -> None:
    async with opened(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert drawn(view_of(pilot.app), 1) == "मेर⟨U+093E⟩ and मेर⟨U+0940⟩ क्ष, 👍⟨U+1F3FD⟩ too."


async def test_rich_and_the_terminal_agree_on_every_line_at_both_sizes(tmp_path: Path) -> None:
    for size in ((80, 24), (200, 50)):
        async with opened(tmp_path).run_test(size=size) as pilot:
            await pilot.pause()
            view = view_of(pilot.app)
            lines = ["".join(s.text for s in view.render_line(y)) for y in range(view.size.height)]
            assert [sum(terminal_width(c) or 0 for c in line) for line in lines] == [cell_len(x) for x in lines]
            assert {cell_len(line) for line in lines} == {view.size.width}, size


async def _right(pilot: Pilot, times: int) -> None:
    for _ in range(times):
        await pilot.press("right")
        await pilot.pause()


async def test_the_cursor_draws_a_word_with_its_named_signs_and_a_click_after_them_is_on_the_next_word(
    tmp_path: Path,
) -> None:
    async with opened(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = view_of(pilot.app)
        await _right(pilot, 7)  # Rafah, U+0378, Gaza, and, U+FFFD, lost, "." -> मेरा
        assert under_cursor(view, 1) == "मेर⟨U+093E⟩"
        where = region_of(view, TEXT.index("Gaza"))
        await pilot.click(ArticleView, offset=(where.x + 3, where.y))  # "a", after the code's nine cells
        await pilot.pause()
        assert view.marks.cursor == (TEXT.index("Gaza"), TEXT.index("Gaza") + 4)

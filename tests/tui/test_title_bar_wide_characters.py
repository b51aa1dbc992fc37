"""A newcomer's trial: a title with CJK characters or emoji (two cells each) cut the title line's right end,
"article 1 of 3 · 4 p…", as if each took one cell. The title is shortened instead, the place in full. Pilot on a
real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from annotator.tui.app import make_app
from annotator.tui.widgets.bars import TitleBar
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = "Officials in Tokyo said 3 people were hurt."


@pytest.mark.parametrize(
    ("title", "size", "line"),
    [
        ("東京東京東京 fire", (100, 24), f" alice · n.db {' ' * 26}東京東京東京 fire{' ' * 28}article 1 of 1 "),
        ("Fire 🚒🚒🚒 title", (100, 24), f" alice · n.db {' ' * 26}Fire 🚒🚒🚒 title{' ' * 28}article 1 of 1 "),
        ("東京" * 40, (80, 24), f" alice · n.db {'東京' * 12} … article 1 of 1 "),  # a cell left: a space
    ],
    ids=["cjk", "emoji", "cut"],
)
async def test_a_wide_title_is_shortened_and_the_place_shown_whole(
    tmp_path: Path, title: str, size: tuple[int, int], line: str
) -> None:
    app = make_app(one_article(tmp_path / "n.db", TEXT, title=title), WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        drawn = app.screen.query_one(TitleBar)._three_parts(*app.screen.header).plain
    assert (drawn, cell_len(drawn)) == (line, size[0])


TITLE = "A plain ASCII title that is fairly long for the header, longer than the line can hold"


async def test_with_long_names_they_are_left_out_and_the_place_shown_whole(tmp_path: Path) -> None:
    """A newcomer's re-trial: with a long annotator and database name at 80 columns the names were left out but the
    line still ran two cells over, "... article 4 of 5 · 2 pendi…"."""
    db = one_article(tmp_path / "a-rather-long-database-file-name-2026.db", TEXT, title=TITLE)
    app = make_app(db, "christopher-montgomery", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        drawn = app.screen.query_one(TitleBar)._three_parts(*app.screen.header).plain
    assert (drawn, cell_len(drawn)) == (f"  {TITLE[:61]}… article 1 of 1 ", 80)

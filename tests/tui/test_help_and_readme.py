"""The keymap is shown exactly: the README's key table is the bindings' own (`key_table`), and the help screen
lists every binding with its keys (as a keymap file remaps them) and the same words."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.bindings import GROUPS, key_table, keys_shown
from annotator.tui.screens.help import HelpScreen

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_key_table_is_the_bindings() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n", text.index("<!-- keys:")) + 1
    assert text[start : text.index("<!-- /keys -->")] == key_table()


def shown_lines(app) -> tuple[list[str], int]:
    """The help's key lines as drawn (trailing spaces off), and the width they were drawn in."""
    keys = app.screen.query_one("#help-keys")
    return [strip.text.rstrip() for strip in keys.render_lines(keys.region.reset_offset)], keys.region.width


def joined(lines: list[str]) -> list[str]:
    """Each key line whole: the continuation lines of a wrapped description (indented under it) joined to it."""
    whole: list[str] = []
    for line in lines:
        if line.startswith(" " * 16) and whole and whole[-1].startswith(" "):
            whole[-1] += " " + line.strip()
        else:
            whole.append(line)
    return whole


async def test_the_help_screen_lists_every_binding_with_its_keys(running, tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('accept = "a"\n')
    async with running(keymap_path=keymap) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = joined(shown_lines(app)[0])
    for heading, bindings in GROUPS:
        assert heading in lines
        for binding in bindings:
            keys = keys_shown(binding, {"accept": "a"})
            assert f"{keys:>14}  {binding.tooltip}" in lines, binding.id
    accept = (
        "accept the current suggestion (or a rejected one shown with R: taken back); a quote's suggested speaker still "
        "pending is accepted with it and is current next, to check (the status line names it; enter keeps it and goes "
        "on); a speaker marked before stays as it is, and the cursor goes on to the next item, which the status line "
        "names; on a span accepted already (after [ ] { }), keeps it and goes on"
    )
    assert f"{'a':>14}  {accept}" in lines


async def test_a_long_key_line_wraps_under_its_description_at_80_columns(running) -> None:
    """At 80 columns the long lines wrap: every continuation line starts in the description column, so the keys
    column stays clear and each description reads as one block."""
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        lines, width = shown_lines(app)
    speaker = next(b for b in GROUPS[2][1] if b.id == "speaker")
    first = lines.index(next(line for line in lines if line.startswith(f"{'s':>14}  link the quote")))
    block = [lines[first]]
    for line in lines[first + 1 :]:
        if not line.startswith(" " * 16) or not line.strip():
            break
        block.append(line)
    assert len(block) == 9  # trial 25, newcomer 42k: what escape does to a pending quote; which ACTOR comes first
    assert all(len(line) <= width for line in block)
    assert " ".join(line.strip() for line in block) == f"s  {speaker.tooltip}"


def test_the_default_keys_do_one_thing_on_every_screen() -> None:
    """No default key is bound twice on the annotate or the review screen (the review's pick keys are letters
    the annotate screen leaves free)."""
    from annotator.tui.keymap import clash

    assert clash({}, review=False) is None
    assert clash({}, review=True) is None


def test_the_search_key_says_its_case_rule() -> None:
    """`/` is smart-case (`motion.match_starts`): a newcomer's trial found it said nowhere. The help line says so,
    and with it the README's key table, where `/` is described."""
    search = next(binding for _, bindings in GROUPS for binding in bindings if binding.id == "search")
    assert search.tooltip == (
        "search the article: type, enter goes there (↓ ↑ other matches, escape back); case is ignored unless a "
        "capital stands inside a word of the query ('Mellin' finds 'PORT MELLIN', 'US' not 'us'); again from a "
        "match, the next one (wrapping around; the only match says so)"
    )
    assert f"| `/` | {search.tooltip} |" in README.read_text(encoding="utf-8")


async def test_the_help_leaves_the_status_line_and_the_key_bar_in_view(running) -> None:
    """Trials 19-20: at 80x24 the help window covered the status line (wrapped onto two lines or more), so its words
    were hidden while help was open. The help stands between the title bar and the status line."""
    for size in ((80, 24), (200, 50)):
        async with running(size=size) as (app, pilot):
            article = app.screen
            article.say("a message long enough to wrap onto four lines at eighty columns " * 4)
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            status = article.query_one("#status").region
            assert status.height == (4 if size[0] == 80 else 2)
            help_window = app.screen.query_one("#help").region
            assert (help_window.y, help_window.bottom) == (1, status.y), size

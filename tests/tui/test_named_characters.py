"""A newcomer's trial: a right-to-left override (U+202E) in an article was drawn as "\ufffd", the same as a real
replacement character. It is drawn as its code, "⟨U+202E⟩": several cells for one character, which is no token (no
span may start or end on it), so the cursor, a click and a span added after it land on the words beside it, at the
right offsets. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.widgets.article_view import ArticleView
from tests.tui.conftest import WHO
from tests.tui.fixtures import drawn, held_spans, one_article, region_of, under_cursor, view_of

TEXT = "Police said \u202e Rafah was hit, and \ufffd was lost.\nA zero\u200bwidth space and ESC \x1b stay apart."
OVERRIDE = TEXT.index("\u202e")


def opened(tmp_path: Path) -> AnnotatorApp:
    return make_app(one_article(tmp_path / "n.db", TEXT), WHO, keymap_path=False)


async def test_the_override_and_the_replacement_character_are_drawn_differently(tmp_path: Path) -> None:
    async with opened(tmp_path).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = view_of(pilot.app)
        assert drawn(view, 0) == "Police said ⟨U+202E⟩ Rafah was hit, and \ufffd was lost."
        assert drawn(view, 1) == "A zero⟨U+200B⟩width space and ESC ␛ stay apart."


async def _right(pilot: Pilot, times: int) -> None:
    for _ in range(times):
        await pilot.press("right")
        await pilot.pause()


async def test_the_cursor_steps_over_the_override_as_over_white_space(tmp_path: Path) -> None:
    """An invisible character is no place a span may start or end, so it is no token (`suggest.tokens`)."""
    async with opened(tmp_path).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = view_of(pilot.app)
        await _right(pilot, 1)
        assert under_cursor(view, 0) == "said"
        await _right(pilot, 1)
        assert under_cursor(view, 0) == "Rafah"


async def test_a_label_key_after_the_override_adds_the_word_after_it(tmp_path: Path) -> None:
    async with opened(tmp_path).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await _right(pilot, 2)
        await pilot.press("2")
        await pilot.pause()
    assert held_spans(tmp_path / "n.db", WHO) == [("LOCATION", "Rafah")]
    with Store.open(tmp_path / "n.db") as store:
        assert [(s.start, s.end) for s in store.spans("n", WHO)] == [(TEXT.index("Rafah"), TEXT.index("Rafah") + 5)]


async def test_a_click_on_the_code_is_on_no_override(tmp_path: Path) -> None:
    """The code's cells are drawn where the override is, but the override is no token: a click there puts the
    cursor on the word before it, as a click on white space does."""
    async with opened(tmp_path).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = view_of(pilot.app)
        for cell in (0, 4, 7):  # "⟨", "2", "⟩"
            where = region_of(view, OVERRIDE)
            await pilot.click(ArticleView, offset=(where.x + cell, where.y))
            await pilot.pause()
            assert view.marks.cursor == (TEXT.index("said"), TEXT.index("said") + 4), cell  # the word before it
        where = region_of(view, OVERRIDE)
        await pilot.click(ArticleView, offset=(where.x + 9, where.y))  # after the code's cells and a space
        await pilot.pause()
        assert view.marks.cursor == (TEXT.index("Rafah"), TEXT.index("Rafah") + 5)


async def test_the_title_bar_and_the_article_list_name_it_too(tmp_path: Path) -> None:
    path = one_article(tmp_path / "t.db", TEXT, id="xevil", title="X\u202eEVIL")  # an id may not hold one
    async with make_app(path, WHO, keymap_path=False).run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert "X⟨U+202E⟩EVIL" in pilot.app.screen.header[1]
        await pilot.press("l")
        await pilot.pause()
        rows = pilot.app.screen.query_one("#articles")
        assert "X⟨U+202E⟩EVIL" in "".join(segment.text for segment in rows.render_line(0))


async def test_a_word_joined_to_an_override_can_be_marked(tmp_path: Path) -> None:
    """spaCy's tokenizer keeps "\u202eRafah\u202c" one token; the stored tokens leave the invisible characters at its
    edges out, so the word is a token of its own and the key adds it (it was refused: a span may not start with an
    invisible character)."""
    text = "Police said \u202eRafah\u202c was hit."
    app = make_app(one_article(tmp_path / "g.db", text), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _right(pilot, 2)
        await pilot.press("2")
        await pilot.pause()
    assert held_spans(tmp_path / "g.db", WHO) == [("LOCATION", "Rafah")]


EVIL = "The \u202eevil\u202c rider came home."


def evil_article(tmp_path: Path) -> AnnotatorApp:
    """An article whose suggested ACTOR holds a right-to-left override and its pop (U+202E and U+202C around "evil")."""
    end = EVIL.index(" came")
    suggestion = Suggestion(start=0, end=end, label="ACTOR", text=EVIL[:end], suggester="entities.v9")
    return make_app(one_article(tmp_path / "e.db", EVIL, [suggestion]), WHO, keymap_path=False)


async def test_the_status_line_names_an_override_in_a_span_as_the_article_does(tmp_path: Path) -> None:
    """Newcomer trial 29: accepting a span with an override in it said "accepted ACTOR 'The \\u202eevil\\u202c
    rider'" (Python's escapes) where the text and the span list show "⟨U+202E⟩"."""
    async with evil_article(tmp_path).run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        said = pilot.app.screen.status_line.text.plain
    assert said.startswith("accepted ACTOR 'The ⟨U+202E⟩evil⟨U+202C⟩ rider' at 0:16;")


async def test_the_message_log_names_an_override_as_the_status_line_does(tmp_path: Path) -> None:
    """Recheck of trial 29: the log (M) printed the raw U+202E of a message the status line shows literally."""
    async with evil_article(tmp_path).run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        shown = str(pilot.app.screen.query_one(Static).render())
    assert "accepted ACTOR 'The ⟨U+202E⟩evil⟨U+202C⟩ rider' at 0:16" in shown
    assert "\u202e" not in shown

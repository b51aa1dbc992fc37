"""Trial 10: ctrl+n went on from where a decision had moved the cursor, not from the match the person acted on.
`/` Fields enter, then `2` on one "Fields" went on to the next suggestion, the next "Fields", and ctrl+n passed over
it; `x` on "Peter Brown" went on to the next "Brown", and ctrl+n came back to the "Brown" just rejected. The search's
place is the match it last went to while only edits and decisions have moved the cursor; a moving key makes the
cursor the place again. An article ingested by the real console script (its suggestions the default model's),
driven by Pilot; exact offsets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from processes import annotator
from support import nth

from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from tests.tui.conftest import WHO

TEXT = (
    "Police said John Smith met Mary Jones in London on Monday. Later Smith visited Paris with Jones. Smith and "
    "Jones then flew to Berlin, where Smith met Peter Brown. Brown said Smith was happy. The judge heard an apology "
    "from Fields, and pleas for leniency from Fields' lawyers. Last March, Fields made a statement."
)
#: What the default suggesters suggest on TEXT, checked once (`test_the_article_has_its_suggestions`).
SUGGESTED = [
    ("ACTOR", "Police", 0), ("ACTOR", "John Smith", 12), ("ACTOR", "Mary Jones", 27), ("LOCATION", "London", 41),
    ("ACTOR", "Smith", 65), ("LOCATION", "Paris", 79), ("ACTOR", "Jones", 90), ("ACTOR", "Smith", 97),
    ("ACTOR", "Jones", 107), ("LOCATION", "Berlin", 126), ("ACTOR", "Smith", 140), ("ACTOR", "Peter Brown", 150),
    ("ACTOR", "Brown", 163), ("ACTOR", "Smith", 174), ("ACTOR", "The judge", 191), ("LOCATION", "Fields", 223),
    ("ACTOR", "Fields", 259), ("ACTOR", "lawyers", 267), ("ACTOR", "Fields", 288),
]  # fmt: skip


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ingested")
    (folder / "story.jsonl").write_text(f'{{"title": "Smith story", "text": "{TEXT}"}}\n', encoding="utf-8")
    done = annotator("ingest", "story.jsonl", "--db", "x.db", cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return folder / "x.db"


@pytest.fixture
def db(ingested: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(ingested, tmp_path / "story.db"))


def cursor_offset(app: AnnotatorApp) -> int:
    screen = app.screen
    return screen.model.tokens[screen.cursor].start  # type: ignore[attr-defined]


def test_the_article_has_its_suggestions(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        [article] = store.article_ids()
        assert [(s.label, s.text, s.start) for s in store.current_suggestions(article)] == SUGGESTED


async def test_ctrl_n_after_a_relabel_that_went_on_to_the_next_match_goes_to_it(db: Path) -> None:
    """`1` on the LOCATION "Fields" at 223 relabels it and goes on to the next suggestion, the "Fields" at 259:
    ctrl+n is the match after 223, that one (it had gone to 288, passing it over)."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Fields", "enter", "1")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Fields", 1)  # gone on to the next suggestion
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Fields", 1)


async def test_ctrl_n_after_a_rejection_goes_past_the_match_rejected(db: Path) -> None:
    """`x` on "Peter Brown" (the match at 156) goes on to the suggestion "Brown" at 163; ctrl+n is the match
    after 156, that "Brown", not the one just rejected (it had come back to 156)."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Brown", "enter", "x")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Brown", 1)


async def test_ctrl_p_after_a_rejection_goes_to_the_match_before(db: Path) -> None:
    """`x` on "Jones" at 90 goes on to "Smith" at 97; ctrl+p is the match before 90, the "Jones" of "Mary
    Jones" (it had come back to 90, and `1` there accepted the suggestion just rejected)."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Jones", "enter", "ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Jones", 1)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Jones", 0)


async def test_slash_enter_after_a_decision_goes_on_from_the_match(db: Path) -> None:
    """`/` then enter repeats the search from the same place as ctrl+n."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Brown", "enter", "x")
        await pilot.pause()
        await pilot.press("slash", "enter")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Brown", 1)


async def test_a_moving_key_makes_the_cursor_the_place_again(db: Path) -> None:
    """After `1` went on to the "Fields" at 259, right and left move off it and back: the person put the cursor
    there, and ctrl+n goes on from it, to 288."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Fields", "enter", "1", "right", "left")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Fields", 1)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Fields", 2)


async def test_escape_from_a_search_keeps_the_place_of_the_one_before(db: Path) -> None:
    """`/` typed and left with escape puts back the cursor and the last search's place with it."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Brown", "enter", "x")
        await pilot.pause()
        await pilot.press("slash", *"Fields", "escape")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Brown", 1)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert cursor_offset(app) == nth(TEXT, "Brown", 1)  # before 156, round from the end (from 163: 156)

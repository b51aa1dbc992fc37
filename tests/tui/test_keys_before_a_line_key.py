"""A key typed right before one that opens a line (C a comment, F a flag's reason, / the search) acts first, on the
article, and the letters typed after that key still go into its line. C, F and / act as the app reads them (so
what comes right after them is the line's), while an ordinary key is handed to the focused widget and acts only
once it has come back up to the app: `x C ok enter` sent at once opened the comment screen before x came back, and
x then met the comment line and was lost, silently (`x /`, `1 F` too). Every key waiting for the app at once (a
paste, tmux send-keys in one write, keys typed while the screen is busy), an article ingested by the real console
script, Pilot on the real app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from processes import annotator
from textual import events

from annotator.store import Store
from annotator.tui.app import AnnotatorApp, make_app
from annotator.tui.screens.typed import OPENING_SECONDS
from annotator.vocabulary import Status
from tests.tui.conftest import WHO
from tests.tui.fixtures import ingest_stories, writing

TEXT = "Police said John Smith met Mary Jones in London during the day."
OTHER = "Ferries return to the harbour, officials said."
#: A key's name and the character a terminal sends for it.
KEYS = {"enter": "\r", "escape": "\x1b", "slash": "/", "question_mark": "?", "space": " "}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = [{"id": "s", "title": "Smith", "text": TEXT}, {"id": "t", "title": "Ferries", "text": OTHER}]
    return ingest_stories(tmp_path_factory.mktemp("ingested"), stories)


@pytest.fixture
def db(ingested: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(ingested, tmp_path / "stories.db"))


def burst(app: AnnotatorApp, keys: list[str]) -> None:
    """Every key waiting for the app at once: names as Textual gives them ('enter', 'slash'), or letters."""
    for key in keys:
        app.post_message(events.Key(key, KEYS.get(key, key)))


def typed(text: str) -> list[str]:
    return [{" ": "space", "/": "slash"}.get(character, character) for character in text]


async def settled(pilot: object) -> None:
    for _ in range(6):
        await pilot.pause()  # type: ignore[attr-defined]


def on_top(app: AnnotatorApp) -> tuple[str, str | None, str | None]:
    """The screen on top, the article under it and the text of its current item."""
    article = app.article_in_view()
    if article is None:
        return type(app.screen).__name__, None, None
    item = article.model.get(article.current)
    return type(app.screen).__name__, article.article_id, item.text if item else None


def stored(db: Path, article_id: str = "s") -> tuple[Status | None, str | None, dict[str, str], list[str], list[str]]:
    """Alice's status and flag reason on the article, her decisions (suggestion text -> decision), her spans, and
    the comments on it."""
    with Store.open(db, read_only=True) as store:
        texts = {s.id: s.text for s in store.suggestions(article_id)}
        decided = {texts[id]: decision for id, decision in store.decisions(article_id, WHO).items()}
        return (
            store.status(article_id, WHO),
            store.flag_reason(article_id, WHO),
            decided,
            [s.text for s in store.spans(article_id, WHO)],
            [text for who, text, _ in store.comments(article_id)],
        )


async def run(db: Path, keys: list[str]) -> tuple[str, str | None, str | None]:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert on_top(app) == ("AnnotateScreen", "s", "Police")
        burst(app, keys)
        await settled(pilot)
        return on_top(app)


async def test_x_then_a_comment_at_once_rejects_and_comments(db: Path) -> None:
    assert await run(db, ["x", "C", *typed("ok then"), "enter"]) == ("AnnotateScreen", "s", "John Smith")
    assert stored(db) == (Status.IN_PROGRESS, None, {"Police": "rejected"}, [], ["ok then"])


async def test_x_then_a_search_at_once_rejects_then_goes_to_the_match(db: Path) -> None:
    """The search's letters stay in its line (x there would reject London); x after enter acts on the match."""
    assert await run(db, ["x", "slash", *typed("London"), "enter", "x"]) == ("AnnotateScreen", "s", "John Smith")
    assert stored(db) == (Status.IN_PROGRESS, None, {"Police": "rejected", "London": "rejected"}, [], [])


async def test_1_then_a_flag_at_once_labels_then_flags_with_its_reason(db: Path) -> None:
    assert await run(db, ["1", "F", *typed("who x"), "enter"]) == ("AnnotateScreen", "t", "officials")
    assert stored(db) == (Status.FLAGGED, "who x", {"Police": "accepted"}, ["Police"], [])


async def test_two_rejects_then_a_comment_at_once_act_in_order(db: Path) -> None:
    assert await run(db, ["x", "x", "C", *typed("two"), "enter"]) == ("AnnotateScreen", "s", "Mary Jones")
    assert stored(db) == (Status.IN_PROGRESS, None, {"Police": "rejected", "John Smith": "rejected"}, [], ["two"])


async def test_enter_then_a_comment_at_once_accepts_and_comments(db: Path) -> None:
    assert await run(db, ["enter", "C", *typed("yes"), "enter"]) == ("AnnotateScreen", "s", "John Smith")
    assert stored(db) == (Status.IN_PROGRESS, None, {"Police": "accepted"}, ["Police"], ["yes"])


async def test_a_comment_escaped_then_x_and_a_flag_at_once(db: Path) -> None:
    """escape cancels the comment (nothing stored); x then acts on the article, before F opens its prompt."""
    keys = ["C", *typed("no"), "escape", "x", "F", "enter"]
    assert await run(db, keys) == ("AnnotateScreen", "t", "officials")
    assert stored(db) == (Status.FLAGGED, None, {"Police": "rejected"}, [], [])


async def test_the_done_prompt_left_then_x_and_a_comment_at_once_act_on_the_next_article(db: Path) -> None:
    """d asks (suggestions pending): l leaves them, the article is done and the next opens; x and C act there."""
    await run(db, ["d", "l", "C", *typed("next"), "enter"])
    assert stored(db) == (Status.DONE, None, {}, [], [])
    assert stored(db, "t")[4] == ["next"]


@pytest.mark.parametrize(("key", "screen"), [("question_mark", "HelpScreen"), ("M", "MessagesScreen")])
async def test_x_then_a_screen_key_at_once_rejects_then_opens_it(db: Path, key: str, screen: str) -> None:
    assert (await run(db, ["x", key]))[0] == screen
    assert stored(db) == (Status.IN_PROGRESS, None, {"Police": "rejected"}, [], [])


async def test_x_then_the_list_and_its_search_at_once_reject_then_open_the_match(db: Path) -> None:
    assert await run(db, ["x", "l", "slash", *typed("ferr"), "enter", "enter"]) == ("AnnotateScreen", "t", "officials")
    assert stored(db) == (Status.IN_PROGRESS, None, {"Police": "rejected"}, [], [])


async def test_x_then_a_comment_while_another_process_writes_reject_then_comment(db: Path) -> None:
    """x waits for the write lock longer than the time limit of the keys held after C: C still waits for x."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        writer = writing(db, OPENING_SECONDS + 1)
        burst(app, ["x", "C", *typed("late"), "enter"])
        await pilot.pause()
        writer.wait()
        await settled(pilot)
        assert on_top(app) == ("AnnotateScreen", "s", "John Smith")
    assert stored(db) == (Status.IN_PROGRESS, None, {"Police": "rejected"}, [], ["late"])


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["C", *typed("fix it"), "enter"], (Status.IN_PROGRESS, None, ["fix it"])),
        (["F", *typed("why x"), "enter"], (Status.FLAGGED, "why x", [])),
    ],
)
async def test_a_line_key_after_another_process_changed_the_article_opens_its_line(
    db: Path, keys: list[str], expected: tuple[Status, str | None, list[str]]
) -> None:
    """The article is shown as stored first, and the line opens all the same: refused ('press it again'), C or F
    left the letters typed after it to act on the article as keys of their own (x rejected, t jumped, d marked
    it done). A comment, a flag's reason, a search act on nothing the annotation holds until the line is closed."""
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        accepted = annotator("accept", "--annotator", WHO, "--db", db, "s")  # another terminal
        assert (accepted.returncode, accepted.stderr) == (0, ""), accepted.stderr
        burst(app, keys)
        await settled(pilot)
        assert app.messages[0][1].startswith("Shown as stored now: the annotation was changed by `annotator accept`")
        assert "press it again" not in app.messages[0][1]
    status, reason, decided, spans, comments = stored(db)
    assert (status, reason, comments) == expected
    assert (set(decided.values()), spans) == ({"accepted"}, ["Police", "John Smith", "Mary Jones", "London"])


async def test_a_search_after_another_process_changed_the_article_goes_to_the_match(db: Path) -> None:
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        accepted = annotator("accept", "--annotator", WHO, "--db", db, "s")
        assert (accepted.returncode, accepted.stderr) == (0, ""), accepted.stderr
        burst(app, ["slash", *typed("Mary"), "enter"])
        await settled(pilot)
        assert on_top(app) == ("AnnotateScreen", "s", "Mary Jones")
        assert app.screen.search_query == "Mary"
    assert stored(db)[2:] == ({"Police": "accepted", "John Smith": "accepted", "Mary Jones": "accepted",
                               "London": "accepted"}, ["Police", "John Smith", "Mary Jones", "London"], [])  # fmt: skip

"""A key that opens a screen (`S`'s question, `d`'s) holds the keys typed after it until that screen is ready
(`typed.KeysAheadApp`). When another window had changed the article, the key was not applied (the article shown as
stored first, "press it again"), no screen opened, and the keys after it were held all the same, until the
3-second limit let them go: `S` pressed again at once did nothing. Now the keys after it go on at once. Pilot on
two apps at once on one real SQLite file."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from annotator.vocabulary import Status
from tests.tui.conftest import WHO

TEXTS = (("a", "Port talks stalled again."), ("b", "Rail strike ends."))


def skipped_and_to_do(path: Path) -> Path:
    """Article "a" skipped, "b" to do."""
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id=name, title=name.upper(), text=text), tokenize([text])[0], [])
                            for name, text in TEXTS])  # fmt: skip
        store.set_status("a", WHO, Status.SKIPPED)
    return path


async def test_s_again_after_s_was_not_applied_asks(tmp_path: Path) -> None:
    db = skipped_and_to_do(tmp_path / "n.db")
    here, there = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with here.run_test(size=(80, 24)) as pilot, there.run_test(size=(80, 24)) as other:
        await pilot.pause()
        await other.pause()
        await pilot.press("p")  # a, skipped, shown here
        await other.press("p", "O")  # the other window reopens it
        await other.pause()
        await pilot.press("S")  # not applied: the article is shown as stored first
        await pilot.pause()
        caught_up = here.screen.status_line.text.plain
        await pilot.press("S")
        await pilot.pause()
        asked = type(here.screen).__name__
        await pilot.press("y")
        await pilot.pause()
        opened = here.screen.article_id
    assert caught_up == (
        "Shown as stored now: the annotation was changed in another window since it was shown here; the key was not "
        "applied: press it again"
    )
    assert (asked, opened) == ("SkipPrompt", "b")
    with Store.open(db) as store:
        assert [event.action for event in store.events("a", WHO)] == ["status", "status", "status"]
        assert store.status("a", WHO) is Status.SKIPPED

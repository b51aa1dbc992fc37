"""A newcomer's team review: carol reviewed articles where she was herself one of the compared annotators, and
nothing said so. Opening such an article says it once, first on the status line, with the key that picks her
version: "You (carol) are one of the annotators here: c picks your version" (within 80 columns)
(`versions.reviewer_among`). The core function, then Pilot at 80x24 on a real database."""

from __future__ import annotations

from pathlib import Path

from review_db import ALICE, make_review_db

from annotator.models import Status
from annotator.store import Store
from annotator.tui.review import make_review_app

NOTE = "You (carol) are one of the annotators here: c picks your version"


def carol_annotated_too(path: Path) -> Path:
    """The two-annotator review database, and carol's version of the article (alice's spans), done too."""
    article_id = make_review_db(path)
    with Store.open(path) as store:
        store.replace_annotation(article_id, "carol", ALICE, Status.DONE)
    return path


def status(app) -> str:
    return app.screen.status_line.text.plain


def test_the_note_names_the_reviewer_and_the_key_of_her_version() -> None:
    from annotator.versions import reviewer_among

    assert reviewer_among("carol", ["alice", "bob", "carol"], ["a", "b", "c"]) == NOTE
    assert reviewer_among("carol", ["alice", "bob"], ["a", "b"]) == ""
    assert reviewer_among("carol", ["carol", "bob"], ["x", "b"]) == (
        "You (carol) are one of the annotators here: x picks your version"
    )
    assert len(NOTE) <= 80


async def test_opening_an_article_the_reviewer_annotated_says_so_at_80x24(tmp_path: Path) -> None:
    db = carol_annotated_too(tmp_path / "r.db")
    app = make_review_app(db, "carol", ["alice", "bob", "carol"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = status(app)
    assert said == f"{NOTE} · Agreed spans into gold: 2 spans from all"


async def test_a_reviewer_who_did_not_annotate_hears_nothing_of_it(tmp_path: Path) -> None:
    db = carol_annotated_too(tmp_path / "r.db")
    app = make_review_app(db, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = status(app)
    assert said == "Agreed spans into gold: 2 spans from all"


async def test_a_remapped_pick_key_is_the_one_named(tmp_path: Path) -> None:
    db = carol_annotated_too(tmp_path / "r.db")
    keymap = tmp_path / "keys.toml"
    keymap.write_text('pick_3 = "z"\n', encoding="utf-8")
    app = make_review_app(db, "carol", ["alice", "bob", "carol"], keymap_path=keymap)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = status(app)
    assert said.startswith("You (carol) are one of the annotators here: z picks your version · ")


async def test_a_reload_after_another_window_does_not_say_it_again(tmp_path: Path) -> None:
    db = carol_annotated_too(tmp_path / "r.db")
    app = make_review_app(db, "carol", ["alice", "bob", "carol"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for step in ("undo", "redo"):  # another window takes the agreed spans out of gold, then puts them back
            with Store.open(db) as window_b:
                getattr(window_b, step)(app.screen.article_id, "gold")
            await pilot.press("j")  # a move: the article is read again first
            await pilot.pause()
        said = [message for _, message in app.messages]
    assert [message for message in said if NOTE in message] == [f"{NOTE} · Agreed spans into gold: 2 spans from all"]
    assert said[-1].startswith("Shown as stored now: the annotation was changed in another window"), said

"""A newcomer's re-trial (34): a third login that finished one article shrinks review to that article, and nothing
on the screen said so. The first status line says what is compared and which pair finished more, with the option
that reviews those (`reports.agreement.pair_articles`, as `agreement` and `adjudicate` say it). Pilot on a real
SQLite file."""

from __future__ import annotations

from pathlib import Path

from support import pair_and_a_third

from annotator.tui.review import make_review_app


async def test_the_first_status_line_says_a_pair_finished_more_than_are_reviewed(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    pair_and_a_third(db, "LOCATION")
    app = make_review_app(db, "carol", ["alice", "bob", "root"], keymap_path=False)
    async with app.run_test(size=(160, 32)) as pilot:
        await pilot.pause()
        assert app.screen.status_line.text.plain == (
            "1 article compared (done by all of alice, bob, root); alice and bob both finished 3: "
            "--annotators alice,bob"
        )


async def test_a_pair_alone_gets_no_such_line(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    pair_and_a_third(db, "LOCATION")
    app = make_review_app(db, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(160, 32)) as pilot:
        await pilot.pause()
        assert "both finished" not in app.screen.status_line.text.plain

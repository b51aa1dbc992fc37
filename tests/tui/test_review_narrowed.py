"""A newcomer's re-trial (34): a third login that finished one article shrinks review to that article, and nothing
on the screen said so. The first status line says what is compared and which pair finished more, with the option
that reviews those (`reports.agreement.pair_articles`, as `agreement` and `adjudicate` say it). Pilot on a real
SQLite file."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.tui.review import make_review_app
from tests.tui.fixtures import seed_tokens

TEXTS = ("Ann met Bob in Paris on Monday.", "Carol flew to Oslo with Dan.", "Eve saw Fay in Rome.")


def team(db: Path) -> None:
    """alice and bob finish all three articles, root only the first (and marks Ann a LOCATION there)."""
    with Store.open(db) as store:
        rows = [(ArticleIn(text=text, title=f"T{n}"), seed_tokens(text), []) for n, text in enumerate(TEXTS)]
        ids, _ = store.add_articles(rows)
        for article, text in zip(ids, TEXTS, strict=True):
            for who in ("alice", "bob", "root"):
                if who == "root" and article != ids[0]:
                    continue
                end = len(text.split()[0])
                store.add_span(article, who, 0, end, "LOCATION" if who == "root" else "ACTOR")
                store.set_status(article, who, "done")


async def test_the_first_status_line_says_a_pair_finished_more_than_are_reviewed(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    team(db)
    app = make_review_app(db, "carol", ["alice", "bob", "root"], keymap_path=False)
    async with app.run_test(size=(160, 32)) as pilot:
        await pilot.pause()
        assert app.screen.status_line.text.plain == (
            "1 article compared (done by all of alice, bob, root); alice and bob both finished 3: "
            "--annotators alice,bob"
        )


async def test_a_pair_alone_gets_no_such_line(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    team(db)
    app = make_review_app(db, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(160, 32)) as pilot:
        await pilot.pause()
        assert "both finished" not in app.screen.status_line.text.plain

"""A newcomer's team trial (39b, 3): after alice's last assigned article, `d` opened "Francis D'Souza", assigned to
bob and carol; the header only changed from "assigned 5 of 5" to "article 2 of 8", and the list called it "to do"
for her, though work there is left out of agreement, adjudicate and review (an article with assignments is its
assignees'). The next article to do is one of yours, else one nobody is assigned; with none left, the list says
so. An article browsed to (n, p) that is assigned to others says so in the header. Real database made by the CLI
(spaCy tokens, real suggestions), the real app driven by Pilot."""

from __future__ import annotations

from pathlib import Path

from annotator.store import Store
from annotator.store.listing import next_article, rows
from annotator.tui.app import make_app
from annotator.tui.widgets.article_rows import ArticleRows
from annotator.vocabulary import GOLD
from tests.test_start_where_work_is import TEXTS, database, run


def team(folder: Path) -> tuple[Path, str, str]:
    """alice and bob one article each of the first two; the third is nobody's. (alice's, bob's)"""
    database(folder)
    run(folder, "assign", "--annotators", "alice,bob", "--limit", "2")
    with Store.open(folder / "a.db") as store:
        mine = dict(store.conn.execute("SELECT annotator, article_id FROM assignments").fetchall())
    return folder / "a.db", mine["alice"], mine["bob"]


def test_the_next_to_do_is_yours_then_nobodys_never_a_colleagues(tmp_path: Path) -> None:
    db, hers, his = team(tmp_path)
    with Store.open(db) as store:
        assert next_article(store, "alice", None, 1, to_do=True) == hers
    run(tmp_path, "accept", "--annotator", "alice", "--done", hers)
    with Store.open(db) as store:
        assert next_article(store, "alice", hers, 1, to_do=True) == "third"
    run(tmp_path, "accept", "--annotator", "alice", "--done", "third")
    with Store.open(db) as store:
        assert next_article(store, "alice", "third", 1, to_do=True) is None  # bob's is left: not hers
        assert next_article(store, "bob", None, 1, to_do=True) == his
        assert next_article(store, "dan", None, 1, to_do=True) == "third"  # nobody's: alice's work leaves it open


async def test_d_on_the_last_article_of_yours_shows_the_list_not_a_colleagues(tmp_path: Path) -> None:
    db, hers, _ = team(tmp_path)
    run(tmp_path, "accept", "--annotator", "alice", "--done", "third")
    app = make_app(db, "alice", keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.screen.article_id == hers
        await pilot.press("A", "d")  # accept all, then done: nothing pending, so no question
        await pilot.pause()
        assert type(app.screen).__name__ == "ArticleListScreen"
        note = str(app.screen.query_one("#list-note").render())
    title = {t["id"]: t["title"] for t in TEXTS}[hers]
    assert note == (
        f"Marked: {title}: done. No article is left to do but 1 assigned to others (work there is not compared): "
        "every status is below."
    )


async def test_an_article_assigned_to_others_says_so_in_the_header(tmp_path: Path) -> None:
    db, _, his = team(tmp_path)
    app = make_app(db, "alice", keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert app.screen.header[2].startswith("assigned 1 of 1")
        while app.screen.article_id != his:
            await pilot.press("n")
            await pilot.pause()
        number = [t["id"] for t in TEXTS].index(his) + 1
        assert app.screen.header[2].startswith(f"article {number} of 3, assigned to others · ")


async def statuses_shown(db: Path, annotator: str) -> dict[str, str]:
    """The status column (12 wide: "in progress*") of every row of the annotator's article list, as drawn at 100
    columns, by article id."""
    app = make_app(db, annotator, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        table = app.screen.query_one(ArticleRows)
        summaries = app.list_rows(table.keys)
        return {summaries[k].id: table.line(summaries[k], 100)[1:13].rstrip() for k in table.keys}


async def test_the_list_calls_a_colleagues_article_others_not_to_do(tmp_path: Path) -> None:
    """Re-check 39c: the list said "to do" for bob's article in alice's list, where `stats --articles` says it is not
    hers. It says "others'" while she has no work there, and her status with a * once she has (not compared, as
    `stats --articles` marks it); hers and nobody's stay "to do"; gold (review) is nobody's to be assigned."""
    db, hers, his = team(tmp_path)
    assert await statuses_shown(db, "alice") == {hers: "to do", his: "others'", "third": "to do"}
    run(tmp_path, "accept", "--annotator", "alice", his)  # her work on bob's article: in progress, not compared
    assert await statuses_shown(db, "alice") == {hers: "to do", his: "in progress*", "third": "to do"}
    with Store.open(db) as store:
        assert not any(summary.others for summary in rows(store, GOLD, rowids(store)).values())


def rowids(store: Store) -> list[int]:
    return [rowid for (rowid,) in store.conn.execute("SELECT rowid FROM articles")]

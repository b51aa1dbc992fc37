"""The article list on SQL (assigned articles first, a title search, columns that fit 80 columns), the order
the annotator goes through articles, and the review list (only the articles up for review). Pilot on a real
database; what the rows show is read from the widget, what is stored from the database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.store.assignments import assign
from annotator.store.listing import ListFilter, counts, first_article, next_article
from annotator.store.rowkeys import ArticleKeys, Gaps
from annotator.tui.app import make_app
from annotator.tui.review import make_review_app
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article_list import ArticleListScreen
from annotator.tui.widgets.bars import KeyBar
from annotator.vocabulary import GOLD, Status

TITLES = ["Storm hits coast", "Markets fall", "Storm warning lifted", "Election called", "Rain again", "A long " * 20]


def make_db(path: Path) -> list[str]:
    """Six short articles; bob is assigned the 2nd, 4th and 5th (in that queue order: 4th, 2nd, 5th)."""
    with Store.open(path) as store:
        texts = [f"{title} today, officials said." for title in TITLES]
        ids, _ = store.add_articles(
            (ArticleIn(text=text, title=title), word_tokens(text), [])
            for title, text in zip(TITLES, texts, strict=True)
        )
        now = "2026-01-01T00:00:00Z"
        for position, index in enumerate((3, 1, 4), start=1):
            store.conn.execute(
                "INSERT INTO assignments (article_id, annotator, position, batch, assigned_at) VALUES (?, 'bob', ?, 1, ?)",
                [ids[index], position, now],
            )
        store.conn.commit()
    return ids


def titles(screen: ArticleListScreen) -> list[str]:
    rows = screen.rows
    return [rows.row_at(i).title for i in range(len(rows.keys))]


async def test_the_list_puts_assigned_articles_first_and_counts_them(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "bob", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        assert titles(screen) == [TITLES[3], TITLES[1], TITLES[4], TITLES[0], TITLES[2], TITLES[5]]
        assert screen.summary().startswith("0 of 3 assigned articles done · 0 in progress · showing 6: all")


async def test_slash_searches_titles_as_you_type_and_escape_clears_it(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", "slash", "s", "t")
        screen = app.screen
        assert titles(screen) == [TITLES[0], TITLES[2]]
        await pilot.press("o", "r", "m", "space", "w", "q")  # no match; q is typed, it does not quit
        assert titles(screen) == [] and app.is_running
        await pilot.press("backspace", "enter")  # "storm w": to the list, the search stays
        assert titles(screen) == [TITLES[2]]
        chosen = screen.rows.row_at(0).id
        await pilot.press("enter")
        assert isinstance(app.screen, AnnotateScreen) and app.screen.article_id == chosen
        await pilot.press("l")  # a new list: every title again
        assert titles(app.screen) == TITLES
        await pilot.press("slash", "m", "escape")  # escape first clears the search ...
        assert titles(app.screen) == TITLES and not app.screen.query_one("#search").display
        await pilot.press("escape")  # ... then goes back to the article
        assert isinstance(app.screen, AnnotateScreen)


async def test_a_search_puts_the_cursor_on_the_first_match(tmp_path: Path) -> None:
    """Newcomer 42t: with the cursor on a lower row, `/Port`, enter, enter opened a later match ("Transport" had
    matched and the cursor stayed on its row), not the first."""
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", "down", "down", "down", "slash", "s", "t", "o", "r", "m")
        screen = app.screen
        assert titles(screen) == [TITLES[0], TITLES[2]] and screen.rows.cursor == 0
        await pilot.press("enter", "enter")
        assert isinstance(app.screen, AnnotateScreen) and app.screen.article_id == ids[0]


async def test_the_footer_shows_enter_and_escape(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        footer = str(app.screen.query_one(KeyBar).render())
        assert footer.startswith(" ⏎ Open  esc Back  f Filter status  / Search titles ")


async def test_columns_fit_80_columns(tmp_path: Path) -> None:
    make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        rows = app.screen.rows
        width = rows.scrollable_content_region.width
        lines = ["".join(s.text for s in rows.render_line(y)) for y in range(len(TITLES))]
        heading = str(app.screen.query_one("#list-heading").render()).rstrip()
    assert width >= 79
    assert {len(line) for line in lines} == {width}
    chars = len(f"{TITLES[5]} today, officials said.")
    assert lines[5].startswith(" to do        A long A long") and lines[5].endswith(f"…     {chars}     0       0")
    assert heading.endswith("Chars Spans Pending") and len(heading) == len(lines[0].rstrip())


async def test_n_p_and_d_go_through_the_assigned_articles_first(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "bob", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.screen.article_id == ids[3]  # first assigned article still to do
        seen = []
        for _ in range(6):
            await pilot.press("n")
            seen.append(app.screen.article_id)
        assert seen == [ids[1], ids[4], ids[0], ids[2], ids[5], ids[3]]
        await pilot.press("p")
        assert app.screen.article_id == ids[5]
        await pilot.press("n", "d")  # ids[3] done: the next to do is the next assigned one
        assert app.screen.article_id == ids[1]
        await pilot.press("d", "d")  # ids[1], ids[4] done: assigned ones finished, then the others
        assert app.screen.article_id == ids[0]


def test_keys_filter_and_counts_from_sql(tmp_path: Path) -> None:
    ids = make_db(tmp_path / "a.db")
    with Store.open(tmp_path / "a.db") as store:
        store.set_status(ids[4], "bob", Status.DONE)
        store.set_status(ids[0], "bob", Status.FLAGGED)
        keys = ArticleKeys(store, "bob")
        rowid = {article_id: i + 1 for i, article_id in enumerate(ids)}
        assert list(keys.keys(ListFilter(status=Status.TODO))) == [
            rowid[ids[3]],
            rowid[ids[1]],
            rowid[ids[2]],
            rowid[ids[5]],
        ]
        assert list(keys.keys(ListFilter(status=Status.DONE))) == [rowid[ids[4]]]
        assert list(keys.keys(ListFilter(status=Status.FLAGGED, title="storm"))) == [rowid[ids[0]]]
        assert list(keys.keys(ListFilter(title="STORM"))) == [rowid[ids[0]], rowid[ids[2]]]
        assert list(keys.keys(ListFilter(title="50%"))) == []
        # "o" is in more titles than not: the list is every rowid but the non-matching ones
        assert list(keys.keys(ListFilter(title="o"))) == [
            rowid[ids[3]],
            rowid[ids[0]],
            rowid[ids[2]],
            rowid[ids[5]],
        ]  # LIKE's wildcards are taken literally
        found = counts(store, "bob")
        assert (found.total, found.done, found.assigned) == (3, 1, 3)
        assert (counts(store, "carol").total, counts(store, "carol").by_status) == (6, {Status.TODO: 6})
        assert first_article(store, "bob") == ids[3]
        assert next_article(store, "bob", ids[3], 1, to_do=True) == ids[1]
        assert next_article(store, "bob", ids[5], 1) == ids[3]  # wraps to the assigned ones
        assert next_article(store, "bob", ids[3], -1) == ids[5]


async def test_the_review_list_shows_only_articles_up_for_review_without_pending(tmp_path: Path) -> None:
    """Two of six articles done by both annotators: the list shows those two, counts them, no pending column;
    marking one done leads to the other, never to "nothing left" while one is to do."""
    path = tmp_path / "a.db"
    ids = make_db(path)
    with Store.open(path) as store:
        assign(store, ["alice", "bob"], 2, limit=2)
        for article_id in ids[:2]:
            for who in ("alice", "bob"):
                store.add_span(article_id, who, 0, len(TITLES[ids.index(article_id)].split()[0]), "ACTOR")
                store.set_status(article_id, who, Status.DONE)
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.article_id == ids[0]
        await pilot.press("d")
        assert app.screen.article_id == ids[1]
        await pilot.press("l")
        screen = app.screen
        assert titles(screen) == [TITLES[0], TITLES[1]]
        assert screen.summary().startswith("1 of 2 articles up for review done · 1 in progress · showing 2: all")
        assert str(screen.query_one("#list-heading").render()).rstrip().endswith("Chars Spans")
    with Store.open(path) as store:
        assert store.status(ids[0], GOLD) is Status.DONE


def test_gaps_is_the_range_without_the_excluded() -> None:
    gaps = Gaps(12, [3, 4, 9, 12, 40])
    plain = [x for x in range(1, 13) if x not in (3, 4, 9, 12)]
    assert len(gaps) == len(plain) and list(gaps) == plain and gaps[:] == plain and gaps[-1] == 11
    assert [gaps.index(x) for x in plain] == list(range(len(plain)))
    assert (3 in gaps, 5 in gaps, 13 in gaps, 0 in gaps) == (False, True, False, False)


async def test_the_title_bar_places_the_article_among_the_assigned_ones_or_all(tmp_path: Path) -> None:
    """Issue 11 item 9: bob's queue is the 4th, 2nd and 5th article; the others count among all six."""
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "bob", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.article_id == ids[3]
        assert app.screen.header[2] == "assigned 1 of 3"
        await pilot.press("n")
        assert (app.screen.article_id, app.screen.header[2]) == (ids[1], "assigned 2 of 3")
        await pilot.press("n", "n")  # past the queue: the first article not assigned to bob
        assert (app.screen.article_id, app.screen.header[2]) == (ids[0], "article 1 of 6")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)  # no assignments: among all
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", "n")
        assert (app.screen.article_id, app.screen.header[2]) == (ids[2], "article 3 of 6")


async def test_the_list_shows_a_flags_reason_and_the_comments(tmp_path: Path) -> None:
    """Issue 11 item 11: F's reason and C's comments, typed in the TUI, stored and shown on the article's row."""
    ids = make_db(tmp_path / "a.db")
    app = make_app(tmp_path / "a.db", "alice", keymap_path=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("C", *"odd dateline", "enter", "C", *"check", "enter")
        await pilot.press("F", *"not news", "enter")  # flagged: the next article opens
        await pilot.press("l")
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        row = screen.rows.line(screen.rows.row_at(0), 118)
        assert row.startswith(" flagged      Storm hits coast  [flagged: not news]  [2 comments]")
        long = replace(screen.rows.row_at(0), title="A long " * 20)  # at 80 columns a long title is cut first
        assert " flagged      A long A lo…  [flagged: not news]  [2 com… " in screen.rows.line(long, 78)
    with Store.open(tmp_path / "a.db") as store:
        assert (store.status(ids[0], "alice"), store.flag_reason(ids[0], "alice")) == (Status.FLAGGED, "not news")
        assert [text for _, text, _ in store.comments(ids[0])] == ["odd dateline", "check"]


async def test_marking_the_last_article_done_says_so_on_the_screens_own_lines_not_over_the_titles(
    tmp_path: Path,
) -> None:
    """A newcomer's trial at 80x24: the "Marked" and "Nothing left" toasts stood over the list's titles (and at
    200x50 over its counts), the statuses they pointed to. What d did is said on the article screen's status line,
    and that nothing is left on a line of the list's own, under its counts; no toast covers anything."""
    from textual.widgets._toast import Toast

    with Store.open(tmp_path / "d.db") as store:
        store.add_articles(
            (ArticleIn(text=f"{title} today.", title=title), word_tokens(f"{title} today."), []) for title in TITLES[:2]
        )
    app = make_app(tmp_path / "d.db", "bob", keymap_path=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("d")
        await pilot.pause()
        marked = (app.screen.status_line.text.plain, len(app.screen.query(Toast)))
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleListScreen)
        note = str(screen.query_one("#list-note").render())
        toasts = len(screen.query(Toast))
    assert marked == ("Marked: Storm hits coast: done", 0)
    assert note == "Marked: Markets fall: done. No article is left to do: every status is below."
    assert toasts == 0

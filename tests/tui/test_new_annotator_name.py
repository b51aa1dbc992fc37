"""A mistyped --annotator is said at once, as a mistyped --db is: a name with no work, no assignment and no event
in a database where others have some opens as a new annotator, and the status line (and the message log, M) says
so, naming who the database has. Names are stored text: shown literally. Pilot on real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Store
from annotator.store.assignments import assign
from annotator.tui.app import make_app
from tests.tui.fixtures import one_article

TEXT = "Title\n\nShort line. Sunita Rao said the plan works, saving 4.2 billion crowns.\n"


def team_db(path: Path, *workers: str, assigned: tuple[str, ...] = ()) -> Path:
    """One article; each of `workers` has a span in it; `assigned` have it assigned."""
    one_article(path, TEXT)
    with Store.open(path) as store:
        for who in workers:
            store.add_span("n", who, TEXT.index("Sunita"), TEXT.index(" said"), "ACTOR")
        if assigned:
            assign(store, list(assigned), len(assigned))
    return path


async def opened_as(path: Path, who: str, size: tuple[int, int] = (100, 32)) -> tuple[str, list[str]]:
    """The status line and the message log of the app opened on `path` as `who`."""
    app = make_app(path, who, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        said = app.screen.status_line.text.plain
    return said, [message for _, message in app.messages]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_a_mistyped_name_is_said_with_the_names_the_database_has(tmp_path: Path, size) -> None:
    db = team_db(tmp_path / "t.db", "alice", assigned=("bob",))
    said, log = await opened_as(db, "alcie", size)
    expected = (
        "New annotator: 'alcie' has no work, assignment or event in this database (it has alice, bob). If you meant "
        "one of them, quit (q) and give that name with --annotator."
    )
    assert expected in said
    assert any(expected.removeprefix("New annotator: ") in message for message in log)


async def test_a_known_name_or_a_first_annotator_gets_no_such_notice(tmp_path: Path) -> None:
    db = team_db(tmp_path / "t.db", "alice", assigned=("bob",))
    for who in ["alice", "bob"]:  # work; an assignment
        said, log = await opened_as(db, who)
        assert "New annotator" not in said and not any("has no work" in m for m in log)
    with Store.open(db) as store:  # carol's only edit undone: her events still name her
        store.add_span("n", "carol", TEXT.index("Short"), TEXT.index(" line"), "ACTOR")
        store.undo("n", "carol")
    said, _ = await opened_as(db, "carol")
    assert "New annotator" not in said
    lone = one_article(tmp_path / "lone.db", TEXT)  # nobody else: the first annotator is no mistake
    said, log = await opened_as(lone, "dave")
    assert "New annotator" not in said and not any("has no work" in m for m in log)


async def test_names_in_the_notice_are_shown_literally(tmp_path: Path) -> None:
    db = team_db(tmp_path / "t.db", "[b]al[/b]\x1b[31m")
    said, log = await opened_as(db, "x[/]")
    assert "'x[/]' has no work, assignment or event in this database (it has [b]al[/b]␛[31m)" in said
    assert any("'x[/]'" in message and "[b]al[/b]\x1b[31m" in message for message in log)  # kept as typed

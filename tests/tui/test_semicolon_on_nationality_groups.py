"""A newcomer's trial (32): on "The Greek coast guard said ..." `;` stopped at "Greek" offering "1-3 add 'Greek'"
and `1` added ACTOR 'Greek' (the group is one ACTOR); on "The Greek government" `;` stopped at "Greek" and again
at "government", both offering the whole group; "the ticket offices" (a building) was offered as a body of
people. A nationality adjective opening a group offers the group, one `;` a group. Pilot on the real app, on a
database the real `annotator ingest` made."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans

TEXT = (
    "Ferry towed to port\n\nThe Greek coast guard said the ferry was towed. Later the Greek government said it would"
    " pay. The ticket offices closed.\n"
)
AFTER = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_semicolon_stops_once_a_nationality_group_and_1_adds_it_whole(tmp_path: Path) -> None:
    (tmp_path / "gr.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "gr.db"
    done = annotator("--db", db, "ingest", tmp_path / "gr.txt")
    assert done.returncode == 0, done.stderr
    with Store.open(db) as store:
        [article_id] = store.article_ids()
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("home", "semicolon")
        assert status(app) == "1/2 add 'The Greek coast guard'" + AFTER
        await pilot.press("1")
        assert status(app) == (
            "added ACTOR 'The Greek coast guard' at 21:42; next: 1/2 add 'the Greek government'"
            " (`,` goes back to the span added)"
        )
        await pilot.press("1", "semicolon")  # one stop a group, and "the ticket offices" is no body of people
        assert status(app) == "No unmarked name, number or noun for people after this one"
    assert held_spans(db, WHO, article_id) == [
        ("ACTOR", "The Greek coast guard"),
        ("ACTOR", "the Greek government"),
    ]

"""A newcomer's trial (31): `;` passed over "Emergency services arrived at noon." (read at a sentence's start as a
common word that names no people) and over "the emergency services" inside a sentence: "services", a noun for a
body of people that a noun before it modifies, is where a missed ACTOR starts, as "workers" is in "Rescue workers".
`;` stops there, the status line names the whole group and 1 adds it. Pilot on the real app, on a database the real
`annotator ingest` made (its model suggests "Rescue workers", which `;` leaves to tab)."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans

TEXT = "Emergency services arrived at noon.\nLater the emergency services left the town. Rescue workers stayed.\n"
AFTER = " · tab: next to decide · v: select · ?: help"


def status(app) -> str:
    return app.screen.status_line.text.plain


def ingested(folder: Path) -> tuple[Path, str]:
    (folder / "es.txt").write_text(TEXT, encoding="utf-8")
    db = folder / "es.db"
    done = annotator("--db", db, "ingest", folder / "es.txt")
    assert done.returncode == 0, done.stderr
    with Store.open(db) as store:
        [article_id] = store.article_ids()
    return db, article_id


async def test_semicolon_stops_at_bodies_of_people_and_1_adds_their_group(tmp_path: Path) -> None:
    db, article_id = ingested(tmp_path)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # the screen opens on the model's suggestion, "Rescue workers": the first item to decide
        await pilot.press("colon")
        assert status(app) == "1/2 add 'the emergency services'" + AFTER
        await pilot.press("colon")
        assert status(app) == "1/2 add 'Emergency services'" + AFTER
        await pilot.press("1")
        assert status(app).startswith(
            "added ACTOR 'Emergency services' at 0:18; next: 1/2 add 'the emergency services'"
        )
        await pilot.press("1", "semicolon")
        assert status(app) == "No unmarked name, number or noun for people after this one"
    assert held_spans(db, WHO, article_id) == [("ACTOR", "Emergency services"), ("ACTOR", "the emergency services")]

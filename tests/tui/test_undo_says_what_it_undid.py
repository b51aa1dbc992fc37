"""`u` says what the undo did, not every row its event names (a newcomer's trial; the stored data was right):
after x on a quote's speaker, the undo put back the ACTOR and its link, and said it put back the quote too; after
`annotator import --replace` it counted every span of the work before and after ("LISBON ... and 16 other spans"
on an article of 9). Pilot on the real app and a real SQLite file; the import is the real console script."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

QUOTE = "The occupation (Israeli forces) is … invade it yet,' at 332:488"


async def test_undoing_x_on_a_quotes_speaker_names_the_actor_and_the_link_it_puts_back(running) -> None:
    async with running() as (app, pilot):
        await pilot.press(*["tab"] * 10)
        await pilot.press("enter")  # the quote and its speaker "one resident", current now to check
        await pilot.press("x")
        assert app.screen.status_line.text.plain.startswith("removed ACTOR 'one resident' at 490:502")
        await pilot.press("u")
        undid = app.screen.status_line.text.plain
        await pilot.press("ctrl+r")
        redid = app.screen.status_line.text.plain
    assert undid == f"undid remove of ACTOR 'one resident' at 490:502; QUOTE '{QUOTE} has its speaker again"
    assert redid == f"redid remove of ACTOR 'one resident' at 490:502; QUOTE '{QUOTE} has no speaker again"


PLACES = ["LISBON", "Porto", "Braga", "Faro", "Evora", "Coimbra", "Leiria", "Viseu", "Aveiro"]
TEXT = "Storms hit " + ", ".join(PLACES) + " today.\n"


async def test_undoing_an_import_replace_counts_what_the_undo_changes(tmp_path: Path) -> None:
    db = one_article(tmp_path / "p.db", TEXT)
    with Store.open(db) as store:
        ids = [store.add_span("n", WHO, TEXT.index(p), TEXT.index(p) + len(p), "LOCATION").spans[0].id for p in PLACES]
    exported = annotator("export", "--db", db, "--annotator", WHO, "--status", "all", "-o", tmp_path / "nine.jsonl")
    assert exported.returncode == 0, exported.stderr
    with Store.open(db) as store:
        store.remove_span("n", WHO, ids[-1])  # Aveiro: 8 spans, newer than the export
    imported = annotator("import", tmp_path / "nine.jsonl", "--db", db, "--replace")
    assert imported.returncode == 0 and "1 replaced newer work in the database" in imported.stdout, (
        imported.stdout + imported.stderr
    )
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        undid = app.screen.status_line.text.plain
        await pilot.press("ctrl+r")
        redid = app.screen.status_line.text.plain
    start = TEXT.index("Aveiro")
    # the one span it takes away; the import, made before this window opened, said to be (`screen_events`)
    assert undid == f"undid import of LOCATION 'Aveiro' at {start}:{start + 6}, a change made before this window opened"
    assert redid == f"redid import of LOCATION 'Aveiro' at {start}:{start + 6}"
    with Store.open(db) as store:
        assert len(store.spans("n", WHO)) == 9


async def test_u_after_a_label_key_on_a_suggestion_names_the_relabel(running) -> None:
    """A trial: `2` on the pending ACTOR 'Israel' made it LOCATION, and `u` said "undid accept of LOCATION
    'Israel'"."""
    async with running() as (app, pilot):
        await pilot.press("2")  # the first suggestion, current at opening
        assert app.messages[-1][1].startswith("relabelled ACTOR 'Israel' at 0:6, now LOCATION;")
        await pilot.press("u")
        await pilot.pause()
        assert (
            app.messages[-1][1] == "undid relabel of ACTOR 'Israel' at 0:6 to LOCATION; the suggestion is pending again"
        )

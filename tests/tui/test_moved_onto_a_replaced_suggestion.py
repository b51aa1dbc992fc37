"""A newcomer's trial (Lisbon): on "commander", shift+right and 1 added "commander Rui", which rejected the pending
ACTOR "Rui Sousa" as replaced; } and ] then moved its edges onto exactly "Rui Sousa", yet the suggestion stayed
rejected and `annotator evaluate` counted it rejected plus a span added with no suggestion. The span is that
suggestion now, accepted in the same event, as marking its words does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.vocabulary import Status
from tests.tui.conftest import WHO
from tests.tui.fixtures import seed_tokens

TEXT = "Civil Protection commander Rui Sousa said the fire was contained."
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def shown(app) -> list[tuple[str, str]]:
    return sorted((i.kind, i.text) for i in app.screen.model.items.values())


async def test_edges_moved_onto_the_suggestion_a_span_replaced_accept_it(tmp_path: Path):
    db = tmp_path / "lisbon.db"
    suggestion = Suggestion(start=27, end=36, label="ACTOR", text="Rui Sousa", suggester="t.v1")
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=TEXT, id="a", title="A"), seed_tokens(TEXT), [suggestion])])
    app = make_app(db, WHO, keymap_path=False)
    said = []
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("home", "right", "right", "shift+right", "1")
        said.append(app.screen.status_line.text.plain)
        await pilot.press("right_curly_bracket", "right_square_bracket")
        said.append(app.screen.status_line.text.plain)
        moved = shown(app)
        await pilot.press("u")
        undone = shown(app)
        await pilot.press("U")
        redone = shown(app)
    assert said == [
        "added ACTOR 'commander Rui' at 17:30; the suggestion it overlaps, ACTOR 'Rui Sousa' at 27:36, is rejected "
        "as replaced",
        "resized to ACTOR 'Rui Sousa' at 27:36; the suggestion it now matches exactly, ACTOR 'Rui Sousa' at 27:36, rejected as "
        "replaced, is accepted",
    ]
    assert moved == redone == [("span", "Rui Sousa")]
    assert undone == [("span", "commander Rui Sousa")]
    with Store.open(db) as store:
        [rui] = store.suggestions("a")
        [span] = store.spans("a", WHO)
        assert (span.text, span.suggestion_id, store.decisions("a", WHO)) == ("Rui Sousa", rui.id, {rui.id: "accepted"})
        store.set_status("a", WHO, Status.DONE)
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "evaluate", "--db", str(db), "--gold-from", WHO, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    corrections = json.loads(result.stdout)["corrections"]
    assert [(r["suggester"], r["label"], r["accepted"], r["rejected"]) for r in corrections["rows"]] == [
        ("t.v1", "ACTOR", 1, 0)
    ]
    assert corrections["added"] == {"ACTOR": 0, "LOCATION": 0, "FIGURE": 0, "QUOTE": 0}


def test_the_keyplan_screen_model_accepts_it_as_the_store_does():
    """benchmarks/keyplan plans keys against a model of the screen: the same keys leave the span linked to the
    suggestion there too, neither pending nor rejected as replaced."""
    sys.path.insert(0, str(BENCHMARKS))
    from keyplan.items import Span
    from keyplan.screen import Screen

    screen = Screen(TEXT, seed_tokens(TEXT), {7: Span(27, 36, "ACTOR")}, 100, 32)
    states = []
    for key in ("home", "right", "right", "shift+right", "1", "right_curly_bracket", "right_square_bracket"):
        screen.press(key)
        states.append((sorted(screen.undecided), sorted(screen.replaced), dict(screen.origin)))
    assert screen.spans == {1: Span(27, 36, "ACTOR")}
    assert states[4:] == [([], [7], {1: None}), ([], [7], {1: None}), ([], [], {1: 7})]

"""The side panel's hint on a pending suggestion said "enter accept, x reject, 1-3 label" on every one, but a label
key that would give its words a label the label keys' rule refuses is refused there ("Not relabelled": a number
alone is no ACTOR or LOCATION, words with no number no FIGURE). The hint names only the label keys that act. An
article ingested by the real console script (its suggestions the default suggesters'), Pilot on the real app."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO

TEXT = "Police said 35 people died and 128 were hurt in London on Monday."


def ingested(folder: Path) -> Path:
    (folder / "story.jsonl").write_text(json.dumps({"id": "s", "title": "Storm", "text": TEXT}) + "\n")
    done = annotator("ingest", "story.jsonl", "--db", "x.db", cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return folder / "x.db"


async def test_the_hint_on_each_pending_suggestion_names_the_label_keys_that_act_there(tmp_path: Path) -> None:
    db = ingested(tmp_path)
    with Store.open(db, read_only=True) as store:
        suggested = [(s.label.value, s.text) for s in store.current_suggestions("s")]
    assert suggested == [("ACTOR", "Police"), ("FIGURE", "35"), ("ACTOR", "people"), ("FIGURE", "128"),
                         ("LOCATION", "London")]  # fmt: skip
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        hints = []
        for _ in suggested:
            hints.append(app.screen.status_line.text.plain)  # type: ignore[attr-defined]
            await pilot.press("tab")
        await pilot.press("3")  # on Police again (tab went round): the hint did not name 3
        refused = app.screen.status_line.text.plain  # type: ignore[attr-defined]
    assert hints == [
        "? ACT Police  (enter accept, x reject, 1/2 label)",
        "? FIG 35  (enter accept, x reject, 3 label)",
        "? ACT people  (enter accept, x reject, 1/2 label)",
        "? FIG 128  (enter accept, x reject, 3 label)",
        "? LOC London  (enter accept, x reject, 1/2 label)",
    ]
    assert refused == (
        "Not relabelled: ACTOR 'Police' holds no number, and a FIGURE is a number (the guide); v selects it, then the "
        "key marks it anyway"
    )

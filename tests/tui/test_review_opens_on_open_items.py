"""A team trial (s46, F9): with gold done on every article, `annotator review` opened on article 1 (0 open), not
where `adjudicate --auto` had just said a disagreement was open (the last article: an annotator's version changed
after gold was settled). It now opens on the first article with something left: gold not done, or a disagreement
open; and says why it opened there when gold is done. Files made by the real console script, Pilot on the real
review app."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.tui.review import make_review_app

ARTICLES = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
    {"id": "third", "title": "Storm", "text": "A storm hit Brest on Monday, the mayor said."},
]
PLACES = {"first": "Lyon", "second": "Porto", "third": "Brest"}


def run(folder: Path, *args: str) -> str:
    result = annotator(*args, "--db", "team.db", cwd=folder)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def work(folder: Path, name: str, file: str, third: str = "LOCATION") -> None:
    """`name`'s finished work, the place in each article marked LOCATION (in the third, as `third`), imported."""
    records = []
    for article in ARTICLES:
        word, text = PLACES[article["id"]], article["text"]
        label = third if article["id"] == "third" else "LOCATION"
        span = {"start": text.index(word), "end": text.index(word) + len(word), "label": label, "text": word}
        records.append({"article_id": article["id"], "text": text, "annotator": name, "status": "done",
                        "spans": [span]})  # fmt: skip
    (folder / file).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run(folder, "import", file, *(["--replace"] if file.endswith("-again.jsonl") else []))


def settled_then_changed(folder: Path, changed: bool = True) -> Path:
    """Gold settled and done on all three; then (`changed`) bob's version of the third changed (Brest an ACTOR)."""
    (folder / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--no-suggest")
    work(folder, "alice", "alice.jsonl")
    work(folder, "bob", "bob.jsonl")
    run(folder, "adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", "lead")
    if changed:
        work(folder, "bob", "bob-again.jsonl", third="ACTOR")
        said = run(folder, "adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", "lead")
        assert "3 article(s) whose gold is done left as they are, with 1 disagreement(s) open in them" in said
    return folder / "team.db"


async def test_review_with_gold_done_everywhere_opens_on_the_open_disagreement(tmp_path: Path) -> None:
    app = make_review_app(settled_then_changed(tmp_path), "lead", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.article_id == "third"
        assert screen.header[2] == "article 3 of 3 up for review, gold done"
        assert (screen.index, screen.review.open) == (0, [0])
        assert screen.status_line.text.plain == (
            "Opened on the first article with something open: gold is done here, with 1 disagreement open"
        )


async def test_review_with_nothing_open_anywhere_opens_on_the_first_article_as_before(tmp_path: Path) -> None:
    app = make_review_app(settled_then_changed(tmp_path, changed=False), "lead", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert (screen.article_id, screen.header[2]) == ("first", "article 1 of 3 up for review, gold done")
        hint = "1/2 add 'Officials' · tab: next to decide · v: select · ?: help"  # the screen's own, as ever
        assert (screen.review.open, screen.status_line.text.plain) == ([], hint)

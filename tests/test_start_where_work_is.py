"""A newcomer's trial (stop 32): `annotate --annotator bob` opened the first article, untouched, though bob had work
in progress on another (begun with `annotator accept`, which opens no screen, so nothing was "opened last"). Where
nobody had an article open, the screen starts on the annotator's latest article in progress."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.store.listing import first_article

TEXTS = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
    {"id": "third", "title": "Three", "text": "Firefighters in Bern said 40 homes were saved."},
]


def run(folder: Path, *args: str) -> None:
    result = annotator(*args, "--db", "a.db", cwd=folder)
    assert result.returncode == 0, result.stderr


def database(folder: Path) -> Path:
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl")
    return folder / "a.db"


def start(db: Path, who: str) -> str | None:
    with Store.open(db) as store:
        return first_article(store, who)


def test_the_screen_starts_where_the_annotator_has_work_in_progress(tmp_path: Path) -> None:
    db = database(tmp_path)
    run(tmp_path, "accept", "--annotator", "bob", "third")
    assert start(db, "bob") == "third"
    assert start(db, "alice") == "first"  # nothing of hers anywhere: the first article


def test_a_done_article_is_not_where_the_screen_starts(tmp_path: Path) -> None:
    db = database(tmp_path)
    run(tmp_path, "accept", "--annotator", "bob", "--done", "third")
    assert start(db, "bob") == "first"

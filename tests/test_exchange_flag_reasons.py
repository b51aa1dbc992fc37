"""Flag reasons and comments through Label Studio, Prodigy, doccano and doccano-relations files (a trial found them
lost without a word): each carries them where the format keeps keys of its own, and import reads them back; CoNLL
and DocBin have no place and their export says how many were left out. Real files, the real CLI."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from exchange_support import SEED, SMALL, add
from processes import annotator

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize

REASON = "quote  is cut\tshort"
NOTE = "check the 'speaker' (line 2)"


def source(path: Path) -> Path:
    """alice flagged the seed with a reason and commented on it; she finished SMALL."""
    with Store.open(path) as store:
        seed = SEED.read_text(encoding="utf-8")
        articles = [ArticleIn(text=SMALL, title="Small"), ArticleIn(text=seed, title="Seed")]
        tokens = tokenize([a.text for a in articles])
        (small, big), _ = store.add_articles([(articles[0], tokens[0], []), (articles[1], tokens[1], [])])
        add(store, small, "alice", SMALL, "Gaza", "LOCATION")
        store.set_status(small, "alice", "done")
        add(store, big, "alice", seed, "Israel", "ACTOR")
        store.set_status(big, "alice", "flagged", REASON)
        store.add_comment(big, "alice", NOTE)
    return path


def carried(db: Path) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        flags = connection.execute(
            "SELECT a.title, n.status, n.flag_reason FROM annotations n JOIN articles a ON a.id = n.article_id "
            "WHERE n.annotator = 'alice' ORDER BY a.rowid"
        ).fetchall()
        notes = connection.execute("SELECT annotator, text FROM comments ORDER BY id").fetchall()
    return [*flags, *notes]


@pytest.mark.parametrize("name", ["labelstudio", "prodigy", "doccano", "doccano-relations"])
def test_flag_reasons_and_comments_go_out_and_come_back(tmp_path: Path, name: str) -> None:
    db = source(tmp_path / "a.db")
    out = tmp_path / f"alice.{name}"
    exported = annotator("export", "--annotator", "alice", "--status", "all", "--format", name, "-o", out, "--db", db)
    assert (exported.returncode, exported.stdout) == (0, f"2 record(s) -> {out}\n")
    back = tmp_path / "back.db"
    imported = annotator("import", out, "--format", name, "--db", back)
    assert (imported.returncode, imported.stderr) == (0, "")
    assert carried(back) == [("Small", "done", None), ("Seed", "flagged", REASON), ("alice", NOTE)]


@pytest.mark.parametrize("name", ["conll", "spacy"])
def test_a_format_with_no_place_for_them_says_how_many_were_left_out(tmp_path: Path, name: str) -> None:
    db = source(tmp_path / "a.db")
    out = tmp_path / f"alice.{name}"
    exported = annotator("export", "--annotator", "alice", "--status", "all", "--format", name, "-o", out, "--db", db)
    assert exported.returncode == 0
    notes = [line for line in exported.stderr.splitlines() if "left out" in line]
    assert notes == [
        "note: 1 flag reason(s) left out: this format has no place for them",
        "note: 1 comment(s) left out: this format has no place for them",
    ]


def test_label_studio_export_says_unfinished_work_goes_as_submitted_annotations(tmp_path: Path) -> None:
    """Label Studio knows submitted and cancelled (skipped) annotations only: a flagged task is submitted work
    there, which the note says; our import reads the status back from the task's meta."""
    db = source(tmp_path / "a.db")
    out = tmp_path / "alice.json"
    exported = annotator("export", "--annotator", "alice", "--status", "all", "--format", "labelstudio", "-o", out,
                         "--db", db)  # fmt: skip
    assert (exported.returncode, exported.stderr) == (
        0,
        "note: 1 task(s) of work not done (todo, in progress, flagged) go to Label Studio as submitted "
        "annotations, as it has no other state but cancelled (which skipped work becomes); the task's meta keeps "
        "our status, and import reads it back\n",
    )
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [(t["meta"]["status"], t["annotations"][0]["was_cancelled"]) for t in tasks] == [
        ("done", False),
        ("flagged", False),
    ]
    assert tasks[1]["meta"]["flag_reason"] == REASON

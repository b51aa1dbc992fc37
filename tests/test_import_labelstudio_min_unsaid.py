"""Label Studio's JSON_MIN carries neither a task's status nor relations: it is compared and replaced only on what
it carries, as CoNLL and doccano are (`verdicts.unsaid`). A newcomer's trial (F1): the server's JSON_MIN of work
imported from its JSON export was three conflicts ("status: flagged here, done in the file", "speaker of 1
quote(s)"), `--replace` made flagged and in-progress work done and dropped every speaker, and into a fresh
database its tasks were stored as done without a word.

Real files: Label Studio 1.23.2's JSON and JSON_MIN exports of one project holding our export
(tests/fixtures/real/labelstudio); the real console script, on SQLite databases it made."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from attack_support import ok, rows
from real_files import REAL

BACK = REAL / "labelstudio" / "ls1232_our_export_back.json"
BACK_MIN = REAL / "labelstudio" / "ls1232_our_export_back_min.json"
STATUSES = "SELECT article_id, status FROM annotations WHERE annotator = 'alice' ORDER BY 1"
SPANS = "SELECT article_id, start, label, speaker_start FROM spans WHERE annotator = 'alice' ORDER BY 1, 2, 3"
SPEAKERS_LEFT_OUT = "left out: 2 quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export keeps them)"


def from_json(folder: Path) -> Path:
    db = folder / "a.db"
    assert ok("import", BACK, "--format", "labelstudio", "--db", db, cwd=folder).splitlines() == [
        f"4 record(s) imported (4 new article(s)) -> {db}"
    ]
    return db


def test_json_min_of_the_same_work_is_unchanged(tmp_path: Path) -> None:
    db = from_json(tmp_path)
    before = rows(db, SPANS)
    out = ok("import", BACK_MIN, "--format", "labelstudio", "--db", db, "--annotator", "alice", cwd=tmp_path)
    assert out.splitlines() == [f"0 record(s) imported (0 new article(s)); 3 unchanged -> {db}", SPEAKERS_LEFT_OUT]
    assert rows(db, STATUSES) == [
        ("note-0", "done"),
        ("note-1", "in_progress"),
        ("note-2", "flagged"),
        ("note-3", "skipped"),
    ]
    assert rows(db, SPANS) == before


def test_replacing_keeps_the_status_and_speakers_json_min_cannot_say(tmp_path: Path) -> None:
    db = from_json(tmp_path)
    records = json.loads(BACK_MIN.read_text(encoding="utf-8"))
    for record in records:  # the FIGURE taken out there: the file's spans differ from the stored ones
        record["label"] = [region for region in record["label"] if region["labels"] != ["FIGURE"]]
    (tmp_path / "min.json").write_text(json.dumps(records), encoding="utf-8")
    out = ok("import", "min.json", "--format", "labelstudio", "--db", db, "--annotator", "alice", "--replace",
             cwd=tmp_path)  # fmt: skip
    assert out.splitlines() == [
        f"3 record(s) imported (0 new article(s)); 3 replaced work the file does not show is older (--replace) -> {db}",
        SPEAKERS_LEFT_OUT,
    ]
    assert rows(db, STATUSES) == [
        ("note-0", "done"),
        ("note-1", "in_progress"),
        ("note-2", "flagged"),
        ("note-3", "skipped"),
    ]
    assert rows(db, SPANS) == [
        ("note-0", 6, "ACTOR", None),
        ("note-0", 21, "LOCATION", None),
        ("note-0", 21, "QUOTE", 6),
        ("note-1", 14, "LOCATION", None),
        ("note-1", 63, "ACTOR", None),
        ("note-1", 78, "QUOTE", 63),
        ("note-2", 0, "ACTOR", None),
        ("note-2", 52, "LOCATION", None),
    ]


def test_json_min_into_a_fresh_database_says_it_stored_done_work(tmp_path: Path) -> None:
    shutil.copy(BACK_MIN, tmp_path / "min.json")
    out = ok("import", "min.json", "--format", "labelstudio", "--db", "m.db", "--annotator", "alice", cwd=tmp_path)
    assert out.splitlines() == [
        "3 record(s) imported (3 new article(s)) -> m.db",
        SPEAKERS_LEFT_OUT,
        "note: 3 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status",
    ]
    assert rows(tmp_path / "m.db", STATUSES) == [("note-0", "done"), ("note-1", "done"), ("note-2", "done")]

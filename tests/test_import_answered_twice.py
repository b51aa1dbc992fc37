"""A newcomer's finding (42x, 1): a hand-written Prodigy `ner_manual` file where one person answered the same
text twice, the second task with a later `_timestamp` and a corrected span list (as Prodigy's db-out holds after
`undo` or a second session), was refused as a duplicate record, and with --skip-invalid the newer correction was
skipped and the stale answer stored. The answer with the later time stands now (a note says which earlier ones
were left out and where), in every format that gives a time (native JSONL's `updated_at` alike); two answers
with the same time, or without one, are still refused, naming both lines. Real files, the real console script,
real SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from processes import annotator, one_error_line

TEXT = "Mayor Ana Ruiz said the bridge in Riverton will open in May."
ARTICLE = "5fbbaf189e3a7adb"  # the text's hash: the task names no article_id


def task(spans: list[tuple[str, str]], timestamp: int | None) -> dict:
    """A task as a person writes one for Prodigy's ner.manual, by hand."""
    found = [{"start": TEXT.index(s), "end": TEXT.index(s) + len(s), "label": label} for s, label in spans]
    written = {
        "text": TEXT,
        "spans": found,
        "answer": "accept",
        "_view_id": "ner_manual",
        "_annotator_id": "news-alice",
    }
    return written if timestamp is None else {**written, "_timestamp": timestamp}


STALE = task([("Ana Ruiz", "ACTOR"), ("Riverton will", "LOCATION")], 1764500000)
CORRECTED = task([("Ana Ruiz", "ACTOR"), ("Riverton", "LOCATION")], 1764500600)


def write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def spans(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT text, label FROM spans WHERE annotator = 'news-alice' ORDER BY start").fetchall()


def imported(tmp_path: Path, *options: str) -> str:
    result = annotator("import", "prodigy_dup.jsonl", "--format", "prodigy", "--db", "x.db", *options, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def test_the_later_timestamp_stands_and_a_note_says_which_was_left_out(tmp_path: Path) -> None:
    write(tmp_path / "prodigy_dup.jsonl", STALE, CORRECTED)
    assert imported(tmp_path).splitlines() == [
        "1 record(s) imported (1 new article(s)) -> x.db",
        "note: 1 earlier answer(s) in prodigy_dup.jsonl left out for a later answer of the same article by the same "
        "annotator (the later updated_at or _timestamp stands): line 1 (by line 2)",
    ]
    assert spans(tmp_path / "x.db") == [("Ana Ruiz", "ACTOR"), ("Riverton", "LOCATION")]


def test_with_skip_invalid_the_correction_is_stored_not_the_stale_answer(tmp_path: Path) -> None:
    write(tmp_path / "prodigy_dup.jsonl", STALE, CORRECTED)
    imported(tmp_path, "--skip-invalid")
    assert spans(tmp_path / "x.db") == [("Ana Ruiz", "ACTOR"), ("Riverton", "LOCATION")]


def test_the_later_timestamp_stands_wherever_it_is_in_the_file(tmp_path: Path) -> None:
    write(tmp_path / "prodigy_dup.jsonl", CORRECTED, STALE)
    assert imported(tmp_path).splitlines()[1].endswith(": line 2 (by line 1)")
    assert spans(tmp_path / "x.db") == [("Ana Ruiz", "ACTOR"), ("Riverton", "LOCATION")]


def test_the_same_timestamp_is_refused_naming_both_lines_and_nothing_is_written(tmp_path: Path) -> None:
    write(tmp_path / "prodigy_dup.jsonl", STALE, {**CORRECTED, "_timestamp": STALE["_timestamp"]})
    result = annotator("import", "prodigy_dup.jsonl", "--format", "prodigy", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"prodigy_dup.jsonl:2: duplicate record: article {ARTICLE!r} by 'news-alice' is already at line 1 (both give "
        "the same moment, so the import cannot tell which answer stands)"
    )
    assert not (tmp_path / "x.db").exists()


def test_answers_without_a_timestamp_are_refused(tmp_path: Path) -> None:
    write(tmp_path / "prodigy_dup.jsonl", task([], None), task([("Ana Ruiz", "ACTOR")], None))
    result = annotator("import", "prodigy_dup.jsonl", "--format", "prodigy", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result).endswith(
        "is already at line 1 (neither gives a time, so the import cannot tell which answer stands)"
    )


def test_native_records_follow_the_same_rule_by_updated_at(tmp_path: Path) -> None:
    record = {"article_id": "n1", "text": TEXT, "annotator": "news-alice", "status": "done"}
    stale = {
        **record,
        "spans": [{"start": 6, "end": 14, "label": "ACTOR", "text": "Ana Ruiz"}],
        "updated_at": "2026-11-30T10:00:00Z",
    }
    newer = {**record, "spans": [], "updated_at": "2026-11-30T15:00:00+05:00"}  # 10:00Z: the same moment
    write(tmp_path / "native.jsonl", stale, newer)
    result = annotator("import", "native.jsonl", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result).startswith("native.jsonl:2: duplicate record: article 'n1' by 'news-alice'")
    write(tmp_path / "native.jsonl", stale, {**newer, "updated_at": "2026-11-30T10:00:01Z"})
    result = annotator("import", "native.jsonl", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1].endswith(": line 1 (by line 2)")
    assert spans(tmp_path / "x.db") == []


def test_binary_answers_about_one_span_follow_the_later_timestamp_too(tmp_path: Path) -> None:
    """ner.teach answers: the one with the later `_timestamp` stands, wherever it is in the file (before, the
    last in the file did, so an older answer copied in after a newer one undid it)."""
    span = {"start": 6, "end": 14, "label": "ACTOR"}
    asked = {"text": TEXT, "spans": [span], "_view_id": "ner", "_annotator_id": "news-alice"}
    write(tmp_path / "prodigy_dup.jsonl", {**asked, "answer": "accept", "_timestamp": 1764500600},
          {**asked, "answer": "reject", "_timestamp": 1764500000})  # fmt: skip
    imported(tmp_path)
    assert spans(tmp_path / "x.db") == [("Ana Ruiz", "ACTOR")]

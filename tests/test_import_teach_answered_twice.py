"""Prodigy ner.teach: a span answered twice by one annotator (rejected, then accepted in a later session, as
Prodigy's db-out holds) keeps the later answer, but the earlier one was left out without a word, while a manual
task answered twice is named in a note. The note names it now, as it names manual tasks: where the earlier answer
was, about which span, and the answer that stands (a repeat of the same answer replaces nothing: no note). The
real console script, real files, a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from real_files import annotations

TEXT = "Acmecorp hired Tom Baker last week."


def _task(start: int, end: int, answer: str, number: int, timestamp: int | None = None) -> dict[str, object]:
    span = {"start": start, "end": end, "text": TEXT[start:end], "label": "PERSON", "answer": answer}
    task = {"text": TEXT, "spans": [span], "_input_hash": 7, "_task_hash": number, "answer": answer}
    return task if timestamp is None else {**task, "_timestamp": timestamp}


def _import(folder: Path, *tasks: dict[str, object]) -> list[str]:
    (folder / "teach.jsonl").write_text("".join(json.dumps(t) + "\n" for t in tasks), encoding="utf-8")
    result = annotator("import", "teach.jsonl", "--format", "prodigy", "--annotator", "bob", "--label-map",
                       "PERSON=ACTOR", "--db", "x.db", cwd=folder)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout.splitlines()


def test_the_earlier_answer_left_out_is_named(tmp_path: Path) -> None:
    lines = _import(tmp_path, _task(15, 24, "reject", 1, 1764500000), _task(15, 24, "accept", 2, 1764500600))
    assert lines == [
        "1 record(s) imported (1 new article(s), 1 decision(s) on suggestions) -> x.db",
        "note: 1 earlier answer(s) in teach.jsonl left out for a later answer of the same article by the same "
        "annotator (the later updated_at or _timestamp stands): line 1 about ACTOR 15:24 'Tom Baker' (by line 2)",
    ]
    assert annotations(tmp_path / "x.db") == [(TEXT[:30], "bob", "in_progress", [("ACTOR", "Tom Baker", None)])]


def test_the_later_timestamp_stands_wherever_it_is_in_the_file(tmp_path: Path) -> None:
    lines = _import(tmp_path, _task(15, 24, "accept", 1, 1764500600), _task(15, 24, "reject", 2, 1764500000))
    assert lines[1:] == [
        "note: 1 earlier answer(s) in teach.jsonl left out for a later answer of the same article by the same "
        "annotator (the later updated_at or _timestamp stands): line 2 about ACTOR 15:24 'Tom Baker' (by line 1)",
    ]
    assert annotations(tmp_path / "x.db") == [(TEXT[:30], "bob", "in_progress", [("ACTOR", "Tom Baker", None)])]


def test_a_span_repeated_with_the_same_answer_is_no_answer_left_out(tmp_path: Path) -> None:
    """Prodigy's 2017 files repeat a text's earlier spans in its later tasks, each with the answer it had."""
    lines = _import(tmp_path, _task(15, 24, "accept", 1), _task(15, 24, "accept", 2))
    assert lines == ["1 record(s) imported (1 new article(s), 1 decision(s) on suggestions) -> x.db"]

"""What makes a Prodigy task a binary answer (ner.teach), read from what Prodigy's own files carry (trial t1: two
contradicting answers about one span without `_view_id` were refused as a duplicate record, while the docs said the
later answer stands). prodigy-recipes' 2017 ner.teach dataset gives every span its own `answer`; its `ner_teach`
recipe sets view_id "ner", which Prodigy writes into each saved task as `_view_id`. A task with neither is a manual
task (as one of Prodigy's manual recipes before `_view_id` was written), and two manual answers about one text
with no time are refused, as everywhere on import. The tasks are real lines of prodigy-recipes'
annotated_reddit-PRODUCT-ner.jsonl (fixtures/real/prodigy: its lines 710 and 713, 0-based); the real console script
and a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from processes import annotator, one_error_line
from real_files import REAL, annotations

TASKS = [json.loads(line) for line in (REAL / "prodigy" / "ner_teach_reddit_product.jsonl").read_text().splitlines()]
ACCEPTED, REJECTED = TASKS[16], TASKS[17]  # one text: 'MacBook' accepted and 'G3' rejected, then 'G3' rejected


def _import(folder: Path, *tasks: dict[str, Any]) -> Any:
    (folder / "teach.jsonl").write_text("".join(json.dumps(t) + "\n" for t in tasks), encoding="utf-8")
    return annotator("import", "teach.jsonl", "--format", "prodigy", "--annotator", "bob", "--label-map",
                     "PRODUCT=ACTOR", "--db", "x.db", cwd=folder)  # fmt: skip


def _without_span_answers(task: dict[str, Any], **more: Any) -> dict[str, Any]:
    spans = [{k: v for k, v in span.items() if k != "answer"} for span in task["spans"]]
    return {**task, "spans": spans, **more}


def test_prodigys_own_ner_teach_tasks_are_binary_by_their_spans_answers(tmp_path: Path) -> None:
    result = _import(tmp_path, ACCEPTED, REJECTED)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines() == [
        "1 record(s) imported (1 new article(s), 2 decision(s) on suggestions) -> x.db"
    ]
    assert annotations(tmp_path / "x.db") == [(ACCEPTED["text"][:30], "bob", "in_progress", [("ACTOR", "MacBook", None)])]  # fmt: skip


def test_a_task_marked_ner_is_binary_the_later_answer_stands(tmp_path: Path) -> None:
    first = _without_span_answers(REJECTED, _view_id="ner", answer="accept", _task_hash=1)
    later = _without_span_answers(REJECTED, _view_id="ner")
    result = _import(tmp_path, first, later)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines() == [
        "1 record(s) imported (1 new article(s), 1 decision(s) on suggestions) -> x.db",
        "note: 1 earlier answer(s) in teach.jsonl left out for a later answer of the same article by the same "
        "annotator (the later updated_at or _timestamp stands): line 1 about ACTOR 252:254 'G3' (by line 2)",
    ]
    assert annotations(tmp_path / "x.db") == [(ACCEPTED["text"][:30], "bob", "in_progress", [])]


def test_a_task_with_no_mark_of_a_binary_answer_is_a_manual_one(tmp_path: Path) -> None:
    first = _without_span_answers(REJECTED, answer="accept", _task_hash=1)
    result = _import(tmp_path, first, _without_span_answers(REJECTED))
    assert one_error_line(result) == (
        "teach.jsonl:2: duplicate record: article 'd0b317cb5c24ff89' by 'bob' is already at line 1 "
        "(neither gives a time, so the import cannot tell which answer stands)"
    )
    assert not (tmp_path / "x.db").exists()

"""A re-trial (s51 t4r, F11-v1b): the same task file imported twice into Label Studio, one copy submitted with an
ACTOR and the other SKIPPED by the same user (`was_cancelled`, no result). The import refused the whole file as a
duplicate record, and when the skip came first the advised --skip-invalid kept the skip and dropped the work. A
skip of one copy says nothing of the answer to the other: the submitted answer stands, the skip is left out and
listed, in either order, with or without --skip-invalid, even when the skip was made later. Files made from the
real Label Studio 1.23.2 export of two tasks with one text (tests/fixtures/real/labelstudio/ls1232_two_texts.json),
the real console script, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from processes import annotator
from real_files import TWO_TEXTS
from real_files import TWO_TEXTS_CONFIG as CONFIG

from annotator.store import Store
from annotator.vocabulary import Status

TITLE_REGION = (
    "left out: 1 Label Studio region(s) on the object 'title' (data.title), not the text's 'text' (data.text), "
    "as two.xml says"
)


def tasks_with_a_skipped_copy(*, work_shown: bool = False) -> list[dict[str, Any]]:
    """The two tasks, task 2's annotation a skip as the server exports one (`was_cancelled`, no result);
    `work_shown`: each answer changed after the server made it (a moment of work), the skip ten minutes after the
    submitted answer."""
    tasks: list[dict[str, Any]] = json.loads(TWO_TEXTS.read_text(encoding="utf-8"))
    skip = tasks[1]["annotations"][0]
    skip.update(was_cancelled=True, result=[])
    tasks[1].update(total_annotations=0, cancelled_annotations=1)
    if work_shown:
        tasks[0]["annotations"][0].update(lead_time=30.5, updated_at="2026-12-06T03:17:54.102211Z")
        skip.update(lead_time=3.1, created_at="2026-12-06T03:27:24.249220Z", updated_at="2026-12-06T03:27:27.352107Z")
    return tasks


def imported(tmp_path: Path, tasks: list[dict[str, Any]], *options: str) -> list[str]:
    (tmp_path / "two.xml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "copies.json").write_text(json.dumps(tasks, indent=1), encoding="utf-8")
    args = ("import", "copies.json", "--format", "labelstudio", "--config", "two.xml", "--db", "t.db", *options)
    result = annotator(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def assert_the_submitted_answer_stands(db: Path, task_id: int) -> None:
    with Store.open(db, read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.annotators() == ["labelstudio-user-1"]
        assert store.status(article_id, "labelstudio-user-1") is Status.DONE
        spans = store.spans(article_id, "labelstudio-user-1")
        assert [(s.start, s.end, s.label.value, s.text) for s in spans] == [(0, 8, "ACTOR", "Ana Ruiz")]
        assert store.article(article_id).meta == {
            "labelstudio_task_id": task_id,
            "labelstudio_annotation_ids": {"labelstudio-user-1": task_id},
        }


def skipped_listed(where: str, answered_task: int) -> list[str]:
    """What the import prints when the copy at `where` (line: record) is the skip and the answer is at task
    `answered_task` of the file."""
    return [
        "1 record(s) imported (1 new article(s)) -> t.db",
        "skipped 1 record(s):",
        f"  copies.json:{where}: annotations[0] is 'labelstudio-user-1''s skip (was_cancelled) of a copy of the text "
        f"they answered at task {answered_task} (id 1)'s annotations[0]: that answer stands",
        TITLE_REGION,
    ]


@pytest.mark.parametrize("options", [(), ("--skip-invalid",)])
def test_a_skipped_second_copy_is_left_out_and_listed(tmp_path: Path, options: tuple[str, ...]) -> None:
    assert imported(tmp_path, tasks_with_a_skipped_copy(), *options) == skipped_listed("78: record 2", 1)
    assert_the_submitted_answer_stands(tmp_path / "t.db", 1)


@pytest.mark.parametrize("options", [(), ("--skip-invalid",)])
def test_a_skipped_first_copy_gives_way_to_the_submitted_one(tmp_path: Path, options: tuple[str, ...]) -> None:
    """The skip first in the file: --skip-invalid kept it and dropped the submitted work."""
    assert imported(tmp_path, tasks_with_a_skipped_copy()[::-1], *options) == skipped_listed("2: record 1", 2)
    assert_the_submitted_answer_stands(tmp_path / "t.db", 1)


def test_a_copy_skipped_later_does_not_take_the_place_of_the_answer(tmp_path: Path) -> None:
    """Each answer with a moment of work, the skip ten minutes after the answer: of two copies (two tasks), the
    later is no second thought about the first, as a later answer of one task is, so the skip still gives way."""
    assert imported(tmp_path, tasks_with_a_skipped_copy(work_shown=True)) == skipped_listed("78: record 2", 1)
    assert_the_submitted_answer_stands(tmp_path / "t.db", 1)

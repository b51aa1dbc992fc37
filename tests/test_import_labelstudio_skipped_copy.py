"""A re-trial (s51 t4r, F11-v1b): the same task file imported twice into Label Studio, one copy submitted with an
ACTOR and the other SKIPPED by the same user (`was_cancelled`, no result). The import refused the whole file as a
duplicate record, and when the skip came first the advised --skip-invalid kept the skip and dropped the work. A
skip of one copy says nothing of the answer to the other: the submitted answer stands, the skip is left out and
listed, in either order, with or without --skip-invalid, even when the skip was made later. Files made from the
real Label Studio 1.23.2 export of two tasks with one text (tests/fixtures/real/labelstudio/ls1232_two_texts.json),
the real console script, real SQLite."""

from __future__ import annotations

import copy
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


def skipped_listed(line: int, task: int, answered_task: int) -> list[str]:
    """What the import prints when the copy at `line` (the task with id `task`) is the skip and the answer is at the
    task with id `answered_task` (re-trial s52 t6 W6: it was listed under "skipped 1 record(s):", the heading of the
    bad records --skip-invalid drops, as "'labelstudio-user-1''s skip ... at task 2 (id 1)'s annotations[0]")."""
    return [
        "1 record(s) imported (1 new article(s)) -> t.db",
        "left out: 1 skip of a copy of an answered text:",
        f"  copies.json:{line}: task id {task}, annotations[0]: labelstudio-user-1 skipped it and answered the same "
        f"text at task id {answered_task} (annotations[0]): that answer stands",
        TITLE_REGION,
    ]


@pytest.mark.parametrize("options", [(), ("--skip-invalid",)])
def test_a_skipped_second_copy_is_left_out_and_listed(tmp_path: Path, options: tuple[str, ...]) -> None:
    assert imported(tmp_path, tasks_with_a_skipped_copy(), *options) == skipped_listed(78, 2, 1)
    assert_the_submitted_answer_stands(tmp_path / "t.db", 1)


@pytest.mark.parametrize("options", [(), ("--skip-invalid",)])
def test_a_skipped_first_copy_gives_way_to_the_submitted_one(tmp_path: Path, options: tuple[str, ...]) -> None:
    """The skip first in the file: --skip-invalid kept it and dropped the submitted work."""
    assert imported(tmp_path, tasks_with_a_skipped_copy()[::-1], *options) == skipped_listed(2, 2, 1)
    assert_the_submitted_answer_stands(tmp_path / "t.db", 1)


def test_a_copy_skipped_later_does_not_take_the_place_of_the_answer(tmp_path: Path) -> None:
    """Each answer with a moment of work, the skip ten minutes after the answer: of two copies (two tasks), the
    later is no second thought about the first, as a later answer of one task is, so the skip still gives way."""
    assert imported(tmp_path, tasks_with_a_skipped_copy(work_shown=True)) == skipped_listed(78, 2, 1)
    assert_the_submitted_answer_stands(tmp_path / "t.db", 1)


def copies(*states: str, users: tuple[int, ...] = (1,)) -> list[dict[str, Any]]:
    """Task 1 of the export once for each of `states`, each copy a task of its own (ids 1, 2, ...), holding an
    annotation by each of `users` (ids counted on): "a" the ACTOR answered, "s" a skip; a state of several letters
    gives each user's in turn."""
    task: dict[str, Any] = json.loads(TWO_TEXTS.read_text(encoding="utf-8"))[0]
    made, number = [], 0
    for task_id, state in enumerate(states, start=1):
        annotations = []
        for user, letter in zip(users, state * len(users) if len(state) == 1 else state, strict=True):
            number += 1
            annotation = {**copy.deepcopy(task["annotations"][0]), "id": number, "completed_by": user, "task": task_id}
            if letter == "s":
                annotation.update(was_cancelled=True, result=[])
            annotations.append(annotation)
        made.append({**copy.deepcopy(task), "id": task_id, "inner_id": task_id, "annotations": annotations})
    return made


def test_a_skip_repeating_a_skip_left_out_is_listed_against_the_answer(tmp_path: Path) -> None:
    """Two skips, then the answer (re-trial s52 t6 W1): the second skip was listed as a repeat of the first, which
    was itself left out."""
    assert imported(tmp_path, copies("s", "s", "a")) == [
        "1 record(s) imported (1 new article(s)) -> t.db",
        "left out: 2 skips of a copy of an answered text:",
        "  copies.json:2: task id 1, annotations[0]: labelstudio-user-1 skipped it and answered the same text at "
        "task id 3 (annotations[0]): that answer stands",
        "  copies.json:50: task id 2, annotations[0]: labelstudio-user-1 skipped it and answered the same text at "
        "task id 3 (annotations[0]): that answer stands",
        TITLE_REGION,
    ]
    assert_the_submitted_answer_stands(tmp_path / "t.db", 3)


def test_another_users_second_skip_names_the_user_and_the_annotation(tmp_path: Path) -> None:
    """One user answers copy 1 and skips copy 2, another (named with quotes and markup, shown as they are) skips
    both (re-trial s52 t6 W3: the second line, "record 2: repeats the record at task 1 (id 1)'s annotations[1]",
    named neither the user nor the annotation)."""
    options = ("--user-map", "11=ana,12=[b]o'k[i]")
    assert imported(tmp_path, copies("as", "s", users=(11, 12)), *options) == [
        "2 record(s) imported (1 new article(s)) -> t.db",
        "left out: 1 skip of a copy of an answered text:",
        "  copies.json:101: task id 2, annotations[0]: ana skipped it and answered the same text at task id 1 "
        "(annotations[0]): that answer stands",
        "left out: 1 skip repeating a skip of another copy:",
        "  copies.json:101: task id 2, annotations[1]: [b]o'k[i] skipped it, as they skipped the same text at task "
        "id 1 (annotations[1])",
        TITLE_REGION,
    ]
    with Store.open(tmp_path / "t.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert [(who, store.status(article_id, who)) for who in ("ana", "[b]o'k[i]")] == [
            ("ana", Status.DONE),
            ("[b]o'k[i]", Status.SKIPPED),
        ]


def test_two_skips_of_one_task_by_one_user_list_the_second_at_its_annotation(tmp_path: Path) -> None:
    """s55 (hB's suspicion, reproduced in s56): one user's two cancelled annotations of one task were listed as
    "record 1: repeats the record at task 1 (id 1)'s annotations[0]", naming the task the repeat is in as the place
    of the first; the listing now names the repeat's own annotation, as a refusal names a part."""
    (tmp_path / "two.xml").write_text(CONFIG, encoding="utf-8")
    tasks = tasks_with_a_skipped_copy()
    skip = tasks[1]["annotations"][0]
    tasks[1]["annotations"].append(dict(copy.deepcopy(skip), id=skip["id"] + 10))
    (tmp_path / "skips.json").write_text(json.dumps(tasks[1:]), encoding="utf-8")
    args = ("import", "skips.json", "--format", "labelstudio", "--config", "two.xml", "--db", "t.db")
    result = annotator(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "1 record(s) imported (1 new article(s)) -> t.db",
        "skipped 1 record(s):",
        "  skips.json:1: record 1: field 'annotations[1]': repeats the record at task 1 (id 2)'s annotations[0]",
    ]
    with Store.open(tmp_path / "t.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.status(article_id, "labelstudio-user-1") is Status.SKIPPED

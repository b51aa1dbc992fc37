"""S55 W1-a: a mid-project export (copy 1 not yet annotated, copy 2 skipped), then the full export (both copies
skipped by the same user), into one database. The second import listed the file's skip of copy 2, which is the
skip stored here, as "repeating a skip" of copy 1, whose skip was itself left out (the stored skip stands, "1
unchanged"), and noted copy 1's annotation id as not kept. The skip left out is copy 1's, listed against the skip of
copy 2 this database holds. Files made from the real Label Studio 1.23.2 export of two tasks with one text
(`test_import_labelstudio_skipped_copy_later.tasks`), the real console script, real SQLite."""

from __future__ import annotations

from pathlib import Path

from test_import_labelstudio_skipped_copy_later import UNNAMED, WHO, run, stored, tasks

from annotator.vocabulary import Status


def test_the_full_exports_skip_of_the_stored_copy_is_not_listed_as_repeating_the_other(tmp_path: Path) -> None:
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    assert run(tmp_path, "full.json", tasks("skipped", "skipped")) == (
        0,
        [
            "0 record(s) imported (0 new article(s)); 1 unchanged -> t.db",
            "left out: 1 skip repeating a skip of another copy:",
            f"  full.json:2: task id 1, annotations[0]: {WHO} skipped it, as they skipped the same text at task id 2 "
            "(annotation id 2, in this database)",
        ],
        UNNAMED + "\n",
    )
    assert stored(tmp_path / "t.db") == (
        Status.SKIPPED,
        [],
        {"labelstudio_task_id": 2, "labelstudio_annotation_ids": {WHO: 2}},
    )


def test_the_same_full_export_into_a_new_database_lists_the_later_copy(tmp_path: Path) -> None:
    """Without the mid export, the first copy's skip stands, as before."""
    code, lines, _ = run(tmp_path, "full.json", tasks("skipped", "skipped"))
    assert (code, lines[1:]) == (
        0,
        [
            "left out: 1 skip repeating a skip of another copy:",
            f"  full.json:50: task id 2, annotations[0]: {WHO} skipped it, as they skipped the same text at task id 1 "
            "(annotations[0])",
        ],
    )


def test_a_skip_beside_an_answer_in_conflict_does_not_say_the_answer_stands(tmp_path: Path) -> None:
    """The full export with copy 1 skipped and copy 2 answered: copy 2's answer meets the stored skip of the same
    task, a conflict (not imported), so the skip of copy 1 is not left out for an answer that "stands"."""
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    code, lines, _ = run(tmp_path, "full.json", tasks("skipped", "answered"))
    assert (code, lines[:3]) == (
        1,
        [
            "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db",
            "left out: 1 skip of a copy of an answered text:",
            f"  full.json:2: task id 1, annotations[0]: {WHO} skipped it and answered the same text at task id 2 "
            "(annotations[0]), an answer not imported: it conflicts with the work stored here (listed below)",
        ],
    )
    assert stored(tmp_path / "t.db")[:2] == (Status.SKIPPED, [])

"""Trial t4 F11: two Label Studio tasks with one text (tests/fixtures/real/labelstudio/ls1232_two_texts.json, made by
Label Studio 1.23.2: tasks 1 and 2 hold the same data, each annotated once by user 1, differently) were refused as
a duplicate "neither gives a time", though each annotation carries `created_at` and `updated_at`: those are the
server's stamps, made at once, which show no work, so they do not tell which answer stands. The line now says so,
and the way forward (--skip-invalid keeps the first). The real console script, the real file and its project's
labelling config."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line
from real_files import TWO_TEXTS
from real_files import TWO_TEXTS_CONFIG as CONFIG

from annotator.store import Store


def test_the_duplicate_line_says_the_servers_stamps_tell_nothing_and_the_way_forward(tmp_path: Path) -> None:
    (tmp_path / "two.xml").write_text(CONFIG, encoding="utf-8")
    args = ("import", TWO_TEXTS, "--format", "labelstudio", "--config", "two.xml", "--db", "t.db")
    result = annotator(*args, cwd=tmp_path)
    assert one_error_line(result) == (
        f"{TWO_TEXTS}:1: record 2: field 'annotations[0]': duplicate record: article 'd8405cbb76c3f969' by "
        "'labelstudio-user-1' is already at task 1 (id 1)'s annotations[0] (the created_at and updated_at of each are "
        "the server's stamps, which show no work, so the import cannot tell which answer stands: --skip-invalid keeps "
        "the first and lists this one)"
    )
    assert not (tmp_path / "t.db").exists()
    kept = annotator(*args, "--skip-invalid", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.splitlines()[:2] == ["1 record(s) imported (1 new article(s)) -> t.db", "skipped 1 record(s):"]
    with Store.open(tmp_path / "t.db", read_only=True) as store:
        assert store.annotators() == ["labelstudio-user-1"]


def test_two_copies_of_a_task_with_the_same_answer_are_read_as_one(tmp_path: Path) -> None:
    """A re-trial (s51 t4r, F11-v1): the same task file imported twice into Label Studio, both copies given the same
    answer, refused the whole import as a duplicate once the import kept each task's id in the record's meta: the
    two records then differed in their task ids alone. A copy that says the same is a repeat, skipped and listed
    at its annotation, as a refusal names it; the article keeps the first copy's task id."""
    (tmp_path / "two.xml").write_text(CONFIG, encoding="utf-8")
    tasks = json.loads(TWO_TEXTS.read_text(encoding="utf-8"))
    tasks[1]["annotations"][0]["result"] = tasks[0]["annotations"][0]["result"]
    (tmp_path / "same.json").write_text(json.dumps(tasks, indent=1), encoding="utf-8")
    args = ("import", "same.json", "--format", "labelstudio", "--config", "two.xml", "--db", "t.db")
    result = annotator(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "1 record(s) imported (1 new article(s)) -> t.db",
        "skipped 1 record(s):",
        "  same.json:81: record 2: field 'annotations[0]': repeats the record at task 1 (id 1)'s annotations[0]",
    ]
    with Store.open(tmp_path / "t.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.article(article_id).meta["labelstudio_task_id"] == 1


def test_the_listing_of_a_duplicate_names_the_line_its_refusal_names(tmp_path: Path) -> None:
    """A re-trial (s52 t6 W2): in an indented export the refusal named the annotation's line (81) and the
    --skip-invalid listing of the same record the task's (78): both name the annotation's line."""
    (tmp_path / "two.xml").write_text(CONFIG, encoding="utf-8")
    tasks = json.loads(TWO_TEXTS.read_text(encoding="utf-8"))
    (tmp_path / "indented.json").write_text(json.dumps(tasks, indent=1), encoding="utf-8")
    args = ("import", "indented.json", "--format", "labelstudio", "--config", "two.xml", "--db", "t.db")
    refused = one_error_line(annotator(*args, cwd=tmp_path))
    assert refused.startswith("indented.json:81: record 2: field 'annotations[0]': duplicate record: ")  # its `{`
    kept = annotator(*args, "--skip-invalid", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.splitlines()[1:3] == ["skipped 1 record(s):", f"  {refused}"]

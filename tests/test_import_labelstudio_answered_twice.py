"""A newcomer's finding: two answers of one person to one Label Studio task (two annotations in the task, as a
server keeps when a user submits it again) were named by the task alone, "record 1 (by record 1)", in the note
of the answer left out, and the refusal of two answers with one time said the record is "already at record 1".
Each answer is named by its task and its annotation, with its annotator. Real files, the real console script,
real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

TEXT = "Mayor Ana Ruiz said the bridge in Riverton will open in May."
ARTICLE = "5fbbaf189e3a7adb"  # the text's hash: the task names no article_id


def region(number: int, words: str, label: str) -> dict:
    start = TEXT.index(words)
    value = {"start": start, "end": start + len(words), "text": words, "labels": [label]}
    return {"id": f"r{number}", "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def answer(number: int, spans: list[tuple[str, str]], minute: int) -> dict:
    """An annotation by user 3 (alice@x.org), made and submitted at the given minute of one hour."""
    return {
        "id": number,
        "completed_by": {"id": 3, "email": "alice@x.org"},
        "was_cancelled": False,
        "result": [region(i, words, label) for i, (words, label) in enumerate(spans)],
        "created_at": f"2026-11-30T10:{minute:02d}:00Z",
        "updated_at": f"2026-11-30T10:{minute + 5:02d}:00Z",
        "lead_time": 12.5,
    }


STALE = [("Ana Ruiz", "ACTOR"), ("Riverton will", "LOCATION")]
CORRECTED = [("Ana Ruiz", "ACTOR"), ("Riverton", "LOCATION")]


def write(path: Path, *annotations: dict) -> None:
    """One task, with the id a server gave it (not its place in the file)."""
    task = {"id": 7, "data": {"text": TEXT}, "annotations": list(annotations), "predictions": []}
    path.write_text(json.dumps([task]), "utf-8")


def test_the_note_names_the_task_each_annotation_and_the_annotator(tmp_path: Path) -> None:
    write(tmp_path / "ls.json", answer(1, STALE, 0), answer(2, CORRECTED, 30))
    result = annotator("import", "ls.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "1 record(s) imported (1 new article(s)) -> x.db",
        "note: 1 earlier answer(s) in ls.json left out for a later answer of the same article by the same "
        "annotator (the later updated_at or _timestamp stands; of one Label Studio task's answers, the one made or "
        "changed last): task 1 (id 7)'s annotations[0] of 'alice@x.org' (by "
        "task 1 (id 7)'s annotations[1])",
    ]


def test_two_answers_with_one_time_are_refused_naming_both_annotations(tmp_path: Path) -> None:
    write(tmp_path / "ls.json", answer(1, STALE, 0), answer(2, CORRECTED, 0))
    result = annotator("import", "ls.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"ls.json:1: record 1: field 'annotations[1]': duplicate record: article {ARTICLE!r} by 'alice@x.org' is "
        "already at task 1 (id 7)'s annotations[0] (both give the same moment, so the import cannot tell which "
        "answer stands)"
    )


def test_two_fresh_answers_stamped_at_one_moment_are_refused_as_of_the_same_moment(tmp_path: Path) -> None:
    """Each answer is stamped once (made and submitted together: no moment of work by `updated_at`, its moment is
    when the server made it), both at 10:00: the refusal said "neither gives a time", though both give one."""
    fresh = [{**answer(n, spans, 0), "updated_at": "2026-11-30T10:00:00Z"} for n, spans in [(1, STALE), (2, CORRECTED)]]
    write(tmp_path / "ls.json", *fresh)
    result = annotator("import", "ls.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"ls.json:1: record 1: field 'annotations[1]': duplicate record: article {ARTICLE!r} by 'alice@x.org' is "
        "already at task 1 (id 7)'s annotations[0] (both give the same moment, so the import cannot tell which "
        "answer stands)"
    )

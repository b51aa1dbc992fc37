"""A re-trial (s52 t6, F11-v1b-a): a skip of one copy of a text gives way to the same user's answer to another
copy inside one file, but not across two imports. A mid-project export (copy 1 not yet annotated, copy 2 skipped),
then the full export (copy 1 answered, copy 2 skipped), into one database: the second run said "that answer stands"
and kept the stored skip as a conflict (rc 1), and its advised --replace put the skip's task and annotation ids on
the answer. A later file holding only the skipped copy, the answer stored, was a conflict too, whose --replace
would put the skip over the work. The stored work now says which task it came from (its import event's origin):
a stored skip of another task gives way to the answer, an answer stored stands against a skip of another task;
a skip of the same task keeps the conflict. Files made from the real Label Studio 1.23.2 export of two tasks with
one text (tests/fixtures/real/labelstudio/ls1232_two_texts.json), the real console script, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from processes import annotator
from real_files import TWO_TEXTS
from real_files import TWO_TEXTS_CONFIG as CONFIG

from annotator.store import Store
from annotator.vocabulary import Status

WHO = "labelstudio-user-1"
TITLE_REGION = (
    "left out: 1 Label Studio region(s) on the object 'title' (data.title), not the text's 'text' (data.text), "
    "as two.xml says"
)
UNNAMED = (
    "annotator: note: 1 Label Studio user known only by id is stored as labelstudio-user-1 (--user-map 1=NAME names "
    "them)"
)

#: What is stored once the answer (task 1's ACTOR) stands.
ANSWERED = (Status.DONE, [(0, 8, "ACTOR")], {"labelstudio_task_id": 1, "labelstudio_annotation_ids": {WHO: 1}})
#: The lines saying the full export's skip of copy 2 was left out, as its answer of copy 1 stands.
SKIP_LEFT_OUT = (
    "left out: 1 skip of a copy of an answered text:",
    f"  full.json:78: task id 2, annotations[0]: {WHO} skipped it and answered the same text at task id 1 "
    "(annotations[0]): that answer stands",
    TITLE_REGION,
)


def tasks(first: str, second: str) -> list[dict[str, Any]]:
    """The two tasks as the server exports them, each copy "answered" (as exported: an ACTOR on task 1, a LOCATION
    on task 2), "skipped" (`was_cancelled`, no result) or "open" (no annotation yet)."""
    exported: list[dict[str, Any]] = json.loads(TWO_TEXTS.read_text(encoding="utf-8"))
    for task, state in zip(exported, (first, second), strict=True):
        if state == "skipped":
            task["annotations"][0].update(was_cancelled=True, result=[])
            task.update(total_annotations=0, cancelled_annotations=1)
        elif state == "open":
            task.update(annotations=[], total_annotations=0)
    return exported


def json_min(task: dict[str, Any]) -> dict[str, Any]:
    """An answered task as the project's JSON_MIN export writes it: its data, its id, its regions on the text and
    the annotation's fields, with no annotation part (`annotations[0]`) and no status."""
    annotation = task["annotations"][0]
    value = annotation["result"][0]["value"]
    return {
        **task["data"],
        "id": task["id"],
        "label": [{"start": value["start"], "end": value["end"], "text": value["text"], "labels": value["labels"]}],
        "annotator": annotation["completed_by"],
        "annotation_id": annotation["id"],
        "created_at": annotation["created_at"],
        "updated_at": annotation["updated_at"],
        "lead_time": None,
    }


def run(tmp_path: Path, name: str, exported: list[dict[str, Any]], *options: str) -> tuple[int, list[str], str]:
    (tmp_path / "two.xml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / name).write_text(json.dumps(exported, indent=1), encoding="utf-8")
    args = ("import", name, "--format", "labelstudio", "--config", "two.xml", "--db", "t.db", *options)
    result = annotator(*args, cwd=tmp_path)
    return result.returncode, result.stdout.splitlines(), result.stderr


def stored(db: Path) -> tuple[Status, list[tuple[int, int, str]], dict[str, Any]]:
    with Store.open(db, read_only=True) as store:
        (article_id,) = store.article_ids()
        spans = [(s.start, s.end, s.label.value) for s in store.spans(article_id, WHO)]
        return store.status(article_id, WHO), spans, store.article(article_id).meta


def test_a_stored_skip_of_another_copy_gives_way_to_the_full_exports_answer(tmp_path: Path) -> None:
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    assert stored(tmp_path / "t.db") == (
        Status.SKIPPED,
        [],
        {"labelstudio_task_id": 2, "labelstudio_annotation_ids": {WHO: 2}},
    )
    assert run(tmp_path, "full.json", tasks("answered", "skipped")) == (
        0,
        [
            "1 record(s) imported (0 new article(s)); 1 replaced a skip of another copy of its text -> t.db",
            *SKIP_LEFT_OUT,
        ],
        UNNAMED + "\n",
    )
    assert stored(tmp_path / "t.db") == ANSWERED


def test_a_later_file_of_the_skipped_copy_alone_leaves_the_stored_answer(tmp_path: Path) -> None:
    """An export of selected tasks holding only the skipped copy: the answer stored stands, the skip is listed."""
    assert run(tmp_path, "answer.json", tasks("answered", "skipped")[:1])[0] == 0
    before = stored(tmp_path / "t.db")
    assert before == (
        Status.DONE,
        [(0, 8, "ACTOR")],
        {"labelstudio_task_id": 1, "labelstudio_annotation_ids": {WHO: 1}},
    )
    for options in ((), ("--replace",)):
        assert run(tmp_path, "skip.json", tasks("answered", "skipped")[1:], *options) == (
            0,
            [
                "0 record(s) imported (0 new article(s)) -> t.db",
                "left out: 1 skip of a copy of an answered text:",
                f"  skip.json:2: task id 2, annotations[0]: {WHO} skipped it and answered the same text at task id 1 "
                "(annotation id 1, in this database): that answer stands",
            ],
            UNNAMED + "\n",
        )
        assert stored(tmp_path / "t.db") == before


def test_a_stored_skip_of_the_same_task_is_still_a_conflict(tmp_path: Path) -> None:
    """The same task skipped, then answered in a later export: which stands is not shown, as before."""
    assert run(tmp_path, "skip.json", tasks("skipped", "open")[:1])[0] == 0
    assert run(tmp_path, "answer.json", tasks("answered", "open")[:1]) == (
        1,
        [
            "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db",
            TITLE_REGION,
            f"conflict: {WHO} on d8405cbb76c3f969 'A new mayor took Madrid' (answer.json:2) differs from the "
            "work stored here (status: skipped here, done in the file; spans: 1 only in the file (ACTOR 'Ana Ruiz'); "
            "the file does not show it is newer): kept this database's (--replace takes the file's)",
        ],
        f"{UNNAMED}\nannotator: error: 1 record(s) of answer.json not imported: they conflict with the work stored in "
        "t.db (listed above); --replace takes the file's\n",
    )
    assert stored(tmp_path / "t.db") == (
        Status.SKIPPED,
        [],
        {"labelstudio_task_id": 1, "labelstudio_annotation_ids": {WHO: 1}},
    )


def test_a_skip_of_another_copy_edited_since_is_the_tools_work(tmp_path: Path) -> None:
    """The stored skip reopened and skipped again here (a screen's edits): no longer what the import brought, so
    the later export's answer, which would replace it, is compared with it as with any work of the tool's (a
    conflict, as before), whose line says why and what --replace does (s53 t7 F11-v1b-a-3: the bare advice)."""
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    with Store.open(tmp_path / "t.db") as store:
        (article_id,) = store.article_ids()
        store.set_status(article_id, WHO, Status.IN_PROGRESS)
        store.set_status(article_id, WHO, Status.SKIPPED)
    code, lines, _ = run(tmp_path, "full.json", tasks("answered", "skipped"))
    assert (code, lines[0], lines[-1]) == (
        1,
        "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db",
        f"conflict: {WHO} on d8405cbb76c3f969 'A new mayor took Madrid' (full.json:2) differs from the work "
        "stored here (status: skipped here, done in the file; spans: 1 only in the file (ACTOR 'Ana Ruiz'); the file "
        "does not show it is newer): kept this database's (the stored skip, of task id 2, was edited here after its "
        "import, so it is this database's work, which an answer to another copy does not replace by itself: "
        "--replace puts the file's answer to task id 1 in its place; u on that article takes it back)",
    )
    assert stored(tmp_path / "t.db")[:2] == (Status.SKIPPED, [])


def test_a_json_min_answer_that_replaces_a_stored_skip_of_another_copy_is_done(tmp_path: Path) -> None:
    """A re-trial (s53 t7, F11-v1b-a-2): the mid-project JSON export (copy 2 skipped), then the project's JSON_MIN
    export, which holds task 1's answer and leaves the skip out, as Label Studio writes it (no status: a JSON_MIN
    record keeps a stored status). "1 replaced a skip" stored the answer as a skip holding an ACTOR, out of the
    default export and of agreement. The answer that replaces a skip is done work, as a fresh import stores it."""
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    code, lines, _ = run(tmp_path, "full_min.json", [json_min(tasks("answered", "skipped")[0])])
    assert (code, lines[0]) == (
        0,
        "1 record(s) imported (0 new article(s)); 1 replaced a skip of another copy of its text -> t.db",
    )
    assert stored(tmp_path / "t.db") == ANSWERED


def test_two_users_whose_skips_give_way_leave_the_answered_tasks_id(tmp_path: Path) -> None:
    """A re-trial (s53 t7, F11-v1b-a-1): users 1 and 2 both skipped copy 2 in the mid-project export, and both
    answered copy 1 by the full export. Each skip gave way, but the article kept the skips' task id (2): it was
    changed only where one annotator's id was kept. Once every annotator's work here came from task 1, the article
    names task 1, as one file of the same tasks gives."""

    def two_users(first: str, second: str) -> list[dict[str, Any]]:
        exported = tasks(first, second)
        for task in exported:
            for one in list(task["annotations"]):
                task["annotations"].append({**one, "id": one["id"] + 10, "completed_by": 2})
        return exported

    assert run(tmp_path, "mid.json", two_users("open", "skipped"), "--user-map", "1=ana,2=bo")[0] == 0
    code, lines, _ = run(tmp_path, "full.json", two_users("answered", "skipped"), "--user-map", "1=ana,2=bo")
    assert (code, lines[0]) == (
        0,
        "2 record(s) imported (0 new article(s)); 2 replaced a skip of another copy of its text -> t.db",
    )
    with Store.open(tmp_path / "t.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert [store.status(article_id, who) for who in ("ana", "bo")] == [Status.DONE, Status.DONE]
        assert store.article(article_id).meta == {
            "labelstudio_task_id": 1,
            "labelstudio_annotation_ids": {"ana": 1, "bo": 11},
        }


def skip_of_task_2_listed(origin: str) -> tuple[int, list[str], str]:
    """What a file holding only copy 2's skip says when the answer stored here stands (`origin`: how the line
    names it, "annotation id 1, in this database")."""
    return (
        0,
        [
            "0 record(s) imported (0 new article(s)) -> t.db",
            "left out: 1 skip of a copy of an answered text:",
            f"  skip.json:2: task id 2, annotations[0]: {WHO} skipped it and answered the same text at task id 1 "
            f"({origin}): that answer stands",
        ],
        UNNAMED + "\n",
    )


def test_an_answer_edited_here_since_its_import_stands_against_a_skip_of_another_copy(tmp_path: Path) -> None:
    """A re-trial (s53 t7, F11-v1b-a-3): copy 1's answer imported, then a span added here (the screen's edit), then
    a file holding only copy 2's skip. It was a conflict whose advised --replace put the skip over the edited
    answer: keeping the answer replaces nothing, so its import still tells which task it came from."""
    assert run(tmp_path, "answer.json", tasks("answered", "skipped")[:1])[0] == 0
    with Store.open(tmp_path / "t.db") as store:
        (article_id,) = store.article_ids()
        store.add_span(article_id, WHO, 17, 23, "LOCATION")
    before = stored(tmp_path / "t.db")
    assert before == (
        Status.DONE,
        [(0, 8, "ACTOR"), (17, 23, "LOCATION")],
        {"labelstudio_task_id": 1, "labelstudio_annotation_ids": {WHO: 1}},
    )
    assert run(tmp_path, "skip.json", tasks("answered", "skipped")[1:]) == skip_of_task_2_listed(
        "annotation id 1, in this database"
    )
    assert stored(tmp_path / "t.db") == before


def test_an_answer_undone_and_redone_here_stands_against_a_skip_of_another_copy(tmp_path: Path) -> None:
    """The same with the import undone and redone here (u, then ctrl+r): the work is the import's again."""
    assert run(tmp_path, "answer.json", tasks("answered", "skipped")[:1])[0] == 0
    with Store.open(tmp_path / "t.db") as store:
        (article_id,) = store.article_ids()
        store.undo(article_id, WHO)
        store.redo(article_id, WHO)
    assert run(tmp_path, "skip.json", tasks("answered", "skipped")[1:]) == skip_of_task_2_listed(
        "annotation id 1, in this database"
    )
    assert stored(tmp_path / "t.db") == ANSWERED


def test_an_answer_whose_import_was_undone_is_no_longer_its_work(tmp_path: Path) -> None:
    """Copy 1's answer imported over work made here, then undone (u): what is stored is the work made here, which
    no import brought, so a later file's skip of copy 2 is compared with it as before (a conflict)."""
    (tmp_path / "open.json").write_text(json.dumps(tasks("open", "open")[:1]), encoding="utf-8")
    assert annotator("ingest", "open.json", "--no-suggest", "--db", "t.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "t.db") as store:
        (article_id,) = store.article_ids()
        store.add_span(article_id, WHO, 17, 23, "LOCATION")
    assert run(tmp_path, "answer.json", tasks("answered", "skipped")[:1], "--replace")[0] == 0
    with Store.open(tmp_path / "t.db") as store:
        store.undo(article_id, WHO)
    code, lines, _ = run(tmp_path, "skip.json", tasks("answered", "skipped")[1:])
    assert (code, lines[0]) == (1, "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db")
    assert stored(tmp_path / "t.db")[:2] == (Status.IN_PROGRESS, [(17, 23, "LOCATION")])


def test_a_json_min_answer_stands_against_a_skip_of_another_copy(tmp_path: Path) -> None:
    """Copy 1's answer from the project's JSON_MIN export, which names no annotation part, so its import keeps no
    origin; the article keeps task 1's id. A later file holding only copy 2's skip was a conflict: the kept task id
    is another task's, so the answer stands and the skip is listed."""
    assert run(tmp_path, "min.json", [json_min(tasks("answered", "skipped")[0])])[0] == 0
    before = stored(tmp_path / "t.db")
    assert before == (
        Status.DONE,
        [(0, 8, "ACTOR")],
        {"labelstudio_task_id": 1, "labelstudio_annotation_ids": {WHO: 1}},
    )
    assert run(tmp_path, "skip.json", tasks("answered", "skipped")[1:]) == skip_of_task_2_listed("in this database")
    assert stored(tmp_path / "t.db") == before


def test_a_json_min_answer_of_the_skipped_task_is_still_a_conflict(tmp_path: Path) -> None:
    """Copy 2's answer from JSON_MIN, then a file holding copy 2's skip: the article keeps the skip's own task id,
    so which stands is not shown (a conflict, as before)."""
    assert run(tmp_path, "min.json", [json_min(tasks("answered", "answered")[1])])[0] == 0
    assert run(tmp_path, "skip.json", tasks("answered", "skipped")[1:]) == (
        1,
        [
            "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db",
            f"conflict: {WHO} on d8405cbb76c3f969 'A new mayor took Madrid' (skip.json:2) differs from the "
            "work stored here (status: done here, skipped in the file; spans: 1 only here (LOCATION 'Lisbon'); "
            "the file does not show it is newer): kept this database's (--replace takes the file's)",
        ],
        f"{UNNAMED}\nannotator: error: 1 record(s) of skip.json not imported: they conflict with the work stored in "
        "t.db (listed above); --replace takes the file's\n",
    )
    assert stored(tmp_path / "t.db") == (
        Status.DONE,
        [(17, 23, "LOCATION")],
        {"labelstudio_task_id": 2, "labelstudio_annotation_ids": {WHO: 2}},
    )


def test_replace_of_a_skip_of_another_copy_edited_since_takes_the_answers_ids(tmp_path: Path) -> None:
    """The advised --replace on a stored skip of copy 2 edited here since its import: the answer to copy 1 replaces
    it, and the article keeps the answered task's ids, as when the skip gives way by itself (it kept the skip's,
    the answer's annotation id said not kept: re-trial s52 t6 F11-v1b-a's --replace)."""
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    with Store.open(tmp_path / "t.db") as store:
        (article_id,) = store.article_ids()
        store.set_status(article_id, WHO, Status.IN_PROGRESS)
        store.set_status(article_id, WHO, Status.SKIPPED)
    assert run(tmp_path, "full.json", tasks("answered", "skipped"), "--replace") == (
        0,
        [
            "1 record(s) imported (0 new article(s)); 1 replaced work the file does not show is older (--replace) "
            "-> t.db",
            *SKIP_LEFT_OUT,
        ],
        UNNAMED + "\n",
    )
    assert stored(tmp_path / "t.db") == ANSWERED


def test_ingest_of_a_file_of_the_skipped_copy_alone_does_not_advise_the_import_once_the_answer_is_stored(
    tmp_path: Path,
) -> None:
    """S53 t7 F8-v1-a-1: the import leaves the skip out ("that answer stands"), and ingest's note kept advising it."""
    assert run(tmp_path, "full.json", tasks("answered", "skipped"))[0] == 0
    (tmp_path / "skip.json").write_text(json.dumps(tasks("answered", "skipped")[1:], indent=1), encoding="utf-8")
    result = annotator("ingest", "skip.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "0 article(s) added, 1 already stored, 0 suggestion(s) -> t.db\n")
    assert result.stderr == (
        "annotator: note: of 1 Label Studio task(s), 1 carried annotations, which ingest does not read (their texts "
        "are stored): their annotations are imported in t.db already\n"
    )


def test_ingest_still_advises_the_import_of_a_skip_where_the_stored_work_is_a_skip(tmp_path: Path) -> None:
    """The same file where the stored work of that user is a skip of the other copy: the import has a say there."""
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    skipped = tasks("skipped", "skipped")
    skipped[0]["annotations"][0]["id"] = 3
    (tmp_path / "skip.json").write_text(json.dumps(skipped[:1], indent=1), encoding="utf-8")
    result = annotator("ingest", "skip.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert result.stderr.splitlines()[-1] == (
        "annotator: note: of 1 Label Studio task(s), 1 carried annotations, which ingest does not read (their texts "
        "are stored): `annotator import skip.json --format labelstudio --db t.db` reads the annotations"
    )

"""S55 F8-v1-a-2: a Label Studio export imported, then the work it brought changed here (the import undone, or a
span added), then `annotator ingest` of the same file: its note said "their annotations are imported in t.db
already" (the article still keeps the annotation's id) while importing the file again is a conflict. A kept id
whose import is no longer the stored work is not imported already: the note advises the import, which says the
conflict. Files made from the real Label Studio 1.23.2 export of two tasks with one text (copy 1 answered, copy 2
skipped: `test_import_labelstudio_skipped_copy_later.tasks`), the real console script, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from test_import_labelstudio_skipped_copy_later import WHO, run, tasks

from annotator.store import Store

ADVISED = (
    "annotator: note: of 2 Label Studio task(s), 2 carried annotations, which ingest does not read (their texts are "
    "stored): `annotator import full.json --format labelstudio --db t.db` reads the annotations\n"
)
IMPORTED = (
    "annotator: note: of 2 Label Studio task(s), 2 carried annotations, which ingest does not read (their texts are "
    "stored): their annotations are imported in t.db already\n"
)


def ingest(tmp_path: Path) -> tuple[int, str, str]:
    result = annotator("ingest", "full.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    return result.returncode, result.stdout, result.stderr


def imported(tmp_path: Path) -> str:
    """The answer to copy 1 imported (copy 2's skip left out for it); the stored article's id."""
    assert run(tmp_path, "full.json", tasks("answered", "skipped"))[0] == 0
    with Store.open(tmp_path / "t.db", read_only=True) as store:
        (article_id,) = store.article_ids()
    return article_id


def again(tmp_path: Path) -> tuple[int, str]:
    """Importing the same file again: its exit status and first line."""
    code, lines, _ = run(tmp_path, "full.json", tasks("answered", "skipped"))
    return code, lines[0]


def test_ingest_after_the_import_says_the_annotations_are_imported(tmp_path: Path) -> None:
    imported(tmp_path)
    assert ingest(tmp_path) == (0, "0 article(s) added, 2 already stored, 0 suggestion(s) -> t.db\n", IMPORTED)


def test_ingest_advises_the_import_once_it_was_undone_here(tmp_path: Path) -> None:
    article_id = imported(tmp_path)
    with Store.open(tmp_path / "t.db") as store:
        store.undo(article_id, WHO)
    assert ingest(tmp_path) == (0, "0 article(s) added, 2 already stored, 0 suggestion(s) -> t.db\n", ADVISED)
    assert again(tmp_path) == (1, "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db")


def test_ingest_advises_the_import_once_its_work_was_edited_here(tmp_path: Path) -> None:
    article_id = imported(tmp_path)
    with Store.open(tmp_path / "t.db") as store:
        store.add_span(article_id, WHO, 17, 23, "LOCATION")
    assert ingest(tmp_path) == (0, "0 article(s) added, 2 already stored, 0 suggestion(s) -> t.db\n", ADVISED)
    assert again(tmp_path) == (1, "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db")


def test_ingest_says_imported_once_the_import_was_undone_and_redone(tmp_path: Path) -> None:
    """Undone and redone (u, then ctrl+r): the work is the import's again, and importing the file again changes
    nothing."""
    article_id = imported(tmp_path)
    with Store.open(tmp_path / "t.db") as store:
        store.undo(article_id, WHO)
        store.redo(article_id, WHO)
    assert ingest(tmp_path)[2] == IMPORTED
    assert again(tmp_path) == (0, "0 record(s) imported (0 new article(s)); 1 unchanged -> t.db")


def test_ingest_advises_the_import_of_a_skip_once_the_answers_import_was_undone(tmp_path: Path) -> None:
    """A file of copy 2's skip alone, the answer to copy 1 imported over work made here and undone (u): what is
    stored is the work made here, no import's, which the skip meets as a conflict (it no longer stands as the
    answer's: `_answer_stands`)."""
    (tmp_path / "open.json").write_text(json.dumps(tasks("open", "open")[:1]), encoding="utf-8")
    assert annotator("ingest", "open.json", "--no-suggest", "--db", "t.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "t.db") as store:
        (article_id,) = store.article_ids()
        store.add_span(article_id, WHO, 17, 23, "LOCATION")
    assert run(tmp_path, "answer.json", tasks("answered", "skipped")[:1], "--replace")[0] == 0
    with Store.open(tmp_path / "t.db") as store:
        store.undo(article_id, WHO)
    (tmp_path / "skip.json").write_text(json.dumps(tasks("answered", "skipped")[1:]), encoding="utf-8")
    result = annotator("ingest", "skip.json", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert result.stderr == (
        "annotator: note: of 1 Label Studio task(s), 1 carried annotations, which ingest does not read (their texts "
        "are stored): `annotator import skip.json --format labelstudio --db t.db` reads the annotations\n"
    )
    code, lines, _ = run(tmp_path, "skip.json", tasks("answered", "skipped")[1:])
    assert (code, lines[0]) == (1, "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db")


def test_ingest_advises_the_import_of_an_answer_that_was_a_skip_when_imported(tmp_path: Path) -> None:
    """The mid export's skip of copy 2 imported; in the full export the same annotation (id 2) is an answer (the
    user took the skip back and answered): its id is kept here, but importing it is a conflict with the stored
    skip of that task, so the note advises the import."""
    assert run(tmp_path, "mid.json", tasks("open", "skipped"))[0] == 0
    (tmp_path / "full.json").write_text(json.dumps(tasks("skipped", "answered")), encoding="utf-8")
    assert ingest(tmp_path) == (0, "0 article(s) added, 2 already stored, 0 suggestion(s) -> t.db\n", ADVISED)
    code, lines, _ = run(tmp_path, "full.json", tasks("skipped", "answered"))
    assert (code, lines[0]) == (1, "0 record(s) imported (0 new article(s)); 1 conflict(s) -> t.db")

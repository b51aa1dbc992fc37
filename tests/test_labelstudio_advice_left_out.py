"""Re-trial s52 t6 F8-v1-a/b: after both `import --format labelstudio` and `ingest` of one export ran, their notes
still advised each other's command when the import left an annotation out by design (a copy skipped beside the
same user's answer, a copy answered alike: its id is never kept) or when a story's text is stored on an article
with other spacing (a CoNLL import's, `exchange/realign.py`). Each note asks the database one question of the
same shape (`exchange/already_done.py`): are these tasks' texts stored, and their annotations imported? The real
console script on files made from the real Label Studio 1.23.2 exports (tests/fixtures/real/labelstudio), real
SQLite files, exact output."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from processes import annotator
from real_files import REAL, TWO_TEXTS, TWO_TEXTS_CONFIG

CARRIED = (
    "annotator: note: of 2 Label Studio task(s), 2 carried annotations, which ingest does not read (their texts "
    "are stored)"
)
CONLL_ARGS = ("--format", "conll", "--annotator", "bob", "--snap", "--skip-invalid", "--db", "x.db")
TASK_4 = "note: the 1 task(s) without an annotation: task 4 (ls.json:1 record 4)"


def _copies(change: str) -> list[dict[str, Any]]:
    """The two tasks of one text, task 2's annotation (same user) `skipped` (as the server exports a skip), `alike`
    (task 1's answer, its regions with ids of their own, as a server gives them) or `other` (as exported)."""
    tasks: list[dict[str, Any]] = json.loads(TWO_TEXTS.read_text(encoding="utf-8"))
    second = tasks[1]["annotations"][0]
    if change == "skipped":
        second.update(was_cancelled=True, result=[])
    elif change == "alike":
        second["result"] = copy.deepcopy(tasks[0]["annotations"][0]["result"])
        for number, region in enumerate(second["result"], 3):
            region["id"] = f"r{number}"
    return tasks


def _ingest_after_import(
    folder: Path, imported: list[dict[str, Any]], ingested: list[dict[str, Any]], listed: str | None = None
) -> str:
    """Import `imported`, whose left-out copy (if any) is listed under the heading `listed`, then ingest `ingested`:
    ingest's note on the tasks' annotations (its stderr)."""
    (folder / "two.xml").write_text(TWO_TEXTS_CONFIG, encoding="utf-8")
    (folder / "imported.json").write_text(json.dumps(imported, indent=1), encoding="utf-8")
    (folder / "copies.json").write_text(json.dumps(ingested, indent=1), encoding="utf-8")
    args = ("import", "imported.json", "--format", "labelstudio", "--config", "two.xml", "--db", "t.db")
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stderr
    assert listed is None or listed in done.stdout.splitlines()
    ingest = annotator("ingest", "copies.json", "--no-suggest", "--db", "t.db", cwd=folder)
    assert (ingest.returncode, ingest.stdout) == (0, "0 article(s) added, 2 already stored, 0 suggestion(s) -> t.db\n")
    return ingest.stderr


@pytest.mark.parametrize("change", ["skipped", "alike"])
def test_an_annotation_left_out_by_design_does_not_keep_the_import_advised(tmp_path: Path, change: str) -> None:
    """The import lists the copy's annotation as skipped (a skip beside the answer, or a repeat of it) and keeps
    only the answer's id: ingest's note says the annotations are imported."""
    tasks = _copies(change)
    heading = {"skipped": "left out: 1 skip of a copy of an answered text:", "alike": "skipped 1 record(s):"}
    stderr = _ingest_after_import(tmp_path, tasks, tasks, heading[change])
    assert stderr == f"{CARRIED}: their annotations are imported in t.db already\n"


def test_a_copy_answered_otherwise_and_not_imported_keeps_the_import_advised(tmp_path: Path) -> None:
    """Task 1 imported alone; the export then holds task 2 answered otherwise by the same user: not imported, so
    the import is still advised (one kept answer of a user stands only for a skip or a repeat of it)."""
    tasks = _copies("other")
    stderr = _ingest_after_import(tmp_path, tasks[:1], tasks)
    assert stderr == (
        f"{CARRIED}: `annotator import copies.json --format labelstudio --db t.db` reads the annotations\n"
    )


def _conll_first(folder: Path) -> None:
    shutil.copy(REAL / "labelstudio" / "ls1232_export_conll2003.conll", folder / "ls.conll")
    shutil.copy(REAL / "labelstudio" / "ls1232_export.json", folder / "ls.json")
    assert annotator("import", "ls.conll", *CONLL_ARGS, cwd=folder).returncode == 0


def test_after_a_conll_import_the_notes_find_the_stories_stored_with_other_spacing(tmp_path: Path) -> None:
    """CoNLL first, then the JSON import: task 4's story is the CoNLL import's article (other spacing), so the note
    does not advise the ingest; that ingest, run anyway, adds nothing and finds the annotations imported."""
    _conll_first(tmp_path)
    imported = annotator("import", "ls.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[-1] == f"{TASK_4}; their texts are stored in x.db already"
    ingest = annotator("ingest", "ls.json", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert ingest.stdout.splitlines()[0] == (
        "0 article(s) added, 1 already stored, 3 already stored with other spacing, 0 suggestion(s) -> x.db"
    )
    assert ingest.stderr == (
        "annotator: note: of 4 Label Studio task(s), 3 carried annotations and 1 predictions, which ingest does not "
        "read (their texts are stored): their annotations are imported in x.db already\n"
    )


def test_an_import_after_the_conll_import_and_the_ingest_does_not_advise_the_ingest(tmp_path: Path) -> None:
    _conll_first(tmp_path)
    assert annotator("ingest", "ls.json", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    imported = annotator("import", "ls.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[-1] == f"{TASK_4}; their texts are stored in x.db already"


def test_an_import_of_nothing_but_unannotated_tasks_after_their_ingest_does_not_advise_it(tmp_path: Path) -> None:
    """A file of task 4 alone, ingested: its import stores nothing and is refused, and the refusal says the texts
    are stored instead of advising the ingest again (a new database: advised)."""
    tasks = json.loads((REAL / "labelstudio" / "ls1232_export.json").read_text(encoding="utf-8"))
    (tmp_path / "rest.json").write_text(json.dumps(tasks[3:]), encoding="utf-8")
    assert annotator("ingest", "rest.json", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    refused = "annotator: error: nothing imported: every record of rest.json was left out (1 task(s) without an annotation; listed above);"
    for db, then in (("x.db", "x.db is left as it was; their texts are stored in x.db already"),
                     ("y.db", "y.db was not created; `annotator ingest rest.json --db y.db` stores their texts to annotate")):  # fmt: skip
        result = annotator("import", "rest.json", "--format", "labelstudio", "--db", db, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (1, "left out: 1 task(s) without an annotation\n")
        assert result.stderr == f"{refused} {then}\n"

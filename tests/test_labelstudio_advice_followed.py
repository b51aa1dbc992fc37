"""Re-trial t4r F8-v1: the notes of `import --format labelstudio` (the tasks nobody annotated: "`annotator ingest
FILE` stores their texts") and of `ingest` (the tasks' annotations: "`annotator import FILE --format labelstudio`
reads the annotations") advised the other command after it had run, sending the user back and forth. Each now
checks the database: the texts stored, or every annotation's id kept on its article (as import records them), and
the note says so instead of advising it. Real Label Studio 1.23.2 export, the real console script, real SQLite."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from processes import annotator
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"
IMPORTED = (
    "left out: 1 Label Studio prediction(s) given by id only, without their results (not read)\n"
    "left out: 1 task(s) without an annotation\n"
    "note: the 1 task(s) without an annotation: task 4 (export.json:1 record 4)"
)
CARRIED = (
    "annotator: note: of 4 Label Studio task(s), 3 carried annotations and 1 predictions, which ingest does not "
    "read (their texts are stored)"
)


def test_import_after_the_ingest_does_not_advise_it_again(tmp_path: Path) -> None:
    (tmp_path / "export.json").write_text(EXPORT.read_text("utf-8"), "utf-8")
    ingest = annotator("ingest", "export.json", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert (
        ingest.stderr
        == f"{CARRIED}: `annotator import export.json --format labelstudio --db a.db` reads the annotations\n"
    )
    for imported in ("4 record(s) imported (0 new article(s))", "0 record(s) imported (0 new article(s)); 4 unchanged"):
        result = annotator("import", "export.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"{imported} -> a.db\n{IMPORTED}; their texts are stored in a.db already\n"


def test_ingest_after_the_import_does_not_advise_it_again(tmp_path: Path) -> None:
    """Import first (its note advises the ingest of task 4), then that ingest: its note says the annotations are
    imported; then the import again: the texts are stored."""
    (tmp_path / "export.json").write_text(EXPORT.read_text("utf-8"), "utf-8")
    result = annotator("import", "export.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert result.stdout == (
        f"4 record(s) imported (3 new article(s)) -> a.db\n{IMPORTED}; `annotator ingest export.json --db a.db` "
        "stores their texts to annotate (the articles already stored stay as they are)\n"
    )
    ingest = annotator("ingest", "export.json", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (ingest.returncode, ingest.stdout) == (0, "1 article(s) added, 3 already stored, 0 suggestion(s) -> a.db\n")
    assert ingest.stderr == f"{CARRIED}: their annotations are imported in a.db already\n"
    again = annotator("import", "export.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert again.stdout.endswith(f"{IMPORTED}; their texts are stored in a.db already\n")


def test_an_annotation_not_imported_yet_is_still_advised(tmp_path: Path) -> None:
    """A later export, user 3 having annotated task 2 (annotation 9), which this database lacks: ingest names the
    import."""
    tasks = json.loads(EXPORT.read_text("utf-8"))
    (tmp_path / "export.json").write_text(json.dumps(tasks), "utf-8")
    tasks[1]["annotations"].append({**copy.deepcopy(tasks[1]["annotations"][0]), "id": 9, "completed_by": 3})
    (tmp_path / "later.json").write_text(json.dumps(tasks), "utf-8")
    assert annotator("import", "export.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path).returncode == 0
    ingest = annotator("ingest", "later.json", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert ingest.returncode == 0, ingest.stderr
    assert (
        ingest.stderr
        == f"{CARRIED}: `annotator import later.json --format labelstudio --db a.db` reads the annotations\n"
    )

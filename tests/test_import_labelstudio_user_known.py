"""Re-trial s52 t6 F7-v2-a: a first import of a project with `--user-map 1=ana,2=bo`, then a later export of it
imported without the option, stored every annotator's work again under `labelstudio-user-1`, `-2`, without a word,
the same annotation id kept under two names (and agreement between ana and labelstudio-user-1 perfect, counted
twice). The database keeps each annotator's annotation ids per article: the file's ids for user 1 kept for 'ana' on
the same article say that user 1 is ana here, so the import stores their work under ana and says so in one note
line. A database that holds one server user under two names, or a --user-map that names them otherwise than it
does, is refused in one line naming the file, the user and both names, nothing written. Real Label Studio 1.23.2
export, the real console script, real SQLite."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

from processes import annotator
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"
LEFT_OUT = (
    "left out: 1 Label Studio prediction(s) given by id only, without their results (not read)\n"
    "left out: 1 task(s) without an annotation\n"
)


def tasks(*ids: int) -> list[dict[str, Any]]:
    """The real export's tasks (those of `ids`, else all)."""
    every = list(json.loads(EXPORT.read_text("utf-8")))
    return [task for task in every if not ids or task["id"] in ids]


def write(path: Path, tasks: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(tasks, indent=1), "utf-8")
    return path


def later() -> list[dict[str, Any]]:
    """The project exported later: user 3 has annotated task 2 too (annotation 9), as its first annotator did."""
    every = copy.deepcopy(tasks())
    task = next(task for task in every if task["id"] == 2)
    task["annotations"].append({**copy.deepcopy(task["annotations"][0]), "id": 9, "completed_by": 3})
    return every


def stored(db: Path) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """(article, annotator) of every annotation, and each article's kept annotation ids."""
    with sqlite3.connect(db) as connection:
        work = connection.execute("SELECT article_id, annotator FROM annotations ORDER BY article_id, annotator")
        metas = connection.execute("SELECT id, meta FROM articles ORDER BY id")
        return list(work), {id: json.loads(meta).get("labelstudio_annotation_ids") for id, meta in metas}


def imported(tmp_path: Path, name: str, *options: str) -> Any:
    return annotator("import", name, "--format", "labelstudio", "--db", "a.db", *options, cwd=tmp_path)


def refused(tmp_path: Path, name: str, *options: str) -> str:
    """The import's error (its stderr), having checked that it failed, printed nothing else and wrote nothing."""
    before = stored(tmp_path / "a.db")
    result = imported(tmp_path, name, *options)
    assert (result.returncode, result.stdout) == (1, "")
    assert stored(tmp_path / "a.db") == before
    return str(result.stderr)


def first_import(tmp_path: Path) -> None:
    write(tmp_path / "export.json", tasks())
    write(tmp_path / "later.json", later())
    result = imported(tmp_path, "export.json", "--user-map", "1=ana,2=bo")
    assert result.returncode == 0, result.stderr


def test_a_later_export_without_the_user_map_goes_under_the_stored_names(tmp_path: Path) -> None:
    """Users 1 and 2 are ana and bo here (their annotation ids kept for those names): the later export without
    --user-map stores nothing again under a second name; user 3, new, is known only by id, as before."""
    first_import(tmp_path)
    result = imported(tmp_path, "later.json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "annotator: note: Label Studio user 1 is stored here as 'ana', user 2 as 'bo' (the names an earlier "
        "import gave them: the annotation ids of later.json kept here for those names are theirs): their work is "
        "imported under those names\n"
        "annotator: note: 1 Label Studio user known only by id is stored as labelstudio-user-3 (--user-map 3=NAME "
        "names them)\n"
    )
    assert result.stdout.startswith("1 record(s) imported (0 new article(s)); 4 unchanged -> a.db\n" + LEFT_OUT)
    assert stored(tmp_path / "a.db") == (
        [("hand-1", "ana"), ("hand-2", "ana"), ("hand-2", "bo"), ("hand-2", "labelstudio-user-3"), ("hand-3", "ana")],
        {
            "hand-1": {"ana": 1},
            "hand-2": {"ana": 2, "bo": 3, "labelstudio-user-3": 9},
            "hand-3": {"ana": 4},
        },
    )


def test_a_user_map_naming_a_stored_user_otherwise_is_refused(tmp_path: Path) -> None:
    """--user-map 1=carol, where this database keeps user 1's annotations for ana: refused, nothing written."""
    first_import(tmp_path)
    assert refused(tmp_path, "later.json", "--user-map", "1=carol,2=bo,3=cy") == (
        "annotator: error: later.json: --user-map 1=carol names Label Studio user 1 otherwise than this database "
        "does: it keeps their annotation 1 on article 'hand-1' for 'ana'; one user is one annotator: give --user-map "
        "1=ana (nothing was imported)\n"
    )


def test_two_stored_users_given_one_name_is_refused(tmp_path: Path) -> None:
    """User 3 is new; --user-map 3=ana names them as this database names user 1: refused, nothing written."""
    first_import(tmp_path)
    assert refused(tmp_path, "later.json", "--user-map", "3=ana") == (
        "annotator: error: later.json: Label Studio users 1 and 3 would both be stored as 'ana': this database "
        "keeps user 1's annotation 1 on article 'hand-1' for 'ana', and --user-map 3=ana names user 3 so; one user "
        "is one annotator (nothing was imported)\n"
    )


def test_one_user_stored_under_two_names_is_refused(tmp_path: Path) -> None:
    """Task 1 imported with --user-map 1=ana, task 3 with --user-map 1=anna: user 1 is two annotators here. The
    whole export cannot go under either without its work under one name on one article and the other on another
    (with --user-map 1=ana, a second copy of hand-3's under ana beside anna's): refused, naming both, nothing
    written."""
    write(tmp_path / "one.json", tasks(1))
    write(tmp_path / "three.json", tasks(3))
    write(tmp_path / "export.json", tasks())
    assert imported(tmp_path, "one.json", "--user-map", "1=ana").returncode == 0
    assert imported(tmp_path, "three.json", "--user-map", "1=anna").returncode == 0
    for options in ((), ("--user-map", "1=ana"), ("--user-map", "1=carol")):
        assert refused(tmp_path, "export.json", *options) == (
            "annotator: error: export.json: Label Studio user 1 is stored here under two names: 'ana' (their "
            "annotation 1 on article 'hand-1') and 'anna' (their annotation 4 on article 'hand-3'); one user is one "
            "annotator, and which name their work goes under this database cannot tell (nothing was imported); keep one "
            "with `annotator rename-annotator anna ana --db a.db`\n"
        )


def test_the_same_file_again_without_the_user_map_changes_nothing(tmp_path: Path) -> None:
    """The first export again, without --user-map: every record unchanged, under ana and bo."""
    first_import(tmp_path)
    before = stored(tmp_path / "a.db")
    result = imported(tmp_path, "export.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 record(s) imported (0 new article(s)); 4 unchanged -> a.db\n" + LEFT_OUT)
    assert stored(tmp_path / "a.db") == before


def test_a_user_map_naming_a_user_first_imported_by_id_is_refused(tmp_path: Path) -> None:
    """The first import without --user-map (user 1 is labelstudio-user-1 here), the later one with --user-map
    1=ana: refused, the way forward one that runs (no --user-map may give the import's own name)."""
    write(tmp_path / "export.json", tasks())
    write(tmp_path / "later.json", later())
    assert imported(tmp_path, "export.json").returncode == 0
    assert refused(tmp_path, "later.json", "--user-map", "1=ana") == (
        "annotator: error: later.json: --user-map 1=ana names Label Studio user 1 otherwise than this database "
        "does: it keeps their annotation 1 on article 'hand-1' for 'labelstudio-user-1'; one user is one annotator: "
        "leave user 1 out of --user-map (their work goes under 'labelstudio-user-1', as before) (nothing was "
        "imported)\n"
    )


def test_a_later_export_naming_a_known_user_by_email_goes_under_the_stored_name(tmp_path: Path) -> None:
    """A re-trial (s53 t7, F7-v2-a-1): after --user-map 1=ana, a later export giving user 1 as an object with an
    email (as Label Studio writes `completed_by` with user details) stored ana's work again under the email, the
    same annotation id kept for two names. The database knows user 1 as ana: their work goes under ana, said."""
    first_import(tmp_path)
    before = stored(tmp_path / "a.db")
    every = tasks()
    for task in every:
        for annotation in task["annotations"]:
            if annotation["completed_by"] == 1:
                annotation["completed_by"] = {"id": 1, "email": "ana@paper.org", "first_name": "", "last_name": ""}
    write(tmp_path / "emails.json", every)
    result = imported(tmp_path, "emails.json", "--user-map", "2=bo")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "annotator: note: Label Studio user 1 is stored here as 'ana' (the name an earlier import gave them: the "
        "annotation ids of emails.json kept here for that name are theirs): their work is imported under that name\n"
    )
    assert stored(tmp_path / "a.db") == before

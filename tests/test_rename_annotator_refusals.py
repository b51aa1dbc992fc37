"""`annotator rename-annotator OLD NEW` refused in one line, the database left byte for byte: the new name's work
beside the old one's (anywhere: the whole rename, not a part), the same name twice, a name the database does not
hold, a new name no one may have or one looking like another, and a file that is no database of ours. Real console
script, real SQLite."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from exchange_support import SEED, SMALL, add, build
from processes import annotator, start
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"


def renamed(folder: Path, *args: str) -> Any:
    return annotator("rename-annotator", *args, cwd=folder)


def refused(folder: Path, db: str, *args: str) -> str:
    """The rename's error (its stderr), having checked that it failed, printed nothing else and left the file byte
    for byte."""
    before = (folder / db).read_bytes()
    result = renamed(folder, *args, "--db", db)
    assert (result.returncode, result.stdout) == (1, "")
    assert (folder / db).read_bytes() == before
    return str(result.stderr)


def test_new_work_beside_the_old_is_refused_whole(tmp_path: Path) -> None:
    """bo annotated the second article alice did: neither work may take the other's place, so nothing moves, not
    even the first article where bo has none."""
    db = tmp_path / "alice.db"
    with build(db) as store:
        _, big = store.article_ids()
        add(store, big, "bo", SEED.read_text("utf-8"), "Israel", "ACTOR")
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert refused(tmp_path, "alice.db", "alice", "bo") == (
        f"annotator: error: 'bo' has work of their own on article 'Seed' ('{big}'), where 'alice' has work too: one "
        "cannot take the other's place; nothing was written\n"
    )


def test_the_same_name_twice_is_refused(tmp_path: Path) -> None:
    build(tmp_path / "alice.db").close()
    assert refused(tmp_path, "alice.db", "alice", "alice") == (
        "annotator: error: the old and the new name are both 'alice': nothing was written\n"
    )


def test_a_name_the_database_does_not_hold_is_refused(tmp_path: Path) -> None:
    build(tmp_path / "alice.db").close()
    assert refused(tmp_path, "alice.db", "alcie", "alice") == (
        "annotator: error: no annotator 'alcie' in this database (its annotators: alice); nothing was written\n"
    )


def test_an_empty_new_name_is_refused(tmp_path: Path) -> None:
    build(tmp_path / "alice.db").close()
    assert refused(tmp_path, "alice.db", "alice", "") == "annotator: error: NEW: an annotator's name may not be empty\n"


def test_gold_is_no_new_name(tmp_path: Path) -> None:
    build(tmp_path / "alice.db").close()
    assert refused(tmp_path, "alice.db", "alice", "gold") == (
        "annotator: error: NEW: 'gold' is reserved: gold, the adjudicated annotation, is written only by `annotator "
        "review` and `annotator adjudicate --auto`; work under a name of your own\n"
    )


def test_a_new_name_looking_like_another_is_refused(tmp_path: Path) -> None:
    """'ALICE' beside alice is no name of its own; renaming alice herself to it is fine (her name goes)."""
    db = tmp_path / "alice.db"
    with build(db) as store:
        add(store, store.article_ids()[0], "bo", SMALL, "Gaza", "LOCATION")
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert refused(tmp_path, "alice.db", "bo", "ALICE") == (
        "annotator: error: 'ALICE' looks like 'alice', who has work or an assignment in this database (a name of its "
        "own may not look like another's); nothing was written\n"
    )
    assert (
        renamed(tmp_path, "alice", "ALICE", "--db", "alice.db").stdout
        == "moved 2 article(s) of alice to ALICE -> alice.db\n"
    )


def test_a_file_that_is_no_database_is_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("not a database" * 200, encoding="utf-8")
    assert refused(tmp_path, "notes.db", "alice", "alicia").startswith(
        "annotator: error: notes.db: not a SQLite database"
    )


def test_a_foreign_sqlite_file_is_left_as_it_is(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "other.db") as connection:
        connection.execute("CREATE TABLE annotations (article_id TEXT, annotator TEXT)")
        connection.execute("INSERT INTO annotations VALUES ('a1', 'alice')")
    error = refused(tmp_path, "other.db", "alice", "alicia")
    assert error.startswith("annotator: error: other.db: ") and error.count("\n") == 1


def test_gold_is_no_old_name(tmp_path: Path) -> None:
    build(tmp_path / "alice.db").close()
    assert refused(tmp_path, "alice.db", "gold", "alicia") == (
        "annotator: error: 'gold' is the adjudicated work, no annotator's name to move: nothing was written\n"
    )


def test_a_name_renamed_away_is_refused_naming_where_its_work_went(tmp_path: Path) -> None:
    """A second rename of a name whose work a rename moved: nothing left to move, said as such (a trial: "moved 0
    article(s) of alice to cara", rc 0)."""
    build(tmp_path / "alice.db").close()
    assert renamed(tmp_path, "alice", "bea", "--db", "alice.db").returncode == 0
    with sqlite3.connect(tmp_path / "alice.db") as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert refused(tmp_path, "alice.db", "alice", "cara") == (
        "annotator: error: no work of 'alice' in this database (renamed 'bea'); nothing was written\n"
    )


def test_a_name_renamed_away_is_no_new_name_for_another(tmp_path: Path) -> None:
    """Re-trial s54 t9 S4: after alice went to bea, bo renamed alice: alice's old exports then came in over bo's
    work, and --replace put one person under two names. A rename back (bea to alice) stays a round trip."""
    with build(tmp_path / "alice.db") as store:
        _, big = store.article_ids()
        add(store, big, "bo", SEED.read_text("utf-8"), "Israel", "ACTOR")
    assert renamed(tmp_path, "alice", "bea", "--db", "alice.db").returncode == 0
    with sqlite3.connect(tmp_path / "alice.db") as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert refused(tmp_path, "alice.db", "bo", "alice") == (
        "annotator: error: 'alice' was renamed 'bea' here (its old exports and Label Studio user go under 'bea' now): "
        "choose another name for 'bo', or 'bea' if they are one person; nothing was written\n"
    )
    assert renamed(tmp_path, "bea", "alice", "--db", "alice.db").returncode == 0


def test_two_renames_of_one_name_at_once_one_is_refused(tmp_path: Path) -> None:
    """Both start while another process holds the write lock, so they overlap: one moves the work, the other finds
    none left and says so (rc 1), not "moved 0 article(s)"."""
    build(tmp_path / "alice.db").close()
    with sqlite3.connect(tmp_path / "alice.db", isolation_level=None) as holder:
        holder.execute("BEGIN IMMEDIATE")
        runs = [start("rename-annotator", "alice", new, "--db", "alice.db", cwd=tmp_path) for new in ("bea", "cara")]
        time.sleep(2)
        holder.execute("ROLLBACK")
        results = sorted((run.wait(60), *run.communicate()) for run in runs)
    winner = "bea" if "bea" in results[0][1] else "cara"
    assert results == [
        (0, f"moved 2 article(s) of alice to {winner} -> alice.db\n", ""),
        (1, "", f"annotator: error: no work of 'alice' in this database (renamed '{winner}'); nothing was written\n"),
    ]


def label_studio_users(folder: Path) -> None:
    """The real Label Studio 1.23.2 export's users 1 and 2, known only by id, imported into a.db."""
    assert annotator("import", EXPORT, "--format", "labelstudio", "--db", "a.db", cwd=folder).returncode == 0
    with sqlite3.connect(folder / "a.db") as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_one_label_studio_user_may_not_take_anothers_import_name(tmp_path: Path) -> None:
    label_studio_users(tmp_path)
    assert renamed(tmp_path, "labelstudio-user-1", "ana", "--db", "a.db").returncode == 0
    with sqlite3.connect(tmp_path / "a.db") as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert refused(tmp_path, "a.db", "labelstudio-user-2", "labelstudio-user-1") == (
        "annotator: error: NEW: 'labelstudio-user-1' is the name a Label Studio import gives one user known only by "
        "id, and 'labelstudio-user-2' another's: one user's work may not take another user's name (the next import "
        "would store it under both); nothing was written\n"
    )


def test_a_chosen_name_goes_back_to_the_users_import_name(tmp_path: Path) -> None:
    label_studio_users(tmp_path)
    assert renamed(tmp_path, "labelstudio-user-1", "ana", "--db", "a.db").returncode == 0
    result = renamed(tmp_path, "ana", "labelstudio-user-1", "--db", "a.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "moved 3 article(s) of ana to labelstudio-user-1 -> a.db\n",
        "",
    )

"""A name entering by an option is at most 50 characters (`store.names.NAME_LIMIT`): a trial gave one of 5,000 as
rename-annotator's NEW and as --annotator, and the default export then failed on a 5,000-character line. Refused in
one line naming the option, the length and the limit, nothing written; a name stored longer by an older release
stays readable. Real console script, real SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from exchange_support import SMALL, add, build
from processes import annotator
from real_files import REAL

LONG = "a" * 5000
EXPORT = REAL / "labelstudio" / "ls1232_export.json"


def alice(folder: Path) -> bytes:
    """alice's two articles in a.db, written through; its bytes."""
    build(folder / "a.db").close()
    with sqlite3.connect(folder / "a.db") as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return (folder / "a.db").read_bytes()


def test_a_long_new_name_is_refused(tmp_path: Path) -> None:
    before = alice(tmp_path)
    result = annotator("rename-annotator", "alice", LONG, "--db", "a.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: NEW: an annotator's name may be at most 50 characters (it names the export file "
        "exports/NAME.jsonl): this one has 5,000\n",
    )
    assert (tmp_path / "a.db").read_bytes() == before


def test_a_long_user_map_name_is_refused(tmp_path: Path) -> None:
    result = annotator("import", EXPORT, "--format", "labelstudio", "--user-map", f"1={'b' * 51}", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: --user-map: an annotator's name may be at most 50 characters (it names the export file "
        "exports/NAME.jsonl): this one has 51\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_long_annotator_is_refused(tmp_path: Path) -> None:
    result = annotator("import", EXPORT, "--format", "labelstudio", "--annotator", LONG, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: --annotator: an annotator's name may be at most 50 characters (it names the export file "
        "exports/NAME.jsonl): this one has 5,000\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_name_of_the_limit_is_taken(tmp_path: Path) -> None:
    alice(tmp_path)
    result = annotator("rename-annotator", "alice", "c" * 50, "--db", "a.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"moved 2 article(s) of alice to {'c' * 50} -> a.db\n")


def test_a_long_name_stored_before_stays_readable(tmp_path: Path) -> None:
    """An older release stored work under a 5,000-character name (the store takes it; only options check the
    length): check passes, and the name renames."""
    with build(tmp_path / "a.db") as store:
        small, _ = store.article_ids()
        add(store, small, LONG, SMALL, "Gaza", "LOCATION")
    assert annotator("check", "--db", "a.db", cwd=tmp_path).returncode == 0
    result = annotator("rename-annotator", LONG, "ana", "--db", "a.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"moved 1 article(s) of {LONG} to ana -> a.db\n")

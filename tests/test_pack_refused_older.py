"""Attacker: `annotator pack` refused on a file of an older release ("no article is assigned to 'bob'") had
already upgraded it (user_version 1 -> 5): the refusal changed the file, and the older release could no longer open
it. A refused pack now leaves the file, and its folder, byte for byte as they were; a pack that is made still
upgrades it, as every command that writes does."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from processes import annotator, folder_state, one_error_line

from annotator.store.schema import SCHEMA_VERSION

OLD = Path(__file__).parent / "fixtures" / "release-0.1.0.db"


def test_a_refused_pack_leaves_an_older_release_file_as_it_was(tmp_path: Path) -> None:
    shutil.copy(OLD, tmp_path / "old.db")
    before = folder_state(tmp_path)
    result = annotator("pack", "--annotator", "bob", "-o", "bob.db", "--db", "old.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "no article is assigned to 'bob' (assigned: nobody: run `annotator assign --db old.db` first)"
    )
    assert folder_state(tmp_path) == before


def test_a_pack_made_from_an_older_release_file_upgrades_it(tmp_path: Path) -> None:
    shutil.copy(OLD, tmp_path / "old.db")
    assert annotator("assign", "--annotators", "alice", "--db", "old.db", cwd=tmp_path).returncode == 0
    result = annotator("pack", "--annotator", "alice", "-o", "alice.db", "--db", "old.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "2 article(s), 4 suggestion(s) for alice -> alice.db\n")
    with sqlite3.connect(tmp_path / "alice.db") as pack:
        assert pack.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    with sqlite3.connect(tmp_path / "old.db") as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION

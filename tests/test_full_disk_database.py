"""An attacker's trial: a database on a disk filled to the last byte. `accept` said "not saved: disk I/O error",
though the disk was full; and its failed write left a -shm of 3 bytes and an empty -wal beside the file, after which
every command that only reads (stats, check, export) ended in a 54-line traceback from `PRAGMA user_version`. Now
the write says the disk is full, and a read that SQLite cannot start there is one line saying why and what to do;
the file is left byte for byte, and once there is room every command works again. The real console script on a
real small tmpfs (root only: skipped otherwise)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from processes import annotator, full_disk, one_error_line, small_database


def test_a_database_on_a_full_disk_is_one_line_to_write_and_to_read(tmp_path: Path) -> None:
    small_database(tmp_path / "f.db")
    with full_disk(size_kib=1024, keep={"f.db": (tmp_path / "f.db").read_bytes()}) as full:
        db = full / "f.db"
        before = hashlib.sha256(db.read_bytes()).hexdigest()
        wrote = annotator("accept", "--annotator", "newbie", "--db", db, timeout=120)
        assert one_error_line(wrote) == f"not saved: the disk is full ({db}); nothing of this change was written"
        for command in (("stats",), ("check",), ("export", "--annotator", "alice", "-o", "-")):
            read = annotator(*command, "--db", db, timeout=120)
            assert one_error_line(read) == (
                f"{db}: cannot be read here: the disk is full, and SQLite needs room beside the file to read it "
                "(its -shm); free some space and run the command again"
            )
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before
        (full / "filler").unlink()
        assert annotator("stats", "--db", db).returncode == 0
        checked = annotator("check", "--db", db)
        assert checked.returncode == 0, checked.stderr

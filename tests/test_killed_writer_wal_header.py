"""A trial (t3): an `import` killed with kill -9 just after it wrote its write-ahead log's 32-byte header, before any
frame, left x.db-wal (32 bytes) and x.db-shm held by nobody; every command from then on, `check` and the writers
included, refused x.db as "x.db-wal beside it is not its own (the database is damaged (locking protocol))" (12 of
12 kills at that moment), though the WAL held nothing and `sqlite3` opened the file at once. A WAL without a frame
is now read as what it is, nothing: the file alone holds everything. The state is made with real processes: a
writer commits one change and is killed holding the file (its `-shm` then lists a frame), and its WAL is cut back to
the header, as a kill between the header and the first frame leaves it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from processes import annotator

TEXT = "Mayor Anna Berg said on Monday that 40 people were moved from Riverside after the flood."

WRITER = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
version = c.execute("PRAGMA user_version").fetchone()[0]
c.execute(f"PRAGMA user_version = {version}")  # one frame in the WAL, listed in the -shm
print("written", flush=True)
time.sleep(60)
"""


def test_a_wal_left_with_its_header_alone_blocks_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    assert annotator("ingest", "a.jsonl", "--db", "x.db", cwd=tmp_path).returncode == 0
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline() == "written\n"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    os.truncate(tmp_path / "x.db-wal", 32)
    before = db.read_bytes()
    checked = annotator("check", "--db", "x.db", cwd=tmp_path)
    assert (checked.returncode, checked.stdout, checked.stderr) == (
        0,
        "x.db: ok (integrity check passed; 0 event(s) replay to the stored annotations)\n",
        "",
    )
    assert db.read_bytes() == before  # read only
    accepted = annotator("accept", "a", "--annotator", "wes", "--db", "x.db", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    assert annotator("check", "--db", "x.db", cwd=tmp_path).stdout == (
        "x.db: ok (integrity check passed; 1 event(s) replay to the stored annotations)\n"
    )

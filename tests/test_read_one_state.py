"""A trial (t3): `agreement` and `evaluate`, run while `import --replace` loops wrote the file, exited 0 with
states the file never held (one state's statuses with another's spans): each of their reads was a transaction of
its own. Every read-only command now reads one snapshot of the file: a commit made meanwhile waits for its next run.
Real processes: the writer is the console script's `accept`, and another connection holds the file open, so the
reads go through the write-ahead log as a team's do."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from processes import annotator

from annotator.cli.common import open_store

TEXT = "Mayor Anna Berg said on Monday that 40 people were moved from Riverside after the flood."


def test_a_read_only_command_sees_one_state_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    assert annotator("ingest", "a.jsonl", "--db", "x.db", cwd=tmp_path).returncode == 0
    holder = sqlite3.connect(db)  # someone has the file open (the screen, a writer): reads go through its WAL
    try:
        holder.execute("SELECT count(*) FROM articles").fetchone()
        with open_store(db, read_only=True) as store:
            before = store.count("annotations"), store.count("spans")
            accepted = annotator("accept", "a", "--annotator", "wes", "--db", "x.db", cwd=tmp_path)
            assert accepted.returncode == 0, accepted.stderr
            assert (store.count("annotations"), store.count("spans")) == before == (0, 0)
        with open_store(db, read_only=True) as store:  # the next command reads the commit
            assert store.count("annotations") == 1
    finally:
        holder.close()

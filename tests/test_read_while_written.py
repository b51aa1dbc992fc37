"""An attacker's trial: read-only commands (`stats`, `agreement`, `check`, `merge`'s source; `export` too, by the same error) ended in a 48-57-line
traceback, "database disk image is malformed", about one run in four while a loop of `accept` wrote the file: a file
nobody holds open is read without locks (`immutable`), and a writer that opened it meanwhile checkpointed under the
read. `check` so called a sound file malformed. Now such a read is one line saying another process wrote to it and to
run the command again, never a traceback and never a verdict of damage; the file is sound after. Real processes:
a loop of the console script's `accept` writing while the reads run."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from processes import ANNOTATOR, annotator

#: Long articles, so that a checkpoint rewrites many pages under a read.
TEXTS = [
    " ".join(
        f"Mayor Ann Lee{n} of Paris said {i * n} homes burned in Lyon{i} on Monday, police said." for i in range(60)
    )
    for n in range(40)
]


def torn(db: Path) -> str:
    return f"annotator: error: {db}: another process wrote to it while this command read it"


def test_reads_under_a_writer_are_whole_or_one_line(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(TEXTS)), "utf-8")
    db = tmp_path / "w.db"
    assert annotator("ingest", source, "--db", db).returncode == 0
    writer = subprocess.Popen(
        ["sh", "-c", f"for n in $(seq 0 39); do {ANNOTATOR} accept a$n --annotator wes --db {db} || exit 1; done"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    said: list[str] = []
    try:
        while writer.poll() is None:
            for command in (("stats",), ("check",), ("export", "--annotator", "wes", "--status", "all", "-o", "-")):
                read = annotator(*command, "--db", db)
                assert "Traceback" not in read.stderr, read.stderr
                assert "damaged" not in read.stdout + read.stderr, read.stdout + read.stderr
                if read.returncode != 0:
                    assert read.stderr.startswith(torn(db)) and read.stderr.count("\n") == 1, read.stderr
                    said.append(read.stderr)
    finally:
        writer.wait(timeout=600)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    time.sleep(0.1)
    checked = annotator("check", "--db", db)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert all(line.endswith(": run the command again\n") for line in said)

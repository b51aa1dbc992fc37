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

import pytest
import typer
from processes import ANNOTATOR, annotator

from annotator.cli.common import read_whole
from annotator.errors import AnnotatorError
from annotator.store import Store
from annotator.store.unlocked import Unlocked
from annotator.store.verify import check

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
                if read.returncode != 0:  # export's count of what it wrote may come first
                    error = read.stderr.splitlines()[-1] + "\n"
                    assert error.startswith(torn(db)) and read.stderr.count("annotator: error:") == 1, read.stderr
                    said.append(error)
    finally:
        writer.wait(timeout=600)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    time.sleep(0.1)
    checked = annotator("check", "--db", db)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert all(line.endswith(": run the command again\n") for line in said)


def test_check_under_a_checkpoint_is_not_called_damage(tmp_path: Path) -> None:
    """The race the test above hits one run in two under load, made certain: `check`'s read stays open while
    another process's `accept`s checkpoint into the file, with too small a page cache to hold the file as it was.
    SQLite then finds "invalid page number" on a sound file; check refuses the read instead of listing damage."""
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(TEXTS)), "utf-8")
    db = tmp_path / "w.db"
    assert annotator("ingest", source, "--db", db).returncode == 0
    store = Store.open(db, read_only=True)
    try:
        assert isinstance(store.conn, Unlocked)
        store.conn.execute("PRAGMA cache_size = 5")
        store.conn.execute("BEGIN")  # check's one snapshot, begun before the writer
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
        for n in range(20):
            assert annotator("accept", f"a{n}", "--annotator", "wes", "--db", db).returncode == 0
        with pytest.raises(AnnotatorError) as refused:
            check(store)
    finally:
        store.close()
    assert str(refused.value) == (
        f"{db}: another process wrote to it while this command read it; what was read may mix two states of the "
        "file, nothing from this command was written: run the command again"
    )
    assert (
        annotator("check", "--db", db).stdout
        == f"{db}: ok (integrity check passed; 20 event(s) replay to the stored annotations)\n"
    )


def test_a_read_another_process_wrote_under_fails_though_sqlite_raised_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A read that SQLite finished without an error may still mix two states of the file (a count from before an
    `accept` beside a status from after): a read-only command whose file changed under it says so and fails."""
    db = tmp_path / "w.db"
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "a0", "text": TEXTS[0]}) + "\n", "utf-8")
    assert annotator("ingest", source, "--db", db).returncode == 0
    with pytest.raises(typer.Exit) as failed, read_whole(), Store.open(db, read_only=True) as store:
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert annotator("accept", "a0", "--annotator", "wes", "--db", db).returncode == 0
    assert failed.value.exit_code == 1
    assert capsys.readouterr().err == (
        f"annotator: error: {db}: another process wrote to it while this command read it; what was read may mix two "
        "states of the file, nothing was shown: run the command again\n"
    )
    with read_whole(), Store.open(db, read_only=True) as store:  # nobody writes: the read stands
        assert store.conn.execute("SELECT count(*) FROM annotations").fetchone()[0] == 1

"""Issue 10, item 8 (and 20's killed export): export output errors are one line, and a symlink, FIFO, device or
folder given as the output is never replaced by a plain file. Real processes, real files, a really full disk."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator, full_disk, one_error_line, small_database, start
from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    small_database(path)
    return path


def export(db: Path, output: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return annotator("export", "--db", db, "--annotator", "alice", "-o", output, cwd=cwd, timeout=60)


def test_a_full_disk_is_one_line_and_keeps_the_older_export(db: Path) -> None:
    with full_disk(keep={"old.jsonl": b"the older export\n"}) as full:
        line = one_error_line(export(db, full / "old.jsonl"))
        assert line == f"{full / 'old.jsonl'}: cannot write: No space left on device; nothing was written (the " \
            "file there is as it was)"  # fmt: skip
        line = one_error_line(export(db, full / "new.jsonl"))
        assert line == f"{full / 'new.jsonl'}: cannot write: No space left on device; nothing was written"
        assert sorted(p.name for p in full.iterdir()) == ["filler", "old.jsonl"]
        assert (full / "old.jsonl").read_bytes() == b"the older export\n"


def test_standard_output_on_a_full_disk_is_one_line(db: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [ANNOTATOR, "export", "--db", str(db), "--annotator", "alice", "-o", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: cannot write to standard output: No space left on device\n",
    )


def test_standard_output_closed_early_is_not_an_error_trace(db: Path) -> None:
    with Store.open(db) as store:
        texts = [f"Article {n}: Ann met Bob in Paris on Monday." for n in range(3000)]
        store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])
    reader = subprocess.Popen(["head", "-c", "100"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    result = subprocess.run(
        [ANNOTATOR, "export", "--db", str(db), "--suggestions", "-o", "-"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait()
    assert (result.returncode, result.stderr) == (1, "")


def test_a_folder_or_a_missing_folder_is_one_line_and_leaves_nothing(db: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert (
        one_error_line(export(db, "out", cwd=tmp_path))
        == "out: a folder, not a regular file; nothing was written to it"
    )
    assert (
        list((tmp_path / "out").iterdir()) == [] and [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
    )
    line = one_error_line(export(db, "/missing/dir/x.jsonl"))
    assert line == "/missing/dir/x.jsonl: no such folder /missing/dir; nothing was written"
    assert not Path("/missing").exists()


def test_a_symlink_is_written_through_to_its_target(db: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "alice.jsonl").write_text("old\n", encoding="utf-8")
    (tmp_path / "real" / "alice.jsonl").chmod(0o600)
    (tmp_path / "latest.jsonl").symlink_to(tmp_path / "real" / "alice.jsonl")
    assert export(db, "latest.jsonl", cwd=tmp_path).returncode == 0
    assert (tmp_path / "latest.jsonl").is_symlink()
    written = (tmp_path / "real" / "alice.jsonl").read_text(encoding="utf-8")
    assert written.startswith('{"article_id"') and '"annotator": "alice"' in written
    assert stat.S_IMODE((tmp_path / "real" / "alice.jsonl").stat().st_mode) == 0o600  # its permissions kept
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["alice.jsonl"]


def test_a_fifo_or_a_device_is_refused_and_stays_what_it_is(db: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    line = one_error_line(export(db, "pipe.jsonl", cwd=tmp_path))  # would block forever if it opened the FIFO
    assert line == "pipe.jsonl: a FIFO (named pipe), not a regular file; nothing was written to it"
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.jsonl").st_mode)
    (tmp_path / "to-fifo.jsonl").symlink_to(tmp_path / "pipe.jsonl")
    assert one_error_line(export(db, "to-fifo.jsonl", cwd=tmp_path)).startswith("to-fifo.jsonl: a FIFO")
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (as root, -o /dev/full used to replace the device)")
    os.mknod(tmp_path / "full", stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a /dev/full of our own
    line = one_error_line(export(db, "full", cwd=tmp_path))
    assert line == "full: a device, not a regular file; nothing was written to it"
    assert stat.S_ISCHR(os.lstat(tmp_path / "full").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("work.db")) == [
        "full",
        "pipe.jsonl",
        "to-fifo.jsonl",
    ]


def test_a_killed_export_leaves_a_temporary_that_the_next_export_removes(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:
        texts = [f"Article {n}: Ann met Bob in Paris on Monday. " * 20 for n in range(4000)]
        store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])
    out = tmp_path / "out"
    out.mkdir()

    def partials() -> list[str]:
        return sorted(p.name for p in out.iterdir() if p.name.startswith(".all.jsonl.partial-"))

    def writing() -> bool:  # a temporary with records in it (an empty one may be a moment old: left alone)
        return any((out / name).stat().st_size for name in partials())

    for _ in range(3):  # the export may finish before it is caught; try again
        running = start("export", "--db", db, "--suggestions", "-o", out / "all.jsonl")
        deadline = time.monotonic() + 60
        while not writing() and running.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        running.send_signal(signal.SIGKILL)
        running.wait()
        if writing():
            break
    assert partials() and not (out / "all.jsonl").exists()
    assert annotator("export", "--db", db, "--suggestions", "-o", out / "all.jsonl").returncode == 0
    assert (partials(), (out / "all.jsonl").exists()) == ([], True)


def test_an_export_never_replaces_a_database_or_its_journals(db: Path, tmp_path: Path) -> None:
    """Found by a newcomer: `export -o` naming the database being read wrote JSONL over it."""
    before = db.read_bytes()
    (tmp_path / f"{db.name}-wal").write_bytes(b"")
    for output in (db, tmp_path / f"{db.name}-wal"):
        result = export(db, output, cwd=tmp_path)
        assert (result.returncode, result.stderr.count("\n")) == (1, 1), result.stderr
        assert "an export never replaces" in result.stderr
    assert db.read_bytes() == before


def test_a_full_standard_output_is_one_line_for_every_command_that_prints(db: Path) -> None:
    """Found by a newcomer: `annotator stats > /dev/full` ended in a traceback."""
    for command in (["stats"], ["check"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [ANNOTATOR, *command, "--db", str(db)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
            )
        assert (result.returncode, result.stderr) == (
            1,
            "annotator: error: cannot write to standard output: No space left on device\n",
        ), command

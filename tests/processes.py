"""The real `annotator` console script in subprocesses, as a person runs it, and the files it leaves.

Used by the data-safety tests (tests/test_safety_*.py) and benchmarks/attack.py: every attack there is a real
process on real files (SQLite databases, WALs, FIFOs, symlinks, read-only folders, a full disk).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from support import SMALL_TEXT, find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store

ANNOTATOR = str(Path(sys.executable).with_name("annotator"))
#: The uid and gid of "nobody": root, who runs CI here, may write anything, so a read-only folder is tried as them.
NOBODY = 65534


def ingested_suggestions(folder: Path, name: str, text: str) -> list[Suggestion]:
    """`text` written to `folder/name` and ingested by the real CLI with the default suggesters into
    `folder/x.db`: its one article's suggestions."""
    (folder / name).write_text(text, encoding="utf-8")
    done = annotator("ingest", name, "--db", "x.db", cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    with Store.open(folder / "x.db", read_only=True) as store:
        [article] = store.article_ids()
        return store.current_suggestions(article)


#: The commands that open a screen: they need a terminal (`cli.screens`), so tests run them in one.
SCREENS = ("annotate", "review")


def annotator(*args: str | Path, cwd: Path | None = None, as_nobody: bool = False, timeout: float = 300,
              env: dict[str, str] | None = None, terminal: bool = False) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run the console script to its end: (returncode, stdout, stderr) as text. `terminal`: standard input and
    standard error on a pseudo-terminal, as a screen needs (`in_a_terminal`)."""
    command = [ANNOTATOR, *map(str, args)]
    if as_nobody and os.geteuid() == 0:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--", *command]
    if terminal:
        return in_a_terminal(command, cwd, timeout, {**os.environ, **(env or {})})
    return subprocess.run(
        command, capture_output=True, text=True, cwd=cwd, timeout=timeout, env={**os.environ, **(env or {})}
    )


def screen_command(args: Sequence[str | Path]) -> bool:
    """Whether these arguments open a screen (annotate, review, or no command at all), which needs a terminal."""
    command = next((str(arg) for arg in args if not str(arg).startswith("-")), None)
    return command is None or command in SCREENS or Path(command).suffix == ".db"  # `--db x.db`: no command


def in_a_terminal(command: list[str], cwd: Path | None, timeout: float, env: dict[str, str]) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run a command with standard input and standard error on a pseudo-terminal (where a screen reads keys and
    draws) and standard output piped: its standard error is what the terminal showed, CR LF read as a line break.
    A screen that starts instead of refusing is closed with ctrl+q when `timeout` has passed."""
    status, shown, stdout = on_a_pty(command, cwd, timeout, env)
    text = shown.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return subprocess.CompletedProcess(command, status, stdout.decode("utf-8"), text)


def on_a_pty(command: list[str], cwd: Path | None, timeout: float, env: dict[str, str] | None = None,
             output: bool = False) -> tuple[int, bytes, bytes]:  # fmt: skip
    """Run a command with a pseudo-terminal of 30 rows of 120 columns as its standard input and standard error, or
    (`output`) as its standard output alone, the other streams piped (standard input empty): (status, what the
    terminal got, what the pipe got). Closed with ctrl+q on the terminal when `timeout` has passed (a screen)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    shown = b""
    try:
        streams = (
            {"stdin": subprocess.DEVNULL, "stdout": follower, "stderr": subprocess.PIPE}
            if output
            else {"stdin": follower, "stdout": subprocess.PIPE, "stderr": follower}
        )
        process = subprocess.Popen(command, cwd=cwd, env=env, **streams)  # type: ignore[call-overload]
        piped = process.stderr if output else process.stdout
        os.close(follower)
        follower = -1
        deadline = time.monotonic() + timeout
        while True:
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # every follower closed: the process has ended
                    break
                if not chunk:
                    break
                shown += chunk
            elif process.poll() is not None:
                break
            if time.monotonic() > deadline:
                os.write(leader, b"\x11")
                deadline += timeout
        other = piped.read() if piped else b""
        process.wait(timeout=timeout)
    finally:
        os.close(leader)
        if follower >= 0:
            os.close(follower)
    return process.returncode, shown, other


def start(*args: str | Path, cwd: Path | None = None) -> subprocess.Popen[str]:
    """Start the console script and return at once (to signal it, or to race it against another)."""
    return subprocess.Popen(
        [ANNOTATOR, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a failed command printed, without its prefix; fails the test on anything else."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert result.stderr.startswith("annotator: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.removeprefix("annotator: error: ").rstrip("\n")


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in a folder with its bytes and permissions: what "left exactly as it was" compares."""
    return {p.name: (p.read_bytes(), p.stat().st_mode) for p in sorted(folder.iterdir()) if p.is_file()}


def small_database(path: Path, annotator_name: str = "alice", text: str = SMALL_TEXT) -> str:
    """A database of ours holding one article and some of an annotator's work; returns the article id."""
    suggestions = (
        [Suggestion(**find(text, "Washington", "ACTOR"), suggester="entities.v1")] if "Washington" in text else []
    )
    with Store.open(path) as store:
        [article] = store.add_articles([(ArticleIn(text=text, title="Small"), word_tokens(text), suggestions)])[0]
        if suggestions:
            store.accept_all(article, annotator_name)
        store.set_status(article, annotator_name, "done")
        return article


@contextmanager
def open_with_wal(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that keeps what it writes in `path`-wal (no checkpoint) until the block ends."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield connection
    finally:
        connection.close()


def copy_with_wal(store_path: Path, into: Path, articles: list[str]) -> None:
    """`into` and `into`-wal: a database whose latest work (these articles, added and annotated) is only in its
    WAL, copied while a process has it open, as a crash or a backup tool would leave it (no -shm)."""
    small_database(store_path, text="Paris is in France, said Ann.")
    connection = sqlite3.connect(store_path)
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    with Store.open(store_path) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for text in articles:
            [article] = store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])[0]
            store.set_status(article, "alice", "done")
        shutil.copyfile(store_path, into)
        shutil.copyfile(store_path.with_name(store_path.name + "-wal"), into.with_name(into.name + "-wal"))
    connection.close()


@contextmanager
def world_readable_folder() -> Iterator[Path]:
    """A folder "nobody" can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="annotator-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def full_disk(size_kib: int = 256, keep: dict[str, bytes] | None = None) -> Iterator[Path]:
    """A folder on a small tmpfs holding the `keep` files, then filled to the last byte (needs root to mount; the
    test is skipped otherwise)."""
    import pytest

    folder = Path(tempfile.mkdtemp(prefix="annotator-full-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs", str(folder)],
                             capture_output=True, text=True)  # fmt: skip
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a small tmpfs to fill ({mounted.stderr.strip()})")
    try:
        for name, data in (keep or {}).items():
            (folder / name).write_bytes(data)
        with open(folder / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
            except OSError:
                pass
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
        folder.rmdir()

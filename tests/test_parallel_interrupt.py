"""SIGINT (and SIGTERM, which takes the same path) that reaches only the parent of `suggest --workers 2` or
`ingest --workers 2` (`kill -INT <pid>`, not a terminal's ctrl+c, which reaches the whole process group): the command stops with its one-line interrupted message
and leaves no worker process behind. It used to hang for ever: spaCy's pipe joined workers blocked writing to a pipe
nobody read (found by an attacker, issue 10). Also: a terminal's ctrl+c (the whole group), a parent killed outright
(its workers end by themselves) and a worker killed from outside (one line, never a hang)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator

ARTICLES = 3000


def small_articles(folder: Path) -> Path:
    """`ARTICLES` short news texts, each its own (numbers differ), as an ingest input."""
    path = folder / "many.jsonl"
    lines = (
        json.dumps(
            {
                "id": f"a{number}",
                "text": f"Mayor Anna Berg said on Monday that {number} people were moved from Riverside after the "
                f'flood. "We worked all night," said Tom Reyes, a firefighter in Oslo.',
            }
        )
        for number in range(ARTICLES)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def children(pid: int) -> list[int]:
    """The process ids of a process's children (Linux's /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:  # a thread that ended between the listing and the read (a full run of stop 28)
            continue
    return found


def cpu_ticks(pid: int) -> int:
    """User and system CPU time of a process, in clock ticks (/proc/PID/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie (an orphan is reaped by init once it exits)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@contextmanager
def running(*args: str | Path) -> Iterator[subprocess.Popen[str]]:
    """The console script in a session of its own (a signal to it reaches it alone); killed with its group if the
    test leaves it running."""
    process = subprocess.Popen(
        [ANNOTATOR, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        yield process
    finally:
        with suppress(ProcessLookupError):  # the command and any worker it left
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()


def working(process: subprocess.Popen[str]) -> list[int]:
    """Wait until both worker processes have parsed for a while: their process ids."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        workers = children(process.pid)
        if len(workers) == 2 and all(cpu_ticks(pid) >= 100 for pid in workers):  # a second of CPU each
            return workers
        time.sleep(0.1)
    raise AssertionError("the workers never got going")


def interrupt_when_working(
    process: subprocess.Popen[str], group: bool = False, number: signal.Signals = signal.SIGINT
) -> tuple[list[int], str, str]:
    """Send SIGINT (or `number`) to the parent alone (or to its whole process group, as a terminal's ctrl+c does)
    once its workers are working, and wait (at most 60 s) for it to end: (the workers' ids, stdout, stderr)."""
    workers = working(process)
    if group:
        os.killpg(process.pid, number)
    else:
        process.send_signal(number)
    out, err = process.communicate(timeout=60)
    return workers, out, err


def no_process_left(workers: list[int]) -> bool:
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(alive(pid) for pid in workers)


@pytest.fixture(scope="module")
def unsuggested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of `ARTICLES` small articles stored without suggestions (each test takes a copy)."""
    folder = tmp_path_factory.mktemp("unsuggested")
    db = folder / "many.db"
    assert annotator("ingest", small_articles(folder), "--no-suggest", "--db", db).returncode == 0
    return db


#: A SIGTERM (`kill PID`) ends a command as ctrl+c does, but with the exit status of a process ended by SIGTERM.
STATUS = {signal.SIGINT: 128 + signal.SIGINT, signal.SIGTERM: 128 + signal.SIGTERM}


@pytest.mark.parametrize(
    ("group", "number"),
    [(False, signal.SIGINT), (True, signal.SIGINT), (False, signal.SIGTERM)],
    ids=["parent-alone", "process-group", "sigterm"],
)
def test_sigint_to_the_parent_of_suggest_workers_stops_it_with_its_count(
    unsuggested: Path, tmp_path: Path, group: bool, number: signal.Signals
) -> None:
    db = Path(shutil.copy(unsuggested, tmp_path / "many.db"))
    with running("suggest", "--all", "--workers", "2", "--db", db) as process:
        workers, out, err = interrupt_when_working(process, group, number)
    with sqlite3.connect(db) as conn:
        [(kept,)] = conn.execute("SELECT count(DISTINCT article_id) FROM suggestions").fetchall()
    assert 0 < kept < ARTICLES
    assert (process.returncode, out, err) == (
        STATUS[number],
        "",
        f"annotator: error: interrupted: {kept} of {ARTICLES} article(s) got their new suggestions before it and "
        f"keep them; the other {ARTICLES - kept} are unchanged: `annotator suggest --db {db}` computes those\n",
    )
    assert no_process_left(workers)


def test_a_second_sigterm_during_the_clean_up_is_no_traceback(unsuggested: Path, tmp_path: Path) -> None:
    """Found by a second trial: a supervisor's stop and retry (`kill P; kill P`) raised again inside the clean-up of
    the first and printed a traceback (in 2 of 5 runs) after the one line."""
    db = Path(shutil.copy(unsuggested, tmp_path / "many.db"))
    with running("suggest", "--all", "--workers", "2", "--db", db) as process:
        workers = working(process)
        for _ in range(5):
            process.send_signal(signal.SIGTERM)
            time.sleep(0.02)
        out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err.count("\n"), err.startswith("annotator: error: interrupted: ")) == (
        143, "", 1, True
    ), err  # fmt: skip
    assert no_process_left(workers)


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
def test_sigint_to_the_parent_of_ingest_workers_stops_it_writing_nothing(
    tmp_path: Path, number: signal.Signals
) -> None:
    source = small_articles(tmp_path)
    db = tmp_path / "new.db"
    with running("ingest", source, "--workers", "2", "--db", db) as process:
        workers, out, err = interrupt_when_working(process, number=number)
    assert (process.returncode, out, err) == (
        STATUS[number],
        "",
        "annotator: error: interrupted; nothing from this command was written\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl"]
    assert no_process_left(workers)


def test_workers_end_by_themselves_when_the_parent_is_killed(unsuggested: Path, tmp_path: Path) -> None:
    db = Path(shutil.copy(unsuggested, tmp_path / "many.db"))
    with running("suggest", "--all", "--workers", "2", "--db", db) as process:
        workers = working(process)
        process.kill()  # SIGKILL: no cleanup in the parent
        process.wait()
        assert no_process_left(workers)  # each notices (a broken pipe, or its parent gone) and ends


def test_a_worker_killed_from_outside_stops_suggest_with_one_line(unsuggested: Path, tmp_path: Path) -> None:
    db = Path(shutil.copy(unsuggested, tmp_path / "many.db"))
    with running("suggest", "--all", "--workers", "2", "--db", db) as process:
        workers = working(process)
        os.kill(workers[0], signal.SIGKILL)
        out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (
        1,
        "",
        "annotator: error: a worker process ended before it sent its results (killed by SIGKILL)\n",
    )
    assert no_process_left(workers)


#: CPU time an ingest of `ARTICLES` in one process has used once it is well into parsing, in clock ticks: starting,
#: reading the articles and loading the pipeline take about 3.5 s of it, parsing them all about 32 s more.
PARSING_TICKS = 800


def test_sigterm_to_an_ingest_in_one_process_removes_the_database_it_was_making(tmp_path: Path) -> None:
    """The signal is sent once the command has used 8 s of CPU, well into parsing, whatever the machine's load: a
    second after its temporary database appeared (as this test first waited) was still the pipeline's loading under
    load, where spaCy dropped the signal (tests/test_interrupt_dropped.py)."""
    source = small_articles(tmp_path)
    db = tmp_path / "new.db"
    with running("ingest", source, "--db", db) as process:
        deadline = time.monotonic() + 240
        while cpu_ticks(process.pid) < PARSING_TICKS:
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()
            time.sleep(0.05)
        making = {p.name[: len(".new.db.new-")] for p in tmp_path.iterdir() if p.name != "many.jsonl"}
        assert making == {".new.db.new-"}  # its temporary database (and SQLite's -wal and -shm beside it)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (
        143,
        "",
        "annotator: error: interrupted; nothing from this command was written\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl"]

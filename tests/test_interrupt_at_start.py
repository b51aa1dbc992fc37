"""ctrl+c in the first moments, while Python imports the command (a second trial's finding): it ended in a
KeyboardInterrupt traceback from wherever the import was; now one line and exit status 130, as a shell reports a
command stopped by ctrl+c. The signal is a real SIGINT, sent by the process to itself when it starts importing
typer (a deterministic moment inside `annotator.cli`'s imports), then the console script's own import runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from annotator.store import Store

STARTS = """
import os, signal, sys

class SigintOnImport:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, SigintOnImport())
from annotator.cli import main  # what the console script runs first
print("imported")
"""


def test_ctrl_c_while_the_command_imports_is_one_line_and_status_130() -> None:
    result = subprocess.run([sys.executable, "-c", STARTS], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (
        130,
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
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "annotator: interrupted\n")

"""ctrl+c in the first moments, while Python imports the command (a second trial's finding): it ended in a
KeyboardInterrupt traceback from wherever the import was; now one line and exit status 130, as a shell reports a
command stopped by ctrl+c. The signal is a real SIGINT, sent by the process to itself when it starts importing
typer (a deterministic moment inside `annotator.cli`'s imports), then the console script's own import runs."""

from __future__ import annotations

import subprocess
import sys

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

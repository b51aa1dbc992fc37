"""A signal in a command's last moments (found by an attacker: ctrl+c at fine-grained delays during an import of
150 records killed the process in 5 of 30 runs, status -2 and not a word, after its report and its COMMIT; `stats`
7 times in 40). Python, as it exits, puts back the default action of every signal it handled, and one that came
then killed the process; here `stats`, sent a SIGINT 2 to 34 ms after its report began, died of it in 20 of 30 runs.
Now the console script ignores interrupts once the command has ended (`interrupts.at_the_end`): each run ends with
the command's own status, its report whole, or with the signal's status and one line.

Real processes: the console script, really signalled at delays from its report's first line on.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator, small_database

#: Milliseconds from the report's first line to the signal: the report, the command's end, Python's exit.
DELAYS = range(0, 45, 5)


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=lambda n: n.name)
def test_a_signal_as_a_command_ends_is_its_status_and_one_line_never_a_silent_death(
    tmp_path: Path, number: signal.Signals
) -> None:
    small_database(tmp_path / "x.db")
    plain = annotator("stats", "--db", "x.db", cwd=tmp_path)
    assert (plain.returncode, plain.stderr) == (0, "")
    ends = []
    for delay in DELAYS:
        process = subprocess.Popen(
            [ANNOTATOR, "stats", "--db", "x.db"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        time.sleep(delay / 1000)
        process.send_signal(number)
        out, err = first + process.stdout.read(), process.stderr.read()  # the rest (stderr holds a line at most)
        process.wait(timeout=60)
        if process.returncode == 0:
            ends.append((delay, 0, out == plain.stdout and err == ""))
        else:
            one_line = err.count("\n") == 1 and err.startswith("annotator: ")
            ends.append((delay, process.returncode, one_line))
    assert [end for end in ends if end[1:] not in [(0, True), (128 + number, True)]] == []

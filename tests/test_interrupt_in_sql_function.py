"""A ctrl+c or SIGTERM that lands inside a Python function SQLite calls (`annotator_is_utf8`, which `check` and
`merge` run over every text column: on two articles of 12 M characters nearly every interrupt in the first second
lands there). sqlite3 turns any exception such a function raises, KeyboardInterrupt and `Terminated` included, into
`OperationalError: user-defined function raised exception`: the command printed that traceback and exited 1
(attacker F4). Now it says "interrupted ..." and exits 130 (143), writing nothing.

The signal is a real one, sent by the real console script to itself from inside the function, the first time SQLite
calls any function registered on any connection: a `sitecustomize` on PYTHONPATH (run by Python's `site` before the
script) makes every connection wrap the functions registered on it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator

SIGNAL_IN_SQL_FUNCTION = """
import os, signal, sqlite3
number = getattr(signal, os.environ["SIGNAL_IN_SQL_FUNCTION"])
sent = []


class Connection(sqlite3.Connection):
    def create_function(self, name, narg, func, *args, **kwargs):
        def called(*values):
            if not sent:  # once, the first time SQLite calls a registered function
                sent.append(name)
                os.kill(os.getpid(), number)
            return func(*values)

        return super().create_function(name, narg, called, *args, **kwargs)


connect = sqlite3.connect


def connecting(*args, factory=Connection, **kwargs):
    return connect(*args, factory=factory, **kwargs)


sqlite3.Connection = Connection
sqlite3.connect = connecting
"""

NOTHING_WRITTEN = "annotator: error: interrupted; nothing from this command was written\n"
STATUS = {"SIGINT": 130, "SIGTERM": 143}


def run(folder: Path, signal_name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """The console script, sending itself `signal_name` from inside the first SQLite function call."""
    (folder / "hook").mkdir(exist_ok=True)
    (folder / "hook" / "sitecustomize.py").write_text(SIGNAL_IN_SQL_FUNCTION, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(folder / "hook"), "SIGNAL_IN_SQL_FUNCTION": signal_name}
    return subprocess.run(
        [ANNOTATOR, *map(str, args)], capture_output=True, text=True, timeout=300, env=env, cwd=folder
    )


@pytest.fixture
def source(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Mayor Anna Berg said on Monday that the river rose.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The council met in Riverside after the flood.", encoding="utf-8")
    done = annotator("ingest", "a.txt", "b.txt", "--no-suggest", "--db", "bad.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return tmp_path / "bad.db"


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_an_interrupt_inside_an_sql_function_stops_check_in_one_line(source: Path, signal_name: str) -> None:
    before = source.read_bytes()
    result = run(source.parent, signal_name, "check", "--db", source.name)
    assert (result.returncode, result.stdout, result.stderr) == (STATUS[signal_name], "", NOTHING_WRITTEN)
    assert source.read_bytes() == before


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_an_interrupt_inside_an_sql_function_stops_merge_writing_nothing(source: Path, signal_name: str) -> None:
    folder = source.parent
    result = run(folder, signal_name, "merge", source.name, "--db", "x.db")
    assert (result.returncode, result.stdout, result.stderr) == (STATUS[signal_name], "", NOTHING_WRITTEN)
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt", "bad.db", "hook"]


def test_the_hook_alone_changes_nothing(source: Path) -> None:
    """Sending a signal that does nothing (SIGCONT), the hooked run is the plain one: only the signal stops it."""
    result = run(source.parent, "SIGCONT", "check", "--db", source.name)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr


def test_every_sql_function_is_registered_through_the_one_place_that_catches_interrupts() -> None:
    """`annotator.store.functions.register` is the only caller of sqlite3's `create_function` (or its aggregate,
    window and collation kin): a function registered elsewhere would bring the traceback back."""
    package = Path(__file__).parent.parent / "annotator"
    registering = ("create_function", "create_aggregate", "create_window_function", "create_collation")
    callers = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if any(f".{name}(" in path.read_text(encoding="utf-8") for name in registering)
    )
    assert callers == ["store/functions.py"]

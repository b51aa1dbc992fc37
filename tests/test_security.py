"""Security basics: paths taken as given, private files, and no network at run time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from annotator.cli import app
from annotator.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()

#: Runs the CLI with an audit hook that reports, then refuses, every attempt to resolve a name or connect.
NO_NETWORK = """
import sys

def no_network(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"):
        sys.stderr.write(f"NETWORK {event} {args!r}\\n")
        raise OSError("network access is not allowed")

sys.addaudithook(no_network)
from annotator.cli import main
sys.argv = ["annotator", *sys.argv[1:]]
main()
"""


def cli_without_network(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", NO_NETWORK, *args], capture_output=True, text=True, cwd=cwd)


def test_export_paths_are_taken_literally(db_path: Path, store: Store, small_article: str, tmp_path: Path) -> None:
    """The real command, given a path a shell, `~`, `$VAR` or glob expansion would each change: it writes there."""
    store.accept_all(small_article, "alice")
    store.set_status(small_article, "alice", "done")
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    path = "~/$HOME/*?[a] out; touch pwned $(touch pwned2) `touch pwned3` | x.jsonl"
    (work / "~" / "$HOME").mkdir(parents=True)  # -o names a file in an existing folder (a missing one is an error)
    script = Path(sys.executable).parent / "annotator"
    result = subprocess.run(
        [str(script), "export", "--db", str(db_path), "--annotator", "alice", "-o", path],
        capture_output=True,
        text=True,
        cwd=work,
        env={**os.environ, "HOME": str(home)},
    )
    assert (result.returncode, result.stdout) == (0, f"1 record(s) -> {path}\n")
    written = [p.relative_to(work).as_posix() for p in work.rglob("*") if p.is_file()]
    written = [name for name in written if not name.endswith(".annotator-written.json")]  # its record of outputs
    assert (written, list(home.iterdir())) == ([path], [])
    assert json.loads((work / path).read_text(encoding="utf-8"))["annotator"] == "alice"


def test_nothing_is_fetched_over_the_network(tmp_path: Path) -> None:
    for args in (
        ["ingest", str(SEEDS), "--db", "a.db"],  # loads the spaCy model and suggests
        ["export", "--db", "a.db", "--suggestions", "-o", "s.jsonl"],
        ["import", "s.jsonl", "--db", "b.db"],  # the model's suggestions, stored as suggestions
        ["check", "--db", "b.db"],
        ["stats", "--db", "a.db"],
    ):
        result = cli_without_network(*args, cwd=tmp_path)
        assert (args[0], result.returncode, "NETWORK" in result.stderr) == (args[0], 0, False), result.stderr


def test_check_reports_a_sound_database(db_path: Path, store: Store, small_article: str) -> None:
    store.accept_all(small_article, "alice")
    result = runner.invoke(app, ["check", "--db", str(db_path)])
    assert (result.exit_code, result.stdout) == (
        0,
        f"{db_path}: ok (integrity check passed; 1 event(s) replay to the stored annotations)\n",
    )


def test_check_reports_tables_that_disagree_with_the_log(db_path: Path, store: Store, small_article: str) -> None:
    store.accept_all(small_article, "alice")
    store.db.execute("UPDATE annotations SET status = 'done'")
    store.db.conn.commit()
    result = runner.invoke(app, ["check", "--db", str(db_path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"annotator: error: {db_path}: problem 1 of 1: article {small_article}, annotator alice: "
        "status 'done' but the event log says 'in_progress'\n",
    )


def test_check_does_not_create_a_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "missing.db")])
    assert (result.exit_code, result.stderr) == (1, f"annotator: error: {tmp_path / 'missing.db'}: no such database\n")
    assert list(tmp_path.iterdir()) == []

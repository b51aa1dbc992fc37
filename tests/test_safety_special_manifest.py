"""Found by an attacker: a FIFO at a predictions folder's `manifest.json` made `annotator predict` and `ingest
--suggestions-from` wait for a writer for ever (ctrl+c did not stop predict); and a FIFO that a kill -9 left at an
export's temporary name (swapped there from the output's path, not yet swapped back) went unnamed by the next run,
whose note of leftovers listed regular files only. Now the manifest is refused in one line naming what it is, and
any leftover at a temporary's name is named, whatever it is, and left as it is. Real processes, real FIFOs."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from processes import ANNOTATOR, small_database
from test_predict import dev_articles, write_articles

from annotator.places import note_leftovers


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([ANNOTATOR, *args], capture_output=True, text=True, cwd=cwd, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"annotator {' '.join(args)} hung")


def is_fifo(path: Path) -> bool:
    return stat.S_ISFIFO(os.lstat(path).st_mode)


@pytest.mark.parametrize(
    "command",
    [
        ("predict", "news.jsonl", "-o", "pred", "--workers", "1"),
        ("ingest", "--suggestions-from", "pred", "--db", "x.db"),
    ],
)
def test_a_fifo_at_the_manifest_is_one_line_and_nothing_changes(tmp_path: Path, command: tuple[str, ...]) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(2))
    (tmp_path / "pred").mkdir()
    os.mkfifo(tmp_path / "pred" / "manifest.json")
    result = run(*command, cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "pred/manifest.json: a FIFO (named pipe), not a regular file" in lines[0]
    assert is_fifo(tmp_path / "pred" / "manifest.json")
    assert [p.name for p in (tmp_path / "pred").iterdir()] == ["manifest.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl", "pred"]


@pytest.mark.parametrize("kind", ["fifo", "link", "folder"])
def test_a_leftover_of_another_kind_at_a_temporary_name_is_named_and_left(tmp_path: Path, kind: str) -> None:
    """What a kill -9 leaves between the swap of a foreign thing out of the output's path and the swap back."""
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"an export\n")
    leftover = tmp_path / ".out.jsonl.partial-12345678"
    if kind == "fifo":
        os.mkfifo(leftover)
    elif kind == "link":
        os.symlink(tmp_path / "elsewhere", leftover)
    else:
        leftover.mkdir()
    notes: list[str] = []
    assert note_leftovers(out, "partial", "out.jsonl", notes.append) == [leftover]
    what = {"fifo": "a FIFO (named pipe)", "link": "a symbolic link", "folder": "a folder"}[kind]
    assert notes == [
        f"out.jsonl: a leftover .out.jsonl.partial-12345678 ({what}) from an interrupted run is beside it; remove it "
        "if it is yours"
    ]
    assert os.path.lexists(leftover)
    assert stat.S_IFMT(os.lstat(leftover).st_mode) == {"fifo": stat.S_IFIFO, "link": stat.S_IFLNK,
                                                       "folder": stat.S_IFDIR}[kind]  # fmt: skip


def test_an_export_names_a_fifo_left_at_its_temporary_name(tmp_path: Path) -> None:
    """The CLI: `annotator export` beside a FIFO a kill -9 left says so in its note, never opens or removes it."""
    leftover = tmp_path / ".out.jsonl.partial-abcdef12"
    os.mkfifo(leftover)
    small_database(tmp_path / "a.db")
    result = run("export", "--db", "a.db", "--annotator", "alice", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "out.jsonl: a leftover .out.jsonl.partial-abcdef12 (a FIFO (named pipe)) from an interrupted run is beside "
        "it; remove it if it is yours"
    ) in result.stderr
    assert is_fifo(leftover)


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_fifo_or_folder_at_a_listed_shard_is_named_for_what_it_is_and_left(tmp_path: Path, kind: str) -> None:
    """A leftover of the last session: `ingest --suggestions-from` said a shard the manifest lists was "missing"
    when a FIFO (or a folder) sat at its name. It names what is there, in one line, and leaves it; nothing is
    stored."""
    write_articles(tmp_path / "news.jsonl", dev_articles(2))
    done = run("predict", "news.jsonl", "-o", "pred", "--workers", "1", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    shards = tmp_path / "pred" / "shards"  # the shard, and the record that proved it predict's until it was listed
    assert sorted(p.name for p in shards.iterdir()) == [".annotator-written.json", "shard-000000.jsonl"]
    shard = shards / "shard-000000.jsonl"
    shard.unlink()
    os.mkfifo(shard) if kind == "fifo" else shard.mkdir()
    result = run("ingest", "--suggestions-from", "pred", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    what = {"fifo": "a FIFO (named pipe)", "folder": "a folder"}[kind]
    assert result.stderr.splitlines() == [
        f"annotator: error: pred/shards/{shard.name}: {what}, not a regular file, at the name of a shard "
        "pred/manifest.json lists; it was left as it is"
    ]
    assert stat.S_IFMT(os.lstat(shard).st_mode) == {"fifo": stat.S_IFIFO, "folder": stat.S_IFDIR}[kind]
    assert not (tmp_path / "x.db").exists()

"""Found by an attacker: a symlink or a FIFO renamed over an output at the last moment (as a foreign file was in
`test_safety_race_replace`). A link to a file with the export's bytes passed as annotator's own file (its hash
was taken through the link) and was deleted; a FIFO made the hash wait for a writer for ever, inside the stretch
where interrupts wait (ctrl+c did not stop it), for an export and for predict's shards. Only a regular file proves
anything: the swap is undone, the link or FIFO left as it came, and the refusal is one line. The race is made
certain as there (the foreign thing renamed in by a wrapper around the step before), in a child process so that a
hang fails the test instead of stopping the run."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.exchange.written import RECORD, read_record

CHILD = """
import hashlib, os, sys
from pathlib import Path
from annotator.exchange import shards, writing
from annotator.exchange.manifest import Manifest
from annotator.errors import AnnotatorError

folder, kind, point = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
FIRST = b"first export\\n"
keep = folder / "keep.jsonl"  # what a link points to: the very bytes annotator wrote
keep.write_bytes(FIRST)


def foreign_at(target):
    incoming = target.with_name("incoming")
    if kind == "link":
        os.symlink(keep, incoming)
    else:
        os.mkfifo(incoming)
    os.rename(incoming, target)


def after(owner, name, nth, target):
    real, calls = getattr(owner, name), []

    def step(*args, **kwargs):
        calls.append(1)
        if len(calls) == nth and point.endswith("before"):
            foreign_at(target)
        result = real(*args, **kwargs)
        if len(calls) == nth and not point.endswith("before"):
            foreign_at(target)
        return result

    setattr(owner, name, step)


try:
    if point.startswith("shard"):
        target = folder / "o" / "shards" / "000.jsonl"
        target.parent.mkdir(parents=True)
        target.write_bytes(FIRST)
        entry = {"sha256": hashlib.sha256(FIRST).hexdigest(), "bytes": len(FIRST)}
        manifest = Manifest(pipeline={}, shard_size=1, inputs=[], shards={"shards/000.jsonl": entry})
        after(shards, "must_write", 2, target)  # after predict's last check of the shard
        shards.write_shard(folder / "o", "shards/000.jsonl", manifest, b"new records\\n")
    else:
        target = folder / "o" / "out.jsonl"
        target.parent.mkdir()
        with writing.written_atomically(target) as out:
            out.write(FIRST)
        if point == "swap":  # after the re-check, just before the swap
            after(writing, "expect_written", 1, target)
        else:  # just before the re-check
            after(writing, "check_replaceable", 2, target)
        with writing.written_atomically(target) as out:
            out.write(b"second export\\n")
    print("WRITTEN")
except AnnotatorError as error:
    print("REFUSED", error)
"""


def raced(folder: Path, kind: str, point: str) -> str:
    """What the child said (WRITTEN, or REFUSED and the refusal); a child that hangs fails the test."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), kind, point], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        out, err = child.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail(f"the write hung with a {kind} renamed in ({point})")
    assert err == ""
    return out.strip()


def is_kind(path: Path, kind: str) -> bool:
    mode = os.lstat(path).st_mode
    return stat.S_ISLNK(mode) if kind == "link" else stat.S_ISFIFO(mode)


WHAT = {"link": "a symbolic link", "fifo": "a FIFO (named pipe)"}


@pytest.mark.parametrize("point", ["swap", "recheck"])
@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_a_link_or_fifo_renamed_over_an_export_is_refused_and_left(tmp_path: Path, kind: str, point: str) -> None:
    said = raced(tmp_path, kind, point)
    out = tmp_path / "o" / "out.jsonl"
    assert said.startswith(f"REFUSED {out}: {WHAT[kind]}, not a file annotator wrote; it was left as it is")
    assert "\n" not in said
    assert is_kind(out, kind)
    if kind == "link":
        assert os.readlink(out) == str(tmp_path / "keep.jsonl")
    assert (tmp_path / "keep.jsonl").read_bytes() == b"first export\n"
    assert sorted(p.name for p in out.parent.iterdir()) == [RECORD, "out.jsonl"]


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_a_link_or_fifo_renamed_over_a_shard_is_refused_and_left(tmp_path: Path, kind: str) -> None:
    said = raced(tmp_path, kind, "shard")
    target = tmp_path / "o" / "shards" / "000.jsonl"
    assert said.startswith(f"REFUSED {target}: {WHAT[kind]}, put there while predict wrote this shard; ")
    assert "\n" not in said
    assert is_kind(target, kind)
    # the shards folder's record (write_shard announced the shard's hash before the rename) took it back
    assert sorted(p.name for p in target.parent.iterdir()) == [RECORD, "000.jsonl"]
    assert read_record(target.parent).files == {}


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_a_link_or_fifo_renamed_over_a_shard_before_its_last_check_is_refused(tmp_path: Path, kind: str) -> None:
    said = raced(tmp_path, kind, "shard-before")
    target = tmp_path / "o" / "shards" / "000.jsonl"
    assert said.startswith(f"REFUSED {target}: {WHAT[kind]}, not a shard file these predictions wrote; ")
    assert is_kind(target, kind)
    # refused at the last check, before write_shard announces the shard's hash: no record is made
    assert sorted(p.name for p in target.parent.iterdir()) == ["000.jsonl"]

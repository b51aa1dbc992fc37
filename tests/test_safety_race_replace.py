"""Trial 28 left one instant open: between the last check that an existing output is annotator's own and the
rename over it, a process renaming a foreign file in lost that file (the attacker hit it once in 40). The race is
made certain here: a real foreign file is renamed over the target at that very moment, by a wrapper around the
step that runs just before the rename. Real files, real renames; the file must come back byte for byte."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import AnnotatorError
from annotator.exchange import shards, writing
from annotator.exchange.manifest import Manifest
from annotator.exchange.written import RECORD, read_record
from annotator.places import PlaceError

FOREIGN = b"someone's notes, renamed in at the last moment\n"


def write(path: Path, data: bytes) -> None:
    with writing.written_atomically(path) as out:
        out.write(data)


def write_both(paths: list[Path], data: list[bytes]) -> None:
    with writing.written_together(paths) as outs:
        for out, chunk in zip(outs, data, strict=True):
            out.write(chunk)


def racing(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Rename a foreign file over `target` after the last check, just before annotator puts its output there."""
    real: Callable[..., dict[Path, str]] = writing.expect_written

    def foreign_first(*args: object, **kwargs: object) -> dict[Path, str]:
        incoming = target.with_name("incoming.txt")
        incoming.write_bytes(FOREIGN)
        os.rename(incoming, target)
        return real(*args, **kwargs)

    monkeypatch.setattr(writing, "expect_written", foreign_first)


def test_a_foreign_file_renamed_in_at_the_last_moment_is_left_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    write(out, b"first export\n")
    racing(monkeypatch, out)
    with pytest.raises(PlaceError) as refused:
        write(out, b"second export\n")
    assert str(refused.value).startswith(f"{out}: a file annotator did not write, or one changed since it did")
    assert out.read_bytes() == FOREIGN
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl"]


def test_the_race_on_a_second_output_leaves_the_first_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "data.spacy", tmp_path / "config.cfg"
    write_both([first, second], [b"old data\n", b"old config\n"])
    racing(monkeypatch, second)
    with pytest.raises(PlaceError):
        write_both([first, second], [b"new data\n", b"new config\n"])
    assert first.read_bytes() == b"old data\n"
    assert second.read_bytes() == FOREIGN
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "config.cfg", "data.spacy"]


def test_a_new_output_beside_a_race_on_another_is_taken_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first output is new (linked into place), the second replaces a recorded file that is raced: the first
    is removed again, being annotator's own new file, so the pair is there together or not at all."""
    first, second = tmp_path / "data.spacy", tmp_path / "config.cfg"
    write(second, b"old config\n")
    racing(monkeypatch, second)
    with pytest.raises(PlaceError):
        write_both([first, second], [b"new data\n", b"new config\n"])
    assert not first.exists()
    assert second.read_bytes() == FOREIGN
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "config.cfg"]


def test_without_a_race_the_recorded_file_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    write(out, b"first export\n")
    write(out, b"second export\n")
    assert out.read_bytes() == b"second export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl"]


def shard_manifest(out: Path, records: bytes) -> Manifest:
    """A manifest listing `shards/000.jsonl` as written with `records` (as predict lists a finished shard)."""
    entry = {"sha256": hashlib.sha256(records).hexdigest(), "bytes": len(records)}
    return Manifest(pipeline={}, shard_size=1, inputs=[], shards={"shards/000.jsonl": entry})


def racing_shard(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Rename a foreign file over the shard after predict's last check of it (its second `must_write`)."""
    real = shards.must_write
    calls: list[int] = []

    def foreign_after_check(*args: Any, **kwargs: Any) -> bool:
        allowed = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:
            incoming = target.with_name("incoming.jsonl")
            incoming.write_bytes(FOREIGN)
            os.rename(incoming, target)
        return allowed

    monkeypatch.setattr(shards, "must_write", foreign_after_check)


@pytest.mark.parametrize("before", [b"an older run's shard\n", None])
def test_a_foreign_file_renamed_over_a_shard_at_the_last_moment_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: bytes | None
) -> None:
    """A shard that predict wrote before (listed in the manifest) or none yet: either way the file renamed in
    after the check stays, and the run stops naming it."""
    target = tmp_path / "shards" / "000.jsonl"
    target.parent.mkdir()
    manifest = shard_manifest(tmp_path, before or b"")
    if before is not None:
        target.write_bytes(before)
    racing_shard(monkeypatch, target)
    with pytest.raises(AnnotatorError) as refused:
        shards.write_shard(tmp_path, "shards/000.jsonl", manifest, b"the new records\n")
    assert str(refused.value).startswith(f"{target}: ")
    assert target.read_bytes() == FOREIGN
    # the shards folder's record (write_shard announced the shard's hash before the rename) took it back
    assert sorted(p.name for p in target.parent.iterdir()) == [RECORD, "000.jsonl"]
    assert read_record(target.parent).files == {}


def test_without_a_race_a_listed_shard_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "shards" / "000.jsonl"
    target.parent.mkdir()
    target.write_bytes(b"an older run's shard\n")
    shards.write_shard(tmp_path, "shards/000.jsonl", shard_manifest(tmp_path, b"an older run's shard\n"), b"new\n")
    assert target.read_bytes() == b"new\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [RECORD, "000.jsonl"]  # the record proves it until listed

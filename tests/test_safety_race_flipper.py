"""A leftover of the last session: under a process renaming files in and out of an output's name while annotator
wrote it (a flipper), annotator's own earlier output could end at the write's temporary name
(`.out.jsonl.partial-...`), and stay there: every later run named it "a leftover from an interrupted run",
which it is not, and nobody removed it. How: the swap of the new file with the target brought in a foreign
file; before the swap back, the flipper took the new file away and put annotator's earlier output back at the
target; the swap back then put the foreign file at the target and annotator's earlier output at the temporary's
name, which the write, holding no lock on it, left.

The race is made certain here, as in tests/test_safety_race_replace.py: the flipper's renames run at the very
point between the swap and the check of what it brought. Real files, real renames (renameat2), the real record.
Annotator's own file, proven by the record's hash, is removed (it was being replaced); any other file there is
left and named in the refusal, as one renamed in meanwhile."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_safety_race_replace import FOREIGN, shard_manifest, write

from annotator.errors import AnnotatorError
from annotator.exchange import shards, writing
from annotator.exchange.written import RECORD, read_record
from annotator.places import PlaceError

OTHER = b"another foreign file, flipped in at the second moment\n"


def flipping(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, target: Path, back: Path, *, export: bool = True
) -> list[int]:
    """The flipper: a foreign file renamed over `target` just before annotator's swap (annotator's earlier
    output moved aside first, to `back`), then, between the swap and the check of what it brought, the new file
    taken away and `back` renamed in at the target again. `name` is the check `module` makes after the swap; the
    first renames are an export's (`export`; predict's are made by the test, which arms the flip: the list
    returned)."""
    real_expect: Callable[..., Any] = writing.expect_written
    real_check: Callable[..., bool] = getattr(module, name)
    armed: list[int] = []

    def foreign_first(*args: Any, **kwargs: Any) -> Any:
        os.rename(target, target.with_name("aside"))
        incoming = target.with_name("incoming")
        incoming.write_bytes(FOREIGN)
        os.rename(incoming, target)
        armed.append(1)
        return real_expect(*args, **kwargs)

    def flip_before_check(*args: Any, **kwargs: Any) -> bool:
        if armed == [1]:  # the first check after the foreign file came
            armed.append(2)
            os.rename(target, target.with_name("taken"))  # the new file, away
            os.rename(back, target)
        return real_check(*args, **kwargs)

    if export:
        monkeypatch.setattr(writing, "expect_written", foreign_first)
    monkeypatch.setattr(module, name, flip_before_check)
    return armed


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name)


def test_annotators_own_output_swapped_out_by_a_flipper_is_removed_not_left_as_a_leftover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    write(out, b"first export\n")
    flipping(monkeypatch, writing, "proves", out, tmp_path / "aside")
    with pytest.raises(PlaceError) as refused:
        write(out, b"second export\n")
    assert str(refused.value).startswith(f"{out}: a file annotator did not write, or one changed since it did")
    assert out.read_bytes() == FOREIGN  # the foreign file the flipper put there last stays, byte for byte
    assert partials(tmp_path) == []  # annotator's first export, proven its own, was being replaced: removed
    assert (tmp_path / "taken").read_bytes() == b"second export\n"  # where the flipper took it
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl", "taken"]


def test_a_foreign_file_a_flipper_leaves_at_the_temporary_name_is_left_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What comes back at the temporary's name is not annotator's (a second foreign file flipped in): it is left
    as it is, and the refusal says where, and that it was renamed in meanwhile (not an interrupted run's)."""
    out = tmp_path / "out.jsonl"
    write(out, b"first export\n")
    (tmp_path / "other").write_bytes(OTHER)
    flipping(monkeypatch, writing, "proves", out, tmp_path / "other")
    with pytest.raises(PlaceError) as refused:
        write(out, b"second export\n")
    [left] = partials(tmp_path)
    assert (tmp_path / left).read_bytes() == OTHER
    assert out.read_bytes() == FOREIGN
    assert (tmp_path / "aside").read_bytes() == b"first export\n"
    said = str(refused.value)
    assert said.startswith(f"{out}: a file annotator did not write, or one changed since it did")
    assert said.endswith(
        f"; a file renamed in and out of {out} while this was written is at {left}, not annotator's: it was left "
        "as it is"
    )
    assert "\n" not in said


def test_a_listed_shard_swapped_out_by_a_flipper_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same for predict's shards: the listed shard (its SHA-256 in the manifest) that a flipper brought back
    at the temporary's name is removed."""
    target = tmp_path / "shards" / "000.jsonl"
    target.parent.mkdir()
    before = b"an older run's shard\n"
    target.write_bytes(before)
    manifest = shard_manifest(tmp_path, before)
    assert manifest.shards["shards/000.jsonl"]["sha256"] == hashlib.sha256(before).hexdigest()
    armed = flipping(monkeypatch, shards, "as_written", target, target.with_name("aside"), export=False)

    real_must = shards.must_write
    checks: list[int] = []

    def foreign_after_check(*args: Any, **kwargs: Any) -> bool:
        allowed = real_must(*args, **kwargs)
        checks.append(1)
        if len(checks) == 2:  # after predict's last check of the shard, as test_safety_race_replace does
            os.rename(target, target.with_name("aside"))
            incoming = target.with_name("incoming")
            incoming.write_bytes(FOREIGN)
            os.rename(incoming, target)
            armed.append(1)
        return allowed

    monkeypatch.setattr(shards, "must_write", foreign_after_check)
    with pytest.raises(AnnotatorError) as refused:
        shards.write_shard(tmp_path, "shards/000.jsonl", manifest, b"the new records\n")
    assert str(refused.value).startswith(f"{target}: a file, put there while predict wrote this shard")
    assert target.read_bytes() == FOREIGN
    # the shards folder's record (write_shard announced the shard's hash before the rename) took it back
    assert sorted(p.name for p in target.parent.iterdir()) == [RECORD, "000.jsonl", "taken"]
    assert read_record(target.parent).files == {}

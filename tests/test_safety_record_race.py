"""The attacker's record trials: the folder's record (`.annotator-written.json`) was read, then a new record was
renamed over whatever sat at that name by then, so a foreign file flipped in with it meanwhile was lost (5 runs in
5; the folder's lock keeps only annotator processes out). And a joint write taken back (the companion's rename
failed: EBUSY on a bind-mounted config) left its hash among the name's accepted ones, which keep only the newest
few: after a handful, the hash of annotator's own untouched file dropped out and every later export was refused.
The races are made certain as in test_safety_race_replace.py: a real foreign file is put at the record's name at
the exact moment, by a wrapper around the step before. Real files, real renames."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pytest

from annotator import places
from annotator.exchange import recording, writing, written
from annotator.exchange.written import RECORD
from annotator.places import PlaceError

FOREIGN = b"FOREIGN damaged record, keep me\n"


def write(path: Path, data: bytes, notes: list[str] | None = None) -> None:
    with writing.written_atomically(path, note=None if notes is None else notes.append) as out:
        out.write(data)


def write_both(paths: list[Path], data: list[bytes]) -> None:
    with writing.written_together(paths) as outs:
        for out, chunk in zip(outs, data, strict=True):
            out.write(chunk)


def recorded(folder: Path) -> dict[str, object]:
    files: dict[str, object] = json.loads((folder / RECORD).read_bytes())["files"]
    return files


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def foreign_at_record(monkeypatch: pytest.MonkeyPatch, folder: Path, update: int, *, rename: bool = True) -> None:
    """Put a foreign file at the record's name during the `update`-th change of the record (1: the one before the
    output's rename, 2: the one after), once the record was read and before the new one goes in: when the
    temporary that carries the new record is made. `rename`: renamed in (else made in place, for a missing one)."""
    real = recording.Temporary
    made: list[int] = []

    def temporary(*args: object, **kwargs: object) -> places.Temporary:
        made.append(1)
        if len(made) == update:
            if rename:
                (folder / "side").write_bytes(FOREIGN)
                os.rename(folder / "side", folder / RECORD)
            else:
                (folder / RECORD).write_bytes(FOREIGN)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(recording, "Temporary", temporary)


def test_a_foreign_file_put_at_the_record_before_the_output_is_left_and_the_output_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    write(out, b"first\n")
    foreign_at_record(monkeypatch, tmp_path, 1)
    with pytest.raises(PlaceError):
        write(out, b"second\n")
    assert (tmp_path / RECORD).read_bytes() == FOREIGN
    assert out.read_bytes() == b"first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl"]


def test_a_foreign_file_put_at_the_record_after_the_output_is_left_and_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    write(out, b"first\n")
    foreign_at_record(monkeypatch, tmp_path, 2)
    notes: list[str] = []
    write(out, b"second\n", notes)
    assert (tmp_path / RECORD).read_bytes() == FOREIGN
    assert out.read_bytes() == b"second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl"]
    assert notes == [
        f"{tmp_path / RECORD}: another file was put at its name while annotator updated it, so annotator does not "
        "record out.jsonl in it and leaves that file as it is: a later output will not replace the file without "
        "--overwrite"
    ]


@pytest.mark.parametrize("update", [1, 2])
def test_a_file_made_where_the_record_was_missing_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update: int
) -> None:
    out = tmp_path / "out.jsonl"
    foreign_at_record(monkeypatch, tmp_path, update, rename=False)
    write(out, b"first\n")
    assert (tmp_path / RECORD).read_bytes() == FOREIGN
    assert out.read_bytes() == b"first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl"]


def test_without_a_race_the_record_is_replaced_and_a_missing_one_made(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    write(out, b"first\n")
    assert recorded(tmp_path) == {"out.jsonl": sha(b"first\n")}
    write(out, b"second\n")
    assert recorded(tmp_path) == {"out.jsonl": sha(b"second\n")}
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl"]


def busy_for(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """The swap into `target` fails as on a bind-mounted file (EBUSY); every other swap is real."""
    real = places.exchange

    def exchange(first: Path, second: Path) -> bool:
        if Path(second) == target:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(second))
        return real(first, second)

    monkeypatch.setattr(places, "exchange", exchange)


def test_joint_writes_taken_back_never_disown_the_files_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, config = tmp_path / "t.spacy", tmp_path / "c.cfg"
    write_both([data, config], [b"data 0\n", b"config\n"])
    before = recorded(tmp_path)
    with monkeypatch.context() as patched:
        busy_for(patched, config)
        for attempt in range(1, 6):
            with pytest.raises(PlaceError, match="cannot write"):
                write_both([data, config], [f"data {attempt}\n".encode(), b"config\n"])
            assert data.read_bytes() == b"data 0\n"
    assert recorded(tmp_path) == before
    write_both([data, config], [b"data 6\n", b"config\n"])
    assert data.read_bytes() == b"data 6\n"


def test_hashes_of_failed_writes_never_push_out_the_file_there(tmp_path: Path) -> None:
    """Runs killed between announcing their hash and their rename (nothing takes those back): the name's list
    stays short, but the hash of the bytes at the path is never the one dropped."""
    out = tmp_path / "out.jsonl"
    write(out, b"first\n")
    for attempt in range(6):
        recording.expect_written({out: sha(f"killed run {attempt}\n".encode())})
    written.check_replaceable(out, out, True, overwrite=False)
    write(out, b"second\n")
    assert out.read_bytes() == b"second\n"


def test_a_write_of_the_same_bytes_taken_back_keeps_the_proof_it_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A joint write whose config has the very bytes already there (the same --labels again) is taken back while a
    foreign file is flipped in at the config's name: the config's hash was there before the write, so taking the
    write back must not remove it (60 s of flips left the config unlisted, and a clean export refused)."""
    data, config = tmp_path / "t.spacy", tmp_path / "c.cfg"
    write_both([data, config], [b"data 0\n", b"config\n"])
    before = recorded(tmp_path)
    real = writing.unexpect_written

    def flipped(*args: object, **kwargs: object) -> None:  # the foreign file is at the config's name just then
        places.exchange(config, tmp_path / "side")
        try:
            real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            places.exchange(config, tmp_path / "side")

    (tmp_path / "side").write_bytes(b"FOREIGN user config\n")
    with monkeypatch.context() as patched:
        busy_for(patched, config)
        patched.setattr(writing, "unexpect_written", flipped)
        with pytest.raises(PlaceError, match="cannot write"):
            write_both([data, config], [b"data 1\n", b"config\n"])
    assert recorded(tmp_path) == before
    (tmp_path / "side").unlink()
    write_both([data, config], [b"data 2\n", b"config\n"])
    assert config.read_bytes() == b"config\n"

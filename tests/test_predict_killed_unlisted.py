"""A predict killed by SIGKILL after a shard is in place and before the manifest (rewritten every 2 s and at the
end) lists it, then run again after an article of that shard changed: it stopped with "a file the manifest does
not list as a shard of these predictions", since nothing proved the shard its own (only a shard holding exactly
the new records was kept). Each shard's SHA-256 is now recorded in `shards/.annotator-written.json` before it is
put in place, so the rerun proves it predict's and replaces it; a file there that no record proves is still
refused and left byte for byte. Real processes killed by a real SIGKILL (`test_killed_leftovers.killed`), real
files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from test_killed_leftovers import killed
from test_predict import ANNOTATOR, dev_articles, ok, write_articles

PREDICT = ("predict", "news.jsonl", "-o", "out", "--workers", "1", "--shard-size", "4")
#: After the first shard's `write_shard` returns: the shard is in place, the manifest (written when the run
#: started) lists none.
FIRST_SHARD_PLACED = "annotator.exchange.shards:write_shard:SIGKILL:1"
LEAVE_IT = "it was left as it is (move it away, or give another output folder)"


def listed(folder: Path) -> list[str]:
    manifest: dict[str, Any] = json.loads((folder / "out" / "manifest.json").read_text("utf-8"))
    return [s["file"] for s in manifest["shards"]]


def killed_after_the_first_shard(folder: Path) -> Path:
    write_articles(folder / "news.jsonl", dev_articles(8))
    killed(folder, FIRST_SHARD_PLACED, *PREDICT)
    shard = folder / "out" / "shards" / "shard-000000.jsonl"
    assert shard.is_file() and listed(folder) == []
    return shard


def changed_first_shard(folder: Path) -> None:
    articles = dev_articles(8)
    articles[1]["text"] += " One more sentence."  # the first shard's articles changed: its records too
    write_articles(folder / "news.jsonl", articles)


def test_a_shard_a_killed_run_placed_unlisted_is_replaced_when_its_articles_changed(tmp_path: Path) -> None:
    shard = killed_after_the_first_shard(tmp_path)
    before = shard.read_bytes()
    changed_first_shard(tmp_path)
    out = ok(*PREDICT, cwd=tmp_path)
    assert out.startswith("8 article(s) in 2 shard(s) (2 computed on 1 worker(s), "), out
    assert listed(tmp_path) == ["shards/shard-000000.jsonl", "shards/shard-000001.jsonl"]
    after = shard.read_bytes()
    assert after != before and b"One more sentence." in after
    ok("ingest", "--suggestions-from", "out", "--db", "t.db", cwd=tmp_path)  # every shard checks out
    # the manifest lists every shard: the record holds none any more (it proves only shards not yet listed)
    record = json.loads((tmp_path / "out" / "shards" / ".annotator-written.json").read_text("utf-8"))
    assert record == {"kind": "annotator-written", "files": {}}


def test_a_shard_a_killed_run_placed_and_someone_edited_is_still_refused(tmp_path: Path) -> None:
    """The record proves the bytes predict put there, not the name: an edited file is no longer its own."""
    shard = killed_after_the_first_shard(tmp_path)
    edited = shard.read_bytes() + b"someone's line\n"
    shard.write_bytes(edited)
    changed_first_shard(tmp_path)
    result = subprocess.run([ANNOTATOR, *PREDICT], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: out/shards/shard-000000.jsonl: a file the manifest does not list as a shard of these "
        f"predictions; {LEAVE_IT}\n",
    )
    assert shard.read_bytes() == edited

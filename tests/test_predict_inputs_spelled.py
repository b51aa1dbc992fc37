"""A newcomer's trial: `annotator predict /tmp/w/twelve.jsonl -o pred` and then, from /tmp/w, the same command with
`twelve.jsonl` was refused ("made with inputs /tmp/w/twelve.jsonl, not twelve.jsonl"): the manifest compared the
inputs as spelled. It records them resolved too (absolute, links followed), and inputs naming the same files resume,
however they are spelled, and the records keep quoting the inputs as the first run spelled them. The real console script on a real LocalCluster, real files."""

from __future__ import annotations

import json
from pathlib import Path

from test_predict import dev_articles, ok, run, write_articles

SAME = "give the same options to resume, or another -o"


def test_the_same_files_spelled_otherwise_resume_and_other_files_are_refused(tmp_path: Path) -> None:
    tmp_path = tmp_path.resolve()  # the paths the manifest records
    work = tmp_path / "w"
    work.mkdir()
    news = write_articles(work / "twelve.jsonl", dev_articles(3))
    (work / "more").mkdir()
    (work / "more" / "one.txt").write_text("Paris is big.", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(news)
    options = ("-o", str(tmp_path / "x" / "pred"), "--workers", "1", "--shard-size", "2")
    first = ok("predict", "twelve.jsonl", "more/", *options, cwd=work)
    assert first.startswith("4 article(s) in 2 shard(s) (2 computed on 1 worker(s), "), first
    manifest = tmp_path / "x" / "pred" / "manifest.json"
    recorded = {"inputs": ["twelve.jsonl", "more"], "resolved_inputs": [str(news), str(work / "more")]}
    assert {k: v for k, v in json.loads(manifest.read_text("utf-8")).items() if k in recorded} == recorded
    for spelled, cwd in (((str(news), str(work / "more")), tmp_path), (("./twelve.jsonl", "../w/more"), work),
                         (("link.jsonl", "w/more"), tmp_path)):  # fmt: skip
        again = ok("predict", *spelled, *options, cwd=cwd)
        assert again.startswith("4 article(s) in 2 shard(s) (0 computed, 2 already done), "), (spelled, again)
        assert {k: v for k, v in json.loads(manifest.read_text("utf-8")).items() if k in recorded} == recorded
    write_articles(news, dev_articles(5))  # it grew: the new records name it as the manifest does
    grown = ok("predict", str(news), "w/more", *options, cwd=tmp_path)
    assert grown.startswith("6 article(s) in 3 shard(s) (2 computed on 1 worker(s), "), grown
    assert {k: v for k, v in json.loads(manifest.read_text("utf-8")).items() if k in recorded} == recorded
    shard = tmp_path / "x" / "pred" / "shards" / "shard-000002.jsonl"
    assert [json.loads(line)["meta"]["source"] for line in shard.read_text("utf-8").splitlines()] == [
        "twelve.jsonl:5",
        "more/one.txt",
    ]
    before = manifest.read_bytes()
    write_articles(work / "other.jsonl", dev_articles(3))
    refused = run("predict", "other.jsonl", "more", *options, cwd=work)
    assert (refused.returncode, refused.stderr) == (
        1,
        f"annotator: error: {manifest}: made with inputs {news} {work / 'more'}, not {work / 'other.jsonl'} "
        f"{work / 'more'}: {SAME}\n",
    )
    assert manifest.read_bytes() == before

"""`predict --skip-invalid`, as `ingest --skip-invalid`: a file or .jsonl line that holds no article (not UTF-8,
not valid, a FIFO named like an article in a folder) is skipped and listed, and the rest predicted. predict had no
such option ("No such option: --skip-invalid"), so one bad line in an archive stopped the whole run, and its
error did not say how to go on. Skipping still streams the inputs a shard at a time (ingest's skipping reads a
JSONL file whole first, which an archive larger than memory cannot afford).

Real processes: the console script on real files, FIFOs included, with a real one-worker Dask LocalCluster."""

from __future__ import annotations

import json
import os
from pathlib import Path

from processes import annotator, one_error_line

from annotator.errors import InputError
from annotator.exchange.shards import shards_of

LINES = b'{"text": "Bob went to London."}\n{"text": 5}\nnot json\n{"text": "Carol met Dan in Rome."}\n'
SKIPPED = [
    "arts/bad.txt:1: not UTF-8 (byte 0xff)",
    "arts/lines.jsonl:2: field 'text': Input should be a valid string, got a whole number",
    "arts/lines.jsonl:3: not valid JSON: expected a value at column 1",
    "arts/pipe.jsonl: a FIFO (named pipe), not a regular file; the whole file skipped",
    "arts/pipe.txt: a FIFO (named pipe), not a regular file",
]


def corpus(folder: Path) -> None:
    arts = folder / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text("Alice said hello in Paris.", encoding="utf-8")
    (arts / "bad.txt").write_bytes(b"\xff\xfe bad")
    (arts / "lines.jsonl").write_bytes(LINES)
    os.mkfifo(arts / "pipe.txt")
    os.mkfifo(arts / "pipe.jsonl")


def test_predict_skips_and_lists_what_ingest_skips_and_predicts_the_rest(tmp_path: Path) -> None:
    corpus(tmp_path)
    stopped = annotator("predict", "arts", "-o", "out", "--workers", "1", cwd=tmp_path, timeout=120)
    assert one_error_line(stopped) == (
        "arts/pipe.jsonl: a FIFO (named pipe), not a regular file; --skip-invalid skips it and predicts the rest"
    )
    assert not (tmp_path / "out").exists()

    result = annotator("predict", "arts", "-o", "out", "--workers", "1", "--skip-invalid", cwd=tmp_path, timeout=300)
    assert (result.returncode, result.stderr) == (0, "")
    said = result.stdout.splitlines()
    assert said[0].startswith("3 article(s) in 1 shard(s) (1 computed on 1 worker(s), ")
    assert said[1:] == ["skipped 5 file(s) or line(s) that hold no article:", *(f"  {line}" for line in SKIPPED)]
    records = [json.loads(line) for line in (tmp_path / "out" / "shards" / "shard-000000.jsonl").open()]
    assert [r["text"] for r in records] == [
        "Alice said hello in Paris.",
        "Bob went to London.",
        "Carol met Dan in Rome.",
    ]

    listed = annotator("ingest", "arts", "--no-suggest", "--skip-invalid", "--db", "x.db", cwd=tmp_path, timeout=120)
    assert listed.stdout.splitlines()[1:] == said[1:]  # what ingest skips, said as ingest says it


def test_a_bad_line_without_the_option_says_it_would_skip_it(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl").write_bytes(LINES)
    result = annotator("predict", "news.jsonl", "-o", "out", "--workers", "1", cwd=tmp_path, timeout=300)
    assert one_error_line(result) == (
        "news.jsonl:2: field 'text': Input should be a valid string, got a whole number; --skip-invalid skips it "
        "and predicts the rest"
    )


def test_skipping_still_reads_a_shard_at_a_time(tmp_path: Path) -> None:
    """The first shard is out before the bad line further down the file is read (or skipped)."""
    path = tmp_path / "big.jsonl"
    path.write_bytes(b'{"text": "One."}\n{"text": "Two."}\n{"text": "Three."}\n{"text": "\xff"}\n{"text": "Four."}\n')
    skipped: list[InputError] = []
    shards = shards_of([path], 2, skipped=skipped)
    assert [a.text for a in next(shards).articles] == ["One.", "Two."]
    assert skipped == []
    assert [[a.text for a in shard.articles] for shard in shards] == [["Three.", "Four."]]
    assert [str(error) for error in skipped] == [f"{path}:4: not UTF-8 (byte 0xff)"]

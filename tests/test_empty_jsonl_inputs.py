"""An empty or blank .jsonl file holds no article, as an empty or blank .txt file holds none (attacker, trial 40h,
1): outside a lone `ingest` it was accepted silently (`ingest blank.jsonl a.txt` added a.txt and said nothing of
blank.jsonl; `predict empty.jsonl` wrote a complete manifest of 0 shards; `--skip-invalid` did not list it). One
rule, in the reader both commands use (`skipping.articles_of`): it stops the run in one line naming the file, or
with --skip-invalid is skipped and listed; named alone, among others, or in a folder.

Real processes: the console script on real files; predict's skipping on a real one-worker Dask LocalCluster."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line

GOOD = "Ann met Bob in Paris on Monday."
EMPTY = "the file is empty"
BLANK = "the file holds only white space, no JSONL line: nothing to annotate"
WHAT_TO_DO = (
    "; nothing was ingested: remove the file or name the others, or add --skip-invalid to skip it and ingest the rest"
)


def inputs(folder: Path) -> Path:
    arts = folder / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text(GOOD, encoding="utf-8")
    (arts / "blank.jsonl").write_text("  \n\n \t\n", encoding="utf-8")
    (arts / "empty.jsonl").write_bytes(b"")
    return arts


def test_ingest_stops_at_an_empty_or_blank_jsonl_file_alone_among_others_or_in_a_folder(tmp_path: Path) -> None:
    inputs(tmp_path)
    for args, said in (
        (["arts/empty.jsonl"], f"arts/empty.jsonl:1: {EMPTY}"),
        (["arts/blank.jsonl"], f"arts/blank.jsonl:1: {BLANK}"),
        (["arts/blank.jsonl", "arts/a.txt"], f"arts/blank.jsonl:1: {BLANK}{WHAT_TO_DO}"),
        (["arts/a.txt", "arts/empty.jsonl"], f"arts/empty.jsonl:1: {EMPTY}{WHAT_TO_DO}"),
        (["arts"], f"arts/blank.jsonl:1: {BLANK}{WHAT_TO_DO}"),
    ):
        result = annotator("ingest", *args, "--no-suggest", "--db", "t.db", cwd=tmp_path, timeout=60)
        assert one_error_line(result) == said, args
        assert result.stdout == "" and not (tmp_path / "t.db").exists()


def test_ingest_skip_invalid_lists_them_and_ingests_the_rest(tmp_path: Path) -> None:
    inputs(tmp_path)
    result = annotator("ingest", "arts", "--no-suggest", "--skip-invalid", "--db", "t.db", cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db",
        "skipped 2 file(s) or line(s) that hold no article:",
        f"  arts/blank.jsonl:1: {BLANK}",
        f"  arts/empty.jsonl:1: {EMPTY}",
    ]


def test_predict_stops_at_an_empty_jsonl_file_before_any_cluster_and_skips_it_with_the_option(tmp_path: Path) -> None:
    inputs(tmp_path)
    stopped = annotator("predict", "arts/empty.jsonl", "-o", "out", "--workers", "1", cwd=tmp_path, timeout=120)
    assert one_error_line(stopped) == f"arts/empty.jsonl:1: {EMPTY}; --skip-invalid skips it and predicts the rest"
    assert not (tmp_path / "out").exists()  # no manifest saying 0 shards are "complete"

    result = annotator("predict", "arts", "-o", "out", "--workers", "1", "--skip-invalid", cwd=tmp_path, timeout=300)
    assert (result.returncode, result.stderr) == (0, "")
    said = result.stdout.splitlines()
    assert said[0].startswith("1 article(s) in 1 shard(s) (1 computed on 1 worker(s), ")
    assert said[1:] == [
        "skipped 2 file(s) or line(s) that hold no article:",
        f"  arts/blank.jsonl:1: {BLANK}",
        f"  arts/empty.jsonl:1: {EMPTY}",
    ]

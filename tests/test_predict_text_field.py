"""`annotator predict` reads Label Studio task files as `ingest` does (the same reader), but had no --text-field:
a project whose config reads `<Text value="$article"/>` was told "give ... with --text-field NAME, e.g.
--text-field article", an option predict refused. It has ingest's option, with the same meaning. The real console
script, a real local Dask cluster of one worker, a task file in the shape Label Studio imports (made by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line
from test_predict import ok, shard_records

from annotator.store import Store

BANK = "PORT MAREN - Harbor Bank was fined $4 million on Tuesday by the Maren Financial Authority."
BRIDGE = "Mayor Li Wei opened the Eastvale bridge on Saturday, two years after floods destroyed the old one."


def test_predict_reads_the_task_text_field_ingest_reads(tmp_path: Path) -> None:
    tasks = [{"id": 7, "data": {"article": BANK, "headline": "Bank fined"}}, {"id": 8, "data": {"article": BRIDGE}}]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks, indent=2), encoding="utf-8")
    missing = annotator("predict", "tasks.json", "-o", "pred", "--workers", "1", cwd=tmp_path)
    assert one_error_line(missing) == (
        "tasks.json:4: record 1: field 'data.text': the task's data has no 'text' (it has 'article', 'headline'): give "
        'the field the project\'s labelling config reads (<Text value="$NAME">) with --text-field NAME, e.g. '
        "--text-field article; --skip-invalid skips it and predicts the rest"
    )
    said = ok("predict", "tasks.json", "-o", "pred", "--workers", "1", "--text-field", "article", cwd=tmp_path)
    assert said.startswith("2 article(s) in 1 shard(s) (1 computed on 1 worker(s), ")
    records = shard_records(tmp_path / "pred")
    assert [(r["text"], r["meta"]) for r in records] == [
        (BANK, {"headline": "Bank fined", "source": "tasks.json record 1", "labelstudio_task_id": 7}),
        (BRIDGE, {"source": "tasks.json record 2", "labelstudio_task_id": 8}),
    ]
    ingested = annotator("ingest", "tasks.json", "--text-field", "article", "--suggestions-from", "pred", "--db",
                         "t.db", cwd=tmp_path)  # fmt: skip
    assert ingested.returncode == 0, ingested.stderr


def test_a_blank_text_field_is_refused_as_ingest_refuses_it(tmp_path: Path) -> None:
    result = annotator("predict", "tasks.json", "-o", "pred", "--text-field", " ", cwd=tmp_path)
    assert one_error_line(result) == "--text-field: expected the name of a field of a Label Studio task's data, got ' '"


def test_the_progress_total_counts_every_task_of_a_task_file(tmp_path: Path) -> None:
    """The bar's total counted a whole-file input (a JSON array of tasks, a file of one) as one article."""
    from annotator.exchange.labelstudio_tasks import TaskReading
    from annotator.exchange.shards import count_articles

    tasks = [{"data": {"article": text}} for text in (BANK, BRIDGE, BANK + " Again.")]
    (tmp_path / "tasks.json").write_text(json.dumps(tasks, indent=2), encoding="utf-8")
    (tmp_path / "flat.json").write_text(json.dumps([{"article": BANK}, {"article": BRIDGE}]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"article": BRIDGE}), encoding="utf-8")
    (tmp_path / "a.txt").write_text(BANK, encoding="utf-8")
    files = [tmp_path / name for name in ("tasks.json", "flat.json", "one.json", "a.txt")]
    assert count_articles(files, tasks=TaskReading("article")) == 7


def test_a_jsonl_line_with_a_text_of_its_own_is_read_by_the_text_field(tmp_path: Path) -> None:
    """Re-trial s51 t4r F1-v1: a JSONL line holding both `text` and the field --text-field names was predicted
    (and then ingested from the predictions) as its `text`, though the manifest records the text field given. The
    field the option names is the text, `text` a data field in meta, as ingest reads the line."""
    short = "short text here about Paris."
    (tmp_path / "both.jsonl").write_text(json.dumps({"text": short, "article": BANK}) + "\n", encoding="utf-8")
    said = ok("predict", "both.jsonl", "-o", "pred", "--workers", "1", "--text-field", "article", cwd=tmp_path)
    assert said.startswith("1 article(s) in 1 shard(s) (1 computed on 1 worker(s), ")
    assert json.loads((tmp_path / "pred" / "manifest.json").read_text("utf-8"))["text_field"] == "article"
    assert [(r["text"], r["meta"]) for r in shard_records(tmp_path / "pred")] == [
        (BANK, {"text": short, "source": "both.jsonl:1"})
    ]
    ingested = annotator("ingest", "--suggestions-from", "pred", "--db", "t.db", cwd=tmp_path)
    assert ingested.returncode == 0, ingested.stderr
    with Store.open(tmp_path / "t.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.article_text(article_id) == BANK
        assert store.article(article_id).meta == {"text": short, "source": "both.jsonl:1"}

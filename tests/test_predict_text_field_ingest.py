"""Re-trial s52 t6 F1-v1-c: `ingest --suggestions-from DIR --text-field NAME` took the option and ignored it: the
predictions made reading `text` were stored, `--text-field article` having no effect, without a word. The shards
hold the texts predict read (the manifest's `text_field`): another field given to ingest is refused in one line,
nothing stored; the same one, or none, stores them. And F1-v1-d: a predict rerun into the same folder with another
--text-field is refused (docs/predict.md said it recomputed). Tasks' data from Label Studio 1.23.2's real export
of a project whose config reads `$article`, a `text` of their own beside; the real console script, a real local
Dask cluster of one worker, real SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL
from test_predict import ok

HEADLINE = REAL / "labelstudio" / "ls1232_headline_export.json"
SHORT = "short text here about Paris."


def texts(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [text for (text,) in connection.execute("SELECT text FROM articles ORDER BY rowid")]


def test_another_text_field_than_predict_read_is_refused(tmp_path: Path) -> None:
    [first, *_] = [task["data"] for task in json.loads(HEADLINE.read_text("utf-8"))]
    (tmp_path / "both.jsonl").write_text(json.dumps({"text": SHORT, **first}) + "\n", encoding="utf-8")
    ok("predict", "both.jsonl", "-o", "pred", "--workers", "1", cwd=tmp_path)
    result = annotator("ingest", "--suggestions-from", "pred", "--text-field", "article", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "pred/manifest.json: made with --text-field text, not article: its suggestions are on the texts of 'text'; "
        "leave --text-field out, or predict again with --text-field article into another -o"
    )
    assert not (tmp_path / "t.db").exists()
    ok("predict", "both.jsonl", "-o", "pred2", "--workers", "1", "--text-field", "article", cwd=tmp_path)
    result = annotator("ingest", "--suggestions-from", "pred2", "--text-field", "body", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "pred2/manifest.json: made with --text-field article, not body: its suggestions are on the texts of "
        "'article'; give --text-field article, or predict again with --text-field body into another -o"
    )
    with_paths = ("ingest", "both.jsonl", "--suggestions-from", "pred", "--text-field", "article", "--db", "t.db")
    assert one_error_line(annotator(*with_paths, cwd=tmp_path)).startswith(
        "pred/manifest.json: made with --text-field text, not article: "
    )
    assert not (tmp_path / "t.db").exists()
    for options in (("--text-field", "text"), ()):
        result = annotator("ingest", "--suggestions-from", "pred", *options, "--db", "t.db", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert texts(tmp_path / "t.db") == [SHORT]
    result = annotator("ingest", "--suggestions-from", "pred2", "--text-field", "article", "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert texts(tmp_path / "a.db") == [first["article"]]


def test_a_predict_rerun_with_another_text_field_is_refused(tmp_path: Path) -> None:
    """F1-v1-d, as docs/predict.md now says: the folder made reading `text`, rerun reading `article`."""
    [first, *_] = [task["data"] for task in json.loads(HEADLINE.read_text("utf-8"))]
    (tmp_path / "both.jsonl").write_text(json.dumps({"text": SHORT, **first}) + "\n", encoding="utf-8")
    ok("predict", "both.jsonl", "-o", "pred", "--workers", "1", cwd=tmp_path)
    before = (tmp_path / "pred" / "manifest.json").read_bytes()
    result = annotator("predict", "both.jsonl", "-o", "pred", "--workers", "1", "--text-field", "article", cwd=tmp_path)
    assert one_error_line(result) == (
        "pred/manifest.json: made with --text-field text, not article: give the same options to resume, or another -o"
    )
    assert (tmp_path / "pred" / "manifest.json").read_bytes() == before

"""Re-trial t4r F14-v1: Label Studio's JSON_MIN export as JSONL (one record a line, as `jq -c '.[]'` makes it) was
ingested as our own JSONL: task ids became article ids, regions and annotator went to the articles' meta, and the
`annotator import FILE --db ...` the note advised failed. A line of it is refused in one line saying what it is and
how import reads it (one JSON array, which `jq -s` makes again); the advised import then reads the work. Real Label
Studio 1.23.2 JSON_MIN export, the real console script, real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from processes import annotator
from real_files import REAL

EXPORT_MIN = REAL / "labelstudio" / "ls1232_export_min.json"


def test_a_json_min_line_is_said_and_the_advised_import_reads_it(tmp_path: Path) -> None:
    records = json.loads(EXPORT_MIN.read_text("utf-8"))
    (tmp_path / "min.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = annotator("ingest", "min.jsonl", "--no-suggest", "--db", "m.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: min.jsonl:1: this line is a record of Label Studio's JSON_MIN export (one annotation), not "
        "an article to ingest: import reads JSON_MIN as the JSON array Label Studio exports: `jq -s . min.jsonl > "
        "min.json` makes one, and `annotator import min.json --format labelstudio --db m.db` reads it\n"
    )
    assert not (tmp_path / "m.db").exists()
    (tmp_path / "min.json").write_text(json.dumps(records), "utf-8")  # what `jq -s . min.jsonl` writes
    advised = annotator("import", "min.json", "--format", "labelstudio", "--db", "m.db", cwd=tmp_path)
    assert advised.returncode == 0, advised.stderr
    with sqlite3.connect(tmp_path / "m.db") as connection:
        assert sorted(connection.execute("SELECT article_id, annotator FROM annotations")) == [
            ("hand-1", "labelstudio-user-1"),
            ("hand-2", "labelstudio-user-1"),
            ("hand-2", "labelstudio-user-2"),
        ]


def test_a_file_of_that_name_there_is_never_the_one_advised(tmp_path: Path) -> None:
    records = json.loads(EXPORT_MIN.read_text("utf-8"))
    (tmp_path / "min.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    (tmp_path / "min.json").write_text("[]\n", "utf-8")
    result = annotator("ingest", "min.jsonl", "--no-suggest", "--db", "m.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: min.jsonl:1: this line is a record of Label Studio's JSON_MIN export (one annotation), not "
        "an article to ingest: import reads JSON_MIN as the JSON array Label Studio exports: `jq -s . min.jsonl > "
        "min-array.json` makes one, and `annotator import min-array.json --format labelstudio --db m.db` reads it\n"
    )
    assert (tmp_path / "min.json").read_text("utf-8") == "[]\n"

"""A Prodigy span whose character offset is off every token is reported under that offset's field (`end`), not
under its token index (`token_end`), which was right: the field a person has to fix (new34). A wrong token index
with right offsets is still the index's. The real console script on real files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from processes import annotator, one_error_line

TEXT = "Ann met Bob in Paris."


def task_file(path: Path, span: dict[str, object]) -> Path:
    tokens = [
        {"text": m.group(), "start": m.start(), "end": m.end(), "id": i, "ws": True}
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", TEXT))
    ]
    task = {"text": TEXT, "tokens": tokens, "spans": [{**span, "label": "ACTOR"}], "answer": "accept"}
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    return path


def test_an_end_off_every_token_names_the_end_field(tmp_path: Path) -> None:
    path = task_file(tmp_path / "pg.jsonl", {"start": 0, "end": 99999, "token_start": 0, "token_end": 0})
    db = tmp_path / "a.db"
    result = annotator("import", path, "--format", "prodigy", "--annotator", "pg", "--db", db)
    assert result.returncode == 1
    assert one_error_line(result) == (
        f"{path}:1: field 'spans[0].end': no token ends at 99999 (token 0, its token_end, ends at 3)"
    )
    assert not db.exists()


def test_a_token_index_off_its_offset_names_the_index_field(tmp_path: Path) -> None:
    path = task_file(tmp_path / "pg.jsonl", {"start": 0, "end": 3, "token_start": 0, "token_end": 2})
    result = annotator("import", path, "--format", "prodigy", "--annotator", "pg", "--db", tmp_path / "a.db")
    assert result.returncode == 1
    assert one_error_line(result) == f"{path}:1: field 'spans[0].token_end': token 2 does not end at 3"

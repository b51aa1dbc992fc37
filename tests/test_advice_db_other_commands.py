"""Commands other than `train` and `evaluate` give commands to paste that carry their --db too (the sweep after a
newcomer's trial: `train --db 'my dir/annotations.db'` advised commands that, pasted from another folder, read
./annotations.db). The real console script on real files, run from another folder than the database's."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from processes import annotator, one_error_line

DB = "my dir/a.db"
WHERE = f"--db {shlex.quote(DB)}"


def pasted(text: str) -> list[str]:
    """Every backquoted command of `text`, its arguments as the shell splits them (without `annotator`)."""
    return [shlex.split(command)[1:] for command in re.findall(r"`(annotator [^`]*)`", text)]


def test_ingest_of_annotations_names_an_import_on_the_same_database(tmp_path: Path) -> None:
    (tmp_path / "my dir").mkdir()
    record = {"article_id": "a1", "text": "Officials in Gaza said 12 people died.", "annotator": "alice",
              "status": "done", "spans": [{"start": 13, "end": 17, "label": "LOCATION", "text": "Gaza"}]}  # fmt: skip
    (tmp_path / "alice.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    ran = annotator("ingest", "alice.jsonl", "--db", DB, "--no-suggest", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert (
        "note: 1 record(s) carried spans (annotations), which ingest does not store: "
        f"`annotator import alice.jsonl {WHERE}` reads annotations"
    ) in ran.stderr
    [command] = pasted(ran.stderr)
    assert annotator(*command, cwd=tmp_path).returncode == 0
    assert not (tmp_path / "annotations.db").exists()


def test_adjudicate_without_auto_and_pack_without_assignments_name_the_database(tmp_path: Path) -> None:
    (tmp_path / "my dir").mkdir()
    (tmp_path / "a.txt").write_text("Officials in Gaza said 12 people died.\n", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--db", DB, "--no-suggest", cwd=tmp_path).returncode == 0
    line = one_error_line(annotator("adjudicate", "--db", DB, "--reviewer", "lead", cwd=tmp_path))
    assert line == (
        f"only --auto is available from the command line; disagreements are settled in `annotator review {WHERE}`"
    )
    line = one_error_line(annotator("pack", "--annotator", "alice", "-o", "p.db", "--db", DB, cwd=tmp_path))
    assert line == f"no article is assigned to 'alice' (assigned: nobody: run `annotator assign {WHERE}` first)"
    [command] = pasted(line)
    assert annotator(*command, "--annotators", "alice", "--overlap", "1", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "annotations.db").exists()


def test_a_model_named_as_an_annotator_names_evaluate_on_the_same_database(tmp_path: Path) -> None:
    (tmp_path / "my dir").mkdir()
    (tmp_path / "a.txt").write_text("Officials in Gaza said 12 people died.\n", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--db", DB, "--no-suggest", cwd=tmp_path).returncode == 0
    line = one_error_line(annotator("agreement", "--annotators", "alice,model:entities.v15", "--db", DB, cwd=tmp_path))
    assert line == (
        f"'model:entities.v15' names the model's suggestions, not an annotator (`annotator evaluate {WHERE} "
        "--suggester NAME` scores a suggester)"
    )

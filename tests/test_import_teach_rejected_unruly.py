"""A researcher's trial (trial 8): in prodigy-recipes' ner.teach answers, the spans of *rejected* suggestions (`&amp`,
`:|`, `#`: the model's guesses) were checked by the span rules as if they were annotations, and refused the whole
file. A rejected (or ignored) suggestion is nobody's span: one the rules refuse is left out and counted, and the
rest of the file imports. The real file, the real console script, a real SQLite file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from processes import annotator
from real_files import REAL, count

TEACH = REAL / "prodigy" / "ner_teach_reddit_product_199_238.jsonl"


def test_rejected_suggestions_the_rules_refuse_are_left_out_and_counted(tmp_path: Path) -> None:
    shutil.copy(TEACH, tmp_path / "teach.jsonl")
    result = annotator("import", "teach.jsonl", "--format", "prodigy", "--annotator", "tom", "--label-map",
                       "PRODUCT=ACTOR", "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines() == [
        "36 record(s) imported (36 new article(s), 32 decision(s) on suggestions) -> x.db",
        "left out: 4 rejected or ignored suggestion(s) whose span the span rules refuse (as '&amp'): no one's span, "
        "no decision",
    ]
    assert count(tmp_path / "x.db", "SELECT count(*) FROM articles WHERE text LIKE '%&amp;%'") == 0


def test_the_count_names_the_first_suggestion_left_out(tmp_path: Path) -> None:
    """Re-trial 11: the line named '&amp' whatever was left out ('Acme ', ' the ')."""
    text = "Shares of Acme rose at the close."
    spans = [{"start": 10, "end": 15, "label": "ORG", "answer": "reject"}, {"start": 22, "end": 27, "label": "ORG",
             "answer": "reject"}]  # fmt: skip
    task = {"text": text, "spans": spans, "answer": "reject", "_input_hash": 1, "_task_hash": 2}
    (tmp_path / "teach.jsonl").write_text(json.dumps(task) + "\n", encoding="utf-8")
    result = annotator("import", "teach.jsonl", "--format", "prodigy", "--annotator", "tom", "--label-map",
                       "ORG=ACTOR", "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert result.stdout.splitlines()[-1] == (
        "left out: 2 rejected or ignored suggestion(s) whose span the span rules refuse (as 'Acme '): no one's span, "
        "no decision"
    )

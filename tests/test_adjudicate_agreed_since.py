"""A newcomer's trial (F9): gold marked done without 'Tom Lee', which alice and bob both have (bob agreed after
`adjudicate --auto`), and then `adjudicate --auto` said "1 article(s) whose gold is done left as they are" with
nothing open, `export --gold` and `stats` no note. Each reports it with the command that settles it. The real console
script on a real SQLite file (tests/agreed_since_db.py)."""

from __future__ import annotations

from pathlib import Path

from agreed_since_db import done_without_tom_lee
from processes import annotator

REVIEW = "`annotator review --db {db} --annotators alice,bob`"
NOTE = "'Tiny one' (it lacks a span alice and bob both have): {review} shows what is open there"


def test_adjudicate_auto_counts_the_span_done_gold_lacks_as_open(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    done_without_tom_lee(db)
    result = annotator("adjudicate", "--auto", "--reviewer", "lead", "--db", "s.db", cwd=tmp_path)
    assert result.stdout.endswith(
        "1 article(s) whose gold is done left as they are, with 1 disagreement(s) open in them, which "
        "`annotator review --db s.db --annotators alice,bob --reviewer lead` shows\n"
    )


def test_stats_names_done_gold_lacking_a_span_all_have(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    done_without_tom_lee(db)
    result = annotator("stats", "--db", "s.db", cwd=tmp_path)
    review = REVIEW.format(db="s.db")
    assert result.stderr == (
        "annotator: note: gold is done on 1 article where an annotator's done work differs from it: "
        f"{NOTE.format(review=review)}\n"
    )


def test_export_gold_names_done_gold_lacking_a_span_all_have(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    done_without_tom_lee(db)
    result = annotator("export", "--gold", "-o", "g.jsonl", "--db", "s.db", cwd=tmp_path)
    review = REVIEW.format(db="s.db")
    assert result.stderr == (
        "note: gold exported of 1 article where an annotator's done work differs from it: "
        f"{NOTE.format(review=review)}\n"
    )

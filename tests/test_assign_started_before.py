"""`annotator assign --annotators alice,bob --overlap 2` on a database where both had already worked printed
"kept: 0 assignment(s), 14 of them with work started": 14 of none. Work begun before any assignment is an
assignment added to whoever began it; the lines now say that. The real console script on a real database."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from test_assign import ingest_jsonl

from annotator.store import Store


def test_work_begun_before_any_assignment_is_said_as_added_to_whoever_began_it(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    ids = ingest_jsonl(tmp_path, db, 0, 7)
    with Store.open(db) as store:
        for article_id in ids:
            for who in ("alice", "bob"):
                store.add_span(article_id, who, 0, 7, "ACTOR")
    result = annotator("assign", "--annotators", "alice,bob", "--overlap", "2", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:3] == [
        "kept:       nothing (no article here was assigned before)",
        "added:      14 assignment(s), on 7 article(s) not assigned before; 14 of them to whoever had already "
        "started the article",
    ]

"""Newcomer trial 29: after `annotator suggest --model`, `evaluate`'s corrections credited the new model with work
finished before it existed: alice's hand-added "NHC" counted as the new suggester's accepted suggestion, and
"spans added with no suggestion" said 0. A suggestion counts for an annotator only if they could have seen it: it
was there at their last change, or they decided on it. Real Store, real SQLite, the real evaluate command."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from support import find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.reports.evaluation import load_corrections
from annotator.store import Store

TEXT = "The National Hurricane Center (NHC) said Humberto would pass Bermuda."
OLD = [Suggestion(**find(TEXT, "National Hurricane Center", "ACTOR"), suggester="entities.v9")]
NEW = [
    Suggestion(**find(TEXT, "National Hurricane Center", "ACTOR"), suggester="entities.v9@0123456789ab"),
    Suggestion(**find(TEXT, "NHC", "ACTOR"), suggester="entities.v9@0123456789ab"),
]


def finished_then_resuggested(path: Path) -> None:
    """alice accepts the old suggestion, marks "NHC" by hand, marks the article done; then a new model suggests."""
    with Store.open(path, create=True) as store:
        (article,), _ = store.add_articles([(ArticleIn(id="a", text=TEXT), word_tokens(TEXT), OLD)])
        store.accept_suggestion(article, "alice", store.suggestions(article)[0].id)
        nhc = find(TEXT, "NHC", "ACTOR")
        store.add_span(article, "alice", nhc["start"], nhc["end"], "ACTOR")
        store.set_status(article, "alice", "done")
        store.replace_suggestions(article, word_tokens(TEXT), NEW)


def test_suggestions_made_after_the_work_are_not_counted(tmp_path: Path) -> None:
    finished_then_resuggested(tmp_path / "w.db")
    with Store.open(tmp_path / "w.db") as store:
        telemetry = load_corrections(store, ["alice"])
    assert [(row.suggester, row.label.value, row.accepted, row.suggested) for row in telemetry.rows] == [
        ("entities.v9", "ACTOR", 1, 1)
    ]
    assert telemetry.added["ACTOR"] == 1


def test_evaluate_says_so_too(tmp_path: Path) -> None:
    finished_then_resuggested(tmp_path / "w.db")
    result = annotator(  # the made-up pipeline @0123456789ab recorded no learned articles: all are scored, said so
        "evaluate", "--db", tmp_path / "w.db", "--gold-from", "alice", "--json", "--include-learned", timeout=60
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["corrections"]
    assert [(row["suggester"], row["accepted"]) for row in report["rows"]] == [("entities.v9", 1)]
    assert report["added"]["ACTOR"] == 1


def test_an_older_version_someone_else_decided_on_is_not_counted(tmp_path: Path) -> None:
    """Recheck of trial 29: bob worked only after the new model, yet was credited with the old model's suggestions
    alice had decided on, all 'pending': they were never offered to him."""
    finished_then_resuggested(tmp_path / "w.db")
    with Store.open(tmp_path / "w.db") as store:
        store.accept_all("a", "bob", done=True)
        telemetry = load_corrections(store, ["bob"])
    assert [(row.suggester, row.label.value, row.accepted, row.suggested) for row in telemetry.rows] == [
        ("entities.v9@0123456789ab", "ACTOR", 2, 2)
    ]

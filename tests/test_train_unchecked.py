"""`annotator train` says when the work it learns from is only what commands wrote (re-trial 43c: gold settled by
`adjudicate --auto` from `accept --done` work trained without a word, while `evaluate` on the same database
cautioned that such work is the model's suggestions scored against themselves). The real console script, real
SQLite files, a real (one-epoch) training."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.vocabulary import GOLD

TEXTS = [
    "Officials in Gaza said 12 people died on Monday.",
    "Residents of Rafah fled as tanks advanced.",
    "The mayor of Lyon met 40 workers in Paris.",
]


def built(tmp_path: Path) -> Path:
    for n, text in enumerate(TEXTS):
        (tmp_path / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    for step in (
        ["ingest", "a0.txt", "a1.txt", "a2.txt", "--db", "x.db"],
        ["accept", "--annotator", "alice", "--done", "--db", "x.db"],
        ["adjudicate", "--auto", "--annotators", "alice", "--db", "x.db"],
    ):
        done = annotator(*step, cwd=tmp_path)
        assert done.returncode == 0, (step, done.stderr)
    return tmp_path / "x.db"


def caution(count: int) -> str:
    return (
        f"annotator: note: on {count} of the 3 article(s) it took, the work is what `annotator accept` wrote "
        "and no person changed: there it learns the model's own suggestions\n"
    )


def test_train_says_it_learns_from_work_no_person_touched(tmp_path: Path) -> None:
    db = built(tmp_path)
    for who, out in ((["--annotator", "alice"], "m1"), ([], "m2")):
        result = annotator("train", *who, "--epochs", "1", "--out", out, "--db", db, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert caution(3) in result.stderr
    with Store.open(db) as store:  # a reviewer removes a span from one article's gold: a person's work there
        first = store.article_ids()[0]
        store.remove_span(first, GOLD, store.spans(first, GOLD)[0].id)
    result = annotator("train", "--epochs", "1", "--out", "m3", "--db", db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert caution(2) in result.stderr

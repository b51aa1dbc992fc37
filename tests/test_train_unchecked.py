"""`annotator train` says when the work it learns from is only what commands wrote (re-trial 43c: gold settled by
`adjudicate --auto` from `accept --done` work trained without a word, while `evaluate` on the same database
cautioned that such work is the model's suggestions scored against themselves). The real console script, real
SQLite files, a real (one-epoch) training."""

from __future__ import annotations

import json
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


def caution(count: int, wrote: str = "`annotator accept`") -> str:
    return (
        f"annotator: note: on {count} of the 3 article(s) it took, the work is what {wrote} wrote "
        "and no person changed: there it learns the model's own suggestions\n"
    )


#: What wrote gold settled from alice's `accept --done`: both commands (it said `annotator accept` alone).
GOLDS = "`annotator accept` then `annotator adjudicate --auto`"


def test_train_says_it_learns_from_work_no_person_touched(tmp_path: Path) -> None:
    db = built(tmp_path)
    for who, out, wrote in ((["--annotator", "alice"], "m1", "`annotator accept`"), ([], "m2", GOLDS)):
        result = annotator("train", *who, "--epochs", "1", "--out", out, "--db", db, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert caution(3, wrote) in result.stderr
    with Store.open(db) as store:  # a reviewer removes a span from one article's gold: a person's work there
        first = store.article_ids()[0]
        store.remove_span(first, GOLD, store.spans(first, GOLD)[0].id)
    result = annotator("train", "--epochs", "1", "--out", "m3", "--db", db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert caution(2, GOLDS) in result.stderr


def test_train_from_a_native_export_says_so_counted_from_its_records(tmp_path: Path) -> None:
    """`train --from` said nothing of records whose `unchecked` says commands alone wrote them (a fresh clone's
    trial): it counts them as the database's events are counted, in the same words; a record a person changed in
    the file since (its spans no longer those the digest names) is a person's work."""
    db = built(tmp_path)
    exported = annotator("export", "--annotator", "alice", "-o", "alice.jsonl", "--db", db, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    result = annotator("train", "--from", "alice.jsonl", "--epochs", "1", "--out", "m1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert caution(3) in result.stderr
    lines = (tmp_path / "alice.jsonl").read_text("utf-8").splitlines()
    record = json.loads(lines[0])
    record["spans"] = record["spans"][1:]  # someone takes a span away in the file
    (tmp_path / "alice.jsonl").write_text("\n".join([json.dumps(record), *lines[1:]]) + "\n", "utf-8")
    result = annotator("train", "--from", "alice.jsonl", "--epochs", "1", "--out", "m2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert caution(2) in result.stderr

"""`annotator train` says where an annotator's done work changed after gold was settled from it (a newcomer's
trial: they reopened an article, removed LOCATION 'US', marked it done again, and `train` wrote the same pipeline
without a word; only `adjudicate --auto` said a disagreement was open). Gold is not changed behind the reviewer's
back: train learns it as settled and names the review that brings the change in. The real console script, real
SQLite files, a real (one-epoch) training; the annotator's edits made by the store's edit functions, as a person's."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from test_train_unchecked import TEXTS

from annotator.store import Store

#: alice's own spans, one per article, typed by hand.
BY_HAND = [("Gaza", "LOCATION"), ("Rafah", "LOCATION"), ("Lyon", "LOCATION")]

CHANGED = (
    "annotator: note: on 1 of the 3 article(s) it took, gold is done where an annotator's done work differs from it: "
    "'Officials in Gaza said 12 people died on Monday.' (alice's done work changed since its gold was settled): it "
    "learns the gold as settled; `annotator review --db x.db --annotators alice` shows what is open there, and what "
    "is settled there goes into gold and the next training\n"
)


def run(*args: str, cwd: Path) -> tuple[str, str]:
    done = annotator(*args, cwd=cwd)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout, done.stderr


def settled(folder: Path) -> Path:
    """alice's work by hand on three articles, each done, adjudicated into gold as a team of one's."""
    for n, text in enumerate(TEXTS):
        (folder / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    run("ingest", "a0.txt", "a1.txt", "a2.txt", "--db", "x.db", cwd=folder)
    db = folder / "x.db"
    with Store.open(db) as store:
        for article, (words, label) in zip(store.article_ids(), BY_HAND, strict=True):
            start = store.article(article).text.index(words)
            store.add_span(article, "alice", start, start + len(words), label)
            store.set_status(article, "alice", "done")
    run("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "alice", "--db", "x.db", cwd=folder)
    return db


def test_train_names_done_work_changed_since_its_gold_was_settled(tmp_path: Path) -> None:
    db = settled(tmp_path)
    _, err = run("train", "--epochs", "1", "--out", "m1", "--db", "x.db", cwd=tmp_path)
    assert "gold is done where" not in err  # nothing changed: no note
    with Store.open(db) as store:  # alice reopens the first article (O), removes 'Gaza', marks it done again (d)
        first = store.article_ids()[0]
        store.set_status(first, "alice", "in_progress")
        gaza = next(s for s in store.spans(first, "alice") if s.text == "Gaza")
        store.remove_span(first, "alice", gaza.id)
        store.set_status(first, "alice", "done")
    _, err = run("train", "--epochs", "1", "--out", "m2", "--db", "x.db", cwd=tmp_path)
    assert CHANGED in err
    _, err = run("train", "--epochs", "1", "--curve", "--db", "x.db", cwd=tmp_path)
    assert CHANGED in err
    _, err = run("train", "--annotator", "alice", "--epochs", "1", "--out", "m3", "--db", "x.db", cwd=tmp_path)
    assert "gold is done where" not in err  # alice's work is learned as it is now

"""`annotator train` cautions gold that is the model's suggestions unchanged however it was made, as `evaluate`
and `export` do (`store.as_suggested`). A trial: alice and bob pressed A (accept all) then d (done) on every
article, `adjudicate --auto` settled gold from them, and `train` said nothing of it (it counted only what commands
alone wrote) and printed "1.000 -> 1.000" as if it had learned from people. The real app under Pilot, the real
console script, a real SQLite file, a real one-epoch training; from the database's gold, from one annotator's done
articles and from a native export of the gold."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from processes import annotator
from test_as_suggested import settled_from_both

from annotator.store import Store
from annotator.vocabulary import GOLD


def caution(count: int, by: str = "") -> str:
    """`train`'s note of `count` of the 3 articles it took; `by`: what commands wrote some of them, and how many."""
    return (
        f"annotator: note: on {count} of the 3 article(s) it took, the work is the model's suggestions unchanged (no "
        f"person changed them, on the screen or by a command{by}): there it learns the model's own suggestions"
    )


def notes(done: subprocess.CompletedProcess[str]) -> list[str]:
    """The lines of a finished `train` run's standard error that say it learns the model's own suggestions."""
    assert done.returncode == 0, done.stderr
    return [line for line in done.stderr.splitlines() if "model's own suggestions" in line]


@pytest.fixture(scope="module")
def screen_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """alice and bob each press A then d on the three articles; `adjudicate --auto` settles gold from them."""
    return settled_from_both(tmp_path_factory.mktemp("screen"))


@pytest.fixture
def db(screen_made: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(screen_made, tmp_path / "ad.db"))


def test_train_on_gold_settled_from_a_then_d_says_it_learns_the_suggestions(db: Path, tmp_path: Path) -> None:
    done = annotator("train", "--epochs", "1", "--out", tmp_path / "m1", "--db", db)
    assert notes(done) == [caution(3)]
    with Store.open(db) as store:  # the reviewer takes a span out of n0's gold: a person's gold there
        store.remove_span("n0", GOLD, store.spans("n0", GOLD)[0].id)
    assert notes(annotator("train", "--epochs", "1", "--out", tmp_path / "m2", "--db", db)) == [caution(2)]


def test_train_on_one_annotators_a_then_d_work_says_so(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:  # bob adds the name the model missed, "Ana Lopez": his own work there
        store.add_span("n0", "bob", 0, 9, "ACTOR")
    alice = annotator("train", "--annotator", "alice", "--epochs", "1", "--out", tmp_path / "m1", "--db", db)
    assert notes(alice) == [caution(3)]
    bob = annotator("train", "--annotator", "bob", "--epochs", "1", "--out", tmp_path / "m2", "--db", db)
    assert notes(bob) == [caution(2)]


def test_train_from_the_exported_gold_says_so_from_its_records(db: Path, tmp_path: Path) -> None:
    """The export writes `as_suggested` in each record's `unchecked`; `train --from` reads it as `evaluate
    --gold-from` does, and a record changed in the file since says nothing."""
    exported = annotator("export", "--gold", "-o", tmp_path / "g.jsonl", "--db", db)
    assert exported.returncode == 0, exported.stderr
    assert notes(annotator("train", "--from", tmp_path / "g.jsonl", "--epochs", "1", "--out", tmp_path / "m1")) == [
        caution(3)
    ]
    lines = (tmp_path / "g.jsonl").read_text("utf-8").splitlines()
    record = json.loads(lines[0])
    record["spans"] = record["spans"][1:]  # someone takes a span away in the file
    (tmp_path / "g.jsonl").write_text("\n".join([json.dumps(record), *lines[1:]]) + "\n", "utf-8")
    assert notes(annotator("train", "--from", tmp_path / "g.jsonl", "--epochs", "1", "--out", tmp_path / "m2")) == [
        caution(2)
    ]

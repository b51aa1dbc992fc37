"""A re-trial: `train --from FILE --out DIR` advised `annotator evaluate --model DIR`, which pasted failed
("annotations.db: no such database"; with a --db holding none of the file's articles, "gold has no article marked
done"). The advice now names the gold it learned from (`--gold-from FILE`) and, where the --db given holds the
file's articles, that database: it runs as printed; elsewhere it says in the same line what the database must hold.
The real console script on real SQLite files and a real training run; the printed command pasted and run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from processes import annotator

from annotator.models import Status
from annotator.store import Store

TEXTS = [f"Officials in Town{n} said {n} people met the mayor of Lyon on Monday." for n in range(5)]
FAIRLY = "to compare more fairly: hold out more articles (annotate more gold: a fifth is held out), "


def run(folder: Path, *args: str) -> str:
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """alice's five articles in team.db (accepted, then a span added to each), exported to alice.jsonl; an empty other.db; a folder beside with
    no annotations.db."""
    path = tmp_path_factory.mktemp("from")
    for n, text in enumerate(TEXTS):
        (path / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    run(path, "ingest", *(f"a{n}.txt" for n in range(5)), "--db", "team.db")
    run(path, "accept", "--annotator", "alice", "--done", "--db", "team.db")
    with Store.open(path / "team.db") as store:  # checked by a person: not the model's suggestions unchanged
        for article in store.article_ids():
            start = store.article(article).text.index("Monday")
            store.set_status(article, "alice", Status.IN_PROGRESS)
            store.add_span(article, "alice", start, start + len("Monday"), "FIGURE")
            store.set_status(article, "alice", Status.DONE)
    run(path, "export", "--db", "team.db", "--annotator", "alice", "-o", "alice.jsonl")
    run(path, "ingest", "a0.txt", "--no-suggest", "--db", "other.db")
    (path / "elsewhere").mkdir()
    return path


def advice(stdout: str) -> str:
    [line] = [line for line in stdout.splitlines() if line.startswith(FAIRLY)]
    return line.removeprefix(FAIRLY)


def test_with_the_database_holding_the_articles_the_advice_runs_as_printed(folder: Path) -> None:
    out = run(folder, "train", "--from", "alice.jsonl", "--db", "team.db", "--out", "m1", "--epochs", "1")
    assert advice(out) == (
        "`annotator evaluate --db team.db --model m1 --gold-from alice.jsonl`, "
        "`annotator train --curve --from alice.jsonl --epochs 1`"
    )
    [command] = re.findall(r"`(annotator evaluate [^`]*)`", out)
    pasted = annotator(*shlex.split(command)[1:], cwd=folder)
    assert pasted.returncode == 0, pasted.stderr
    assert "ALL" in pasted.stdout


@pytest.mark.parametrize("where", [("elsewhere", ()), (".", ("--db", "other.db"))], ids=["no-db", "other-db"])
def test_without_one_it_says_what_the_database_must_hold(folder: Path, where: tuple[str, tuple[str, ...]]) -> None:
    cwd, db = where
    source = "../alice.jsonl" if cwd == "elsewhere" else "alice.jsonl"
    out = run(folder / cwd, "train", "--from", source, *db, "--out", "m2", "--epochs", "1")
    assert advice(out) == (
        f"`annotator evaluate --db DB --model m2 --gold-from {source}` with DB a database holding the file's "
        f"articles (the one it was exported from), `annotator train --curve --from {source} --epochs 1`"
    )

"""An import after `rename-annotator OLD NEW` was undone on one article (s55 S1/R1): OLD has work again, so it is no
alias, but on every other article the rename stands (`aliases.renamed_here`). OLD's records of a file made before
the rename go under NEW where the rename stands and stay OLD's where it was undone, said in one note line: not a
conflict with OLD's emptied row, nor, with --replace, the person under both names. Real console script, real
SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from processes import annotator

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize

TEXTS = ["Washington sent aid.", "Paris sent aid.", "Berlin sent aid."]


def annotations(db: Path) -> list[tuple[str, str, str, int]]:
    """(article, annotator, status, spans) of every annotation row."""
    with sqlite3.connect(db) as connection:
        return list(
            connection.execute(
                "SELECT a.article_id, a.annotator, a.status, (SELECT count(*) FROM spans s WHERE s.article_id = "
                "a.article_id AND s.annotator = a.annotator) FROM annotations a ORDER BY 1, 2"
            )
        )


def undone_on_one(folder: Path, export_format: str) -> list[str]:
    """Three articles Ana accepted and marked done, exported (`export_format`) to old.jsonl, then Ana renamed bea
    by the real console script and the rename undone on the first article: the articles' ids."""
    suggestions = [
        [Suggestion(start=0, end=len(t.split()[0]), label="ACTOR", text=t.split()[0], suggester="t.v1")] for t in TEXTS
    ]
    with Store.open(folder / "r.db") as store:
        ids = store.add_articles(
            [(ArticleIn(text=t), tokens, s) for t, tokens, s in zip(TEXTS, tokenize(TEXTS), suggestions, strict=True)]
        )[0]
        for article in ids:
            store.accept_all(article, "Ana")
            store.set_status(article, "Ana", "done")
    exported = annotator(
        "export", "--annotator", "Ana", "--format", export_format, "-o", "old.jsonl", "--db", "r.db", cwd=folder
    )
    assert exported.returncode == 0, exported.stderr
    assert annotator("rename-annotator", "Ana", "bea", "--db", "r.db", cwd=folder).returncode == 0
    with Store.open(folder / "r.db") as store:
        store.undo(ids[0], "bea")
    return list(ids)


NOTE = (
    "annotator: note: the records of 'Ana' went under 'bea' on 2 article(s): `annotator rename-annotator` moved that "
    "name's work there\n"
)


def test_a_native_export_made_before_goes_under_the_new_name_where_the_rename_stands(tmp_path: Path) -> None:
    undone, *standing = undone_on_one(tmp_path, "jsonl")
    before = annotations(tmp_path / "r.db")
    imported = annotator("import", "old.jsonl", "--db", "r.db", cwd=tmp_path)
    assert (imported.returncode, imported.stdout, imported.stderr) == (
        0,
        "0 record(s) imported (0 new article(s)); 3 unchanged -> r.db\n",
        NOTE,
    )
    assert annotations(tmp_path / "r.db") == before
    assert [row for row in before if row[2] == "done"] == sorted(
        [(undone, "Ana", "done", 1), *((article, "bea", "done", 1) for article in standing)]
    )


def test_a_prodigy_export_made_before_goes_under_the_new_name_where_the_rename_stands(tmp_path: Path) -> None:
    undone_on_one(tmp_path, "prodigy")
    before = annotations(tmp_path / "r.db")
    imported = annotator("import", "old.jsonl", "--format", "prodigy", "--db", "r.db", cwd=tmp_path)
    assert (imported.returncode, imported.stdout, imported.stderr) == (
        0,
        "0 record(s) imported (0 new article(s)); 3 unchanged -> r.db\n",
        NOTE,
    )
    assert annotations(tmp_path / "r.db") == before


def test_replace_takes_the_file_under_one_name_per_article_and_check_passes(tmp_path: Path) -> None:
    """bea changed a standing article since (removed the span): the file's older work is a conflict under bea, and
    --replace puts it back under bea; Ana's emptied row there stays empty, and `check` passes."""
    undone, edited, untouched = undone_on_one(tmp_path, "jsonl")
    with Store.open(tmp_path / "r.db") as store:
        span = store.spans(edited, "bea")[0]
        store.remove_span(edited, "bea", span.id)
    conflicted = annotator("import", "old.jsonl", "--db", "r.db", cwd=tmp_path)
    assert conflicted.returncode == 1
    assert conflicted.stdout.splitlines()[1].startswith(f"conflict: bea on {edited} ")
    replaced = annotator("import", "old.jsonl", "--db", "r.db", "--replace", cwd=tmp_path)
    assert (replaced.returncode, replaced.stderr) == (0, NOTE)
    assert annotations(tmp_path / "r.db") == sorted(
        [
            (undone, "Ana", "done", 1),
            (undone, "bea", "todo", 0),
            (edited, "Ana", "todo", 0),
            (edited, "bea", "done", 1),
            (untouched, "Ana", "todo", 0),
            (untouched, "bea", "done", 1),
        ]
    )
    checked = annotator("check", "--db", "r.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr

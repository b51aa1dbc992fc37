"""`annotator merge` of a pack made for OLD before `rename-annotator OLD NEW` here, on articles OLD was only assigned
(s55 S7): the rename moved OLD's assignments to NEW (its `unassign` and `assign` events name the move), and the
pack's work of OLD came back under OLD, the person under two names. Now it goes under NEW where that is the same
assignment and NEW has no work there; else it is a conflict naming the rename and what to do. Real console script,
real SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from processes import annotator

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize

TEXTS = ["Washington sent aid.", "Paris sent aid."]


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute(sql))


def annotations(db: Path) -> list[tuple[object, ...]]:
    """(article, annotator, status, spans) of every annotation row."""
    return rows(
        db,
        "SELECT a.article_id, a.annotator, a.status, (SELECT count(*) FROM spans s WHERE s.article_id = a.article_id "
        "AND s.annotator = a.annotator) FROM annotations a ORDER BY 1, 2",
    )


def packed_then_renamed(folder: Path) -> tuple[str, str]:
    """r.db: two articles assigned to Ana, packed for her into pack.db; Ana renamed bea in r.db (no work of hers
    there: only the assignments move); in the pack Ana accepted the first article's suggestion. The article ids."""
    suggestions = [
        [Suggestion(start=0, end=len(t.split()[0]), label="ACTOR", text=t.split()[0], suggester="t.v1")] for t in TEXTS
    ]
    with Store.open(folder / "r.db") as store:
        first, second = store.add_articles(
            [(ArticleIn(text=t), tokens, s) for t, tokens, s in zip(TEXTS, tokenize(TEXTS), suggestions, strict=True)]
        )[0]
    for command in (
        ("assign", "--annotators", "Ana", "--db", "r.db"),
        ("pack", "--annotator", "Ana", "-o", "pack.db", "--db", "r.db"),
        ("rename-annotator", "Ana", "bea", "--db", "r.db"),
    ):
        done = annotator(*command, cwd=folder)
        assert done.returncode == 0, done.stderr
    with Store.open(folder / "pack.db") as pack:
        pack.accept_all(first, "Ana")
    return first, second


def test_the_rename_names_the_move_in_both_assignment_events(tmp_path: Path) -> None:
    first, _ = packed_then_renamed(tmp_path)
    found = rows(
        tmp_path / "r.db",
        f"SELECT annotator, action, json_extract(after, '$.renamed') FROM events WHERE article_id = '{first}' "
        "AND action IN ('assign', 'unassign') ORDER BY id",
    )
    moved = json.dumps({"from": "Ana", "to": "bea"}, separators=(",", ":"))
    assert found == [("Ana", "assign", None), ("Ana", "unassign", moved), ("bea", "assign", moved)]


def test_the_packs_work_goes_under_the_new_name(tmp_path: Path) -> None:
    first, second = packed_then_renamed(tmp_path)
    merged = annotator("merge", "pack.db", "--db", "r.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout.splitlines()[1:] == [
        "1 article(s) of Ana's, out in a pack here, recorded as merged back from pack.db, nothing else written to them "
        "(a `merged` event each, no edit)",
        "1 annotation(s) of 'Ana' merged under 'bea': a rename here (annotator rename-annotator) moved the assignment "
        "of those articles from 'Ana' to 'bea'",
        "2 assignment(s) of the other file left out: a rename here (annotator rename-annotator) moved them to the new "
        "name since",
    ]
    # the rename left Ana a to-do row on each article it moved an assignment from (hA 3: where `aliases` finds it)
    assert annotations(tmp_path / "r.db") == sorted(
        [(first, "Ana", "todo", 0), (second, "Ana", "todo", 0), (first, "bea", "in_progress", 1)]
    )
    assert rows(tmp_path / "r.db", "SELECT article_id, annotator FROM assignments ORDER BY 1") == sorted(
        [(first, "bea"), (second, "bea")]
    )
    checked = annotator("check", "--db", "r.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_merging_the_pack_again_changes_nothing(tmp_path: Path) -> None:
    first, second = packed_then_renamed(tmp_path)
    assert annotator("merge", "pack.db", "--db", "r.db", cwd=tmp_path).returncode == 0
    again = annotator("merge", "pack.db", "--db", "r.db", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")
    assert annotations(tmp_path / "r.db") == sorted(
        [(first, "Ana", "todo", 0), (second, "Ana", "todo", 0), (first, "bea", "in_progress", 1)]
    )


def test_new_names_own_work_there_makes_a_conflict_naming_the_rename(tmp_path: Path) -> None:
    first, second = packed_then_renamed(tmp_path)
    with Store.open(tmp_path / "r.db") as store:
        store.set_status(first, "bea", "flagged", "unclear")
    merged = annotator("merge", "pack.db", "--db", "r.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (
        1,
        "annotator: error: 1 annotation(s) of pack.db not merged: their annotator was renamed here (listed above); "
        "the rest is merged into r.db\n",
    )
    assert merged.stdout.splitlines()[-1] == (
        f"conflict: Ana on {first} '' differs in pack.db (nothing here; there: in_progress, 1 span(s) "
        "(ACTOR 'Washington'), decisions on 1 suggestion(s)): kept this database's: the assignment of this article "
        "was moved from 'Ana' to 'bea' here (annotator rename-annotator), and 'bea' has work there too (or pack.db "
        "does not hold that assignment), so no work goes under 'Ana'; to merge theirs under 'bea': annotator "
        "rename-annotator Ana bea --db pack.db, then merge again"
    )
    assert annotations(tmp_path / "r.db") == sorted(
        [(first, "Ana", "todo", 0), (second, "Ana", "todo", 0), (first, "bea", "flagged", 0)]
    )

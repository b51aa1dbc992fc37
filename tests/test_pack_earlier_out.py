"""A newcomer's trial (F3): a second pack for bob while his first was out, with work in it, and `pack` said nothing;
the first pack's work then conflicted with all of bob's work in the second on the same articles when both were
merged back. `pack` now says, in one line, that an earlier pack of the annotator's is still out (made and not
merged back since), naming its file and whether it holds work not here. Real console script, real files."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from processes import annotator

TEXTS = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
]


def run(folder: Path, *args: str) -> str:
    """The command's standard error (its notes); it must succeed."""
    result = annotator(*args, cwd=folder)
    assert result.returncode == 0, result.stderr
    return result.stderr


def team(folder: Path) -> None:
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")


def test_a_second_pack_while_the_first_holds_work_says_so(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    run(tmp_path, "accept", "first", "--annotator", "bob", "--db", "p1.db")
    said = run(tmp_path, "pack", "--annotator", "bob", "-o", "p2.db", "--db", "team.db")
    assert said.splitlines() == [
        "annotator: note: p1.db, an earlier pack of bob's, is still out (not merged back since it was made) and "
        "holds bob's work on 1 article(s) that is not here: work in p2.db on them conflicts with it when both are "
        "merged back (annotator merge p1.db, then make a new pack)"
    ]


def test_a_second_pack_while_the_first_holds_no_work_yet_says_so(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    said = run(tmp_path, "pack", "--annotator", "bob", "-o", "p2.db", "--db", "team.db")
    assert said.splitlines() == [
        "annotator: note: p1.db, an earlier pack of bob's, is still out (not merged back since it was made), with "
        "no work in it yet that is not here: work in both it and p2.db on the same articles conflicts when they are "
        "merged back"
    ]


def test_a_second_pack_whose_first_file_is_gone_says_its_work_is_unknown(tmp_path: Path) -> None:
    """The first pack went to bob's laptop: its file is not here to read."""
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    (tmp_path / "away").mkdir()
    (tmp_path / "p1.db").rename(tmp_path / "away" / "p1.db")
    said = run(tmp_path, "pack", "--annotator", "bob", "-o", "p2.db", "--db", "team.db")
    assert said.splitlines() == [
        "annotator: note: p1.db, an earlier pack of bob's, is still out (not merged back since it was made; its "
        "file is not there to read): work in it, if any, conflicts with work in p2.db on the same articles when "
        "both are merged back"
    ]


def test_a_second_pack_after_the_first_was_merged_back_says_nothing(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    run(tmp_path, "accept", "first", "--annotator", "bob", "--db", "p1.db")
    run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert run(tmp_path, "pack", "--annotator", "bob", "-o", "p2.db", "--db", "team.db") == ""


def test_another_annotators_pack_out_is_not_named(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "alice", "-o", "alice.db", "--db", "team.db")
    run(tmp_path, "accept", "first", "--annotator", "alice", "--db", "alice.db")
    assert run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db") == ""


def test_two_packs_merged_back_with_nothing_new_are_both_back(tmp_path: Path) -> None:
    """Re-trial s56 t13 G2: two packs of bob's out, both merged back with no new work in them: only the first merge
    wrote a `merged` event (a second found the first's and took it as the same pack merged twice), so the next
    `pack` said the other was still out. Each pack's merge records it back; merging one again writes nothing."""
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    run(tmp_path, "pack", "--annotator", "bob", "-o", "p2.db", "--db", "team.db")
    run(tmp_path, "merge", "p1.db", "--db", "team.db")
    run(tmp_path, "merge", "p2.db", "--db", "team.db")
    run(tmp_path, "merge", "p2.db", "--db", "team.db")  # again: nothing new to record
    assert run(tmp_path, "pack", "--annotator", "bob", "-o", "p3.db", "--db", "team.db") == ""
    with closing(sqlite3.connect(tmp_path / "team.db")) as db:
        merged = db.execute(
            "SELECT article_id, json_extract(after, '$.source') FROM events WHERE action = 'merged' ORDER BY id"
        ).fetchall()
    assert merged == [("first", "p1.db"), ("second", "p1.db"), ("first", "p2.db"), ("second", "p2.db")]

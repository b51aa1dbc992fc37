"""Trial s57 t15 F2: `assign --annotators dave --overlap 1` run in bob's pack took bob's two assignments back and gave
them to dave; `merge` of the pack added dave's and dropped the take-back without a word (bob still `todo` on both),
and `pack` for bob then still named the pack as out, however often it was merged. A merge now takes back here what
the pack took back, where nothing here changed the assignment since the pack was made, says which, and says which
it kept and why; a pack merged back is no longer out, whatever it held. The real console script on real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from processes import annotator

TEXTS = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
]


def run(folder: Path, *args: str) -> tuple[list[str], str]:
    """The command's standard output lines and standard error; it must succeed."""
    result = annotator(*args, cwd=folder)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines(), result.stderr


def crowded(article: str, title: str, source: str = "p1.db") -> str:
    """The note of an article the file gave to dave in the place of bob, who keeps it here (trial s58 t16 F5)."""
    return (
        f"note: {article} '{title}' now has 3 assignees (alice, bob, dave), where it had 2: {source} gave bob's place "
        f"to dave, and bob keeps it here; to keep 2, name whose place goes: annotator unassign {article} --annotator "
        f"bob --db team.db (the hand-over {source} made), or annotator unassign {article} --annotator dave --db "
        "team.db (bob stays)"
    )


def team_and_pack(folder: Path, *suggest: str) -> None:
    """team.db: both articles assigned to alice and bob; bob's pack p1.db, in which `assign` gave them to dave."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", *suggest, "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    run(folder, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    assert "taken back: 2 assignment(s)" in "\n".join(
        run(folder, "assign", "--annotators", "dave", "--overlap", "1", "--db", "p1.db")[0]
    )


def test_the_take_back_a_pack_made_is_taken_back_here_and_said(tmp_path: Path) -> None:
    team_and_pack(tmp_path, "--no-suggest")
    said, _ = run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert said[1:] == [
        "2 assignment(s) added:",
        "  first 'One' to dave",
        "  second 'Two' to dave",
        "2 assignment(s) taken back here, as the other file took them back (annotator assign or unassign there) and "
        "nothing here changed them since:",
        "  first 'One' from bob",
        "  second 'Two' from bob",
    ]
    assert run(tmp_path, "stats", "--articles", "--db", "team.db")[0] == [
        "id      alice  dave  title",
        "first   todo   todo  One",
        "second  todo   todo  Two",
    ]
    assert run(tmp_path, "merge", "p1.db", "--db", "team.db")[0][1:] == []  # merging twice changes nothing
    assert run(tmp_path, "check", "--db", "team.db")[0] == [
        "team.db: ok (integrity check passed; 12 event(s) replay to the stored annotations)"
    ]


def test_an_assignment_begun_here_stays_said_and_the_pack_is_no_longer_out(tmp_path: Path) -> None:
    """bob worked on 'Two' in the team's database while his pack was out: that assignment stays (`assign` never
    takes a started one back), and the merge says so; the pack, merged back, is not named by the next `pack`."""
    team_and_pack(tmp_path)
    run(tmp_path, "accept", "second", "--annotator", "bob", "--db", "team.db")
    said, _ = run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert run(tmp_path, "pack", "--annotator", "bob", "-o", "p2.db", "--db", "team.db")[1] == ""
    assert said[4:] == [
        "1 assignment(s) taken back here, as the other file took them back (annotator assign or unassign there) and "
        "nothing here changed them since:",
        "  first 'One' from bob",
        "1 assignment(s) the other file took back kept here:",
        "  second 'Two' of bob: bob began it here (a started article stays its annotator's, as annotator assign "
        "keeps it)",
        crowded("second", "Two"),
    ]


def test_an_assignment_given_again_here_since_stays_said(tmp_path: Path) -> None:
    """bob's assignments were taken back here and given to him again after the pack was made: the newer decision
    here stands."""
    team_and_pack(tmp_path, "--no-suggest")
    run(tmp_path, "assign", "--annotators", "alice", "--overlap", "1", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    said, _ = run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert said[4:] == [
        "2 assignment(s) the other file took back kept here:",
        "  first 'One' of bob: assigned again here since that file's copy (annotator assign here), which stands",
        "  second 'Two' of bob: assigned again here since that file's copy (annotator assign here), which stands",
        crowded("first", "One"),
        crowded("second", "Two"),
    ]
    assert run(tmp_path, "stats", "--articles", "--db", "team.db")[0] == [
        "id      alice  bob   dave  title",
        "first   todo   todo  todo  One",
        "second  todo   todo  todo  Two",
    ]


def test_a_pack_that_kept_one_started_article_is_no_longer_out_once_merged(tmp_path: Path) -> None:
    """bob started 'One' in his pack before `assign` there gave 'Two' to dave: his work comes back, 'Two' is
    taken back here, and the next pack of bob's names no earlier pack still out."""
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(tmp_path, "ingest", "a.jsonl", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    run(tmp_path, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    run(tmp_path, "accept", "first", "--annotator", "bob", "--db", "p1.db")
    run(tmp_path, "assign", "--annotators", "dave", "--overlap", "1", "--db", "p1.db")
    said, _ = run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert run(tmp_path, "pack", "--annotator", "bob", "-o", "p2.db", "--db", "team.db")[1] == ""
    assert said[1:] == [
        "1 assignment(s) added:",
        "  second 'Two' to dave",
        "1 assignment(s) taken back here, as the other file took them back (annotator assign or unassign there) and "
        "nothing here changed them since:",
        "  second 'Two' from bob",
    ]


def worked_pack_with_a_take_back_kept(folder: Path) -> None:
    """bob's pack p1.db: he accepted 'One' there, then `assign` there gave 'Two' to dave; meanwhile bob began 'Two'
    in the team's database, so the merge keeps his assignment of it."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    run(folder, "pack", "--annotator", "bob", "-o", "p1.db", "--db", "team.db")
    run(folder, "accept", "first", "--annotator", "bob", "--db", "p1.db")
    run(folder, "assign", "--annotators", "dave", "--overlap", "1", "--db", "p1.db")
    run(folder, "accept", "second", "--annotator", "bob", "--db", "team.db")


def events(folder: Path) -> int:
    with sqlite3.connect(folder / "team.db") as connection:
        return int(connection.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def test_a_take_back_kept_here_is_said_once_not_at_every_merge_of_the_pack(tmp_path: Path) -> None:
    """Its second merge repeated "1 assignment(s) the other file took back kept here" (hD brief, item 1): the pack's
    take-back was read and decided at the first; merged again, it is old news, said by nothing, and nothing is
    written."""
    worked_pack_with_a_take_back_kept(tmp_path)
    said, _ = run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert said[1:] == [
        "1 assignment(s) added:",
        "  second 'Two' to dave",
        "1 assignment(s) the other file took back kept here:",
        "  second 'Two' of bob: bob began it here (a started article stays its annotator's, as annotator assign "
        "keeps it)",
        crowded("second", "Two"),
    ]
    written = events(tmp_path)
    said, _ = run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert said == [
        "0 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 1 unchanged; "
        "0 conflict(s) -> team.db"
    ]
    assert events(tmp_path) == written


def test_a_take_back_taken_here_then_assigned_again_is_not_said_kept_at_the_next_merge(tmp_path: Path) -> None:
    """Merged once, the pack's take-back was taken here; `assign` here gave 'One' and 'Two' back to bob since: the
    same pack merged again must not call that take-back one "kept here" (it was carried, then decided again here)."""
    team_and_pack(tmp_path, "--no-suggest")
    run(tmp_path, "merge", "p1.db", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    said, _ = run(tmp_path, "merge", "p1.db", "--db", "team.db")
    assert said[1:] == []


def test_a_take_back_of_a_file_with_another_history_is_not_carried_and_said_once(tmp_path: Path) -> None:
    """other.db was made another way (the same articles ingested, bob assigned there by its own `assign`), then gave
    bob's articles to dave: its take-back is of an assignment that is not this database's (no history shared), so
    it is not carried; the merge said nothing of it (hD brief, item 2). One line says what was not carried and why,
    at the first merge only."""
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    for db in ("team.db", "other.db"):
        run(tmp_path, "ingest", "a.jsonl", "--no-suggest", "--db", db)
    run(tmp_path, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "bob", "--overlap", "1", "--db", "other.db")
    run(tmp_path, "assign", "--annotators", "dave", "--overlap", "1", "--db", "other.db")
    said, _ = run(tmp_path, "merge", "other.db", "--db", "team.db")
    assert said[1:] == [
        "2 assignment(s) added:",
        "  first 'One' to dave",
        "  second 'Two' to dave",
        "2 assignment(s) the other file took back not carried here: its history of them is not this database's (it "
        "was not packed from here, or they were made anew here since), so its take-back is no decision on them: "
        "first 'One' of bob, second 'Two' of bob",
        crowded("first", "One", "other.db"),
        crowded("second", "Two", "other.db"),
    ]
    assert run(tmp_path, "stats", "--articles", "--db", "team.db")[0] == [
        "id      alice  bob   dave  title",
        "first   todo   todo  todo  One",
        "second  todo   todo  todo  Two",
    ]
    written = events(tmp_path)
    assert run(tmp_path, "merge", "other.db", "--db", "team.db")[0][1:] == []
    assert events(tmp_path) == written

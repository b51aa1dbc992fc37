"""A merge that has converged is quiet (trial s60 t21 F4, F5): a note a merge makes of what it left out is said by the
first merge that meets it, and recorded there (a `merged` event naming what it read), so the same file merged again
with nothing new says only its counts; what is new in it is said. Three notes were said at every merge, exit 0:
- the other file's work older than this database's, left out (alice's pack after she went on here; a typo'd name
  taken from a pack and mended here, whose line also named the old name where the pack's records are the typo's: F5);
- the other file's copy under a name both files renamed the same way, older than the work here;
- an assignment of the other file taken back here since (`annotator unassign` on an article of carol's pack).
Each merged twice, then again after new work. The real console script on real files."""

from __future__ import annotations

import json
from pathlib import Path

from db_files import count
from processes import annotator

TEXTS = [
    {"id": "a1", "title": "Harbour bridge to close", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "a2", "title": "Rail fares rise", "text": "Police in Porto said 3 cars burned on Monday."},
    {"id": "a3", "title": "Mayor speaks", "text": "Mayor Jane Doe said the council in Leeds will meet."},
    {"id": "a4", "title": "Port news", "text": "The port of Hamburg reopened after drivers in Bremen protested."},
]
SUMMARY = (
    "0 article(s), {} annotation(s) and {} event(s) added; 0 annotation(s) replaced by the other's; {} unchanged; "
    "{} conflict(s) -> team.db"
)
MERGED = "SELECT COUNT(*) FROM events WHERE action = 'merged'"


def run(folder: Path, *args: str) -> list[str]:
    """The command's standard output lines; it must succeed, and say nothing on standard error."""
    done = annotator(*args, cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stdout + done.stderr
    return done.stdout.splitlines()


def team(folder: Path, *, suggest: bool = True, second: str = "bob") -> None:
    """team.db: the four articles, each assigned to alice and `second`."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", *(() if suggest else ("--no-suggest",)), "--db", "team.db")
    run(folder, "assign", "--annotators", f"alice,{second}", "--overlap", "2", "--db", "team.db")


def test_a_pack_older_than_the_work_here_is_said_once(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "alice", "-o", "alice.db", "--db", "team.db")
    run(tmp_path, "accept", "--annotator", "alice", "--db", "alice.db")
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [SUMMARY.format(4, 4, 0, 0)]
    run(tmp_path, "accept", "a1", "--annotator", "alice", "--done", "--db", "team.db")
    older = (
        "1 annotation(s) of alice.db left out, older than this database's: the work here went on from it (no "
        "conflict; counted unchanged):"
    )
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [
        SUMMARY.format(0, 0, 4, 0),
        older,
        "  a1 'Harbour bridge to close' of alice",
    ]
    merged = count(tmp_path / "team.db", MERGED)
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [SUMMARY.format(0, 0, 4, 0)]
    assert count(tmp_path / "team.db", MERGED) == merged  # nothing written: merging twice changes nothing
    run(tmp_path, "accept", "a3", "--annotator", "alice", "--done", "--db", "alice.db")  # new work there
    run(tmp_path, "accept", "a2", "--annotator", "alice", "--done", "--db", "team.db")  # and here
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [
        SUMMARY.format(0, 1, 3, 0),
        "1 annotation(s) brought up to date: the other file's work went on from this database's (no conflict; its "
        "later events are added)",
        older,
        "  a2 'Rail fares rise' of alice",
    ]
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [SUMMARY.format(0, 0, 4, 0)]


def test_a_typo_taken_from_a_pack_and_mended_here_is_said_once_under_the_packs_name(tmp_path: Path) -> None:
    """F4, F5: alice's pack renamed her alcie (a typo), merged, then mended here; the pack's older records are alcie's."""
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "alice", "-o", "alice.db", "--db", "team.db")
    run(tmp_path, "accept", "--annotator", "alice", "--db", "alice.db")
    run(tmp_path, "merge", "alice.db", "--db", "team.db")
    run(tmp_path, "rename-annotator", "alice", "alcie", "--db", "alice.db")  # the typo
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db")[-1] == (
        "alice's work on 4 article(s) is now alcie's: 'alice' was renamed 'alcie' in alice.db (annotator "
        "rename-annotator), and 'alcie' had no work of its own on them here"
    )
    run(tmp_path, "rename-annotator", "alcie", "alice", "--db", "team.db")  # mended here
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [
        SUMMARY.format(0, 0, 8, 0),
        "4 annotation(s) of alice.db left out, older than this database's: the work here went on from it (no "
        "conflict; counted unchanged):",
        "  a1 'Harbour bridge to close' of alcie (alice here)",
        "  a2 'Rail fares rise' of alcie (alice here)",
        "  a3 'Mayor speaks' of alcie (alice here)",
        "  a4 'Port news' of alcie (alice here)",
    ]
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [SUMMARY.format(0, 0, 8, 0)]
    run(tmp_path, "accept", "a1", "--annotator", "alice", "--done", "--db", "team.db")  # new work here
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [SUMMARY.format(0, 0, 8, 0)]
    assert run(tmp_path, "check", "--db", "team.db")[0].startswith("team.db: ok")


def test_a_rename_both_files_made_is_said_once(tmp_path: Path) -> None:
    """bob renamed rob in his pack; the work here went on, then took the same rename as advised."""
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    run(tmp_path, "accept", "a1", "--annotator", "bob", "--db", "bob.db")
    run(tmp_path, "merge", "bob.db", "--db", "team.db")
    run(tmp_path, "accept", "a1", "--annotator", "bob", "--done", "--db", "team.db")
    run(tmp_path, "rename-annotator", "bob", "rob", "--db", "bob.db")
    assert annotator("merge", "bob.db", "--db", "team.db", cwd=tmp_path).returncode == 1  # advises the rename here
    run(tmp_path, "rename-annotator", "bob", "rob", "--db", "team.db")
    assert run(tmp_path, "merge", "bob.db", "--db", "team.db") == [
        SUMMARY.format(0, 0, 1, 0),
        "1 annotation(s) of bob.db older than this database's, kept this database's: both files renamed their "
        "annotator the same way (annotator rename-annotator), and the work here went on from theirs before the rename "
        "(no conflict):",
        "  a1 'Harbour bridge to close' of rob",
    ]
    assert run(tmp_path, "merge", "bob.db", "--db", "team.db") == [SUMMARY.format(0, 0, 1, 0)]
    run(tmp_path, "accept", "a2", "--annotator", "rob", "--done", "--db", "bob.db")  # new work there
    assert run(tmp_path, "merge", "bob.db", "--db", "team.db") == [SUMMARY.format(1, 1, 1, 0)]
    assert run(tmp_path, "merge", "bob.db", "--db", "team.db") == [SUMMARY.format(0, 0, 2, 0)]


def test_an_assignment_taken_back_here_is_said_once(tmp_path: Path) -> None:
    """carol's pack still holds a2, which `unassign` took back here: left out, said by the first merge only."""
    team(tmp_path, suggest=False, second="carol")
    run(tmp_path, "pack", "--annotator", "carol", "-o", "carol.db", "--db", "team.db")
    run(tmp_path, "unassign", "a2", "--annotator", "carol", "--db", "team.db")
    run(tmp_path, "accept", "a2", "--annotator", "carol", "--done", "--db", "carol.db")
    left_out = (
        "1 assignment(s) of the other file left out: taken back here since (annotator assign gave the article to "
        "others, or annotator unassign took it back, after the other file's assignment was made)"
    )
    assert run(tmp_path, "merge", "carol.db", "--db", "team.db") == [
        SUMMARY.format(1, 1, 0, 0),
        "3 article(s) of carol's, out in a pack here, recorded as merged back from carol.db, nothing else written to "
        "them (a `merged` event each, no edit)",
        left_out,
    ]
    merged = count(tmp_path / "team.db", MERGED)
    assert run(tmp_path, "merge", "carol.db", "--db", "team.db") == [SUMMARY.format(0, 0, 1, 0)]
    assert count(tmp_path / "team.db", MERGED) == merged
    run(tmp_path, "accept", "a3", "--annotator", "carol", "--done", "--db", "carol.db")  # new work there
    assert run(tmp_path, "merge", "carol.db", "--db", "team.db") == [SUMMARY.format(1, 1, 1, 0)]
    assert run(tmp_path, "merge", "carol.db", "--db", "team.db") == [SUMMARY.format(0, 0, 2, 0)]
    assert run(tmp_path, "check", "--db", "team.db")[0].startswith("team.db: ok")

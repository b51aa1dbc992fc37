"""`annotator merge` says what it did that its counts did not show (trials s58 t16 F5, F7; t18 F4):
- bob began an article on the team's database while his pack, in which `assign --annotators dave --overlap 1` gave his
  places to dave, was out: the merge added dave's and kept bob's, and the article had 3 assignees where it had 2,
  without a word (F5). A note now says so, and either `unassign` it names gives the place beyond back, as the
  lead decides.
- a copy of bob's pack merged after the pack itself said "0 event(s) added" while it wrote 4 `merged` events (F7).
- alice's pack merged again after she went on with an article here said only "4 unchanged", not that the pack's
  older version was left out (F7).
- `--prefer other` replaced bob's newer work here by his older pack's and said only "took the other's" and "1
  replaced" (t18 F4); it still does what --prefer asks, and says which version was the older.
Built from scratch with the real console script on real files: ingest, assign, pack, `accept` in packs and here,
merge."""

from __future__ import annotations

import json
import shlex
import time
from pathlib import Path

from db_files import count, rows
from processes import annotator

TEXTS = [
    {
        "id": "a1",
        "title": "Harbour bridge to close",
        "text": "Officials in Lyon said 12 people were hurt near the bridge.",
    },
    {"id": "a2", "title": "Rail fares rise", "text": "Police in Porto said 3 cars burned on Monday."},
    {"id": "a3", "title": "Mayor speaks", "text": "Mayor Jane Doe said the council in Leeds will meet."},
    {"id": "a4", "title": "Port news", "text": "The port of Hamburg reopened after drivers in Bremen protested."},
]
A4_ASSIGNEES = "SELECT annotator FROM assignments WHERE article_id = 'a4' ORDER BY annotator"
SUMMARY = (
    "0 article(s), {} annotation(s) and {} event(s) added; {} annotation(s) replaced by the other's; {} unchanged; "
    "{} conflict(s) -> team.db"
)


def run(folder: Path, *args: str) -> list[str]:
    """The command's standard output lines; it must succeed."""
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.splitlines()


def team(folder: Path) -> None:
    """team.db: the four articles and their suggestions, each assigned to alice and bob."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")


def test_an_article_given_in_the_place_of_one_who_keeps_it_says_its_assignees(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "dave", "--overlap", "1", "--db", "bob.db")
    run(tmp_path, "accept", "a4", "--annotator", "bob", "--db", "team.db")
    said = run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert said[-3:] == [
        "1 assignment(s) the other file took back kept here:",
        "  a4 'Port news' of bob: bob began it here (a started article stays its annotator's, as annotator assign "
        "keeps it)",
        "note: a4 'Port news' now has 3 assignees (alice, bob, dave), where it had 2: bob.db gave bob's place to dave, "
        "and bob keeps it here; to keep 2, name whose place goes: annotator unassign a4 --annotator bob --db team.db "
        "(the hand-over bob.db made), or annotator unassign a4 --annotator dave --db team.db (bob stays)",
    ]
    assert count(tmp_path / "team.db", "SELECT COUNT(*) FROM assignments WHERE article_id = 'a4'") == 3
    advised = said[-1].split("name whose place goes: ")[1].split(" (the hand-over")[0]
    assert run(tmp_path, *shlex.split(advised)[1:]) == [
        "unassigned bob from a4 'Port news' -> team.db; assigned now: alice, dave",
        "  bob's work on a4 stays; only the assignment is removed",
    ]  # the lead chose bob.db's hand-over: dave takes bob's place, bob's work stays
    assert rows(tmp_path / "team.db", A4_ASSIGNEES) == [("alice",), ("dave",)]
    assert run(tmp_path, "stats", "--articles", "--db", "team.db") == [
        "id  alice  bob           dave  title",
        "a1  todo   unassigned    todo  Harbour bridge to close",
        "a2  todo   unassigned    todo  Rail fares rise",
        "a3  todo   unassigned    todo  Mayor speaks",
        "a4  todo   in_progress*  todo  Port news",
    ]
    assert run(tmp_path, "merge", "bob.db", "--db", "team.db") == [SUMMARY.format(0, 0, 0, 0, 0)]


def test_the_other_advised_unassign_keeps_the_one_who_began_it(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "dave", "--overlap", "1", "--db", "bob.db")
    run(tmp_path, "accept", "a4", "--annotator", "bob", "--db", "team.db")
    said = run(tmp_path, "merge", "bob.db", "--db", "team.db")
    advised = said[-1].split("(the hand-over bob.db made), or ")[1].removesuffix(" (bob stays)")
    assert run(tmp_path, *shlex.split(advised)[1:]) == [
        "unassigned dave from a4 'Port news' -> team.db; assigned now: alice, bob"
    ]
    assert rows(tmp_path / "team.db", A4_ASSIGNEES) == [("alice",), ("bob",)]
    assert run(tmp_path, "merge", "bob.db", "--db", "team.db") == [SUMMARY.format(0, 0, 0, 0, 0)]
    assert rows(tmp_path / "team.db", A4_ASSIGNEES) == [("alice",), ("bob",)]


def test_a_copy_of_a_pack_merged_after_it_says_the_merged_events_it_writes(tmp_path: Path) -> None:
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    run(tmp_path, "accept", "--annotator", "bob", "--done", "--db", "bob.db")
    (tmp_path / "bobcopy.db").write_bytes((tmp_path / "bob.db").read_bytes())
    assert run(tmp_path, "merge", "bob.db", "--db", "team.db") == [SUMMARY.format(4, 4, 0, 0, 0)]
    merged = "SELECT COUNT(*) FROM events WHERE action = 'merged'"
    assert count(tmp_path / "team.db", merged) == 4
    assert run(tmp_path, "merge", "bob.db", "bobcopy.db", "--db", "team.db") == [
        SUMMARY.format(0, 0, 0, 8, 0),
        "4 article(s) of bob's, out in a pack here, recorded as merged back from bobcopy.db, nothing else written to "
        "them (a `merged` event each, no edit)",
    ]
    assert count(tmp_path / "team.db", merged) == 8
    assert run(tmp_path, "merge", "bob.db", "bobcopy.db", "--db", "team.db") == [SUMMARY.format(0, 0, 0, 8, 0)]
    assert count(tmp_path / "team.db", merged) == 8


def test_a_pack_older_than_the_work_here_says_what_it_left_out(tmp_path: Path) -> None:
    """alice went on with a1 here after her pack was merged back: the pack's version of a1 is older, left out."""
    team(tmp_path)
    run(tmp_path, "pack", "--annotator", "alice", "-o", "alice.db", "--db", "team.db")
    run(tmp_path, "accept", "--annotator", "alice", "--db", "alice.db")
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [SUMMARY.format(4, 4, 0, 0, 0)]
    run(tmp_path, "accept", "a1", "--annotator", "alice", "--done", "--db", "team.db")
    assert run(tmp_path, "merge", "alice.db", "--db", "team.db") == [
        SUMMARY.format(0, 0, 0, 4, 0),
        "1 annotation(s) of alice.db left out, older than this database's: the work here went on from it (no "
        "conflict; counted unchanged):",
        "  a1 'Harbour bridge to close' of alice",
    ]


def diverged(folder: Path, first: str) -> None:
    """bob's work on a4 in his pack and here, both from the pack's start: `first` ("pack" or "here") done first."""
    team(folder)
    run(folder, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    edits = {
        "pack": ("a4", "--annotator", "bob", "--db", "bob.db"),
        "here": ("a4", "--annotator", "bob", "--done", "--db", "team.db"),
    }
    for side in (first, *(set(edits) - {first})):
        run(folder, "accept", *edits[side])
        time.sleep(0.01)  # the later one is later by its stamp, whatever the clock's resolution


def test_prefer_other_says_it_replaced_the_newer_version(tmp_path: Path) -> None:
    diverged(tmp_path, "pack")
    assert run(tmp_path, "merge", "bob.db", "--prefer", "other", "--db", "team.db") == [
        "0 article(s), 0 annotation(s) and 0 event(s) added; 1 annotation(s) replaced by the other's (1 by an older "
        "version); 0 unchanged; 1 conflict(s) -> team.db",
        "3 article(s) of bob's, out in a pack here, recorded as merged back from bob.db, nothing else written to "
        "them (a `merged` event each, no edit)",
        "conflict: bob on a4 'Port news' differs in bob.db (status: done here, in_progress there): took the other's, "
        "the older version: this database's was changed after it and is replaced all the same, as --prefer other "
        "asks (u on that article as 'bob' gives it back)",
    ]
    assert count(tmp_path / "team.db", "SELECT COUNT(*) FROM annotations WHERE status = 'in_progress'") == 1


def test_prefer_this_says_it_kept_the_older_version(tmp_path: Path) -> None:
    diverged(tmp_path, "here")
    said = run(tmp_path, "merge", "bob.db", "--prefer", "this", "--db", "team.db")
    assert said[0] == SUMMARY.format(0, 0, 0, 0, 1)
    assert said[-1] == (
        "conflict: bob on a4 'Port news' differs in bob.db (status: done here, in_progress there): kept this "
        "database's, the older version: the other's was changed after it and is left out all the same, as --prefer "
        "this asks"
    )
    other = run(tmp_path, "merge", "bob.db", "--prefer", "other", "--db", "team.db")
    assert other[-1] == (
        "conflict: bob on a4 'Port news' differs in bob.db (status: done here, in_progress there): took the other's"
    )

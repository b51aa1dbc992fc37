"""`annotator assign` run again says only lines with something to say: a run that changes nothing printed "added:
0 assignment(s), on 0 article(s) not assigned before" beside "nothing changed", and a run that only fills free places
printed it before the "filled:" line. The real console script on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator


def assigned(tmp_path: Path, team: str) -> list[str]:
    done = annotator("assign", "--annotators", team, "--overlap", "2", "--db", "t.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout.splitlines()


def four_articles(tmp_path: Path) -> None:
    records = [{"id": f"a{i}", "title": f"Story {i}", "text": f"Story {i} says the council met."} for i in range(4)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    done = annotator("ingest", "in.jsonl", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_run_again_that_changes_nothing_has_no_added_line(tmp_path: Path) -> None:
    four_articles(tmp_path)
    first = assigned(tmp_path, "ann,ben")
    assert first == [
        "4 article(s) to 2 annotator(s) each (seed 0) -> t.db",
        "kept:       nothing (no article here was assigned before)",
        "added:      8 assignment(s), on 4 article(s) not assigned before",
        "  ann            4 article(s)",
        "  ben            4 article(s)",
    ]
    assert assigned(tmp_path, "ann,ben") == [
        "4 article(s) to 2 annotator(s) each (seed 0) -> t.db: nothing changed",
        "kept:       8 of the 8 earlier assignment(s)",
        "  ann            4 article(s)",
        "  ben            4 article(s)",
    ]


def test_a_run_that_only_fills_places_has_no_added_line(tmp_path: Path) -> None:
    """ben leaves, cara comes: his places, none started, go to her; nothing new is added."""
    four_articles(tmp_path)
    assigned(tmp_path, "ann,ben")
    lines = assigned(tmp_path, "ann,cara")
    assert lines[:2] == [
        "4 article(s) to 2 annotator(s) each (seed 0) -> t.db",
        "kept:       4 of the 8 earlier assignment(s)",
    ]
    assert lines[2].startswith("filled:     4 free place(s) on article(s) assigned before: a0 'Story 0' to cara, ")
    assert lines[3:] == [
        "taken back: 4 assignment(s) nobody had started (not in this team, or no room left)",
        "  ann            4 article(s)",
        "  cara           4 article(s)",
    ]


def test_unassigned_when_every_article_has_assignees_says_so(tmp_path: Path) -> None:
    """A re-trial (t5 N2): a second team's `--unassigned` run over articles all assigned said "kept: nothing (no
    article here was assigned before)", false, and not why nothing was given."""
    four_articles(tmp_path)
    assigned(tmp_path, "ann,ben")
    done = annotator(
        "assign", "--annotators", "dan,erin", "--overlap", "2", "--unassigned", "--db", "t.db", cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "0 article(s) to 2 annotator(s) each (seed 0) -> t.db: nothing changed",
        "kept:       nothing to assign: each of the 4 article(s) here has its assignees already (--unassigned)",
    ]

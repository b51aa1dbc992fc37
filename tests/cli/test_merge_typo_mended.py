"""A name mistyped in a pack, taken here as the merge advised, then mended here (trial s60 t21 F2): the next merge
advised renaming here again, which would bring the typo back, round after round. A rename mended here is followed
by the file that still holds the typo: every line gives that one command, and once it is run only the work that
truly differs is left. Real console script and SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

from db_files import rows
from processes import annotator

TEXTS = [
    {"id": "a1", "title": "Port news", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "a2", "title": "Rail", "text": "Police in Porto said 3 cars burned on Monday."},
]
ADVICE = "to give it the name here there too: annotator rename-annotator bbo bob --db bob.db, then merge again"


def run(folder: Path, *args: str) -> list[str]:
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.splitlines()


def conflicts(folder: Path) -> list[str]:
    merged = annotator("merge", "bob.db", "--db", "team.db", cwd=folder)
    assert merged.returncode == 1, merged.stdout + merged.stderr
    return [line for line in merged.stdout.splitlines() if line.startswith("conflict: ")]


def typo_in_pack(folder: Path, texts: list[dict[str, str]]) -> None:
    """team.db: the articles, each assigned to alice and bob; bob's pack, a1 and a2 done there, then bob renamed bbo
    there (the typo)."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    run(folder, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    for article in ("a1", "a2"):
        run(folder, "accept", article, "--annotator", "bob", "--done", "--db", "bob.db")
    run(folder, "rename-annotator", "bob", "bbo", "--db", "bob.db")  # the typo


def test_a_typo_mended_here_is_followed_by_the_pack_not_renamed_again_here(tmp_path: Path) -> None:
    typo_in_pack(tmp_path, TEXTS)
    run(tmp_path, "accept", "a1", "--annotator", "bob", "--db", "team.db")  # bob works on here meanwhile
    assert conflicts(tmp_path)[0].endswith("annotator rename-annotator bob bbo --db team.db")
    run(tmp_path, "rename-annotator", "bob", "bbo", "--db", "team.db")  # as advised
    run(tmp_path, "rename-annotator", "bbo", "bob", "--db", "team.db")  # the typo mended here
    assert conflicts(tmp_path) == [
        "conflict: bbo on a1 'Port news' differs in bob.db (nothing here; there: done, 4 span(s) (ACTOR 'Officials', "
        "ACTOR 'Lyon' ...), decisions on 4 suggestion(s)): kept this database's: 'bbo' was renamed 'bob' here "
        "(annotator rename-annotator), so no work goes under it; to merge theirs, give it the name here there too: "
        "annotator rename-annotator bbo bob --db bob.db, then merge again",
        "conflict: bob on a1 'Port news' differs in bob.db (its copy under 'bbo' there: status: in_progress here, "
        "done there): kept this database's: 'bob' was renamed 'bbo' in bob.db (annotator rename-annotator), and 'bbo' "
        f"was renamed back 'bob' here, so its copy under 'bbo' there was not merged (one person, one name); {ADVICE}",
        "conflict: bob on a2 'Rail' differs in bob.db (only by name: its copy under 'bbo' there is the same work): "
        "kept this database's: 'bob' was renamed 'bbo' in bob.db (annotator rename-annotator), and 'bbo' was renamed "
        f"back 'bob' here, so its copy under 'bbo' there was not merged (one person, one name); {ADVICE}",
    ]
    run(tmp_path, "rename-annotator", "bbo", "bob", "--db", "bob.db")  # as advised
    assert conflicts(tmp_path) == [  # only what truly differs: bob's work here went on after the pack's
        "conflict: bob on a1 'Port news' differs in bob.db (status: in_progress here, done there): kept this "
        "database's (--prefer other takes theirs)"
    ]
    checked = annotator("check", "--db", "team.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_article_the_pack_never_worked_on_keeps_its_assignee_through_a_typo_mended_here(tmp_path: Path) -> None:
    """hF (s61): the typo taken by the first merge, mended here; the next merge took back bob's assignment of the
    article bob never worked on in his pack (a rename there moved it) and gave it to nobody: a3 was alice's alone.
    The rename there is mended here; bob keeps a3, before and after the pack is mended too."""
    texts = [*TEXTS, {"id": "a3", "title": "Bridge", "text": "Engineers in Oslo said 40 trucks crossed on Friday."}]
    typo_in_pack(tmp_path, texts)
    run(tmp_path, "merge", "bob.db", "--db", "team.db")  # takes it: bbo's now
    run(tmp_path, "rename-annotator", "bbo", "bob", "--db", "team.db")  # the typo mended here
    every = [(a, n) for a in ("a1", "a2", "a3") for n in ("alice", "bob")]
    assert assignments(tmp_path / "team.db") == every
    merged = annotator("merge", "bob.db", "--db", "team.db", cwd=tmp_path)
    assert "taken back here" not in merged.stdout
    assert assignments(tmp_path / "team.db") == every
    run(tmp_path, "rename-annotator", "bbo", "bob", "--db", "bob.db")  # as advised
    run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert assignments(tmp_path / "team.db") == every


def assignments(db: Path) -> list[tuple[str, str]]:
    return [(str(a), str(n)) for a, n in rows(db, "SELECT article_id, annotator FROM assignments ORDER BY 1, 2")]

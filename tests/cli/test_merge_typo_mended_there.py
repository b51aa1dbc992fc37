"""The mirror of test_merge_typo_mended (trial t22 F4): a name mistyped in a pack, taken here as the merge advised,
then mended IN THE PACK. The next merge advised "u on that article as 'bbo' takes the rename back there, then merge,
then rename again", and the rename again brought the typo back on every article, round after round. The pack's
mend standing there meets the work here that went on under the typo: that side is the conflict naming the mend, with
the one command that takes it here, and once it is run only the work that truly differs is left. Real console script
and SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

from db_files import rows
from processes import annotator

from tests.cli.test_merge_typo_mended import TEXTS, conflicts, run

ARTICLES = [*TEXTS, {"id": "a3", "title": "Court", "text": "Judges in Berlin said 5 men were fined on Friday."}]


def begun(db: Path) -> list[tuple[object, ...]]:
    """(annotator, article, status, spans) of every annotation beyond an untouched to do."""
    sql = (
        "SELECT a.annotator, a.article_id, a.status, (SELECT count(*) FROM spans s WHERE s.article_id = a.article_id "
        "AND s.annotator = a.annotator) FROM annotations a WHERE a.status != 'todo' ORDER BY 1, 2"
    )
    return rows(db, sql)


def test_a_typo_mended_in_the_pack_is_taken_here_with_one_rename_not_a_loop(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in ARTICLES), encoding="utf-8")
    run(tmp_path, "ingest", "a.jsonl", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    for article in ("a1", "a2", "a3"):
        run(tmp_path, "accept", article, "--annotator", "bob", "--done", "--db", "bob.db")
    run(tmp_path, "rename-annotator", "bob", "bbo", "--db", "bob.db")  # the typo
    run(tmp_path, "accept", "a1", "--annotator", "bob", "--db", "team.db")  # bob works on here meanwhile
    assert conflicts(tmp_path)[0].endswith("annotator rename-annotator bob bbo --db team.db")
    run(tmp_path, "rename-annotator", "bob", "bbo", "--db", "team.db")  # as advised
    assert conflicts(tmp_path) == [
        "conflict: bbo on a1 'Port news' differs in bob.db (status: in_progress here, done there): kept this "
        "database's (--prefer other takes theirs)"
    ]
    run(tmp_path, "rename-annotator", "bbo", "bob", "--db", "bob.db")  # the typo mended in the pack
    merged = annotator("merge", "bob.db", "--db", "team.db", cwd=tmp_path)
    assert merged.returncode == 1, merged.stdout + merged.stderr
    lines = merged.stdout.splitlines()
    assert (
        "bbo's work on 2 article(s) is now bob's: 'bbo' was renamed 'bob' in bob.db (annotator rename-annotator), "
        "and 'bob' had no work of its own on them here"
    ) in lines
    assert [line for line in lines if line.startswith("conflict: ")] == [
        "conflict: bbo on a1 'Port news' differs in bob.db (its copy under 'bob' there: status: in_progress here, "
        "done there): kept this database's: 'bbo' was renamed 'bob' in bob.db (annotator rename-annotator), and the "
        "work here went on since the files parted, so its copy under 'bob' there was not merged on this article "
        "either (one person, one name); to take the rename with the work here: annotator rename-annotator bbo bob "
        "--db team.db"
    ]
    assert begun(tmp_path / "team.db") == [
        ("bbo", "a1", "in_progress", 4),
        ("bob", "a2", "done", 3),
        ("bob", "a3", "done", 3),
    ]
    run(tmp_path, "rename-annotator", "bbo", "bob", "--db", "team.db")  # as advised: the typo mended here too
    assert conflicts(tmp_path) == [  # only what truly differs: bob's work here went on after the pack's
        "conflict: bob on a1 'Port news' differs in bob.db (status: in_progress here, done there): kept this "
        "database's (--prefer other takes theirs)"
    ]
    assert begun(tmp_path / "team.db") == [
        ("bob", "a1", "in_progress", 4),
        ("bob", "a2", "done", 3),
        ("bob", "a3", "done", 3),
    ]
    checked = annotator("check", "--db", "team.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    run(tmp_path, "merge", "bob.db", "--prefer", "other", "--db", "team.db")
    assert conflicts_left(tmp_path) == []
    assert begun(tmp_path / "team.db") == [("bob", "a1", "done", 4), ("bob", "a2", "done", 3), ("bob", "a3", "done", 3)]


def conflicts_left(folder: Path) -> list[str]:
    """The conflict lines of a merge that exits 0."""
    return [line for line in run(folder, "merge", "bob.db", "--db", "team.db") if line.startswith("conflict: ")]

"""`annotator merge` of a pack whose annotator was renamed in it, after `unassign` took one of the pack's articles
back here (trial s61 t23 F1): the merge gave the article back under the new name ("assignment(s) added: a2 to rob"),
as if nobody had taken it back. The rename there moved the assignment the lead took back here; it is no newer
decision to give it. The same when both files renamed (the unassign here before the rename here). Real console
script, real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_files import rows
from processes import annotator

ARTICLES = (
    '{"id": "a1", "title": "One", "text": "John Smith said we will win in Paris on Monday."}\n'
    '{"id": "a2", "title": "Two", "text": "Maria Costa told reporters in Berlin that 12 people were hurt."}\n'
    '{"id": "a3", "title": "Three", "text": "The mayor of Rome, Paolo Rossi, said no comment to the press."}\n'
)
LEFT_OUT = "1 assignment(s) of the other file left out: taken back here since"


def run(folder: Path, *args: str) -> str:
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def team(db: Path) -> list[tuple[str, str]]:
    return [(str(a), str(b)) for a, b in rows(db, "SELECT article_id, annotator FROM assignments ORDER BY 1, 2")]


@pytest.mark.parametrize("renamed_here", [False, True], ids=["renamed there", "renamed in both"])
def test_an_article_taken_back_here_stays_taken_back_under_the_pack_s_new_name(
    tmp_path: Path, renamed_here: bool
) -> None:
    (tmp_path / "arts.jsonl").write_text(ARTICLES, encoding="utf-8")
    run(tmp_path, "ingest", "arts.jsonl", "--no-suggest", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "team.db")
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    run(tmp_path, "accept", "a1", "--annotator", "bob", "--db", "bob.db")
    run(tmp_path, "unassign", "a2", "--annotator", "bob", "--db", "team.db")
    run(tmp_path, "rename-annotator", "bob", "rob", "--db", "bob.db")
    if renamed_here:
        run(tmp_path, "rename-annotator", "bob", "rob", "--db", "team.db")
    out = run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert "a2 'Two' to rob" not in out
    assert LEFT_OUT in out
    assert ("a2", "rob") not in team(tmp_path / "team.db")
    assert ("a2", "bob") not in team(tmp_path / "team.db")
    again = run(tmp_path, "merge", "bob.db", "--db", "team.db")
    assert LEFT_OUT not in again  # said once (`merge_notes.record_said`)
    assert ("a2", "rob") not in team(tmp_path / "team.db")

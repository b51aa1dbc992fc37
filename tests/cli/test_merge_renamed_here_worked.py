"""`annotator merge` of a copy holding OLD's newer work on an article OLD had here, after `rename-annotator OLD NEW`
here: the conflict's advice named the undo "there" (hE, s61), where the `u` is pressed here, on that article, as NEW.
It says where and how. Real console script, real SQLite files."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator

ARTICLE = '{"id": "a1", "title": "Port news", "text": "Officials in Lyon said 12 people were hurt."}\n'


def test_the_advice_for_work_of_a_name_renamed_here_says_where_to_undo_it(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(ARTICLE, encoding="utf-8")
    for args in (("ingest", "a.jsonl", "--db", "a.db"), ("accept", "a1", "--annotator", "ana", "--db", "a.db")):
        assert annotator(*args, cwd=tmp_path).returncode == 0
    shutil.copy(tmp_path / "a.db", tmp_path / "b.db")
    for args in (
        ("accept", "a1", "--annotator", "ana", "--done", "--db", "b.db"),
        ("rename-annotator", "ana", "bob", "--db", "a.db"),
    ):
        assert annotator(*args, cwd=tmp_path).returncode == 0
    merged = annotator("merge", "b.db", "--db", "a.db", cwd=tmp_path)
    assert merged.returncode == 1
    assert merged.stdout.splitlines()[1:] == [
        "conflict: ana on a1 'Port news' differs in b.db (nothing here; there: done, 4 span(s) (ACTOR 'Officials', "
        "ACTOR 'Lyon' ...), decisions on 4 suggestion(s)): kept this database's: 'ana' was renamed 'bob' here "
        "(annotator rename-annotator), so no work goes under it; to merge theirs, u on that article as 'bob' "
        "(annotator annotate --annotator bob) takes the rename back on it here, then merge, then rename again"
    ]

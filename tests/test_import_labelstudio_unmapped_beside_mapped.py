"""R10: a Label Studio skip imported with `--user-map 1=ana`, then user 1's answer to another copy of the text in a
file imported without the map, sharing no annotation id with the first: the answer went in under
`labelstudio-user-1` beside ana, one person under two names, without a word. A user the file knows only by id, new
to the database, whose work would go on an article keeping a Label Studio annotation of a name no user of the file
is, is refused in one line asking for --user-map, nothing written; with the map the answer takes the skip's place.
Files made from the real Label Studio 1.23.2 export of two tasks with one text, the real console script, real
SQLite."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_import_labelstudio_skipped_copy_later import run, tasks


def work(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute("SELECT annotator, status FROM annotations ORDER BY annotator"))


def test_an_unmapped_user_beside_a_mapped_ones_work_is_refused(tmp_path: Path) -> None:
    assert run(tmp_path, "first.json", tasks("open", "skipped"), "--user-map", "1=ana")[0] == 0
    before = (tmp_path / "t.db").read_bytes()
    assert run(tmp_path, "second.json", tasks("answered", "open")) == (
        1,
        [],
        "annotator: error: second.json:7: record 1: field 'annotations[0].completed_by': Label Studio user 1 is known "
        "here only by id, and article 'd8405cbb76c3f969' keeps Label Studio annotation 2 of 'ana', whom no user of "
        "this file is: this database cannot tell whether user 1 is 'ana'; give --user-map 1=ana if so, else "
        "--user-map 1=NAME (nothing was imported)\n",
    )
    assert (tmp_path / "t.db").read_bytes() == before
    assert work(tmp_path / "t.db") == [("ana", "skipped")]


def test_with_the_map_the_answer_takes_the_skips_place(tmp_path: Path) -> None:
    assert run(tmp_path, "first.json", tasks("open", "skipped"), "--user-map", "1=ana")[0] == 0
    assert run(tmp_path, "second.json", tasks("answered", "open"), "--user-map", "1=ana")[0] == 0
    assert work(tmp_path / "t.db") == [("ana", "done")]


def test_an_unmapped_user_beside_another_unmapped_one_is_taken(tmp_path: Path) -> None:
    """Without a map on either side the user is the same `labelstudio-user-1`: nothing to ask."""
    assert run(tmp_path, "first.json", tasks("open", "skipped"))[0] == 0
    assert run(tmp_path, "second.json", tasks("answered", "open"))[0] == 0
    assert work(tmp_path / "t.db") == [("labelstudio-user-1", "done")]

"""A command an error line gives to paste quotes the database's path (a newcomer's trial: advice lines printed
paths with spaces unquoted, so they could not be pasted). The real console script on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line

from annotator.store import Store


def test_serve_on_an_empty_database_quotes_it_in_the_ingest_command(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty db.db"):
        pass
    line = one_error_line(annotator("serve", "--db", "empty db.db", cwd=tmp_path))
    assert line == "empty db.db: no article to annotate yet (annotator ingest ... --db 'empty db.db')"

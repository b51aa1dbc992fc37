"""Trial: a writing command opened an older release's file, which upgraded it in place at once (user_version 1 ->
5, our mark written), and only then refused what it was asked (`assign` with an impossible overlap, `adjudicate
--auto` with one finished annotator, `merge` of a missing or a foreign file, an `import` refused at storing, an
`accept` with nothing pending): the file was rewritten for nothing, and the older release could no longer open it.
An older release's file is now upgraded by the first write that changes something, in that write's transaction
(`annotator.store.upgrading`): every refusal leaves the file, and its folder, byte for byte as they were."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line

from annotator.store import Store
from annotator.store.examining import APPLICATION_ID
from annotator.store.schema import SCHEMA_VERSION

OLD = Path(__file__).parent / "fixtures" / "release-0.1.0.db"
DIFFERENT = '{"article_id": "small", "text": "A different text.", "spans": [], "annotator": "carol", "status": "done"}'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(OLD, tmp_path / "old.db")
    (tmp_path / "notes.txt").write_text("not a database\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a database\n", encoding="utf-8")
    (tmp_path / "different.jsonl").write_text(DIFFERENT + "\n", encoding="utf-8")
    return tmp_path


def schema(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        return (
            connection.execute("PRAGMA user_version").fetchone()[0],
            connection.execute("PRAGMA application_id").fetchone()[0],
        )


@pytest.mark.parametrize(
    ("command", "refusal"),
    [
        (["assign", "--annotators", "alice", "--overlap", "2"], "--overlap must be between 1 and the 1 annotator(s) "
         "named, not 2"),
        (["adjudicate", "--auto", "--reviewer", "rev"], "adjudication needs two or more annotators (finished an "
         "article: alice; in the database: alice, bob, gold); name them with --annotators A,B (or one, --annotators "
         "alice, to take one annotator's work as gold)"),
        (["merge", "missing.db"], "missing.db: no such database"),
        (["merge", "notes.txt"], "notes.txt: not a SQLite database but an article to annotate (plain text): "
         "`annotator ingest notes.txt --db old.db` stores it in this database; it was left as it is"),
        (["merge", "notes.md"], "notes.md: not a SQLite database (another kind of file, or its header is damaged); "
         "it was left as it is"),
        (["import", "different.jsonl"], "different.jsonl:1: field 'text': article 'small' is stored with a different "
         "text (they first differ at character 1: the stored text has 'Washington said \"talks f'…, the record's 'A "
         "different text.' (its end))"),
    ],
    ids=["assign", "adjudicate", "merge-missing", "merge-article", "merge-foreign", "import"],
)  # fmt: skip
def test_a_refusal_leaves_an_older_release_file_as_it_was(folder: Path, command: list[str], refusal: str) -> None:
    before = folder_state(folder)
    assert one_error_line(annotator(*command, "--db", "old.db", cwd=folder)) == refusal
    assert folder_state(folder) == before


def test_accepting_with_nothing_pending_leaves_an_older_release_file_as_it_was(folder: Path) -> None:
    before = folder_state(folder)
    result = annotator("accept", "--annotator", "alice", "--db", "old.db", cwd=folder)
    assert (result.returncode, result.stdout) == (
        0,
        "alice: 0 suggestion(s) accepted in 0 article(s) -> old.db\nnothing pending: 1 article(s)\n"
        "left as they are: 1 article(s) done, skipped or flagged (name them to accept there too)\n",
    )
    assert folder_state(folder) == before


def test_a_command_that_writes_upgrades_an_older_release_file_with_its_write(folder: Path) -> None:
    result = annotator("accept", "small", "--annotator", "alice", "--db", "old.db", cwd=folder)
    assert (result.returncode, result.stdout) == (
        0,
        "alice: 1 suggestion(s) accepted in 1 article(s) -> old.db\n"
        "each article's accept is one action: undo it there with u (a screen open since before it: quit, open it again)\n",
    )
    assert schema(folder / "old.db") == (SCHEMA_VERSION, APPLICATION_ID)
    assert annotator("check", "--db", "old.db", cwd=folder).stdout == (
        "old.db: ok (integrity check passed; 9 event(s) replay to the stored annotations)\n"
    )


def test_a_write_that_fails_leaves_an_older_release_file_as_it_was_and_readable(folder: Path) -> None:
    before = folder_state(folder)
    with Store.open(folder / "old.db") as store:
        with pytest.raises(RuntimeError, match="refused inside"), store.write():
            store.conn.execute("DELETE FROM comments")  # this release's table, made by the upgrade in the transaction
            raise RuntimeError("refused inside the first write")
        assert store.conn.execute("SELECT COUNT(*) FROM comments").fetchone() == (0,)  # the upgraded copy again
    assert folder_state(folder) == before


def test_a_store_waiting_to_upgrade_reads_what_another_process_wrote(folder: Path) -> None:
    with Store.open(folder / "old.db") as store:
        seen = store.data_version()
        assert store.conn.execute("SELECT COUNT(*) FROM assignments").fetchone() == (0,)
        assert annotator("assign", "--annotators", "alice", "--db", "old.db", cwd=folder).returncode == 0
        assert store.data_version() != seen
        assert store.conn.execute("SELECT COUNT(*) FROM assignments").fetchone() == (2,)

"""A database file with two names (hard links: `cp base.db x.db; ln x.db h.db`), issue 10, F12. SQLite keeps a
database's -wal and -shm by its name, so two names give one file two WALs: the trial's accepts on x.db were left
in x.db-wal, an ingest through h.db wrote the file under them, and x.db was malformed (SQLite lists this among
the ways to corrupt a database). Every opening, reading or writing, now refuses such a file in one line and
leaves it as it is; the moment our own creation links a new file into place (two names, then one) is waited out.
Real processes, real files.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line, small_database

from annotator.store import DatabaseError, Store, WriteFailed
from annotator.vocabulary import Status


def two_names(name: str) -> str:
    return (
        f"{name} has 2 names (hard links): SQLite keeps its -wal by name, so two names corrupt it; remove the other "
        f"name (find it with `find / -samefile {name}`) or use a copy"
    )


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """x.db, a database of ours, also named h.db; a.jsonl, one article."""
    small_database(tmp_path / "x.db")
    os.link(tmp_path / "x.db", tmp_path / "h.db")
    (tmp_path / "a.jsonl").write_text('{"id": "n1", "text": "Ann said it rained in Paris."}\n', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["ingest", "a.jsonl", "--no-suggest", "--db", "h.db"], "h.db"),
        (["assign", "--annotators", "bob", "--overlap", "1", "--db", "x.db"], "x.db"),
        (["stats", "--db", "x.db"], "x.db"),
        (["check", "--db", "h.db"], "h.db"),
        (["export", "--annotator", "alice", "-o", "out.jsonl", "--db", "x.db"], "x.db"),
    ],
)
def test_every_command_refuses_a_database_with_two_names_and_leaves_it(
    linked: Path, command: list[str], name: str
) -> None:
    before = folder_state(linked)
    result = annotator(*command, cwd=linked)
    assert one_error_line(result) == two_names(name)
    assert folder_state(linked) == before


def test_the_store_refuses_it_for_reading_and_for_writing(linked: Path) -> None:
    db = linked / "x.db"
    for read_only in (False, True):
        with pytest.raises(DatabaseError) as refused:
            Store.open(db, read_only=read_only)
        assert str(refused.value) == two_names(str(db))
    os.unlink(linked / "h.db")  # the other name removed: x.db opens as before
    with Store.open(db) as store:
        store.set_status(store.article_ids()[0], "bob", Status.DONE)


def test_a_file_that_has_two_names_only_while_it_is_linked_into_place_opens(tmp_path: Path) -> None:
    """Our creation links a finished temporary to its name, then removes the temporary: an opener in between
    sees two names for a moment and waits, instead of refusing a database that is about to have one."""
    db, temporary = tmp_path / "x.db", tmp_path / ".x.db.new-0000"
    small_database(temporary)
    os.link(temporary, db)
    unlinker = threading.Timer(0.2, os.unlink, [temporary])
    unlinker.start()
    started = time.monotonic()
    with Store.open(db) as store:
        assert store.article_ids() != []
    unlinker.join()
    assert time.monotonic() - started >= 0.2


def test_a_second_name_made_while_the_store_has_the_file_open_refuses_edits_until_it_goes(tmp_path: Path) -> None:
    db, other = tmp_path / "x.db", tmp_path / "h.db"
    article = small_database(db)
    with Store.open(db) as store:
        store.set_status(article, "a", Status.DONE)
        os.link(db, other)
        with pytest.raises(WriteFailed) as refused:
            store.set_status(article, "b", Status.DONE)
        assert str(refused.value) == f"not saved: {two_names(str(db))}; nothing of this change was written"
        os.unlink(other)
        store.set_status(article, "b", Status.DONE)
    result = annotator("check", "--db", db)
    assert result.stdout == f"{db}: ok (integrity check passed; 4 event(s) replay to the stored annotations)\n"


def test_a_creation_killed_between_its_link_and_its_unlink_names_the_name_it_left(tmp_path: Path) -> None:
    """An attacker's trial (strace killed `import` at its unlink): new.db and its creation's temporary
    `.new.db.new-<random>` were one file with two names, and every command sent the user to `find / -samefile`.
    Now the line names the temporary beside it; removing that name as printed leaves the database whole."""
    small_database(tmp_path / "new.db")
    left = tmp_path / ".new.db.new-5476e9bd"
    os.link(tmp_path / "new.db", left)
    before = folder_state(tmp_path)
    line = one_error_line(annotator("stats", "--db", "new.db", cwd=tmp_path))
    assert line == (
        "new.db has 2 names (hard links): the other, .new.db.new-5476e9bd beside it, is what a creation of it killed "
        f"before it ended left (the same file, not a copy); remove that name (rm {left}): the database keeps its own"
    )
    assert folder_state(tmp_path) == before
    left.unlink()
    assert annotator("check", "--db", "new.db", cwd=tmp_path).returncode == 0

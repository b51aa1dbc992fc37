"""Old, newer, foreign, damaged, read-only and full databases: opened or refused clearly, never half-written."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from annotator.models import Status
from annotator.store import DatabaseError, Store, WriteFailed
from annotator.store.schema import MIGRATION_SET, SCHEMA_VERSION, migrate
from annotator.store.schema import migrations as today
from annotator.store.verify import check

FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: Every release's fixture database (tests/fixtures/make_release_db.py) and the rows it holds.
RELEASES = {
    "release-0.1.0.db": {"articles": 2, "suggestions": 4, "spans": 8, "decisions": 7, "events": 8, "annotations": 4},
}


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A copy of the oldest release's database."""
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "release-0.1.0.db", path)
    return path


@pytest.fixture
def current_db(old_db: Path) -> Path:
    """The same database brought to this release's schema (by the first write: `store.upgrading`)."""
    with Store.open(old_db) as store, store.write(upgrade_alone=True):
        pass
    return old_db


def counts(store: Store) -> dict[str, int]:
    return {table: store.count(table) for table in RELEASES["release-0.1.0.db"]}


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# -- schema evolution -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_a_database_from_each_release_opens_with_every_row(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    with Store.open(path) as store:
        assert {table: store.count(table) for table in RELEASES[name]} == RELEASES[name]
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert check(store) == []


def test_the_oldest_release_keeps_its_spans_and_undo(old_db: Path) -> None:
    with Store.open(old_db) as store:
        assert [(s.label.value, s.text) for s in store.spans("small", "alice")] == [
            ("ACTOR", "Washington"),
            ("QUOTE", "talks failed"),
        ]
        assert store.article("other").text == 'Ünïcödé 👩‍👩‍👧 said "no" in مرحبا, then 12 left.'
        store.undo("small", "alice")
        assert store.status("small", "alice") is Status.IN_PROGRESS


def later(extra) -> Migrations:
    """The migrations of a later release: today's, plus one more."""
    migrations = Migrations(MIGRATION_SET)
    for migration in today()._migrations:
        migrations(name=migration.name)(migration.fn)
    migrations(name="9999_later")(extra)
    return migrations


def test_a_later_migration_runs_with_no_row_lost(old_db: Path) -> None:
    def add_note(db: Database) -> None:
        db.execute("ALTER TABLE spans ADD COLUMN note TEXT NOT NULL DEFAULT ''")
        db.execute("UPDATE spans SET note = 'migrated'")

    db = Database(sqlite3.connect(old_db))
    migrate(db, later(add_note))
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert db.execute("SELECT COUNT(*), MIN(note) FROM spans").fetchone() == (8, "migrated")
    assert [db.table(t).count for t in ("articles", "events", "decisions")] == [2, 8, 7]
    db.close()


def test_a_failing_migration_leaves_the_database_as_it_was(old_db: Path) -> None:
    def broken(db: Database) -> None:
        db.execute("ALTER TABLE spans ADD COLUMN note TEXT")
        db.execute("DELETE FROM decisions")
        raise RuntimeError("the migration failed half way")

    db = Database(sqlite3.connect(old_db))
    before = list(db.conn.iterdump())
    with pytest.raises(RuntimeError, match="half way"):
        migrate(db, later(broken))
    assert list(db.conn.iterdump()) == before
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1  # the file as release 0.1.0 made it
    db.close()


def test_a_database_migrated_by_a_later_release_is_refused_unchanged(old_db: Path) -> None:
    db = Database(sqlite3.connect(old_db))
    migrate(db, later(lambda db: db.execute("CREATE TABLE notes (id INTEGER)")))
    db.close()
    before = files_in(old_db.parent)
    with pytest.raises(
        DatabaseError,
        match=rf"made by a newer release of annotator \(schema {SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION}\)",
    ):
        Store.open(old_db)
    assert files_in(old_db.parent) == before


def test_another_applications_database_is_left_unchanged(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    before = files_in(db_path.parent)
    with pytest.raises(DatabaseError):
        Store.open(db_path)
    assert files_in(db_path.parent) == before


# -- damaged files --------------------------------------------------------------------------------------------


def garble_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page : 3 * page + 2000] = b"\xaa" * 2000
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])


def garble_the_header(path: Path) -> None:
    path.write_bytes(b"\x00" * 100 + path.read_bytes()[100:])


@pytest.mark.parametrize("damage", [garble_a_page, truncate, garble_the_header])
def test_a_damaged_file_is_reported_and_left_as_it_is(old_db: Path, damage) -> None:
    damage(old_db)
    before = files_in(old_db.parent)
    with pytest.raises(DatabaseError, match=rf"^{old_db}: (the database is damaged|not a SQLite database)") as error:
        Store.open(old_db)
    assert "\n" not in str(error.value)
    assert files_in(old_db.parent) == before


# -- read-only and full ---------------------------------------------------------------------------------------


def test_a_read_only_database_opens_for_viewing_with_a_notice(current_db: Path) -> None:
    before = current_db.read_bytes()
    with Store.open(current_db, read_only=True) as store:
        assert (store.read_only, store.notice) == (
            True,
            f"{current_db} is read-only: open for viewing, changes cannot be saved",
        )
        assert len(store.view("small", "alice").spans) == 2
        with pytest.raises(WriteFailed, match=rf"^not saved: {current_db} is read-only$"):
            store.set_status("small", "alice", "flagged")
        assert store.save_cursor("small", "alice", 5) is False  # where the reader was: not saved, no error
    assert current_db.read_bytes() == before


def test_a_writable_database_has_no_notice(store: Store) -> None:
    assert (store.read_only, store.notice) == (False, "")


def not_writable(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """This process may not write these paths, as `os.access` says (a chmod would not stop root, who runs CI)."""
    access = os.access
    refused = {path.resolve() for path in paths}

    def checked(path: str | os.PathLike[str], mode: int, **options: object) -> bool:
        if mode & os.W_OK and Path(path).resolve() in refused:
            return False
        return access(path, mode, **options)

    monkeypatch.setattr(os, "access", checked)


def test_a_file_this_user_may_not_write_opens_read_only(current_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_writable(monkeypatch, current_db)
    before = current_db.read_bytes()
    with Store.open(current_db) as store:
        assert store.read_only
        assert store.count("spans") == 8
    assert current_db.read_bytes() == before


def test_a_database_in_a_folder_this_user_may_not_write_opens_read_only(
    current_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_writable(monkeypatch, current_db.parent)
    with Store.open(current_db) as store:
        assert store.read_only
        assert store.count("spans") == 8
    assert sorted(p.name for p in current_db.parent.iterdir() if p.name.startswith(current_db.name)) == [
        current_db.name
    ]


def test_a_write_on_a_full_disk_is_refused_whole(current_db: Path) -> None:
    with Store.open(current_db) as store:
        events = store.count("events")
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk fills up once the free space is used
        saved: list[str] = []
        with pytest.raises(
            WriteFailed, match=rf"^not saved: the disk is full \({current_db}\); nothing of this change"
        ):
            for number in range(1000):
                status = ("done", "flagged")[number % 2]
                store.set_status("small", "carol", status)
                saved.append(status)
        assert (store.count("events"), store.status("small", "carol").value) == (events + len(saved), saved[-1])
        assert (store.db.conn.in_transaction, check(store)) == (False, [])
        store.db.execute(f"PRAGMA max_page_count = {pages + 100}")  # room again: editing goes on
        store.set_status("small", "carol", "in_progress")  # a done article has nothing pending (learn31): reopened
        assert store.accept_all("small", "carol").message == "accepted 4 suggestions"


def test_articles_that_do_not_fit_on_the_disk_are_not_stored_at_all(current_db: Path) -> None:
    from annotator.models import ArticleIn

    with Store.open(current_db) as store:
        store.db.execute(f"PRAGMA max_page_count = {store.db.execute('PRAGMA page_count').fetchone()[0] + 2}")
        articles = [(ArticleIn(text=f"Article {n}: " + "word " * 2000), None, []) for n in range(5)]
        with pytest.raises(WriteFailed, match=r"the disk is full"):
            store.add_articles(articles)
        assert store.count("articles") == 2


# -- security basics ------------------------------------------------------------------------------------------


def test_a_new_database_and_its_journal_are_private_even_with_umask_0(db_path: Path) -> None:
    previous = os.umask(0)
    try:
        with Store.open(db_path):
            modes = {p.name: p.stat().st_mode & 0o777 for p in db_path.parent.iterdir()}
    finally:
        os.umask(previous)
    assert modes == {"annotations.db": 0o640, "annotations.db-wal": 0o640, "annotations.db-shm": 0o640}

"""Issue 10: files that are not ours, not sound, not regular or oddly named are refused and left byte for byte as
they were; read-only commands never write. Every test runs the real console script on real files."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from processes import (
    annotator,
    copy_with_wal,
    folder_state,
    one_error_line,
    screen_command,
    small_database,
    world_readable_folder,
)

from annotator.store import Store
from annotator.store.schema import SCHEMA_VERSION

#: The mark `PRAGMA application_id` puts on our files ("ANNO").
APPLICATION_ID = 0x414E4E4F

READING = [["stats"], ["check"], ["export", "--annotator", "alice", "-o", "out.jsonl"], ["agreement"], ["evaluate"]]


def header_of(path: Path) -> tuple[int, int, int]:
    """(journal mode byte: 1 rollback, 2 WAL; user_version; application_id) as the file's header holds them."""
    data = path.read_bytes()[:100]
    return data[18], int.from_bytes(data[60:64], "big"), int.from_bytes(data[68:72], "big")


# -- item 2: a stray or foreign -wal, a damaged file with its own WAL ----------------------------------------


def test_a_foreign_wal_beside_a_sound_database_is_refused_and_neither_file_changes(tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    small_database(good)
    copy_with_wal(tmp_path / "other.db", tmp_path / "other-copy.db", [f"Other article {n} in Lyon." for n in range(5)])
    mix = tmp_path / "mix.db"
    shutil.copyfile(good, mix)
    shutil.copyfile(tmp_path / "other-copy.db-wal", tmp_path / "mix.db-wal")
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    before = folder_state(tmp_path)
    for command in (["stats"], ["check"], ["ingest", "new.txt", "--no-suggest"], ["annotate"]):
        line = one_error_line(annotator(*command, "--db", "mix.db", cwd=tmp_path, terminal=screen_command(command)))
        assert line.startswith("mix.db: mix.db-wal beside it does not belong to it ("), (command, line)
        assert line.endswith("mix.db alone is sound, so move mix.db-wal away if it is not this database's own")
        assert folder_state(tmp_path) == before, command


def test_a_wal_of_its_own_without_its_shm_is_read_not_lost(tmp_path: Path) -> None:
    copy_with_wal(tmp_path / "live.db", tmp_path / "crashed.db", ["Work only in the WAL, in Oslo."])
    before = folder_state(tmp_path)
    result = annotator("stats", "--db", "crashed.db", cwd=tmp_path)
    assert (result.returncode, "articles     2\n" in result.stdout) == (0, True), result.stderr
    assert folder_state(tmp_path) == before  # read from a private copy: not even a -shm was made
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    result = annotator("ingest", "new.txt", "--no-suggest", "--db", "crashed.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with Store.open(tmp_path / "crashed.db") as store:
        assert store.count("articles") == 3


def garble_a_page_the_wal_does_not_hold(path: Path) -> None:
    """Overwrite page 2 (the migration record, written once when the file was made): a damaged file."""
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 1000] = b"\xa5" * 1000
    path.write_bytes(bytes(data))


def test_a_damaged_database_with_its_own_wal_is_refused_and_its_wal_kept(tmp_path: Path) -> None:
    copy_with_wal(tmp_path / "live.db", tmp_path / "damaged.db", ["Work only in the WAL, in Oslo."])
    garble_a_page_the_wal_does_not_hold(tmp_path / "damaged.db")
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    before = folder_state(tmp_path)
    for command in (["stats"], ["ingest", "new.txt", "--no-suggest"]):
        line = one_error_line(annotator(*command, "--db", "damaged.db", cwd=tmp_path, terminal=screen_command(command)))
        assert line.startswith("damaged.db: the database is damaged ("), line
        assert folder_state(tmp_path) == before


# -- items 7 and 10: another program's database, an empty SQLite file, a read-only command -----------------


def other_programs_database(path: Path, application_id: int = 0) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO articles (body) VALUES ('theirs')")
    connection.execute("PRAGMA user_version = 1")
    if application_id:
        connection.execute(f"PRAGMA application_id = {application_id}")
    connection.commit()
    connection.close()


@pytest.mark.parametrize("application_id", [0, 0x12345678])
def test_another_programs_database_is_refused_by_every_command_byte_for_byte(
    tmp_path: Path, application_id: int
) -> None:
    other_programs_database(tmp_path / "theirs.db", application_id)
    small_database(tmp_path / "ours.db")
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    before = folder_state(tmp_path)
    commands = [*READING, ["ingest", "new.txt", "--no-suggest"], ["suggest"], ["adjudicate", "--auto"], ["annotate"]]
    for command in commands:
        line = one_error_line(annotator(*command, "--db", "theirs.db", cwd=tmp_path, terminal=screen_command(command)))
        assert line.startswith("theirs.db: not an annotator database (another program's"), (command, line)
    line = one_error_line(annotator("merge", "theirs.db", "--db", "ours.db", cwd=tmp_path))
    assert line.startswith("theirs.db: not an annotator database (another program's")
    assert folder_state(tmp_path) == before
    assert header_of(tmp_path / "theirs.db") == (1, 1, application_id)  # still a rollback journal, not WAL


def test_an_empty_sqlite_file_of_another_program_is_not_given_our_schema(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    connection = sqlite3.connect(empty)
    connection.execute("VACUUM")  # a valid SQLite file with no table: what some programs create first
    connection.close()
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    before = folder_state(tmp_path)
    for command in (["stats"], ["check"], ["ingest", "new.txt", "--no-suggest"]):
        line = one_error_line(annotator(*command, "--db", "empty.db", cwd=tmp_path, terminal=screen_command(command)))
        assert line == "empty.db: not an annotator database (an empty SQLite database that annotator did not make); " \
            "it was left as it is", (command, line)  # fmt: skip
    assert folder_state(tmp_path) == before


def test_commands_that_only_read_never_write_not_even_to_mark_or_upgrade(tmp_path: Path) -> None:
    """A file of the first release (no mark yet, rollback journal after a copy) stays byte for byte the same."""
    old = tmp_path / "old.db"
    shutil.copy(Path(__file__).resolve().parent / "fixtures" / "release-0.1.0.db", old)
    connection = sqlite3.connect(old)
    connection.execute("PRAGMA journal_mode = delete")
    connection.close()
    before = folder_state(tmp_path)
    for command in [*READING[:2], ["export", "--annotator", "alice", "-o", "-"], ["evaluate", "--annotator", "bob"]]:
        result = annotator(*command, "--db", "old.db", cwd=tmp_path, terminal=screen_command(command))
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, (command, result.stderr)
        assert folder_state(tmp_path) == before, command
    assert header_of(old) == (1, 1, 0)
    assert annotator("ingest", "old.db", "--db", "old.db", cwd=tmp_path).returncode == 1  # (not a .txt)
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    assert annotator("ingest", "new.txt", "--no-suggest", "--db", "old.db", cwd=tmp_path).returncode == 0
    assert header_of(old)[1:] == (SCHEMA_VERSION, APPLICATION_ID)  # a writing command marks and upgrades it


# -- item 11: damage quick_check misses ---------------------------------------------------------------------


def flip_a_bit_in_an_index(path: Path) -> None:
    """Flip one bit of the content hash kept in the articles' unique index: the table and the index then
    disagree, which `PRAGMA quick_check` does not look at and `PRAGMA integrity_check` does."""
    connection = sqlite3.connect(path)
    digest = connection.execute("SELECT content_hash FROM articles").fetchone()[0].encode()
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    [root] = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NULL "
        "ORDER BY rootpage DESC LIMIT 1"
    ).fetchone()
    connection.close()
    data = bytearray(path.read_bytes())
    at = data.index(digest, (root - 1) * page_size)
    assert at < root * page_size
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def test_damage_quick_check_misses_stops_every_write(tmp_path: Path) -> None:
    db = tmp_path / "flipped.db"
    small_database(db)
    flip_a_bit_in_an_index(db)
    check = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert (check.execute("PRAGMA quick_check").fetchall(), check.execute("PRAGMA integrity_check").fetchone()) == (
        [("ok",)],
        ("row 1 missing from index sqlite_autoindex_articles_2",),
    )
    check.close()
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    before = folder_state(tmp_path)
    for command in (["ingest", "new.txt", "--no-suggest"], ["suggest"], ["adjudicate", "--auto"], ["annotate"],
                    ["check"]):  # fmt: skip
        line = one_error_line(annotator(*command, "--db", "flipped.db", cwd=tmp_path, terminal=screen_command(command)))
        assert "row 1 missing from index sqlite_autoindex_articles_2" in line, (command, line)
        assert folder_state(tmp_path) == before
    assert annotator("stats", "--db", "flipped.db", cwd=tmp_path).returncode == 0  # reading it is harmless


# -- item 13: paths are paths ---------------------------------------------------------------------------------


def test_names_with_uri_characters_are_the_files_they_name(tmp_path: Path) -> None:
    small_database(tmp_path / "bob", text="Bob's article is about Paris.")
    small_database(tmp_path / "bob#2.db", text="The second Bob wrote about Oslo.")
    result = annotator("merge", "bob#2.db", "--db", "review?mode=rwc&x=%41.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with Store.open(tmp_path / "review?mode=rwc&x=%41.db", read_only=True) as store:
        assert [store.article(a).text for a in store.article_ids()] == ["The second Bob wrote about Oslo."]
    before = {p.name for p in tmp_path.iterdir()}
    bob = (tmp_path / "bob").read_bytes()
    line = one_error_line(annotator("merge", "bob?x.db", "--db", "review?mode=rwc&x=%41.db", cwd=tmp_path))
    assert line == "bob?x.db: no such database"
    assert ({p.name for p in tmp_path.iterdir()} - before, (tmp_path / "bob").read_bytes()) == (set(), bob)


# -- item 15: a read-only folder with a WAL and no -shm --------------------------------------------------------


def test_a_read_only_folder_with_a_wal_shows_the_work_in_it() -> None:
    with world_readable_folder() as folder:
        copy_with_wal(folder / "live.db", folder / "shared.db", ["Acknowledged work, only in the WAL."])
        (folder / "live.db").unlink()
        (folder / "live.db-wal").unlink(missing_ok=True)
        (folder / "live.db-shm").unlink(missing_ok=True)
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        before = folder_state(folder)
        stats = annotator("stats", "--db", folder / "shared.db", as_nobody=True)
        assert (stats.returncode, stats.stderr) == (0, "")
        assert "articles     2\n" in stats.stdout
        assert re.search(r"^alice +0 +0 +2 +0 +0 ", stats.stdout, re.M)  # todo, in progress, done, ...
        check = annotator("check", "--db", folder / "shared.db", as_nobody=True)
        assert (check.returncode, check.stdout) == (
            0,
            f"{folder / 'shared.db'}: ok (integrity check passed; 2 event(s) replay to the stored annotations)\n",
        )
        assert folder_state(folder) == before


# -- a FIFO, a folder or a device as the database -------------------------------------------------------------


def test_a_fifo_given_as_the_database_is_refused_at_once(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.db")
    (tmp_path / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    for command in (["stats"], ["ingest", "new.txt", "--no-suggest"]):
        line = one_error_line(
            annotator(*command, "--db", "pipe.db", cwd=tmp_path, timeout=60, terminal=screen_command(command))
        )
        assert line == "pipe.db: a FIFO (named pipe), not a regular file; it was left as it is", line
    assert (tmp_path / "pipe.db").is_fifo() and sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "pipe.db"]


def test_commands_that_only_read_read_an_older_release_without_changing_it(tmp_path: Path) -> None:
    """Found by a newcomer: stats, check, export, agreement and evaluate refused a release-0.1.0 database ("open it
    once with a command that writes to upgrade it"), though the README says commands that only read read it. They
    read a copy upgraded in memory; the file, and the folder, stay exactly as they were."""
    db = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "fixtures" / "release-0.1.0.db", db)
    before = folder_state(tmp_path)
    for command in (
        ["stats"],
        ["check"],
        ["export", "--annotator", "alice", "--status", "all", "-o", "-"],
        ["agreement", "--annotators", "alice,bob", "--include-in-progress"],
        ["evaluate"],
    ):
        result = annotator(*command, "--db", db, timeout=120, terminal=screen_command(command))
        assert (result.returncode, result.stderr.count("older release")) == (0, 0), (command, result.stderr)
        assert folder_state(tmp_path) == before, command
    assert (
        annotator("check", "--db", db).stdout
        == f"{db}: ok (integrity check passed; 8 event(s) replay to the stored annotations)\n"
    )
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION

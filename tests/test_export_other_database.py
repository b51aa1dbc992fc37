"""The default export path is named after the annotator alone (exports/alice.jsonl), the same for every database:
an export of alice's work in a second database replaced the first database's export there, without a word
(annotator had written both, so the folder's record proved the file its own). The record now names the
database each export came from: at the default path, another database's export is refused in one line that
says how to go on, and left byte for byte; the same database's export is replaced as before, and -o naming
that file replaces it (the user named it).

Real processes: the console script on real SQLite files and real export files in a temporary folder."""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from processes import annotator, folder_state, one_error_line, start

FIRST = '{"article_id": "a1", "text": "Alice said hello in Paris.", "annotator": "alice", "status": "done"}\n'
SECOND = '{"article_id": "b1", "text": "Bob went to London today.", "annotator": "alice", "status": "done"}\n'


def two_databases(folder: Path) -> None:
    for name, line in (("first", FIRST), ("second", SECOND)):
        (folder / f"{name}.jsonl").write_text(line, encoding="utf-8")
        made = annotator("import", f"{name}.jsonl", "--db", f"{name}.db", cwd=folder)
        assert made.returncode == 0, made.stderr


def ids(path: Path) -> list[str]:
    return [json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_another_databases_export_at_the_default_path_is_refused_and_kept(tmp_path: Path) -> None:
    two_databases(tmp_path)
    export = tmp_path / "exports" / "alice.jsonl"
    first = annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path)
    assert (first.returncode, first.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    before = export.read_bytes()

    second = annotator("export", "--annotator", "alice", "--db", "second.db", cwd=tmp_path)
    assert second.stdout == ""
    assert one_error_line(second) == (
        f"exports/alice.jsonl: the export of another database, {tmp_path.resolve() / 'first.db'}; it was left as it "
        "is (give -o PATH for this database's export, or -o exports/alice.jsonl to replace that one)"
    )
    assert export.read_bytes() == before
    assert sorted(p.name for p in export.parent.iterdir()) == [".annotator-written.json", "alice.jsonl"]

    again = annotator("export", "--annotator", "alice", "--db", "./first.db", cwd=tmp_path)  # the same file
    assert (again.returncode, again.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    elsewhere = annotator("export", "--annotator", "alice", "--db", "second.db", "-o", "out.jsonl", cwd=tmp_path)
    assert elsewhere.returncode == 0 and ids(tmp_path / "out.jsonl") == ["b1"]

    named = annotator("export", "--annotator", "alice", "--db", "second.db", "-o", "exports/alice.jsonl", cwd=tmp_path)
    assert (named.returncode, named.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    assert ids(export) == ["b1"]
    back = annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path)  # now second.db's there
    assert back.returncode == 1 and f"another database, {tmp_path.resolve() / 'second.db'};" in back.stderr
    assert ids(export) == ["b1"]


def test_two_databases_exporting_at_once_to_a_new_default_path_one_is_refused(tmp_path: Path) -> None:
    """Attacker 40f, item 1: two databases exporting at once into a fresh exports/ both said their records went to
    exports/alice.jsonl (3 rounds in 12), and the file held one database's export. The check of whose export is
    there, the write into place and the record are one step under the folder's lock: one export goes in, the
    other is refused and writes nothing. Deterministic: this test holds the folder's lock while both processes
    write their temporaries (without the fix, both have looked at the empty folder by then), then lets them go."""
    two_databases(tmp_path)
    folder = tmp_path / "exports"
    for _ in range(3):
        if folder.exists():
            for path in folder.iterdir():
                path.unlink()
        else:
            folder.mkdir()
        lock = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            runs = [start("export", "--annotator", "alice", "--db", f"{name}.db", cwd=tmp_path)
                    for name in ("first", "second")]  # fmt: skip
            wait_for(lambda: len([p for p in folder.glob(".alice.jsonl.partial-*") if p.stat().st_size]) == 2)
        finally:
            os.close(lock)  # lets them go
        ended = [(run.returncode, out, err) for run in runs for out, err in [run.communicate(timeout=300)]]
        won = [n for n, (code, _, _) in enumerate(ended) if code == 0]
        assert len(won) == 1, ended
        lost = ended[1 - won[0]]
        winner = tmp_path.resolve() / ("first.db", "second.db")[won[0]]
        assert ended[won[0]][1] == "1 record(s) -> exports/alice.jsonl\n"
        assert (lost[0], lost[1]) == (1, "")
        assert lost[2] == (
            f"annotator: error: exports/alice.jsonl: the export of another database, {winner}; it was left as it "
            "is (give -o PATH for this database's export, or -o exports/alice.jsonl to replace that one)\n"
        )
        assert ids(folder / "alice.jsonl") == [("a1", "b1")[won[0]]]
        assert sorted(p.name for p in folder.iterdir()) == [".annotator-written.json", "alice.jsonl"]


def wait_for(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 120  # a hang, not a measurement: the test fails only if it never comes
    while not condition():
        assert time.monotonic() < deadline, "the exports never wrote their temporaries"
        time.sleep(0.01)


def test_the_same_bytes_under_another_name_leave_the_default_exports_maker_as_it_was(tmp_path: Path) -> None:
    """Attacker 40f, item 2: the record named the database by the file's SHA-256, so copy.db (a backup of
    first.db) exporting the same bytes to exports/alice-copy.jsonl made exports/alice.jsonl pass for its own:
    copy.db then replaced it and first.db was refused. Provenance is kept per file name."""
    two_databases(tmp_path)
    with sqlite3.connect(tmp_path / "first.db") as first, sqlite3.connect(tmp_path / "copy.db") as copy:
        first.backup(copy)
    export = tmp_path / "exports" / "alice.jsonl"
    assert annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path).returncode == 0
    same = annotator(
        "export", "--annotator", "alice", "--db", "copy.db", "-o", "exports/alice-copy.jsonl", cwd=tmp_path
    )
    assert same.returncode == 0 and (tmp_path / "exports" / "alice-copy.jsonl").read_bytes() == export.read_bytes()
    before = export.read_bytes()

    copied = annotator("export", "--annotator", "alice", "--db", "copy.db", cwd=tmp_path)
    assert one_error_line(copied) == (
        f"exports/alice.jsonl: the export of another database, {tmp_path.resolve() / 'first.db'}; it was left as it "
        "is (give -o PATH for this database's export, or -o exports/alice.jsonl to replace that one)"
    )
    assert export.read_bytes() == before
    again = annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    record = json.loads((tmp_path / "exports" / ".annotator-written.json").read_text(encoding="utf-8"))
    assert {name: entry["database"] for name, entry in record["sources"].items()} == {
        "alice.jsonl": str(tmp_path.resolve() / "first.db"),
        "alice-copy.jsonl": str(tmp_path.resolve() / "copy.db"),
    }


DAMAGED_SOURCES = {
    "[]": 'its "sources" is not an object',
    "null": 'its "sources" is not an object',
    '""': 'its "sources" is not an object',
    '{"' + "ab" * 32 + '": 5}': f'its "sources" entry {"ab" * 32} is not a SHA-256 and a database',
    '{"alice.jsonl": {"sha256": "x", "database": "/d.db"}}': 'its "sources" entry alice.jsonl is not a SHA-256 and '
    "a database",
}


def test_a_damaged_sources_entry_is_never_rewritten_and_refuses_the_default_export(tmp_path: Path) -> None:
    """Attacker 40f, item 3: a record whose "sources" was [], null, "" or {"<sha>": 5} was rewritten without a
    word, though a damaged record is never rewritten. It is damaged like any other: an export that would replace
    a file there is refused in one line naming the record's field, the file and the record are left byte for
    byte, and a new file is written with a note that it is not recorded."""
    two_databases(tmp_path)
    folder = tmp_path / "exports"
    record = folder / ".annotator-written.json"
    assert annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path).returncode == 0
    proper = json.loads(record.read_text(encoding="utf-8"))
    for damaged, said in DAMAGED_SOURCES.items():
        record.write_text(json.dumps({**proper, "sources": "@"}).replace('"@"', damaged), encoding="utf-8")
        before = folder_state(folder)
        for db in ("second.db", "first.db"):
            refused = annotator("export", "--annotator", "alice", "--db", db, cwd=tmp_path)
            assert one_error_line(refused) == (
                "exports/alice.jsonl: annotator cannot prove it wrote this file: the folder's record of the files "
                f"annotator wrote there (.annotator-written.json) is damaged ({said}), and is left as it is; the file "
                "was left as it is too (choose another -o, or add --overwrite to replace it)"
            )
            assert folder_state(folder) == before
    new = annotator("export", "--annotator", "alice", "--db", "second.db", "-o", "exports/new.jsonl", cwd=tmp_path)
    assert (new.returncode, new.stdout) == (0, "1 record(s) -> exports/new.jsonl\n")
    assert new.stderr == (
        f"annotator: note: {record.resolve()}: damaged ({said}), so annotator does not record new.jsonl "
        "in it and leaves it as it is: a later output will not replace the file without --overwrite\n"
    )
    assert record.read_bytes() == before[".annotator-written.json"][0] and ids(folder / "new.jsonl") == ["b1"]


def test_an_empty_export_onto_another_databases_default_export_says_whose_it_is(tmp_path: Path) -> None:
    """Attacker 40f, item 4: an export of no record from second.db, where first.db's export lies at the default
    path, said it was left 'with the export written there before (-o exports/alice.jsonl writes an empty one)':
    that file is first.db's, and the line told how to replace it without saying so. It says whose it is."""
    two_databases(tmp_path)
    export = tmp_path / "exports" / "alice.jsonl"
    assert annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path).returncode == 0
    before = export.read_bytes()
    empty = annotator("export", "--annotator", "alice", "--db", "second.db", "--status", "skipped", cwd=tmp_path)
    assert (empty.returncode, empty.stdout) == (
        0,
        "0 record(s): exports/alice.jsonl left as it was: it is the export of another database, "
        f"{tmp_path.resolve() / 'first.db'} (-o PATH writes this database's empty export; -o exports/alice.jsonl "
        "would replace that one)\n",
    )
    assert export.read_bytes() == before
    own = annotator("export", "--annotator", "alice", "--db", "first.db", "--status", "skipped", cwd=tmp_path)
    assert own.stdout == (
        "0 record(s): exports/alice.jsonl left as it was, with the export written there before (-o "
        "exports/alice.jsonl writes an empty one)\n"
    )


def test_a_default_export_that_cannot_have_the_folders_lock_is_refused_not_written_blind(tmp_path: Path) -> None:
    """A process that holds the folder's lock (stopped, say) for LOCK_WAIT seconds: the default export cannot
    tell whose export will be there once it is in place, so it refuses in one line and writes nothing (it waits
    out LOCK_WAIT: no timing is asserted). flock goes with its process: once the holder is gone, it goes in."""
    two_databases(tmp_path)
    folder = tmp_path / "exports"
    folder.mkdir()
    lock = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        held = annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path)
    finally:
        os.close(lock)
    assert one_error_line(held) == (
        "exports/alice.jsonl: annotator cannot lock exports (another annotator process has held its lock for 20 s, "
        "or the folder cannot be opened), so it cannot tell whose export will be there; nothing was written (try "
        "again, or give -o PATH)"
    )
    assert list(folder.iterdir()) == []
    after = annotator("export", "--annotator", "alice", "--db", "first.db", cwd=tmp_path)
    assert (after.returncode, after.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")

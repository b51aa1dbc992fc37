"""A database in a folder its user cannot write is named as the folder, not as "read-only": SQLite keeps its -wal
and -shm files beside the database, so a writable file there cannot be changed, and "not saved: ro/x.db is
read-only" sent the user to chmod a file that was writable. A database that cannot be made in such a folder
names the folder too ("cannot create the database: Permission denied" named only the file).

Real processes: the console script as "nobody" (root, who runs CI here, may write anything) on real files."""

from __future__ import annotations

from processes import annotator, one_error_line, world_readable_folder

RECORD = '{"article_id": "a1", "text": "Alice said hello in Paris.", "annotator": "alice", "status": "done"}\n'
MORE = '{"article_id": "b1", "text": "Bob went to London today.", "annotator": "bob", "status": "done"}\n'


def test_a_read_only_folder_is_named_as_the_folder() -> None:
    with world_readable_folder() as folder:
        (folder / "one.jsonl").write_text(RECORD, encoding="utf-8")
        (folder / "two.jsonl").write_text(MORE, encoding="utf-8")
        ro = folder / "ro"
        ro.mkdir()
        assert annotator("import", "one.jsonl", "--db", "ro/x.db", cwd=folder).returncode == 0
        (ro / "x.db").chmod(0o666)  # the file may be written: only the folder may not
        ro.chmod(0o555)
        before = (ro / "x.db").read_bytes()

        stored = annotator("import", "two.jsonl", "--db", "ro/x.db", cwd=folder, as_nobody=True)
        assert one_error_line(stored) == (
            "not saved: ro/x.db is in a folder you cannot write (ro), where SQLite keeps its -wal and -shm files "
            "beside it"
        )
        assert (ro / "x.db").read_bytes() == before

        made = annotator("import", "two.jsonl", "--db", "ro/new.db", cwd=folder, as_nobody=True)
        assert one_error_line(made) == (
            f"{ro / 'new.db'}: cannot create the database: the folder {ro} cannot be written (Permission denied)"
        )
        assert sorted(p.name for p in ro.iterdir()) == ["x.db"]

        (ro / "x.db").chmod(0o444)  # now the file itself: read-only, as before
        locked = annotator("import", "two.jsonl", "--db", "ro/x.db", cwd=folder, as_nobody=True)
        assert one_error_line(locked) == "not saved: ro/x.db is read-only"

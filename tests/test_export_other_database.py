"""The default export path is named after the annotator alone (exports/alice.jsonl), the same for every database:
an export of alice's work in a second database replaced the first database's export there, without a word
(annotator had written both, so the folder's record proved the file its own). The record now names the
database each export came from: at the default path, another database's export is refused in one line that
says how to go on, and left byte for byte; the same database's export is replaced as before, and -o naming
that file replaces it (the user named it).

Real processes: the console script on real SQLite files and real export files in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

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

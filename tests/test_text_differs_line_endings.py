"""A newcomer's finding: a `.txt` file saved again on Windows (CRLF line endings) was refused as changed "they
first differ at character 17", counted from 0 without saying so, where only the line endings differ. Only
line endings differing is said as such, and a character is counted from 1, as editors count it. The real console
script on real files, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

TEXT = "Storm cuts power.\nCrews work late.\n"


def ingest(tmp_path: Path, name: str) -> str:
    result = annotator("ingest", name, "--no-suggest", "--db", "x.db", cwd=tmp_path)
    return one_error_line(result) if result.returncode else result.stdout


def test_a_txt_file_saved_with_windows_line_endings_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT.encode())
    assert ingest(tmp_path, "a.txt") == "1 article(s) added, 0 already stored, 0 suggestion(s) -> x.db\n"
    (tmp_path / "a.txt").write_bytes(TEXT.replace("\n", "\r\n").encode())
    assert ingest(tmp_path, "a.txt") == (
        "a.txt: the file's text changed since it was stored as article 2356c3b12ff4fd07 'Storm cuts power.' (the "
        "file's text has Windows line endings (CRLF) where the stored text has LF; --changed-text replace replaces "
        "the stored text if nobody has opened it, --changed-text new adds this text as an article of its own)"
    )


def test_stored_windows_line_endings_and_a_record_with_lf_say_so_the_other_way(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "s1", "text": TEXT.replace("\n", "\r\n")}) + "\n")
    ingest(tmp_path, "news.jsonl")
    record = {"article_id": "s1", "text": TEXT, "annotator": "alice", "status": "done", "spans": []}
    (tmp_path / "alice.jsonl").write_text(json.dumps(record) + "\n")
    result = annotator("import", "alice.jsonl", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "alice.jsonl:1: field 'text': article 's1' is stored with a different text (the stored text has Windows "
        "line endings (CRLF) where the record's text has LF)"
    )


def test_a_character_is_counted_from_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT.encode())
    ingest(tmp_path, "a.txt")
    (tmp_path / "a.txt").write_bytes(b"X" + TEXT.encode()[1:])  # its first character changed
    assert ingest(tmp_path, "a.txt") == (
        "a.txt: the file's text changed since it was stored as article 2356c3b12ff4fd07 'Storm cuts power.' (they "
        "first differ at character 1: the stored text has 'Storm cuts power.\\nCrews '…, the file's 'Xtorm cuts "
        "power.\\nCrews '…; --changed-text replace replaces the stored text if nobody has opened it, --changed-text "
        "new adds this text as an article of its own)"
    )

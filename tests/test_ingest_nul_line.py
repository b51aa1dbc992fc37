"""Trial s59 t19 F3: `ingest n3.txt`, a NUL on line 4, said "n3.txt:1: field 'text': ... at character 41": the
file's first line and the text's character, where a bad UTF-8 byte there names its line ("l3.txt:4: not UTF-8").
A .txt file's error names the line the NUL is on and its character in that line, alone, in a folder and skipped;
a JSONL line's names that line and the character in its `text`, as before. Real console script, real files."""

from __future__ import annotations

from pathlib import Path

from attack_support import ok, rows
from processes import annotator

#: A NUL on line 4, the 16th character there (the 41st of the file).
N3 = "Title\n\nline two is here.\nline three has \0 NUL.\n"
SAID = "n3.txt:4: the line holds a NUL character (\\u0000) at character 16, which SQLite cannot store"


def refused(folder: Path, *args: str) -> str:
    result = annotator(*args, "--no-suggest", "--db", "n.db", cwd=folder)
    assert (result.returncode, result.stdout) == (1, ""), (result.stdout, result.stderr)
    assert not (folder / "n.db").exists()
    return result.stderr


def test_a_nul_in_a_txt_file_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "n3.txt").write_text(N3, encoding="utf-8")
    assert refused(tmp_path, "ingest", "n3.txt") == f"annotator: error: {SAID}\n"


def test_a_nul_in_a_folders_txt_file_names_its_line_refused_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "fold").mkdir()
    (tmp_path / "fold" / "a.txt").write_text("Good one.\nRome said yes.\n", encoding="utf-8")
    (tmp_path / "fold" / "n3.txt").write_text(N3, encoding="utf-8")
    assert refused(tmp_path, "ingest", "fold") == (
        f"annotator: error: fold/{SAID}; nothing was ingested: remove the file or name the others, or add "
        "--skip-invalid to skip it and ingest the rest\n"
    )
    out = ok("ingest", "fold", "--no-suggest", "--skip-invalid", "--db", "s.db", cwd=tmp_path)
    assert out == (
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> s.db\n"
        f"skipped 1 file(s) or line(s) that hold no article:\n  fold/{SAID}\n"
    )
    assert rows(tmp_path / "s.db", "SELECT title FROM articles") == [("Good one.",)]


def test_a_nul_on_a_line_after_the_first_line_of_a_file_with_a_bom_and_crlf(tmp_path: Path) -> None:
    (tmp_path / "n3.txt").write_bytes(b"\xef\xbb\xbfTitle\r\n\r\nline two is here.\r\nline three has \0 NUL.\r\n")
    assert refused(tmp_path, "ingest", "n3.txt") == f"annotator: error: {SAID}\n"


def test_a_nul_in_a_jsonl_text_names_its_line_and_the_texts_character(tmp_path: Path) -> None:
    lines = [
        '{"id": "g1", "text": "ok"}',
        '{"id": "g2", "text": "ok too"}',
        '{"id": "n", "text": "Rome said x\\u0000y"}',
    ]
    (tmp_path / "n.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert refused(tmp_path, "ingest", "n.jsonl") == (
        "annotator: error: n.jsonl:3: field 'text': text holds a NUL character (\\u0000) at character 12, which "
        "SQLite cannot store\n"
    )

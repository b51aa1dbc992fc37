"""One bad file in a folder: a failed ingest writes nothing, and its one error line says what to do next; with
`--skip-invalid` (as `import` has it) the bad files and lines are skipped, each named, and the rest ingested. The
real console script on real files and real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

from annotator.store import Store

GOOD = "Ann met Bob in Paris on Monday."


def folder(tmp_path: Path) -> Path:
    txt = tmp_path / "txt"
    txt.mkdir()
    (txt / "a.txt").write_text(GOOD, encoding="utf-8")
    (txt / "b.txt").write_text("  \n\t\n", encoding="utf-8")  # white space only
    (txt / "c.txt").write_text("Carol flew to Oslo.", encoding="utf-8")
    return txt


def test_one_blank_file_stops_a_folder_ingest_writes_nothing_and_says_what_to_do(tmp_path: Path) -> None:
    txt = folder(tmp_path)
    db = tmp_path / "r.db"
    result = annotator("ingest", txt, "--no-suggest", "--db", db)
    assert one_error_line(result) == (
        f"{txt / 'b.txt'}:1: the file holds only white space (5 characters), nothing to annotate; nothing was "
        "ingested: remove the file or name the others, or add --skip-invalid to skip it and ingest the rest"
    )
    assert result.stdout == ""
    assert not db.exists()


def test_skip_invalid_names_the_skipped_file_and_ingests_the_others(tmp_path: Path) -> None:
    txt = folder(tmp_path)
    db = tmp_path / "r.db"
    result = annotator("ingest", txt, "--no-suggest", "--skip-invalid", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"2 article(s) added, 0 already stored, 0 suggestion(s) -> {db}\n"
        "skipped 1 file(s) or line(s) that hold no article:\n"
        f"  {txt / 'b.txt'}:1: the file holds only white space (5 characters), nothing to annotate\n"
    )
    with Store.open(db, read_only=True) as store:
        assert sorted(store.article(i).text for i in store.article_ids()) == [GOOD, "Carol flew to Oslo."]


def test_skip_invalid_skips_a_bad_jsonl_line_and_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    lines = tmp_path / "more.jsonl"
    lines.write_text(
        json.dumps({"id": "x1", "text": GOOD}) + "\n{not json\n" + json.dumps({"id": "x2", "text": " "}) + "\n",
        encoding="utf-8",
    )
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Jos\xe9 went to M\xe1laga.".encode("latin-1"))
    db = tmp_path / "r.db"

    stopped = annotator("ingest", lines, latin, "--no-suggest", "--db", db)  # a line's error says what to fix
    assert one_error_line(stopped) == f"{lines}:2: not valid JSON: expected a key in double quotes at column 2"
    assert not db.exists()

    result = annotator("ingest", lines, latin, "--no-suggest", "--skip-invalid", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout.splitlines()
    assert out[:2] == [
        f"1 article(s) added, 0 already stored, 0 suggestion(s) -> {db}",
        "skipped 3 file(s) or line(s) that hold no article:",
    ]
    assert [line.split(": ")[0] for line in out[2:]] == [f"  {lines}:2", f"  {lines}:3", f"  {latin}:1"]
    with Store.open(db, read_only=True) as store:
        assert store.article_ids() == ["x1"]


def test_a_single_blank_file_given_alone_is_not_told_to_skip_it(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("   ", encoding="utf-8")
    line = one_error_line(annotator("ingest", blank, "--no-suggest", "--db", tmp_path / "r.db"))
    assert "--skip-invalid" not in line and line.startswith(f"{blank}:1: the file holds only white space")

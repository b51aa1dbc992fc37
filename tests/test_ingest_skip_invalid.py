"""One bad file in a folder: a failed ingest writes nothing, and its one error line says what to do next; with
`--skip-invalid` (as `import` has it) the bad files and lines are skipped, each named, and the rest ingested. The
real console script on real files and real SQLite."""

from __future__ import annotations

import json
import os
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


def test_skip_invalid_skips_only_the_jsonl_lines_that_are_not_utf8(tmp_path: Path) -> None:
    """A newcomer's and an attacker's trial: one line of a JSONL file that was not UTF-8 made `--skip-invalid`
    skip the whole file (its good lines too). Each line is its own record: the bad ones are named (file, line,
    the byte escaped; an escape sequence after it never reaches the terminal), the good ones ingested. Without
    --skip-invalid the file is refused in one line, and nothing is written."""
    lines = tmp_path / "wire.jsonl"
    lines.write_bytes(
        b'{"id": "w1", "text": "Jos\xe9 went to M\xe1laga."}\n'  # Latin-1, on the first line
        + json.dumps({"id": "w2", "text": GOOD}).encode()
        + b'\n{"id": "w3", "text": "\xff\x1b]0;pwned\x07\x1b[2J"}\n'
        + json.dumps({"id": "w4", "text": "Carol flew to Oslo."}).encode()
        + b"\n"
    )
    latin = tmp_path / "latin.txt"
    latin.write_bytes("First line fine.\nJos\xe9 went to M\xe1laga.".encode("latin-1"))
    db = tmp_path / "r.db"

    stopped = annotator("ingest", lines, latin, "--no-suggest", "--db", db)
    assert one_error_line(stopped) == f"{lines}:1: not UTF-8 (byte 0xe9)"
    assert stopped.stdout == "" and not db.exists()

    result = annotator("ingest", lines, latin, "--no-suggest", "--skip-invalid", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert result.stdout == (
        f"2 article(s) added, 0 already stored, 0 suggestion(s) -> {db}\n"
        "skipped 3 file(s) or line(s) that hold no article:\n"
        f"  {lines}:1: not UTF-8 (byte 0xe9)\n"
        f"  {lines}:3: not UTF-8 (byte 0xff)\n"
        f"  {latin}:2: not UTF-8 (byte 0xe9)\n"
    )
    with Store.open(db, read_only=True) as store:
        assert store.article_ids() == ["w2", "w4"]


def test_import_skip_invalid_skips_a_line_that_is_not_utf8_too(tmp_path: Path) -> None:
    """The same JSONL reader: `import --skip-invalid` skips the one line that is not UTF-8 (it stopped the import)
    and imports the others; without it, the file is refused naming the line, and nothing is stored."""
    path = tmp_path / "doccano.jsonl"
    record = {"text": GOOD, "label": [[0, 3, "ACTOR"]], "annotator": "bob"}
    path.write_bytes(json.dumps(record).encode() + b'\n{"text": "caf\xe9", "label": []}\n')
    db = tmp_path / "r.db"
    assert annotator("ingest", path, "--no-suggest", "--skip-invalid", "--db", db).returncode == 0

    stopped = annotator("import", path, "--format", "doccano", "--db", db)
    assert one_error_line(stopped) == f"{path}:2: not UTF-8 (byte 0xe9)"
    result = annotator("import", path, "--format", "doccano", "--skip-invalid", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert f"  {path}:2: not UTF-8 (byte 0xe9)\n" in result.stdout
    with Store.open(db, read_only=True) as store:
        assert store.count("spans") == 1


def test_skip_invalid_names_a_binary_file_in_one_line_not_one_a_line(tmp_path: Path) -> None:
    """A file of no text at all named .jsonl (random bytes) under --skip-invalid: once its lines were each skipped
    alone, it filled the terminal (769 lines for 200 KB). No line of it is an article and some are not UTF-8:
    it is skipped whole, in one line naming its first line that is not UTF-8 and counting its lines."""
    noise = tmp_path / "noise.jsonl"
    noise.write_bytes(bytes(range(256)) * 8 + b"\n" + b"\x97\x00\x10" * 50 + b"\n{not json\n")
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "r.db"
    result = annotator("ingest", noise, good, "--no-suggest", "--skip-invalid", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == [
        "skipped 1 file(s) or line(s) that hold no article:",
        f"  {noise}:2: not UTF-8 (byte 0x80); none of its 11 line(s) holds an article: the whole file skipped",
    ]


def test_skip_invalid_with_nothing_left_to_ingest_creates_no_database(tmp_path: Path) -> None:
    """Every file given skipped: nothing is stored, and no empty database is left to be taken for an ingest (a
    newcomer's trial, 36: `import --skip-invalid` did the same)."""
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n", encoding="utf-8")
    db = tmp_path / "r.db"
    result = annotator("ingest", blank, "--no-suggest", "--skip-invalid", "--db", db)
    assert one_error_line(result) == (
        f"nothing ingested: every file or line given was skipped (listed above); {db} was not created"
    )
    assert result.stdout.splitlines() == [
        "skipped 1 file(s) or line(s) that hold no article:",
        f"  {blank}:1: the file holds only white space (3 characters), nothing to annotate",
    ]
    assert not db.exists()


def test_counts_in_the_thousands_are_written_as_the_other_figures_are(tmp_path: Path) -> None:
    """Written "22497 suggestion(s)" beside "2,665 words/s" (a newcomer's trial, 37, 15): counts are written with the
    thousands separated, as every other figure the commands print."""
    seed = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"text": f"Report {n}.\n{seed}"}) + "\n" for n in range(14)), "utf-8")
    db = tmp_path / "r.db"
    result = annotator("ingest", source, "--db", db)
    assert result.returncode == 0, result.stderr
    with Store.open(db, read_only=True) as store:
        count = store.count("suggestions")
    assert count >= 1000
    assert result.stdout.splitlines()[0] == f"14 article(s) added, 0 already stored, {count:,} suggestion(s) -> {db}"


def test_an_empty_file_ingests_nothing_and_creates_no_database(tmp_path: Path) -> None:
    """An empty JSONL file made an empty database and exit status 0 (a newcomer's re-trial, 37b, 3); it is now
    refused as an empty .txt file is, naming it (trial 40h: `tests/test_empty_jsonl_inputs.py`)."""
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "r.db"
    result = annotator("ingest", empty, "--no-suggest", "--db", db)
    assert one_error_line(result) == f"{empty}:1: the file is empty"
    assert not db.exists()


def test_skip_invalid_skips_a_fifo_in_a_folder_and_ingests_the_rest(tmp_path: Path) -> None:
    """Found by an attacker (trial 39a, 7): a FIFO named like an article inside a folder stopped the whole ingest
    even with --skip-invalid, which skips files that cannot be read. It is never opened (that would wait for
    ever): refused in one line without --skip-invalid, as a blank file is; skipped and named with it."""
    arts = tmp_path / "arts"
    arts.mkdir()
    (arts / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(arts / "pipe.txt")
    db = tmp_path / "t.db"

    stopped = annotator("ingest", "arts", "--no-suggest", "--db", db, cwd=tmp_path, timeout=60)
    assert one_error_line(stopped) == (
        "arts/pipe.txt: a FIFO (named pipe), not a regular file; nothing was ingested: remove the file or name the "
        "others, or add --skip-invalid to skip it and ingest the rest"
    )
    assert stopped.stdout == "" and not db.exists()
    os.mkfifo(arts / "pipe.jsonl")
    stopped = annotator("ingest", "arts", "--no-suggest", "--db", db, cwd=tmp_path, timeout=60)
    assert one_error_line(stopped) == (  # as pipe.txt: the file's error, with the way on (trial 40h, 2)
        "arts/pipe.jsonl: a FIFO (named pipe), not a regular file; nothing was ingested: remove the file or name the "
        "others, or add --skip-invalid to skip it and ingest the rest"
    )
    assert stopped.stdout == "" and not db.exists()

    result = annotator("ingest", "arts", "--no-suggest", "--skip-invalid", "--db", db, cwd=tmp_path, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"1 article(s) added, 0 already stored, 0 suggestion(s) -> {db}\n"
        "skipped 2 file(s) or line(s) that hold no article:\n"
        "  arts/pipe.jsonl: a FIFO (named pipe), not a regular file; the whole file skipped\n"
        "  arts/pipe.txt: a FIFO (named pipe), not a regular file\n"
    )
    with Store.open(db, read_only=True) as store:
        assert [store.article(i).text for i in store.article_ids()] == [GOOD]
    assert sorted(p.name for p in arts.iterdir()) == ["a.txt", "pipe.jsonl", "pipe.txt"]

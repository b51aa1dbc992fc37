"""A newcomer's finding (42x, 4): "article 'e6803…' is stored with a different text" did not say where the texts
differ; only a trailing newline did (the file was re-saved). Every line that refuses a changed text, in import
and ingest alike, now says where they first differ (the character, a short excerpt of each, control characters
escaped) or that only a trailing newline, or only white space at the end, differs (an import takes such a record
as one of the stored article, with a note that says so: trial s58 t16 F3). The real console script on real files,
real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

TEXT = "Mayor Ana Ruiz said the bridge in Riverton will open in May.\n"


def write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def ingested(tmp_path: Path) -> None:
    write(tmp_path / "news.jsonl", {"id": "e6803", "text": TEXT})
    result = annotator("ingest", "news.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def imported(tmp_path: Path, text: str) -> str:
    record = {"article_id": "e6803", "text": text, "annotator": "alice", "status": "done", "spans": []}
    write(tmp_path / "alice.jsonl", record)
    return one_error_line(annotator("import", "alice.jsonl", "--db", "x.db", cwd=tmp_path))


def noted(tmp_path: Path, text: str) -> list[str]:
    """An import of a text apart from the stored one only at its end is taken, with a note (trial s58 t16 F3)."""
    record = {"article_id": "e6803", "text": text, "annotator": "alice", "status": "done", "spans": []}
    write(tmp_path / "alice.jsonl", record)
    result = annotator("import", "alice.jsonl", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    return result.stdout.splitlines()[1:]


STORED_AS = (
    "note: alice.jsonl:1 is a record of article e6803 'Mayor Ana Ruiz said the bridge in Riverton will open in May.', "
    "stored with its text but for white space at its end ({}): the record is taken as one of that article"
)


def test_import_says_only_a_trailing_newline_differs(tmp_path: Path) -> None:
    ingested(tmp_path)
    assert noted(tmp_path, TEXT.rstrip("\n")) == [
        STORED_AS.format("only a trailing newline differs: the stored text has one more")
    ]


def test_import_says_only_white_space_at_the_end_differs(tmp_path: Path) -> None:
    ingested(tmp_path)
    assert noted(tmp_path, TEXT + " \t") == [STORED_AS.format("only white space at the end differs")]


def test_import_says_where_the_texts_first_differ_with_control_characters_escaped(tmp_path: Path) -> None:
    ingested(tmp_path)
    assert imported(tmp_path, TEXT.replace("Riverton", "River\x1bton")) == (
        "alice.jsonl:1: field 'text': article 'e6803' is stored with a different text (they first differ at "
        "character 40: the stored text has …'dge in Riverton will open in May.\\n' (its end), the record's "
        "…'dge in River\\x1bton will open in May.\\n' (its end))"
    )


def test_ingest_says_where_a_changed_text_differs(tmp_path: Path) -> None:
    ingested(tmp_path)
    write(tmp_path / "news.jsonl", {"id": "e6803", "text": TEXT.rstrip("\n")})
    result = annotator("ingest", "news.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "news.jsonl:1: field 'id': article id 'e6803' is stored with a different text (only a trailing newline "
        "differs: the stored text has one more; --changed-text new adds this one as a new article, --changed-text "
        "replace replaces the stored one if nobody has opened it)"
    )


def test_two_texts_under_one_id_in_one_input_say_where_they_differ(tmp_path: Path) -> None:
    write(
        tmp_path / "news.jsonl",
        {"id": "e6803", "text": TEXT},
        {"id": "e6803", "text": TEXT.replace("in May", "in June")},
    )
    result = annotator("ingest", "news.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "news.jsonl:2: field 'id': id 'e6803' is used for two different texts (they first differ at character 57: "
        "the first text has …'ill open in May.\\n' (its end), the second …'ill open in June.\\n' (its end))"
    )
    record = {"article_id": "e6803", "annotator": "alice", "status": "done", "spans": []}
    june = TEXT.replace("in May", "in June")  # one apart only at its end is that article's (trial s58 t17 F1)
    write(tmp_path / "two.jsonl", {**record, "text": TEXT}, {**record, "text": june, "annotator": "bob"})
    assert one_error_line(annotator("import", "two.jsonl", "--db", "y.db", cwd=tmp_path)) == (
        "two.jsonl:2: field 'text': article 'e6803' appears earlier with a different text (they first differ at "
        "character 57: the earlier text has …'ill open in May.\\n' (its end), the record's …'ill open in June.\\n' (its end))"
    )


def test_a_changed_txt_file_says_where(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    (tmp_path / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    result = annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert "(only a trailing newline differs: the file's text has one more; --changed-text replace" in one_error_line(
        result
    )


def test_evaluate_against_a_reference_file_says_where_its_text_differs(tmp_path: Path) -> None:
    ingested(tmp_path)
    record = {"article_id": "e6803", "text": TEXT.rstrip("\n"), "annotator": "gold", "status": "done", "spans": []}
    write(tmp_path / "gold.jsonl", record)
    result = annotator("evaluate", "--gold-from", "gold.jsonl", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "gold.jsonl:1: field 'text': article 'e6803' is stored with a different text (only a trailing newline "
        "differs: the stored text has one more)"
    )

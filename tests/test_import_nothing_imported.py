"""A file whose every record is left out when checked against the article's tokens (a Prodigy ner.teach file of
rejected guesses off our tokens; a Prodigy file of manual tasks all off the tokens, with --skip-invalid) ended
"0 record(s) imported" with exit status 0, and left a database behind: a script took it as applied. Nothing
imported is an error naming the file and what was left out, by reason, and the database is as it was. A file of
which some records are imported is not refused. The real console script, real files, real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

ACME = "Shares of Acmecorp rose today."
CSHARP = "We write C# daily."
FELL = "Acmecorp shares fell."
OFF_TOKENS = (
    "1 rejected or ignored suggestion(s) off the article's tokens: no one's span, no decision (never snapped: "
    "rejecting a part of a word is not rejecting the word)"
)


def _teach(text: str, start: int, end: int, answer: str, number: int) -> str:
    """A task as Prodigy's ner.teach writes it: one span guessed, answered as a whole."""
    span = {"start": start, "end": end, "text": text[start:end], "label": "ORG", "answer": answer}
    return json.dumps({"text": text, "spans": [span], "_input_hash": number, "_task_hash": number + 100,
                       "answer": answer})  # fmt: skip


def _manual(text: str, start: int, end: int) -> str:
    """A task as Prodigy's ner.manual writes it (no tokens kept: ours are spaCy's)."""
    span = {"start": start, "end": end, "label": "ORG"}
    return json.dumps({"text": text, "spans": [span], "answer": "accept", "_view_id": "ner_manual"})


def _import(folder: Path, lines: list[str], *options: str) -> tuple[int, str, str]:
    (folder / "tasks.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = annotator("import", "tasks.jsonl", "--format", "prodigy", "--annotator", "tom", "--label-map",
                       "ORG=ACTOR", "--db", "x.db", *options, cwd=folder)  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def test_a_file_of_rejected_guesses_off_the_tokens_imports_nothing_and_says_so(tmp_path: Path) -> None:
    code, out, err = _import(tmp_path, [_teach(ACME, 10, 14, "reject", 1)])
    assert (code, out.splitlines()) == (1, [f"left out: {OFF_TOKENS}"])
    assert err == (
        f"annotator: error: nothing imported: every record of tasks.jsonl was left out ({OFF_TOKENS}; listed "
        "above); x.db was not created\n"
    )
    assert not (tmp_path / "x.db").exists()


def test_an_existing_database_is_left_byte_for_byte(tmp_path: Path) -> None:
    assert _import(tmp_path, [_teach(CSHARP, 9, 11, "accept", 1)])[0] == 0
    before = (tmp_path / "x.db").read_bytes()
    code, _, err = _import(tmp_path, [_teach(ACME, 10, 14, "reject", 2)])
    assert (code, err) == (
        1,
        f"annotator: error: nothing imported: every record of tasks.jsonl was left out ({OFF_TOKENS}; listed "
        "above); x.db is left as it was\n",
    )
    assert (tmp_path / "x.db").read_bytes() == before


def test_every_record_skipped_at_the_tokens_with_skip_invalid_imports_nothing(tmp_path: Path) -> None:
    lines = [_manual(ACME, 10, 14), _teach(FELL, 0, 4, "reject", 2)]
    code, out, err = _import(tmp_path, lines, "--skip-invalid")
    assert (code, out.splitlines()) == (
        1,
        [
            "skipped 1 record(s):",
            "  tasks.jsonl:1: field 'spans[0]': span 10:14 'Acme' does not fall on token boundaries (--snap moves it)",
            f"left out: {OFF_TOKENS}",
        ],
    )
    assert err == (
        "annotator: error: nothing imported: every record of tasks.jsonl was skipped or left out (1 record(s) "
        f"skipped; {OFF_TOKENS}; listed above); x.db was not created\n"
    )
    assert not (tmp_path / "x.db").exists()


def test_a_file_of_which_some_records_are_imported_is_not_refused(tmp_path: Path) -> None:
    code, out, err = _import(tmp_path, [_teach(ACME, 10, 14, "reject", 1), _teach(CSHARP, 9, 11, "accept", 2)])
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s), 1 decision(s) on suggestions) -> x.db",
        f"left out: {OFF_TOKENS}",
    ]


def test_a_file_already_imported_is_unchanged_not_refused(tmp_path: Path) -> None:
    lines = [_teach(ACME, 10, 14, "reject", 1), _teach(CSHARP, 9, 11, "accept", 2)]
    assert _import(tmp_path, lines)[0] == 0
    code, out, err = _import(tmp_path, lines)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "0 record(s) imported (0 new article(s)); 1 unchanged -> x.db"

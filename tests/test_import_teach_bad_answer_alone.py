"""A re-trial: `import --skip-invalid` of ner.teach answers about one text, one of them accepting a span off the
tokens (`Acme` inside `Acmecorp`), skipped the whole text and listed the first task's line (the valid one), while
the error without --skip-invalid named the bad task's line. The bad answer is skipped alone, at its own line. The
real console script, a real file, a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from real_files import count

TEXT = "Acmecorp hired Tom Baker last week."


def _task(start: int, end: int, label: str, answer: str, number: int) -> str:
    span = {"start": start, "end": end, "text": TEXT[start:end], "label": label, "answer": answer}
    return json.dumps({"text": TEXT, "spans": [span], "_input_hash": 7, "_task_hash": number, "answer": answer})


def _import(folder: Path, lines: list[str], *options: str) -> tuple[int, str, str]:
    (folder / "mix.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = annotator("import", "mix.jsonl", "--format", "prodigy", "--label-map", "PERSON=ACTOR,ORG=ACTOR",
                       "--annotator", "bob", "--db", "m.db", *options, cwd=folder)  # fmt: skip
    return result.returncode, result.stdout, result.stderr


ACME_REFUSED = "mix.jsonl:2: field 'spans[0]': span 0:4 'Acme' does not fall on token boundaries (--snap moves it)"


def test_the_error_names_the_bad_task(tmp_path: Path) -> None:
    lines = [_task(15, 24, "PERSON", "accept", 1), _task(0, 4, "ORG", "accept", 2)]
    assert _import(tmp_path, lines) == (1, "", f"annotator: error: {ACME_REFUSED}\n")


def test_skip_invalid_skips_the_bad_task_alone_at_its_line(tmp_path: Path) -> None:
    lines = [_task(15, 24, "PERSON", "accept", 1), _task(0, 4, "ORG", "accept", 2)]
    code, out, err = _import(tmp_path, lines, "--skip-invalid")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s), 1 decision(s) on suggestions) -> m.db",
        "skipped 1 record(s):",
        f"  {ACME_REFUSED}",
    ]
    assert count(tmp_path / "m.db", "SELECT count(*) FROM spans WHERE text = 'Tom Baker'") == 1
    assert count(tmp_path / "m.db", "SELECT count(*) FROM spans") == 1


def test_a_reject_then_an_accept_of_the_same_span_is_skipped_at_the_accept(tmp_path: Path) -> None:
    lines = [_task(0, 4, "ORG", "reject", 1), _task(0, 4, "ORG", "accept", 2)]
    assert _import(tmp_path, lines) == (1, "", f"annotator: error: {ACME_REFUSED}\n")
    code, out, err = _import(tmp_path, lines, "--skip-invalid")
    off = (
        "1 rejected or ignored suggestion(s) off the article's tokens: no one's span, no decision (never snapped: "
        "rejecting a part of a word is not rejecting the word)"
    )
    assert out.splitlines() == ["skipped 1 record(s):", f"  {ACME_REFUSED}", f"left out: {off}"]
    assert (code, err) == (  # nothing imported is an error (was "0 record(s) imported", exit 0, an empty m.db)
        1,
        f"annotator: error: nothing imported: every record of mix.jsonl was skipped or left out (1 record(s) "
        f"skipped; {off}; listed above); m.db was not created\n",
    )
    assert not (tmp_path / "m.db").exists()


def test_with_snap_the_accepted_span_still_moves_to_its_token(tmp_path: Path) -> None:
    lines = [_task(15, 24, "PERSON", "accept", 1), _task(0, 4, "ORG", "accept", 2)]
    code, out, err = _import(tmp_path, lines, "--snap", "--skip-invalid")
    assert (code, err, out) == (
        0,
        "",
        "1 record(s) imported (1 new article(s), 1 span(s) snapped to token boundaries, 2 decision(s) on "
        "suggestions) -> m.db\n",
    )
    assert count(tmp_path / "m.db", "SELECT count(*) FROM spans WHERE text IN ('Acmecorp', 'Tom Baker')") == 2

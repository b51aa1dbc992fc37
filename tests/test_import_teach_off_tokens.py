"""A re-trial (trial 11): ner.teach answers whose span is off our tokens. An accepted `.NET` (trimmed by --snap to
`NET`, which is no token) or `Acme` inside `Acmecorp` failed with an error naming no file or line, which
--skip-invalid could not skip, so the whole file was refused; a rejected `Acme` was refused at `questions[0]`, a
field the file does not have, and --snap stored it as a rejected `Acmecorp`, a decision nobody made. The real
console script, real files, a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from real_files import count

NET = "They ported it to .NET today."
ACME = "Shares of Acmecorp rose today."
CSHARP = "We write C# daily."


def _task(text: str, start: int, end: int, answer: str, number: int) -> str:
    span = {"start": start, "end": end, "text": text[start:end], "label": "ORG", "answer": answer}
    return json.dumps({"text": text, "spans": [span], "_input_hash": number, "_task_hash": number + 100,
                       "answer": answer})  # fmt: skip


def _import(folder: Path, lines: list[str], *options: str) -> tuple[int, str, str]:
    (folder / "teach.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = annotator("import", "teach.jsonl", "--format", "prodigy", "--annotator", "tom", "--label-map",
                       "ORG=ACTOR", "--db", "x.db", *options, cwd=folder)  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def test_an_accepted_span_snap_cannot_trim_is_skipped_with_its_line(tmp_path: Path) -> None:
    lines = [_task(CSHARP, 9, 11, "accept", 1), _task(NET, 18, 22, "accept", 2)]
    code, out, err = _import(tmp_path, lines, "--snap", "--skip-invalid")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s), 0 span(s) snapped to token boundaries, 1 decision(s) on "
        "suggestions) -> x.db",
        "skipped 1 record(s):",
        "  teach.jsonl:2: field 'spans[0].start': span 18:22 '.NET': an ACTOR span may not start with punctuation "
        "('.') (its token is '.NET': --snap cannot trim it)",
    ]


def test_no_snap_is_promised_where_the_token_keeps_the_sign(tmp_path: Path) -> None:
    code, _, err = _import(tmp_path, [_task(NET, 18, 22, "accept", 1)])
    assert (code, err) == (
        1,
        "annotator: error: teach.jsonl:1: field 'spans[0].start': span 18:22 '.NET': an ACTOR span may not start "
        "with punctuation ('.') (its token is '.NET': --snap cannot trim it)\n",
    )


def test_an_accepted_span_inside_a_token_is_refused_at_its_line_and_field(tmp_path: Path) -> None:
    lines = [_task(CSHARP, 9, 11, "reject", 1), _task(ACME, 10, 14, "accept", 2)]
    code, _, err = _import(tmp_path, lines)
    assert (code, err) == (
        1,
        "annotator: error: teach.jsonl:2: field 'spans[0]': span 10:14 'Acme' does not fall on token boundaries "
        "(--snap moves it)\n",
    )


def test_a_rejected_span_off_the_tokens_is_left_out_and_counted_never_snapped(tmp_path: Path) -> None:
    lines = [_task(ACME, 10, 14, "reject", 1), _task(CSHARP, 9, 11, "accept", 2)]
    code, out, err = _import(tmp_path, lines, "--snap")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s), 0 span(s) snapped to token boundaries, 1 decision(s) on "
        "suggestions) -> x.db",
        "left out: 1 rejected or ignored suggestion(s) off the article's tokens: no one's span, no decision (never "
        "snapped: rejecting a part of a word is not rejecting the word)",
    ]
    assert count(tmp_path / "x.db", "SELECT count(*) FROM suggestions") == 1

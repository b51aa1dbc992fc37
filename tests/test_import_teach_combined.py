"""Prodigy ner.teach answers about one text are combined into one record; errors found on it named only the text's
first task's line (an accepted `Acme` and `corp` of `Acmecorp`, both snapped onto `Acmecorp`, were refused at the
line of an unrelated, valid task), or a task's own tokens were never looked at (a later task on the same text with
other tokens), and a task without tokens was checked on spaCy's tokens although its article stores the tokens
another task gives the text. Every line involved is named, in one line; a task without tokens is checked on the
tokens its article stores. The real console script, real files as Prodigy writes them, real SQLite files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from processes import annotator
from real_files import annotations

from annotator.store import Store

ACME = "Acmecorp hired Tom Baker last week."
PARIS = "Tom Baker met them in Paris."


def _tokens(text: str, pattern: str) -> list[dict[str, object]]:
    """Tokens as Prodigy stores them (`ws`: a space follows), cut by `pattern`."""
    found = list(re.finditer(pattern, text))
    return [
        {"text": m.group(), "start": m.start(), "end": m.end(), "id": i, "ws": text[m.end() : m.end() + 1] == " "}
        for i, m in enumerate(found)
    ]


WORDS = r"\w+|[^\w\s]"  # spaCy's cut of these texts: 'Paris' '.'
BLANKS = r"\S+"  # a tokenizer cutting at white space only: 'Paris.'
PIECES = r"Acme|corp|\w+|[^\w\s]"  # one cutting 'Acmecorp' in two


def _task(text: str, start: int, end: int, label: str, number: int, tokens: str | None = None) -> str:
    span = {"start": start, "end": end, "text": text[start:end], "label": label, "answer": "accept"}
    task: dict[str, object] = {"text": text, "spans": [span], "_input_hash": 7, "_task_hash": number,
                               "answer": "accept"}  # fmt: skip
    if tokens is not None:
        task["tokens"] = _tokens(text, tokens)
    return json.dumps(task)


def _import(folder: Path, lines: list[str], *options: str) -> tuple[int, str, str]:
    (folder / "teach.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = annotator("import", "teach.jsonl", "--format", "prodigy", "--label-map", "PERSON=ACTOR,ORG=ACTOR,GPE=LOCATION",
                       "--annotator", "bob", "--db", "x.db", *options, cwd=folder)  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def test_spans_snapped_onto_one_token_name_both_tasks_not_the_first(tmp_path: Path) -> None:
    lines = [_task(ACME, 15, 24, "PERSON", 1), _task(ACME, 0, 4, "ORG", 2), _task(ACME, 4, 8, "ORG", 3)]
    refused = (
        "teach.jsonl:3: field 'spans[0]': after snapping to tokens: entity spans 0:8 and 0:8 overlap (the answers "
        "at teach.jsonl:2 and teach.jsonl:3)"
    )
    assert _import(tmp_path, lines, "--snap") == (1, "", f"annotator: error: {refused}\n")
    assert not (tmp_path / "x.db").exists()


def test_accepted_spans_overlapping_across_tasks_name_both_lines(tmp_path: Path) -> None:
    lines = [_task(PARIS, 0, 9, "PERSON", 1), _task(PARIS, 22, 27, "GPE", 2), _task(PARIS, 4, 9, "PERSON", 3)]
    assert _import(tmp_path, lines) == (
        1,
        "",
        "annotator: error: teach.jsonl:3: field 'spans[0]': accepted span 4:9 overlaps the accepted span 0:9 at "
        "teach.jsonl:1: one of them must go\n",
    )


def test_tasks_on_one_text_with_other_tokens_are_refused_naming_both(tmp_path: Path) -> None:
    lines = [_task(PARIS, 0, 9, "PERSON", 1, BLANKS), _task(PARIS, 22, 27, "GPE", 2, WORDS)]
    assert _import(tmp_path, lines) == (
        1,
        "",
        "annotator: error: teach.jsonl:2: field 'tokens': they differ from the tokens teach.jsonl:1 gives the same "
        "text (22:27 'Paris' here, 22:28 'Paris.' there): its article stores one tokenization\n",
    )
    code, out, err = _import(tmp_path, lines, "--skip-invalid")  # the other task's answer stands alone
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "1 record(s) imported (1 new article(s), 1 decision(s) on suggestions) -> x.db"
    assert annotations(tmp_path / "x.db") == [(PARIS, "bob", "in_progress", [("ACTOR", "Tom Baker", None)])]


def test_a_task_without_tokens_is_checked_on_the_tokens_another_task_gives(tmp_path: Path) -> None:
    lines = [_task(ACME, 0, 4, "ORG", 1), _task(ACME, 15, 24, "PERSON", 2, PIECES)]
    code, out, err = _import(tmp_path, lines)  # 'Acme' is no token of spaCy's, but one of those stored
    assert (code, err) == (0, "")
    assert out == "1 record(s) imported (1 new article(s), 2 decision(s) on suggestions) -> x.db\n"
    assert annotations(tmp_path / "x.db") == [
        (ACME[:30], "bob", "in_progress", [("ACTOR", "Acme", None), ("ACTOR", "Tom Baker", None)])
    ]
    with Store.open(tmp_path / "x.db", read_only=True) as store:  # the tokens the task gave
        [article] = store.article_ids()
        assert [ACME[t.start : t.end] for t in store.tokens(article)][:3] == ["Acme", "corp", "hired"]


def test_a_task_without_tokens_off_those_stored_names_the_task_giving_them(tmp_path: Path) -> None:
    lines = [_task(PARIS, 22, 27, "GPE", 1), _task(PARIS, 0, 9, "PERSON", 2, BLANKS)]
    assert _import(tmp_path, lines) == (  # 'Paris' is a token of spaCy's, not of the tokens its article stores
        1,
        "",
        "annotator: error: teach.jsonl:1: field 'spans[0]': span 22:27 'Paris' does not fall on token boundaries "
        "(those teach.jsonl:2 gives the text, which its article stores; --snap moves it)\n",
    )

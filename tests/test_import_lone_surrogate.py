"""A newcomer's trial: a lone surrogate escape in a task's text ("\\ud800": half a character, which JSON allows and
UTF-8 has no form for) made `import --format prodigy`, `doccano` and `labelstudio` end on a Python traceback
(hashing the text for its id), `--skip-invalid` too. It is one line naming file, record and field, as `ingest` and
the native import say it; with `--skip-invalid` the record is listed and the rest imported. The real console
script on real files; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

PROBLEM = "text has a lone surrogate at character 1 (\\ud800 to \\udfff, half of a character), which is not valid text"
BAD = '"\\ud800 x"'  # as the file holds it: a JSON escape
GOOD = '"Ann met Bob in Paris."'


def tasks(fmt: str, text: str) -> str:
    if fmt == "labelstudio":
        return f'{{"id": 1, "data": {{"text": {text}}}, "annotations": [{{"completed_by": 1, "result": []}}]}}'
    return (
        f'{{"text": {text}, "label": [[0, 3, "ACTOR"]]}}'
        if fmt == "doccano"
        else f'{{"text": {text}, "answer": "accept"}}'
    )


CASES = [("prodigy", "t.jsonl", "t.jsonl:1: field 'text'"), ("doccano", "t.jsonl", "t.jsonl:1: field 'text'"),
         ("labelstudio", "t.json", "t.json:1: record 1: field 'data.text'")]  # fmt: skip


@pytest.mark.parametrize(("fmt", "name", "where"), CASES, ids=[case[0] for case in CASES])
def test_a_lone_surrogate_in_a_tasks_text_is_one_line_naming_its_field(
    tmp_path: Path, fmt: str, name: str, where: str
) -> None:
    path = tmp_path / name
    path.write_text(f"[{tasks(fmt, BAD)}]" if fmt == "labelstudio" else tasks(fmt, BAD) + "\n", encoding="utf-8")
    done = annotator("import", name, "--format", fmt, "--annotator", "bob", "--db", "x.db", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"annotator: error: {where}: {PROBLEM}\n")
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize(("fmt", "name", "where"), CASES[:2], ids=[case[0] for case in CASES[:2]])
def test_skip_invalid_lists_the_record_and_imports_the_rest(tmp_path: Path, fmt: str, name: str, where: str) -> None:
    (tmp_path / name).write_text(f"{tasks(fmt, BAD)}\n{tasks(fmt, GOOD)}\n", encoding="utf-8")
    done = annotator(
        "import", name, "--format", fmt, "--annotator", "bob", "--db", "x.db", "--skip-invalid", cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout.splitlines()[1:] == ["skipped 1 record(s):", f"  {where}: {PROBLEM}"]
    assert done.stdout.splitlines()[0].startswith("1 record(s) imported (1 new article(s))")

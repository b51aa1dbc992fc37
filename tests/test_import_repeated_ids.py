"""An attacker's finding (attack 30, r1): a doccano-relations entity id or a Label Studio region id given to two
different spans imported without a word: the spans were kept by id, so the second replaced the first (a span lost)
and a relation naming the id re-pointed a quote's speaker. A repeated id is now one line naming the file, the line
(or record), the field and the id; the same span repeated under its id (Label Studio repeats a region for every
control that labels it) is kept once and counted. Real exports of ours, changed as another tool's file would be."""

from __future__ import annotations

import json
from pathlib import Path

from attack_support import made, native_spans, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line


def test_a_doccano_relations_entity_id_given_twice_is_one_line(work: Path) -> None:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "doccano-relations", "--db", "base.db", "-o", "dr.jsonl",
       cwd=work)  # fmt: skip
    record = json.loads((work / "dr.jsonl").read_text("utf-8").splitlines()[0])
    record["annotator"] = "zed"
    first = record["entities"][0]["id"]
    record["entities"][4]["id"] = first  # 'workers' gets John Smith's entity id
    (work / "dup.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    result = annotator("import", "dup.jsonl", "--format", "doccano-relations", "--db", "empty.db", cwd=work)
    assert one_error_line(result) == (
        f"dup.jsonl:1: field 'entities[4].id': the id {first!r} is already the id of entities[0], another span: each "
        "span needs an id of its own"
    )
    assert rows(work / "empty.db", "SELECT * FROM annotations") == []


def label_studio(work: Path) -> list[dict]:  # noqa: F811
    ok("export", "--annotator", "alice", "--format", "labelstudio", "--db", "base.db", "-o", "ls.json", cwd=work)
    tasks = json.loads((work / "ls.json").read_text("utf-8"))
    tasks[0]["meta"]["annotator"] = "yan"
    return tasks


def test_a_label_studio_region_id_given_to_another_region_is_one_line(work: Path) -> None:  # noqa: F811
    tasks = label_studio(work)
    result = tasks[0]["annotations"][0]["result"]
    first = result[0]["id"]
    result[4]["id"] = first  # 'workers' reuses John Smith's region id
    (work / "lsdup.json").write_text(json.dumps(tasks[:1]), "utf-8")
    result = annotator("import", "lsdup.json", "--format", "labelstudio", "--db", "empty.db", cwd=work)
    assert one_error_line(result) == (
        f"lsdup.json:1: record 1: field 'annotations[0].result[4].id': the id {first!r} is already the id of "
        "annotations[0].result[0], another span: each span needs an id of its own"
    )
    assert rows(work / "empty.db", "SELECT * FROM annotations") == []


def test_a_label_studio_region_repeated_as_it_was_is_kept_once(work: Path) -> None:  # noqa: F811
    tasks = label_studio(work)
    result = tasks[0]["annotations"][0]["result"]
    result.append(dict(result[0]))  # the same region again, as a second control labelling it writes it
    (work / "lsrep.json").write_text(json.dumps(tasks[:1]), "utf-8")
    out = ok("import", "lsrep.json", "--format", "labelstudio", "--db", "empty.db", cwd=work)
    assert "1 repeated span(s) (kept once)" in out
    assert native_spans(work, work / "empty.db", "yan") == native_spans(work, work / "base.db", "alice")

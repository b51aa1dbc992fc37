"""A gold export read by label-studio-sdk's Converter as it stands, the way docs/formats.md says it is read:

    annotator export --gold --format labelstudio -o gold.labelstudio --config labels.xml
    Converter(config=labels.xml, project_dir=".").convert("gold.labelstudio", out, "JSON_MIN", is_dir=False)

The converter reads a server's export, whose every task has its integer `id` (`get_data`: `task["id"]`): a file
without them ended in `KeyError: 'id'` for every format. Our tasks carry 1, 2, ... in the file's order, as a
fresh project numbers them on import. The SDK runs in its own environment, as in test_interop_labelstudio_sdk.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from real_files import annotations, run
from test_interop_labelstudio_sdk import read_by_sdk

ZOE = 'Mayor Zoë Ortiz said: "Ålesund will rebuild the pier by May." 🎉 About 2,000 people cheered.'
BOATS = "Officials in Port Maren counted 14 boats."
NOTHING = "Nothing in this note is worth a label."
#: (article id, text, [(label, part)]): the quote's speaker is the ACTOR; offsets past the emoji count it once.
GOLD = [
    ("g-zoe", ZOE, [("ACTOR", "Zoë Ortiz"), ("LOCATION", "Ålesund"), ("QUOTE", "Ålesund will rebuild the pier by May."),
                    ("FIGURE", "2,000 people")]),
    ("g-boats", BOATS, [("LOCATION", "Port Maren"), ("FIGURE", "14 boats")]),
    ("g-nothing", NOTHING, []),
]  # fmt: skip


def spans(text: str, parts: list[tuple[str, str]]) -> list[dict[str, Any]]:
    found = [{"start": text.index(p), "end": text.index(p) + len(p), "label": label, "text": p} for label, p in parts]
    actor = next((s for s in found if s["label"] == "ACTOR"), None)
    for span in found:
        if span["label"] == "QUOTE" and actor is not None:
            span["speaker"] = {"start": actor["start"], "end": actor["end"]}
    return found


def article_ids(db: Path) -> list[tuple[str, str]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT id, text FROM articles ORDER BY rowid").fetchall()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three gold articles (one with nothing to label), exported with the CLI as the bug report did."""
    folder = tmp_path_factory.mktemp("labelstudio-converter")
    records = folder / "gold.jsonl"
    lines = [
        {"article_id": article_id, "text": text, "title": f"Title of {article_id}", "meta": {"desk": "city"},
         "annotator": "gold", "status": "done", "spans": spans(text, parts)}
        for article_id, text, parts in GOLD
    ]  # fmt: skip
    records.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    db, out, config = folder / "gold.db", folder / "gold.labelstudio", folder / "labels.xml"
    assert run("import", records, "--db", db)[0] == 0
    said = run("export", "--db", db, "--gold", "--format", "labelstudio", "-o", out, "--config", config)
    assert said == (0, f"3 record(s) -> {out}; Label Studio labelling config -> {config}\n", "")
    return {"db": db, "gold": out, "config": config, "folder": folder}


@pytest.fixture(scope="module")
def converted(gold: dict[str, Path]) -> dict[str, Any]:
    return read_by_sdk(gold["config"], {"gold": gold["gold"]})["files"]["gold"]


def test_each_task_has_an_integer_id_one_to_n_in_the_files_order(gold: dict[str, Path]) -> None:
    tasks = json.loads(gold["gold"].read_text(encoding="utf-8"))
    assert [(t["id"], t["data"]["article_id"]) for t in tasks] == [(1, "g-zoe"), (2, "g-boats"), (3, "g-nothing")]
    assert [next(iter(t)) for t in tasks] == ["id"] * 3  # first, as a server's export has it
    assert {type(t["id"]) for t in tasks} == {int}  # a JSON integer, as Label Studio's, never 1.0 or "1"


def test_the_sdk_validates_every_gold_annotation_and_offers_the_text_formats(converted: dict[str, Any]) -> None:
    valid = {"valid": True, "errors": []}
    assert converted["tasks"] == [{"missing_data": [], "annotations": [valid], "predictions": []}] * 3
    assert converted["supported"] == ["CONLL2003", "CSV", "CSV_OLD", "JSON", "JSON_MIN", "TSV"]


def test_the_converter_writes_json_min_with_our_labels_text_and_offsets(converted: dict[str, Any]) -> None:
    def region(text: str, label: str, part: str) -> dict[str, Any]:
        return {"start": text.index(part), "end": text.index(part) + len(part), "text": part, "labels": [label]}

    common = {"annotator": None, "annotation_id": None, "created_at": None, "updated_at": None, "lead_time": None}
    meta = {"meta": {"desk": "city"}}
    assert converted["JSON_MIN"] == [
        {"text": ZOE, "article_id": "g-zoe", "title": "Title of g-zoe", **meta, "id": 1,
         "label": [region(ZOE, "ACTOR", "Zoë Ortiz"), region(ZOE, "LOCATION", "Ålesund"),
                   region(ZOE, "QUOTE", "Ålesund will rebuild the pier by May."),
                   region(ZOE, "FIGURE", "2,000 people")], **common},
        {"text": BOATS, "article_id": "g-boats", "title": "Title of g-boats", **meta, "id": 2,
         "label": [region(BOATS, "LOCATION", "Port Maren"), region(BOATS, "FIGURE", "14 boats")], **common},
        {"text": NOTHING, "article_id": "g-nothing", "title": "Title of g-nothing", **meta, "id": 3, **common},
    ]  # fmt: skip
    offsets = [(s["start"], s["end"]) for s in converted["JSON_MIN"][0]["label"]]
    assert offsets == [(6, 15), (23, 30), (23, 60), (70, 82)]  # code points: the emoji before 2,000 counts one


def test_the_converter_tags_our_spans_in_conll2003(converted: dict[str, Any]) -> None:
    """One block per task, on the converter's own tokens; the quote opens on the LOCATION at its start (the
    converter cannot nest), and the emoji's place does not move the spans after it."""
    blocks = converted["CONLL2003"].split("\n\n")
    assert blocks[0].splitlines()[0] == "-DOCSTART- -X- O" and blocks[-1] == ""
    tagged = [[tuple(line.split(" -X- _ ")) for line in block.splitlines() if " -X- _ " in line] for block in blocks]
    assert tagged[:-1] == [
        [("Mayor", "O"), ("Zoë", "B-ACTOR"), ("Ortiz", "I-ACTOR"), ("said", "O"), (":", "O"), ('"', "O"),
         ("Ålesund", "B-LOCATION"), ("will", "B-QUOTE"), ("rebuild", "I-QUOTE"), ("the", "I-QUOTE"),
         ("pier", "I-QUOTE"), ("by", "I-QUOTE"), ("May.", "I-QUOTE"), ('"', "O"), ("🎉", "O"), ("About", "O"),
         ("2,000", "B-FIGURE"), ("people", "I-FIGURE"), ("cheered", "O"), (".", "O")],
        [("Officials", "O"), ("in", "O"), ("Port", "B-LOCATION"), ("Maren", "I-LOCATION"), ("counted", "O"),
         ("14", "B-FIGURE"), ("boats", "I-FIGURE"), (".", "O")],
        [("Nothing", "O"), ("in", "O"), ("this", "O"), ("note", "O"), ("is", "O"), ("worth", "O"), ("a", "O"),
         ("label", "O"), (".", "O")],
    ]  # fmt: skip


@pytest.mark.parametrize("kind, separator", [("CSV", ","), ("TSV", "\t")])
def test_the_converter_writes_csv_and_tsv_rows_of_our_labels(
    converted: dict[str, Any], kind: str, separator: str
) -> None:
    rows = list(csv.DictReader(io.StringIO(converted[kind], newline=""), delimiter=separator))
    assert [(r["id"], r["article_id"], r["title"], r["text"], r["meta"]) for r in rows] == [
        ("1", "g-zoe", "Title of g-zoe", ZOE, '{"desk":"city"}'),
        ("2", "g-boats", "Title of g-boats", BOATS, '{"desk":"city"}'),
        ("3", "g-nothing", "Title of g-nothing", NOTHING, '{"desk":"city"}'),
    ]
    labels = [[(s["start"], s["end"], s["text"], s["labels"]) for s in json.loads(r["label"] or "[]")] for r in rows]
    assert labels == [
        [(6, 15, "Zoë Ortiz", ["ACTOR"]), (23, 30, "Ålesund", ["LOCATION"]),
         (23, 60, "Ålesund will rebuild the pier by May.", ["QUOTE"]), (70, 82, "2,000 people", ["FIGURE"])],
        [(13, 23, "Port Maren", ["LOCATION"]), (32, 40, "14 boats", ["FIGURE"])],
        [],
    ]  # fmt: skip


def test_our_import_reads_the_export_back_on_our_article_ids_not_the_task_ids(gold: dict[str, Path]) -> None:
    """The task `id` is the task's number in the file: import finds each article by its `data.article_id`."""
    again = gold["folder"] / "again.db"
    code, _, err = run("import", gold["gold"], "--format", "labelstudio", "--db", again)
    assert (code, err) == (0, "")
    assert annotations(again) == annotations(gold["db"])
    assert article_ids(again) == [("g-zoe", ZOE), ("g-boats", BOATS), ("g-nothing", NOTHING)]


def test_the_converters_json_min_imports_back_on_our_article_ids(
    gold: dict[str, Path], converted: dict[str, Any]
) -> None:
    """JSON_MIN names nobody (no `completed_by`) and has no relations: --annotator says whose, speakers stay out,
    and the record with no labels is a task nobody annotated. The `id` beside the data is not an article's."""
    records, again = gold["folder"] / "min.json", gold["folder"] / "min.db"
    records.write_text(json.dumps(converted["JSON_MIN"], ensure_ascii=False), encoding="utf-8")
    said = run("import", records, "--format", "labelstudio", "--annotator", "carol", "--db", again)
    assert said == (
        0,
        f"2 record(s) imported (2 new article(s)) -> {again}\nleft out: 1 task(s) without an annotation\n"
        "left out: 1 quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export keeps them)\n"
        "note: 2 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status\n"
        f"note: the 1 task(s) without an annotation: task 3 ({records}:1 record 3); ingest does not read Label "
        "Studio's JSON_MIN: its JSON export of the project is a task file `annotator ingest FILE` stores their texts "
        "from\n",
        "",
    )
    assert article_ids(again) == [("g-zoe", ZOE), ("g-boats", BOATS)]
    assert annotations(again) == [
        (ZOE[:30], "carol", "done", [("ACTOR", "Zoë Ortiz", None), ("LOCATION", "Ålesund", None),
                                     ("QUOTE", "Ålesund will rebuild the pier by May.", None),
                                     ("FIGURE", "2,000 people", None)]),
        (BOATS[:30], "carol", "done", [("LOCATION", "Port Maren", None), ("FIGURE", "14 boats", None)]),
    ]  # fmt: skip

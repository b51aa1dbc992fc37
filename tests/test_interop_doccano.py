"""doccano: its sample files (fixtures/real/doccano), and doccano 1.8.4's own export of our file
(`doccano184_our_export_back.jsonl`, made by benchmarks/interop.py with doccano's import and export code)."""

from __future__ import annotations

import json
from pathlib import Path

from exchange_support import add, build
from real_files import REAL, annotations, run

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize

DOCCANO = REAL / "doccano"
NOTE = (
    'note: 1 record(s) with overlapping spans (entities inside quotes): turn on "Allow overlapping entity" in '
    "the doccano project before importing, or doccano drops them without a word; --labels ACTOR,LOCATION,FIGURE "
    "exports the entities alone\n"
)


def test_an_export_with_entities_inside_quotes_says_what_doccano_will_do(tmp_path: Path) -> None:
    """Without "Allow overlapping entity", doccano's import keeps the first of two overlapping spans and drops
    the other silently (and with relations to it, fails part-way): the export says so, and offers the entities
    alone."""
    db = tmp_path / "a.db"
    with build(db) as store:
        [small, _] = store.article_ids()
        start = store.article_text(small).index("talks")
        store.add_span(small, "alice", start, start + 5, "ACTOR")  # an entity inside alice's quote
    speakers = (
        "note: 1 speaker link(s) left out: doccano's plain shape has no relations (--format doccano-relations keeps "
        "them)\n"
    )  # said, not lost without a word (a newcomer's trial, 36)
    flagged = "note: 1 flagged record(s) left out (--status all takes every status)\n"  # the build's flagged one
    for name, notes in (("doccano", NOTE + speakers + flagged), ("doccano-relations", NOTE + flagged)):
        out = tmp_path / f"{name}.jsonl"
        code, said, err = run("export", "--db", db, "--annotator", "alice", "--format", name, "-o", out)
        assert (code, said, err) == (0, f"1 record(s) -> {out}\n", notes)
    out = tmp_path / "entities.jsonl"
    code, _, err = run("export", "--db", db, "--annotator", "alice", "--format", "doccano", "--labels",
                       "ACTOR,LOCATION,FIGURE", "-o", out)  # fmt: skip
    assert (code, err) == (0, flagged)
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [label for _, _, label in record["label"]] == ["ACTOR", "ACTOR", "FIGURE", "LOCATION", "LOCATION"]


def doccano_keeps(entities: list[dict]) -> list[int]:
    """The ids a doccano 1.8.4 project without "Allow overlapping entity" keeps (its import's span cleaning, as
    benchmarks/interop.py saw it run): entities in file order, stably sorted by start only; one is kept when it
    starts at or after the end of the last one kept. A relation to a dropped entity fails the file's relations."""
    kept, end = [], -1
    for entity in sorted(entities, key=lambda e: e["start_offset"]):
        if entity["start_offset"] >= end:
            kept.append(entity["id"])
            end = entity["end_offset"]
    return kept


def test_a_quote_comes_before_the_entity_that_starts_it_so_doccano_keeps_the_quote(tmp_path: Path) -> None:
    """A LOCATION at a quote's first character: written first, it was the span doccano kept without "Allow
    overlapping entity", so it dropped the QUOTE and its import failed on the SPEAKER relation (KeyError; no
    relation of the file stored). An enclosing span goes first: doccano drops the entity inside, as the note
    says, and keeps the quote and its speaker."""
    text = 'Mayor Ana Ruiz said "Riverton will rebuild the bridge by May" after floods.'
    db = tmp_path / "q.db"
    with Store.open(db) as store:
        [article], _ = store.add_articles([(ArticleIn(text=text), tokenize([text])[0], [])])
        speaker = add(store, article, "alice", text, "Ana Ruiz", "ACTOR")
        add(store, article, "alice", text, "Riverton", "LOCATION")
        quote = add(store, article, "alice", text, "Riverton will rebuild the bridge by May", "QUOTE")
        store.set_speaker(article, "alice", quote, speaker)
        store.set_status(article, "alice", "done")
    out = tmp_path / "r.jsonl"
    assert run("export", "--db", db, "--annotator", "alice", "--format", "doccano-relations", "-o", out)[0] == 0
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(e["id"], e["label"], e["start_offset"], e["end_offset"]) for e in record["entities"]] == [
        (1, "ACTOR", 6, 14), (2, "QUOTE", 21, 60), (3, "LOCATION", 21, 29)
    ]  # fmt: skip
    assert record["relations"] == [{"id": 1, "from_id": 2, "to_id": 1, "type": "SPEAKER"}]
    assert doccano_keeps(record["entities"]) == [1, 2]
    plain = tmp_path / "p.jsonl"
    assert run("export", "--db", db, "--annotator", "alice", "--format", "doccano", "-o", plain)[0] == 0
    assert json.loads(plain.read_text(encoding="utf-8"))["label"] == [
        [6, 14, "ACTOR"], [21, 60, "QUOTE"], [21, 29, "LOCATION"]
    ]  # fmt: skip


def test_doccanos_export_of_our_file_comes_back_whole(tmp_path: Path) -> None:
    """doccano keeps our keys as metadata and exports them again, adding its own `id` and `Comments`."""
    db = tmp_path / "back.db"
    path = DOCCANO / "doccano184_our_export_back.jsonl"
    code, out, err = run("import", path, "--format", "doccano-relations", "--db", db)
    assert (code, out, err) == (0, f"4 record(s) imported (4 new article(s)) -> {db}\n", "")
    assert [(who, status, spans) for _, who, status, spans in annotations(db)] == [
        ("alice", "done", [("ACTOR", "Ana Ruiz", None), ("LOCATION", "Riverton", None),
                           ("QUOTE", "Riverton will rebuild the bridge by May", "Ana Ruiz"), ("FIGURE", "1,200 homes", None)]),
        ("alice", "in_progress", [("LOCATION", "Port Maren", None), ("FIGURE", "14 boats", None), ("ACTOR", "Li Wei", None),
                                  ("QUOTE", "We expect more tomorrow.", "Li Wei")]),
        ("alice", "flagged", [("ACTOR", "Delta Cooperative", None), ("FIGURE", "300 workers", None), ("LOCATION", "Eastvale", None)]),
        ("alice", "skipped", []),
    ]  # fmt: skip
    code, out, _ = run("export", "--db", db, "--annotator", "alice", "--format", "jsonl", "--status", "all", "-o", "-")
    assert [json.loads(line)["meta"] for line in out.splitlines()] == [{}, {}, {}, {}]


def test_doccanos_sample_sequence_labelling_file(tmp_path: Path) -> None:
    """Spans inside a word ("e" of "exampleA") need --snap; the record without text is reported by line, and
    skipped with --skip-invalid; the same span given twice is one span."""
    path, db = DOCCANO / "import_sequence_labeling.jsonl", tmp_path / "seq.db"
    options = ["--format", "doccano", "--annotator", "ann", "--label-map", "LOC=LOCATION,PER=ACTOR", "--snap"]
    code, _, err = run("import", path, "--db", db, *options)
    assert (code, err) == (1, f"annotator: error: {path}:3: field 'text': Field required\n")
    assert not db.exists()
    code, out, _ = run("import", path, "--db", db, *options, "--skip-invalid")
    assert (code, out.splitlines()) == (0, [
        f"1 record(s) imported (1 new article(s), 1 span(s) snapped to token boundaries) -> {db}",
        "skipped 1 record(s):",
        f"  {path}:3: field 'text': Field required",
        "left out: 1 record(s) with no label and no status: doccano exports every document, annotated or not "
        "(ingest the file to annotate their texts)",
    ])  # fmt: skip
    # exampleB (no label): once imported as ann's finished work with no span, an empty gold record (trial 37, 3)
    assert annotations(db) == [("exampleA", "ann", "done", [("LOCATION", "exampleA", None)])]
    twice, db2 = DOCCANO / "import_sequence_labeling_overlapping.jsonl", tmp_path / "twice.db"
    code, out, _ = run("import", twice, "--db", db2, *options)
    assert (code, out.splitlines()[1:]) == (0, ["left out: 1 repeated span(s) (kept once)"])
    assert annotations(db2) == [("exampleA", "ann", "done", [("LOCATION", "exampleA", None)])]


def test_a_span_off_the_tokens_is_named_by_the_files_own_field(tmp_path: Path) -> None:
    """The error names doccano's field (`label[0]`, `entities[1]` in the relation shape), not our internal
    `spans[i]`, which the file has not (trial t1 F5: its unknown-label error of the same file said `label[0]`)."""
    path, db = DOCCANO / "import_sequence_labeling.jsonl", tmp_path / "seq.db"
    options = ["--format", "doccano", "--annotator", "ann", "--label-map", "LOC=LOCATION,PER=ACTOR", "--skip-invalid"]
    code, out, _ = run("import", path, "--db", db, *options)
    assert (code, out.splitlines()[:3]) == (1, [
        "skipped 2 record(s):",
        f"  {path}:1: field 'label[0]': span 0:1 'e' does not fall on token boundaries (--snap moves it)",
        f"  {path}:3: field 'text': Field required",
    ])  # fmt: skip
    relations = tmp_path / "relations.jsonl"
    entities = [{"id": 7, "start_offset": 0, "end_offset": 8, "label": "LOC"}]
    entities.append({"id": 8, "start_offset": 9, "end_offset": 12, "label": "PER"})  # "Ana" of "Anabel"
    relations.write_text(json.dumps({"text": "exampleA Anabel", "entities": entities, "relations": []}) + "\n")
    code, _, err = run("import", relations, "--db", db, *options[:-1], "--format", "doccano-relations")
    assert (code, err) == (1, f"annotator: error: {relations}:1: field 'entities[1]': span 9:12 'Ana' does not fall "
                              "on token boundaries (--snap moves it)\n")  # fmt: skip


def test_doccanos_relation_types_need_a_map(tmp_path: Path) -> None:
    path, db = DOCCANO / "import_relation_extraction.jsonl", tmp_path / "rel.db"
    options = [
        "--format",
        "doccano-relations",
        "--annotator",
        "ann",
        "--label-map",
        "ORG=ACTOR,PERSON=ACTOR,DATE=FIGURE",
    ]
    code, _, err = run("import", path, "--db", db, *options)
    assert (code, err) == (1, f"annotator: error: {path}:1: field 'relations[0]': Input should be 'SPEAKER', got 'foundedAt' "
                              "(unknown in this file: foundedAt x1, foundedBy x2; map them with --relation-map "
                              "foundedAt=RELATION,foundedBy=RELATION, each RELATION SPEAKER if it links a quote to who "
                              "said it, or nothing to drop it, as NAME=)\n")  # fmt: skip
    code, out, _ = run("import", path, "--db", db, *options, "--relation-map", "foundedAt=,foundedBy=")
    assert (code, out.splitlines()[1:]) == (0, ["left out: 1 relation(s) 'foundedAt' (--relation-map foundedAt=)",
                                                "left out: 2 relation(s) 'foundedBy' (--relation-map foundedBy=)"])  # fmt: skip
    assert [spans for _, _, _, spans in annotations(db)] == [
        [("ACTOR", "Google", None), ("FIGURE", "September 4, 1998", None), ("ACTOR", "Larry Page", None),
         ("ACTOR", "Sergey Brin", None)]
    ]  # fmt: skip
    code, _, _ = run("import", path, "--db", db, *options, "--relation-map", "foundedBy=SPEAKER")
    assert code == 1  # foundedBy joins two ACTORs: not a quote and its speaker


def test_doccanos_documented_export_example_is_one_object_over_many_lines(tmp_path: Path) -> None:
    path = DOCCANO / "export_relation_extraction_example.json"
    code, _, err = run("import", path, "--format", "doccano-relations", "--db", tmp_path / "x.db")
    assert (code, err) == (1, f"annotator: error: {path}:1: this is one JSON object over several lines; expected "
                              "JSONL, one JSON object a line\n")  # fmt: skip

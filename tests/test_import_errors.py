"""Bad input to `annotator import`: one line on stderr naming file and line, exit status 1, database unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from exchange_support import SMALL, build, every_status
from processes import annotator, one_error_line
from typer.testing import CliRunner

from annotator.cli import app
from annotator.exchange.records import export_to_path
from annotator.rows import Offsets
from annotator.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    build(tmp_path / "annotations.db").close()
    return tmp_path / "annotations.db"


def digest(db: Path) -> str:
    """The database's content (not its bytes: WAL checkpoints move bytes around)."""
    with Store.open(db) as store:
        rows = [list(store.db.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in ("articles", "spans", "annotations", "events")]  # fmt: skip
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def refused(db: Path, path: Path, *options: str) -> str:
    before = digest(db)
    code, out, err = run("import", str(path), "--db", str(db), *options)
    assert code == 1, out
    assert digest(db) == before
    assert len(err.strip().splitlines()) == 1
    return err.strip()


def doccano_line(spans: list[list], text: str = SMALL, **extra) -> str:
    return json.dumps({"text": text, "label": spans, "annotator": "bob", **extra}, ensure_ascii=False) + "\n"


def test_truncated_jsonl(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "alice.jsonl"
    export_to_path(Store.open(db), "jsonl", path, "alice", options=every_status())
    path.write_bytes(path.read_bytes()[:-40])
    assert refused(db, path).startswith(f"annotator: error: {path}:2: not valid JSON: unterminated string")


def test_wrong_encoding(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(
        doccano_line([[0, 10, "ACTOR"]]).encode() + doccano_line([], text="Café São Paulo").encode("latin-1")
    )
    assert refused(db, path, "--format", "doccano") == f"annotator: error: {path}:2: not UTF-8 (byte 0xe9)"


def test_json_array_where_jsonl_is_expected(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "array.jsonl"
    export_to_path(Store.open(db), "labelstudio", path, "alice", options=every_status())
    assert refused(db, path, "--format", "prodigy") == (
        f"annotator: error: {path}:1: this is a JSON array; expected JSONL, one JSON object a line (a Label Studio "
        f"export is one array: `annotator import {path} --format labelstudio --db {db}`)"
    )  # the command as it runs: this file, this database (tmp_path needs no quoting)


def test_jsonl_where_a_json_array_is_expected(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text(doccano_line([]) + doccano_line([]), encoding="utf-8")
    assert refused(db, path, "--format", "labelstudio").startswith(f"annotator: error: {path}:2: not valid JSON")


def test_unknown_label_names_the_field_and_the_option(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([[0, 10, "PERSON"]]), encoding="utf-8")
    assert refused(db, path, "--format", "doccano") == (
        f"annotator: error: {path}:1: field 'label[0]': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE', got 'PERSON' (PERSON x1 in this file; map it with --label-map PERSON=LABEL, LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as PERSON=)"
    )


def test_label_map_maps_foreign_labels(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([[0, 10, "PERSON"], [73, 77, "GPE"]]), encoding="utf-8")
    code, out, _ = run("import", str(path), "--db", str(db), "--format", "doccano", "--label-map", "PERSON=ACTOR,GPE=LOCATION")  # fmt: skip
    assert code == 0
    assert out.strip() == f"1 record(s) imported (0 new article(s)) -> {db}"
    with Store.open(db) as store:
        [small, _] = store.article_ids()
        assert [(s.label.value, s.text) for s in store.spans(small, "bob")] == [("ACTOR", "Washington"), ("LOCATION", "Gaza")]  # fmt: skip


def native_line(spans: list[dict], **extra) -> str:
    record = {"article_id": "small", "text": SMALL, "annotator": "eve", "spans": spans, **extra}
    return json.dumps(record, ensure_ascii=False) + "\n"


def test_label_map_maps_labels_of_native_records(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    speaker = {"start": 0, "end": 10}
    spans = [
        {"start": 0, "end": 10, "label": "PERSON", "text": "Washington"},
        {"start": 17, "end": 33, "label": "QUOTE", "text": "the talks failed", "speaker": speaker},
        {"start": 73, "end": 77, "label": "GPE", "text": "Gaza"},
    ]
    path.write_text(native_line(spans), encoding="utf-8")
    code, out, _ = run("import", str(path), "--db", str(db), "--label-map", "PERSON=ACTOR,GPE=LOCATION")
    assert code == 0
    assert out.strip() == f"1 record(s) imported (0 new article(s)) -> {db}"
    with Store.open(db) as store:
        [small, _] = store.article_ids()
        assert [(s.label.value, s.text, s.speaker) for s in store.spans(small, "eve")] == [
            ("ACTOR", "Washington", None),
            ("QUOTE", "the talks failed", Offsets(start=0, end=10)),
            ("LOCATION", "Gaza", None),
        ]


def test_a_native_label_the_map_leaves_unknown_names_file_line_and_field(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    washington = {"start": 0, "end": 10, "label": "PERSON", "text": "Washington"}
    gaza = {"start": 73, "end": 77, "label": "GPE", "text": "Gaza"}
    path.write_text(native_line([washington]) + native_line([washington, gaza], annotator="fay"), encoding="utf-8")
    assert refused(db, path, "--label-map", "PERSON=ACTOR") == (
        f"annotator: error: {path}:2: field 'spans[1].label': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE', got 'GPE' (GPE x1 in this file; map it with --label-map GPE=LABEL, LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as GPE=)"
    )


def test_label_map_to_an_unknown_label(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([]), encoding="utf-8")
    assert refused(db, path, "--format", "doccano", "--label-map", "PERSON=PEOPLE") == (
        "annotator: error: field '--label-map': 'PEOPLE' is not a label (known: ACTOR, LOCATION, FIGURE, QUOTE)"
    )


def test_duplicate_records(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([[0, 10, "ACTOR"]]) + "\n" + doccano_line([[0, 10, "LOCATION"]]), encoding="utf-8")
    assert refused(db, path, "--format", "doccano") == (
        f"annotator: error: {path}:3: duplicate record: article '5610fea47dd45fc7' by 'bob' is already at line 1 "
        "(neither gives a time, so the import cannot tell which answer stands)"
    )


def test_span_out_of_range(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([[0, 10, "ACTOR"], [120, 999, "ACTOR"]]), encoding="utf-8")
    assert refused(db, path, "--format", "doccano") == (
        f"annotator: error: {path}:1: field 'label[1].end': end 999 is beyond the article's 141 characters"
    )


def test_span_text_that_does_not_match(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "ls.json"
    task = {"data": {"text": SMALL}, "annotations": [{"completed_by": "bob", "result": [
        {"id": "r1", "type": "labels", "value": {"start": 0, "end": 10, "text": "Washingtom", "labels": ["ACTOR"]}}]}]}  # fmt: skip
    path.write_text(json.dumps([task]), encoding="utf-8")
    assert refused(db, path, "--format", "labelstudio") == (
        f"annotator: error: {path}:1: record 1: field 'annotations[0].result[0].value.text': text 'Washingtom' "
        "does not match the article at 0:10 ('Washington')"
    )


def test_a_record_of_a_json_array_is_counted_from_one_and_named_with_its_line(db: Path, tmp_path: Path) -> None:
    """A Label Studio export holds its tasks in one JSON array: the error names the task as a reader counts (the
    second is record 2, not 1) and the line it starts on (a newcomer's trial, 36)."""
    path = tmp_path / "ls.json"
    good = {"data": {"text": SMALL}, "annotations": [{"completed_by": "bob", "result": []}]}
    bad = {"data": {"text": SMALL + " Again."}, "annotations": [{"completed_by": "bob", "result": [
        {"id": "r1", "type": "labels", "value": {"start": 0, "end": 10, "text": "Washingtom", "labels": ["ACTOR"]}}]}]}  # fmt: skip
    path.write_text(f"[\n{json.dumps(good)},\n{json.dumps(bad)}\n]\n", encoding="utf-8")
    assert refused(db, path, "--format", "labelstudio") == (
        f"annotator: error: {path}:3: record 2: field 'annotations[0].result[0].value.text': text 'Washingtom' "
        "does not match the article at 0:10 ('Washington')"
    )


def test_span_off_token_boundaries_is_refused_without_snap(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([[0, 7, "ACTOR"]]), encoding="utf-8")
    assert refused(db, path, "--format", "doccano") == (
        f"annotator: error: {path}:1: field 'label[0]': span 0:7 'Washing' does not fall on token boundaries "
        "(--snap moves it)"
    )


def test_snap_moves_spans_outward_and_reports_them(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([[2, 7, "ACTOR"], [47, 57, "FIGURE"], [73, 77, "LOCATION"]]), encoding="utf-8")
    code, out, _ = run("import", str(path), "--db", str(db), "--format", "doccano", "--snap")
    assert code == 0
    assert out.strip() == f"1 record(s) imported (0 new article(s), 2 span(s) snapped to token boundaries) -> {db}"
    with Store.open(db) as store:
        [small, _] = store.article_ids()
        assert [s.text for s in store.spans(small, "bob")] == ["Washington", "At least 35", "Gaza"]


def test_damaged_docbin(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "alice.spacy"
    export_to_path(Store.open(db), "spacy", path, "alice", options=every_status())
    path.write_bytes(path.read_bytes()[:100])
    assert refused(db, path, "--format", "spacy").startswith(f"annotator: error: {path}: not a spaCy DocBin")


def test_unknown_format(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(doccano_line([]), encoding="utf-8")
    assert refused(db, path, "--format", "brat") == (
        "annotator: error: Invalid value for '--format': 'brat' is not one of 'jsonl', 'prodigy', 'doccano', "
        "'doccano-relations', 'spacy', 'conll', 'labelstudio'."
    )


def test_conll_without_annotator(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.conll"
    path.write_text("-DOCSTART- -X- -X- O\n\nAna B-ACTOR\nspoke O\n", encoding="utf-8")
    assert refused(db, path, "--format", "conll") == (
        f"annotator: error: {path}:1: field 'annotator': the record names no annotator; give --annotator"
    )


def test_conll_bad_tag(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.conll"
    path.write_text("Ana B-ACTOR\nspoke X-Y\n", encoding="utf-8")
    assert refused(db, path, "--format", "conll", "--annotator", "bob") == (
        f"annotator: error: {path}:2: field 'tag': expected O, B-LABEL or I-LABEL, got 'X-Y'"
    )


@pytest.mark.parametrize("layout", ["-DOCSTART- -X- O O\n\nBob _ _ B-ACTOR\n{}\n", "Bob|B-ACTOR\n{}\n"])
def test_a_nul_in_a_conll_token_is_named_at_its_own_line(db: Path, tmp_path: Path, layout: str) -> None:
    """Trial 39a, 10: the NUL was reported at the document's first line (its -DOCSTART-), not the token's."""
    nul = layout.format("x\0y _ _ O" if "DOCSTART" in layout else "x\0y|O")
    (tmp_path / "nul.conll").write_text(nul, encoding="utf-8")
    before = digest(db)
    result = annotator("import", "nul.conll", "--format", "conll", "--annotator", "bob", "--db", db, cwd=tmp_path)
    line = nul.split("\n").index(next(x for x in nul.split("\n") if "\0" in x)) + 1
    assert one_error_line(result) == (
        f"nul.conll:{line}: field 'token': token holds a NUL character (\\u0000) at character 2, which SQLite "
        "cannot store"
    )
    assert digest(db) == before


def test_failed_import_into_a_new_database_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(doccano_line([[0, 10, "PERSON"]]), encoding="utf-8")
    code, _, _ = run("import", str(path), "--db", str(tmp_path / "new.db"), "--format", "doccano")
    assert code == 1
    assert not (tmp_path / "new.db").exists()


def test_relation_to_an_entity_that_is_not_there(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "rel.jsonl"
    entities = [{"id": 1, "label": "QUOTE", "start_offset": 17, "end_offset": 33}]
    relations = [{"id": 1, "from_id": 1, "to_id": 9, "type": "SPEAKER"}]
    path.write_text(
        json.dumps({"text": SMALL, "entities": entities, "relations": relations, "annotator": "bob"}) + "\n"
    )
    assert refused(db, path, "--format", "doccano-relations") == (
        f"annotator: error: {path}:1: field 'relations[0]': the relation names a span the record does not have"
    )


def test_snap_expands_with_spacy_over_the_stored_tokens_and_the_white_space_between() -> None:
    """Snapping is spaCy's `char_span(alignment_mode="expand")` on a Doc of the stored tokens, white space
    between them included (two spaces, a blank line), so every offset maps back onto the article's text."""
    from annotator.exchange.snapping import snap_span
    from annotator.models import Offsets
    from annotator.suggest.tokens import doc_of, tokenize

    text = "Ann  Lee-Smith\n\nsaid so."
    doc = doc_of(text, tokenize([text])[0])
    assert doc.text == text
    assert snap_span(Offsets(start=1, end=7), doc) == (0, 8)  # "nn  Le" -> "Ann  Lee" (the tokenizer cuts at "-")
    assert snap_span(Offsets(start=16, end=18), doc) == (16, 20)  # "sa" -> "said"
    assert snap_span(Offsets(start=5, end=10), doc) == (5, 14)  # on a start already: only the end moves


def test_a_conll_file_imported_without_its_format_says_which_format(db: Path, tmp_path: Path) -> None:
    """A newcomer's trial: `annotator import alice.conll` said "not valid JSON"."""
    path = tmp_path / "alice.conll"
    path.write_text("Washington\tB-ACTOR\nsaid\tO\n", encoding="utf-8")
    assert refused(db, path) == f"annotator: error: {path}:1: this looks like CoNLL, not JSONL: --format conll"


def test_a_field_of_a_pretty_printed_json_array_is_named_by_its_own_line(db: Path, tmp_path: Path) -> None:
    """Label Studio's export is one JSON array, often indented: the error names the line of the bad field itself,
    not the line its task starts on, dozens of lines above (a second newcomer's trial, 36b)."""
    path = tmp_path / "ls.json"
    good = {"data": {"text": SMALL}, "annotations": [{"completed_by": "bob", "result": []}]}
    bad = {"data": {"text": SMALL + " Again."}, "annotations": [{"completed_by": "bob", "result": [
        {"id": "r0", "type": "labels", "value": {"start": 0, "end": 10, "text": "Washington", "labels": ["ACTOR"]}},
        {"id": "r1", "type": "labels", "value": {"start": 11, "end": 15, "text": "sad", "labels": ["ACTOR"]}}]}]}  # fmt: skip
    text = json.dumps([good, bad], indent=2)
    path.write_text(text, encoding="utf-8")
    assert text.splitlines()[38] == '              "text": "sad",'
    assert refused(db, path, "--format", "labelstudio") == (
        f"annotator: error: {path}:39: record 2: field 'annotations[0].result[1].value.text': text 'sad' does not "
        "match the article at 11:15 ('said')"
    )


def test_a_missing_field_is_named_by_the_line_of_the_object_that_lacks_it(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "ls.json"
    task = {"data": {"text": SMALL}, "annotations": [{"completed_by": "bob", "result": [
        {"id": "r1", "type": "labels", "value": {"end": 10, "labels": ["ACTOR"]}}]}]}  # fmt: skip
    text = json.dumps([task], indent=2)
    path.write_text(text, encoding="utf-8")
    assert text.splitlines()[12] == '            "value": {'
    assert refused(db, path, "--format", "labelstudio") == (
        f"annotator: error: {path}:13: record 1: field 'annotations[0].result[0].value.start': Field required"
    )


def test_a_jsonl_file_cut_inside_a_word_of_json_asks_whether_it_is_truncated(db: Path, tmp_path: Path) -> None:
    """A Prodigy file cut in the middle of `false` said only "expected a value" (a newcomer's trial, 37, 13): cut
    inside `true`, `false` or `null`, the last line asks, as a cut inside a string does."""
    path = tmp_path / "cut.jsonl"
    line = json.dumps({"text": SMALL, "answer": "accept", "spans": [], "tokens": [{"text": "W", "ws": False}]})
    path.write_text(line[: line.index("false") + 3], encoding="utf-8")
    column = line.index("false") + 1
    assert refused(db, path, "--format", "prodigy") == (
        f"annotator: error: {path}:1: not valid JSON: expected a value at column {column}; is the file truncated?"
    )
    path.write_text('{"text": "A", "spans": [{"start": -', encoding="utf-8")  # cut after a number's sign
    assert refused(db, path, "--format", "prodigy").endswith("; is the file truncated?")

"""A newcomer's finding: importing our own native JSONL with `--format prodigy` said "the record names no
annotator". A record in another known format's shape (native, Prodigy, doccano, Label Studio), read with the wrong
--format or none, names the format it looks like and the flag to use, as a JSON array or a CoNLL file already
did. The CLI on real files: one line naming file and line, exit status 1, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_support import SMALL, build
from import_support import WASHINGTON, native, refused, write
from processes import annotator, one_error_line
from real_files import run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    build(tmp_path / "a.db").close()
    return tmp_path / "a.db"


# -- 3: a record in another known format's shape names that format -----------------------------------------------

NATIVE_LOOK = "a native JSONL record (text, spans with label/start/end, annotator)"


def test_a_native_record_read_as_prodigy_says_it_is_native(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native())
    message = f"{path}:1: this record looks like {NATIVE_LOOK}, not a Prodigy task: --format jsonl (the default)"
    assert refused(db, path, "--format", "prodigy") == message
    assert refused(db, path, "--format", "prodigy", "--annotator", "bob") == message


@pytest.mark.parametrize("format_name", ["doccano", "doccano-relations"])
def test_a_native_record_read_as_doccano_is_refused_not_stored_without_its_spans(
    db: Path, tmp_path: Path, format_name: str
) -> None:
    """Found while reproducing: doccano's reader took a native record as a doccano line without spans, and kept
    the spans in the article's meta."""
    path = write(tmp_path / "eve.jsonl", native())
    assert refused(db, path, "--format", format_name) == (
        f"{path}:1: this record looks like {NATIVE_LOOK}, not a doccano record: --format jsonl (the default)"
    )


def test_a_doccano_record_read_as_prodigy_says_it_is_doccano(db: Path, tmp_path: Path) -> None:
    """It was skipped as "a task classifying the whole text", and the import succeeded with nothing in it."""
    path = write(tmp_path / "eve.jsonl", {"text": SMALL, "label": [[0, 10, "ACTOR"]]})
    assert refused(db, path, "--format", "prodigy") == (
        f"{path}:1: this record looks like a doccano record (label as [[start, end, LABEL]]), not a Prodigy task: "
        "--format doccano"
    )


def test_a_doccano_record_read_as_native_says_it_is_doccano(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", {"text": SMALL, "label": [[0, 10, "ACTOR"]]})
    assert refused(db, path) == (
        f"{path}:1: this record looks like a doccano record (label as [[start, end, LABEL]]), not a native JSONL "
        "record: --format doccano"
    )


def test_a_doccano_relations_record_read_as_native_says_it_is_doccano(db: Path, tmp_path: Path) -> None:
    entity = {"id": 1, "label": "ACTOR", "start_offset": 0, "end_offset": 10}
    path = write(tmp_path / "eve.jsonl", {"text": SMALL, "entities": [entity], "relations": []})
    assert refused(db, path) == (
        f"{path}:1: this record looks like a doccano record (entities with start_offset/end_offset), not a native "
        "JSONL record: --format doccano-relations"
    )


def test_a_prodigy_task_read_as_native_says_it_is_prodigy(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", {"text": SMALL, "spans": [WASHINGTON], "_input_hash": 1, "answer": "accept"})
    assert refused(db, path) == (
        f"{path}:1: this record looks like a Prodigy task (answer, _input_hash), not a native JSONL record: "
        "--format prodigy"
    )


@pytest.mark.parametrize(("format_name", "reading"), [("jsonl", "a native JSONL record"), ("prodigy", "a Prodigy task"),
                                                       ("doccano", "a doccano record")])  # fmt: skip
def test_a_label_studio_task_in_jsonl_says_it_is_label_studio(
    db: Path, tmp_path: Path, format_name: str, reading: str
) -> None:
    path = write(tmp_path / "tasks.jsonl", {"data": {"text": SMALL}, "annotations": []})
    assert refused(db, path, "--format", format_name) == (
        f"{path}:1: this record looks like a Label Studio task (data, annotations), not {reading}: --format "
        "labelstudio (which reads Label Studio's JSON export, one array of tasks)"
    )


def test_native_jsonl_read_as_label_studio_says_it_is_native(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native(), native(annotator="fay"))
    assert refused(db, path, "--format", "labelstudio") == (
        f"{path}:1: this record looks like {NATIVE_LOOK}, not a Label Studio task: --format jsonl (the default)"
    )
    one = write(tmp_path / "one.jsonl", native())
    assert refused(db, one, "--format", "labelstudio") == (
        f"{one}:1: this record looks like {NATIVE_LOOK}, not a Label Studio task: --format jsonl (the default)"
    )


def test_native_jsonl_read_as_conll_says_it_is_native(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native())
    assert refused(db, path, "--format", "conll", "--annotator", "eve") == (
        f"{path}:1: this record looks like {NATIVE_LOOK}, not CoNLL: --format jsonl (the default)"
    )


def test_with_skip_invalid_a_record_of_another_shape_is_listed_and_the_rest_imported(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native(), {"text": SMALL, "label": [[0, 10, "ACTOR"]]})
    code, out, err = run("import", path, "--db", db, "--skip-invalid")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"1 record(s) imported (0 new article(s)) -> {db}",
        "skipped 1 record(s):",
        f"  {path}:2: this record looks like a doccano record (label as [[start, end, LABEL]]), not a native JSONL "
        "record: --format doccano",
    ]


def test_each_format_still_reads_its_own_export(db: Path, tmp_path: Path) -> None:
    """The shapes are told apart by what only one format has: our own exports in every JSON format import back."""
    for format_name in ("jsonl", "prodigy", "doccano", "doccano-relations", "labelstudio"):
        path = tmp_path / f"alice.{format_name}"
        code, _, err = run("export", "--db", db, "--annotator", "alice", "--status", "all", "--format", format_name,
                           "-o", path)  # fmt: skip
        assert code == 0, (format_name, err)
        code, out, err = run("import", path, "--db", db, "--format", format_name)
        assert (code, err) == (0, ""), (format_name, err)
        assert out.startswith("0 record(s) imported (0 new article(s)); 2 unchanged"), (format_name, out)


def test_a_doccano_file_given_to_evaluate_says_import_reads_it(tmp_path: Path) -> None:
    """`evaluate --gold-from` and `train --from` read native JSONL alone: the way in for another format is import."""
    db = tmp_path / "e.db"
    assert annotator("ingest", write(tmp_path / "a.jsonl", {"text": SMALL}), "--no-suggest", "--db", db).returncode == 0
    path = write(tmp_path / "gold.jsonl", {"text": SMALL, "label": [[0, 10, "ACTOR"]]})
    assert one_error_line(annotator("evaluate", "--gold-from", path, "--db", db)) == (
        f"{path}:1: this record looks like a doccano record (label as [[start, end, LABEL]]), not a native JSONL "
        "record, which this command reads: `annotator import` reads it with --format doccano"
    )

"""Newcomers' findings at the file border: a value that is not one of a field's few allowed ones (a status, a
label, an answer, a relation) says what it was and what is allowed, in the same words in every format; a text of
white space only says so. The CLI on real files: one line naming file, line and field, exit status 1, nothing
written."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_support import SMALL, build
from import_support import STATUSES, WASHINGTON, native, refused, write
from processes import annotator, one_error_line


@pytest.fixture
def db(tmp_path: Path) -> Path:
    build(tmp_path / "a.db").close()
    return tmp_path / "a.db"


# -- 1: a value not among the allowed ones says what it was and what is allowed ------------------------------------


def test_a_native_status_not_among_the_statuses_names_the_value_found(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native(status="finished"))
    assert refused(db, path) == f"{path}:1: field 'status': Input should be {STATUSES}, got 'finished'"


def test_a_native_status_of_another_type_names_its_kind(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native(status=5))
    assert refused(db, path) == f"{path}:1: field 'status': Input should be {STATUSES}, got a whole number"


def test_a_doccano_status_says_the_same_as_a_native_one(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", {"text": SMALL, "label": [[0, 10, "ACTOR"]], "annotator": "eve",
                                          "status": "finished"})  # fmt: skip
    assert refused(db, path, "--format", "doccano") == (
        f"{path}:1: field 'status': Input should be {STATUSES}, got 'finished'"
    )


def test_a_prodigy_answer_not_among_the_answers_names_the_value_found(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", {"text": SMALL, "spans": [], "answer": "yes", "_annotator_id": "eve"})
    assert refused(db, path, "--format", "prodigy") == (
        f"{path}:1: field 'answer': Input should be 'accept', 'reject' or 'ignore', got 'yes'"
    )


def test_a_value_found_is_shown_literally_and_cut_short(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native(status="\x1b[31m" + "x" * 80))
    shown = repr("\x1b[31m" + "x" * 35)  # the first 40 characters, escaped as Python writes them
    assert refused(db, path) == f"{path}:1: field 'status': Input should be {STATUSES}, got {shown}... (85 characters)"


@pytest.mark.parametrize(
    ("format_name", "record", "field"),
    [
        ("jsonl", native(spans=[{**WASHINGTON, "label": "PERSON"}]), "spans[0].label"),
        ("doccano", {"text": SMALL, "label": [[0, 10, "PERSON"]], "annotator": "eve"}, "label[0]"),
        (
            "prodigy",
            {"text": SMALL, "spans": [{**WASHINGTON, "label": "PERSON"}], "_annotator_id": "eve"},
            "spans[0].label",
        ),
    ],
)
def test_an_unknown_label_names_the_labels_there_are(
    db: Path, tmp_path: Path, format_name: str, record: dict[str, object], field: str
) -> None:
    path = write(tmp_path / "eve.jsonl", record)
    assert refused(db, path, "--format", format_name) == (
        f"{path}:1: field '{field}': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE', got 'PERSON' "
        "(PERSON x1 in this file; map it with --label-map PERSON=LABEL, "
        "LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as PERSON=)"
    )


def test_an_unknown_relation_names_the_relation_there_is(db: Path, tmp_path: Path) -> None:
    quote = {"id": 2, "label": "QUOTE", "start_offset": 17, "end_offset": 33}
    actor = {"id": 1, "label": "ACTOR", "start_offset": 0, "end_offset": 10}
    path = write(tmp_path / "eve.jsonl", {"text": SMALL, "entities": [actor, quote], "annotator": "eve",
                                          "relations": [{"from_id": 2, "to_id": 1, "type": "said"}]})  # fmt: skip
    assert refused(db, path, "--format", "doccano") == (
        f"{path}:1: field 'relations[0]': Input should be 'SPEAKER', got 'said' (unknown in this file: said x1; map "
        "it with --relation-map said=RELATION, RELATION SPEAKER if it links a quote to who said it, or nothing to "
        "drop it, as NAME=)"
    )


# -- 2: a text of white space only -------------------------------------------------------------------------------

WHITE = " \t\n\u00a0 "


def test_an_article_of_white_space_only_is_refused_as_such_at_ingest(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", {"text": WHITE})
    assert one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{path}:1: field 'text': holds only white space (5 characters), nothing to annotate"
    )
    assert not (tmp_path / "a.db").exists()


def test_a_text_file_of_white_space_only_is_refused_as_such_at_ingest(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(WHITE, encoding="utf-8")
    assert one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{path}:1: the file holds only white space (5 characters), nothing to annotate"
    )
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    assert one_error_line(annotator("ingest", tmp_path / "e.txt", "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{tmp_path / 'e.txt'}:1: the file is empty"
    )
    assert not (tmp_path / "a.db").exists()


def test_a_native_record_of_white_space_only_names_its_text_field(db: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "eve.jsonl", native(text=WHITE, spans=[]))
    assert refused(db, path) == f"{path}:1: field 'text': holds only white space (5 characters), nothing to annotate"

"""An empty `.spacy` file (0 bytes) and a DocBin of no Doc, given to `import` and to `train --from` (a fresh clone's
trial): the import of a 0-byte file said it was "not a spaCy DocBin, or a damaged one" with spaCy's whole E1014
message, or (without --format) that it "looks like a spaCy DocBin"; `train --from` said it looked like a DocBin,
and of an empty JSONL file, "found 0" without naming it. Each now says the file is empty, or holds no document, in
one line naming it. The real console script on real files; the DocBin is spaCy's own, with no Doc."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator, one_error_line
from spacy.tokens import DocBin

TEXT = "Officials in Gaza said 12 people died on Monday."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    (tmp_path / "empty.spacy").write_bytes(b"")
    DocBin(store_user_data=True).to_disk(tmp_path / "none.spacy")
    return tmp_path


@pytest.mark.parametrize("given", [["--format", "spacy"], []])
def test_importing_an_empty_spacy_file_says_it_is_empty(folder: Path, given: list[str]) -> None:
    result = annotator("import", "empty.spacy", *given, "--annotator", "eve", "--db", "x.db", cwd=folder)
    assert one_error_line(result) == "nothing imported: empty.spacy is empty (0 bytes); x.db is left as it was"


def test_importing_a_docbin_of_no_doc_says_it_holds_no_record(folder: Path) -> None:
    result = annotator("import", "none.spacy", "--format", "spacy", "--annotator", "eve", "--db", "x.db", cwd=folder)
    assert one_error_line(result) == "nothing imported: none.spacy holds no record; x.db is left as it was"


def test_training_from_an_empty_spacy_file_says_it_is_empty(folder: Path) -> None:
    result = annotator("train", "--from", "empty.spacy", "--db", "x.db", cwd=folder)
    assert one_error_line(result) == "empty.spacy: the file is empty (0 bytes): nothing to train on"


def test_training_from_an_empty_jsonl_file_names_it(folder: Path) -> None:
    (folder / "empty.jsonl").write_bytes(b"")
    result = annotator("train", "--from", "empty.jsonl", "--db", "x.db", cwd=folder)
    assert one_error_line(result) == "empty.jsonl: the file is empty (0 bytes): nothing to train on"


def test_training_from_a_docbin_of_no_doc_says_it_holds_no_document(folder: Path) -> None:
    result = annotator("train", "--from", "none.spacy", "--db", "x.db", cwd=folder)
    assert one_error_line(result) == "none.spacy: a spaCy DocBin that holds no document: nothing to train on"

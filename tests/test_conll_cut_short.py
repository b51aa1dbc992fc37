"""A CoNLL file cut short in its last line (`head -c`, a copy stopped): the line's error said only "got '_'" (the
POS column taken as the tag). Where the file's last line has no line break after it and fewer columns than the
token line before it, an error about its columns asks whether the file is truncated, as a cut JSON file's does; a
whole file with the same bad line is not asked about. Real files, the real console script."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

HEAD = "-DOCSTART- -X- -X- O\n\nMayor NNP _ B-ACTOR\nAnna NNP _ I-ACTOR\nsaid VBD _ O\n\n"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (
            HEAD + "Riverside NNP _",
            "cut.conll:7: field 'tag': expected O, B-LABEL or I-LABEL, got '_'; is the file truncated?",
        ),
        (HEAD + "River", "cut.conll:7: expected a token and its tag, separated by white space; is the file truncated?"),
        (HEAD + "Riverside NNP _\n", "cut.conll:7: field 'tag': expected O, B-LABEL or I-LABEL, got '_'"),
        (HEAD + "Riverside NNP _ _", "cut.conll:7: field 'tag': expected O, B-LABEL or I-LABEL, got '_'"),
    ],
    ids=["cut-in-the-tag", "cut-in-the-word", "whole-file", "all-its-columns"],
)
def test_a_file_cut_in_its_last_line_is_asked_about(tmp_path: Path, content: str, error: str) -> None:
    (tmp_path / "cut.conll").write_text(content, encoding="utf-8")
    result = annotator("import", "cut.conll", "--format", "conll", "--annotator", "al", "--db", "c.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"annotator: error: {error}\n")
    assert not (tmp_path / "c.db").exists()

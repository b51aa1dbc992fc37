"""Trial t4 F12(a): Label Studio's CONLL2003 export writes a block for each user's annotation of a task (task 2 of
tests/fixtures/real/labelstudio/ls1232_export_conll2003.conll, made by Label Studio 1.23.2, has user 2's block at
line 23 and user 1's at line 47), and CoNLL names no annotator: under one --annotator the two clash. The line said
only "neither gives a time"; it now says which block clashes with which, that CoNLL names no annotator, and the way
forward. The real console script, a copy of the real file."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL

CONLL = REAL / "labelstudio" / "ls1232_export_conll2003.conll"


def test_two_users_blocks_of_one_text_say_whose_they_cannot_be_and_what_to_do(tmp_path: Path) -> None:
    shutil.copy(CONLL, tmp_path / "ls.conll")
    result = annotator(
        "import", "ls.conll", "--format", "conll", "--annotator", "bob", "--snap", "--db", "x.db", cwd=tmp_path
    )  # fmt: skip
    assert one_error_line(result) == (
        "ls.conll:47: duplicate record: article '405879312b55aa82' by 'bob' is already at line 23: the block at line "
        "47 and the block at line 23 hold one text, and CoNLL names no annotator, so --annotator makes both 'bob''s "
        "(Label Studio's CONLL2003 export writes a block for each user's annotation of a task): export the project "
        "as JSON to keep each user's work (`annotator import FILE.json --format labelstudio`), or --skip-invalid "
        "keeps the block at line 23 and lists this one"
    )
    assert not (tmp_path / "x.db").exists()

"""Trial t4 F12(b): Label Studio's CONLL2003 export writes a task nobody annotated as an all-O block (task 4 of
tests/fixtures/real/labelstudio/ls1232_export_conll2003.conll, made by Label Studio 1.23.2), and `import --format
conll` stored it as the annotator's done work with no entity, said only as one of "3 article(s) ... stored as done
work". It cannot be told from an answer that the text has no entity (both are all O), so it is still stored, and a
note counts and names it, so that nobody takes it for gold unknowingly. The real console script, a copy of the real
file, real SQLite."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator
from real_files import REAL

from annotator.store import Store

CONLL = REAL / "labelstudio" / "ls1232_export_conll2003.conll"


def test_an_all_o_block_is_named_as_stored_with_no_entity(tmp_path: Path) -> None:
    shutil.copy(CONLL, tmp_path / "ls.conll")
    result = annotator(
        "import", "ls.conll", "--format", "conll", "--annotator", "bob", "--snap", "--skip-invalid", "--db", "x.db",
        cwd=tmp_path,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-2:] == [
        "note: 3 article(s) new to this database stored as done work: CoNLL has no status",
        "note: 1 article(s) with no tag at all, stored as done with no entity (ls.conll:71 272008c2290354cb 'Delta "
        "Cooperative said it would hire ...'): if nobody annotated them (Label Studio's CONLL2003 export writes a "
        "task nobody annotated as an all-O block), they are no gold: take their blocks out of the file and import it "
        "again into a fresh database, or reopen them in the screen ('O') to annotate them",
    ]
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert store.spans("272008c2290354cb", "bob") == []

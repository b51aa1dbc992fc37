"""Trial t4 F3 and F14: `ingest` of a file it reads no article from said "expected a .txt or .jsonl file, or a
folder of them" for an empty JSON array (a task file with no task: wrong, a .json task file is read), Label
Studio's CONLL2003 export and its labelling config (no command that reads them named). Each now says what the file
is and what reads it, in one line. The real console script, copies of real Label Studio 1.23.2 files."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL

LS = REAL / "labelstudio"


def test_an_empty_json_array_holds_no_task(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text("\ufeff[ ]\n", "utf-8")
    result = annotator("ingest", "empty.json", "--no-suggest", "--db", "g.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "empty.json:1: the file holds no Label Studio task (an empty JSON array): nothing to ingest"
    )
    assert not (tmp_path / "g.db").exists()


def test_a_conll_export_is_sent_to_import_with_its_database(tmp_path: Path) -> None:
    shutil.copy(LS / "ls1232_export_conll2003.conll", tmp_path / "ls.conll")
    result = annotator("ingest", "ls.conll", "--no-suggest", "--db", "g.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "ls.conll: a CoNLL file holds annotations, not articles to ingest: `annotator import ls.conll --format conll "
        "--annotator NAME --db g.db` reads them, with their texts"
    )


def test_a_labelling_config_is_named(tmp_path: Path) -> None:
    shutil.copy(LS / "ls1232_headline_config.xml", tmp_path / "labels.xml")
    result = annotator("ingest", "labels.xml", "--no-suggest", "--db", "g.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "labels.xml:1: this is a Label Studio labelling config, not articles to ingest: `annotator import "
        "EXPORT.json --format labelstudio --config labels.xml` reads a project's export by it"
    )

"""A researcher's trial (trial 8): prodigy-recipes' `bio_events.jsonl` is a pre-annotated input stream (no task has
an `answer`), and `import --format prodigy` stored its 15 texts as done work, which the Prodigy export then wrote as
`answer: accept`. A task nobody answered is no one's work: counted and left out, as doccano's unlabelled records
are; `ingest` keeps the texts and says that neither command stores those spans (it had sent the user to `import`).
The real file, the real console script, real SQLite files."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator
from real_files import REAL

STREAM = REAL / "prodigy" / "bio_events_input_stream.jsonl"


def test_tasks_without_an_answer_are_left_out_and_counted(tmp_path: Path) -> None:
    shutil.copy(STREAM, tmp_path / "bio.jsonl")
    result = annotator("import", "bio.jsonl", "--format", "prodigy", "--annotator", "bob", "--label-map", "GGP=ACTOR",
                       "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "left out: 15 task(s) with no answer: an input stream nobody judged, no one's work (ingest the file to "
        "annotate their texts)\n",
        "annotator: error: nothing imported: every record of bio.jsonl was left out (15 task(s) with no answer: an "
        "input stream nobody judged, no one's work (ingest the file to annotate their texts); listed above); x.db "
        "was not created\n",
    )
    assert not (tmp_path / "x.db").exists()


def test_ingest_keeps_their_texts_and_says_no_command_stores_their_spans(tmp_path: Path) -> None:
    shutil.copy(STREAM, tmp_path / "bio.jsonl")
    result = annotator("ingest", "bio.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "15 article(s) added, 0 already stored, 0 suggestion(s) -> x.db\n",
        "annotator: note: 15 record(s) carried spans but no answer or status (an input stream's "
        "pre-annotations, which nobody judged): no one's work, which neither ingest nor import stores\n",
    )

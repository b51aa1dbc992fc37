"""A researcher's trial (trial 8): the CoNLL import's error for unknown labels counted tags, not spans: one person
(B-PER I-PER) was "PER x2", and spaCy's `.iob` sample gave "DATE x4" where the same import with a label map said
"left out: 2 span(s) labelled 'DATE'". Both count spans. spaCy's real sample file, the real console script."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator
from real_files import REAL

IOB = REAL / "spacy" / "ner-token-per-line-conll2003.iob"


def test_the_unknown_labels_of_a_conll_file_are_counted_by_span(tmp_path: Path) -> None:
    shutil.copy(IOB, tmp_path / "sample.iob")
    result = annotator("import", "sample.iob", "--format", "conll", "--annotator", "bob", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: sample.iob:4: field 'tag': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE', got "
        "'PERSON' (unknown in this file: PERSON x2, ORG x2, DATE x2, NORP x1; map them with --label-map "
        "PERSON=LABEL,ORG=LABEL,DATE=LABEL,NORP=LABEL, each LABEL the one it stands for (ACTOR, LOCATION, FIGURE, "
        "QUOTE) or nothing to drop it, as NAME=)\n"
    )

"""An unknown label refused where another error stopped the reading says what that error is (a researcher's trial:
`annotator import demo.spacy --format spacy`, a DocBin of PERSON entities without --annotator, said "another
error there stopped the reading" and not that the file names no annotator, so the next run stopped at it again).
A DocBin written by spaCy itself; the real console script."""

from __future__ import annotations

from pathlib import Path

import spacy
from processes import annotator, one_error_line
from spacy.tokens import DocBin

KNOWN = "Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE'"


def demo(path: Path) -> Path:
    """spaCy's own DocBin of one sentence with a PERSON entity and no annotator in its user data."""
    doc = spacy.blank("en")("Ana Ruiz said the bridge will open in May.")
    doc.ents = [doc.char_span(0, 8, label="PERSON")]
    DocBin(docs=[doc]).to_disk(path)
    return path


def test_the_error_that_stopped_the_reading_is_said(tmp_path: Path) -> None:
    demo(tmp_path / "demo.spacy")
    result = annotator("import", "demo.spacy", "--format", "spacy", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"demo.spacy: record 1: field 'ents[0].label': {KNOWN}, got 'PERSON' (PERSON x1 on record 1 (another error "
        "there stopped the reading); map it with --label-map PERSON=LABEL, "
        "LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as PERSON=); "
        "that error: field 'user_data.annotator': the record names no annotator; give --annotator"
    )
    assert not (tmp_path / "x.db").exists()

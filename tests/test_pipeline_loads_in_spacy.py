"""A pipeline folder holding annotator's components (what `annotator train` writes) loads with plain
`spacy.load` in a process that never imports annotator, as spaCy's own tools (`spacy package`, `spacy evaluate`)
load it: the components are registered as spaCy factories by the package's entry points (trial 43b: E002 "Can't
find factory for 'annotator_line_starts'")."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotator.suggest import load_pipeline

TEXT = "Officials in Gaza said at least 35 people died.\nResidents of Rafah fled on Thursday."

LOAD = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
doc = nlp(sys.argv[2])
print(json.dumps({
    "pipes": nlp.pipe_names,
    "imported annotator": any(name.startswith("annotator") for name in sys.modules),
    "guide": [[s.start_char, s.end_char, s.label_] for s in doc.spans["guide"]],
}))
"""


def test_a_saved_pipeline_loads_with_plain_spacy(tmp_path: Path) -> None:
    nlp = load_pipeline(None)
    nlp.to_disk(tmp_path / "pipeline")
    ours = nlp(TEXT)
    result = subprocess.run(
        [sys.executable, "-c", LOAD, str(tmp_path / "pipeline"), TEXT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["pipes"] == nlp.pipe_names
    assert loaded["guide"] == [[s.start_char, s.end_char, s.label_] for s in ours.spans["guide"]]
    assert loaded["imported annotator"]  # through spaCy's entry points, nothing else asked for it

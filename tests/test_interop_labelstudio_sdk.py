"""Our Label Studio files read by label-studio-sdk's own code (tests/consumers/labelstudio_sdk.py), in the SDK's
own environment: `.venv-labelstudio`, label-studio-sdk pinned in tests/consumers/labelstudio-requirements.txt.
It cannot share `.venv`: it would move this environment's pins (numpy, pandas, lxml, ...).

`make test` builds that environment first and names its Python in $LABELSTUDIO_SDK_PYTHON: then a missing one
fails these tests, naming the make target. A plain `pytest` uses `.venv-labelstudio` when it is there and skips
these tests, saying how to make it, when it is not.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from real_files import run
from support import find

from annotator.models import Suggestion

ROOT = Path(__file__).resolve().parent.parent
CONSUMERS = Path(__file__).resolve().parent / "consumers"
SDK_PYTHON = "LABELSTUDIO_SDK_PYTHON"
SDK_VENV = ROOT / ".venv-labelstudio"
MAKE_IT = "`make .venv-labelstudio/.installed` makes it"


def _benchmark() -> Any:
    """benchmarks/interop.py, which sends the same invented articles to a real server: the SDK reads them here."""
    spec = importlib.util.spec_from_file_location("interop_benchmark", ROOT / "benchmarks" / "interop.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCHMARK = _benchmark()
#: (text, [(label, part)], quote part or None, status)
ARTICLES = BENCHMARK.ARTICLES


def sdk_python() -> Path:
    """The SDK environment's Python: $LABELSTUDIO_SDK_PYTHON (make test) must exist; without it, .venv-labelstudio
    is used if it is there, else the test is skipped."""
    named = os.environ.get(SDK_PYTHON)
    if named:
        if not Path(named).is_file():
            pytest.fail(f"{SDK_PYTHON}={named}: no such Python: label-studio-sdk's environment is missing; {MAKE_IT}")
        return Path(named)
    python = SDK_VENV / "bin" / "python"
    if not python.is_file():
        pytest.skip(f"label-studio-sdk's environment {SDK_VENV.name} is missing; {MAKE_IT} (make test does)")
    return python


def pinned_sdk() -> str:
    [line] = [x for x in (CONSUMERS / "labelstudio-requirements.txt").read_text().splitlines() if "==" in x]
    return line.split("==")[1].strip()


def read_by_sdk(config: Path, files: dict[str, Path]) -> dict[str, Any]:
    """What label-studio-sdk makes of a labelling config and task files (see consumers/labelstudio_sdk.py)."""
    job = {"config": config.read_text(encoding="utf-8"), "files": {k: str(v) for k, v in files.items()}}
    done = subprocess.run(
        [str(sdk_python()), str(CONSUMERS / "labelstudio_sdk.py")],
        input=json.dumps(job), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def build(db: Path) -> None:
    """The four articles: alice's spans, speakers and statuses, and the model's suggestions for the first (what
    benchmarks/interop.py builds and sends to a real server)."""
    text = ARTICLES[0][0]
    suggested = [
        Suggestion(**find(text, "Ruiz", "ACTOR"), suggester="entities.v3"),
        Suggestion(**find(text, "1,200", "FIGURE"), suggester="entities.v3"),
        Suggestion(**find(text, ARTICLES[0][2], "QUOTE"), speaker={"start": 10, "end": 14}, suggester="quotes.v3"),
    ]
    BENCHMARK.build(db, suggested)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """alice's work (every status) and the model's suggestions as Label Studio tasks, with our labelling config."""
    folder = tmp_path_factory.mktemp("labelstudio-sdk")
    db = folder / "notes.db"
    build(db)
    files = {"alice": folder / "alice.json", "suggestions": folder / "suggestions.json", "config": folder / "ls.xml"}
    said = run("export", "--db", db, "--annotator", "alice", "--format", "labelstudio", "--status", "all",
               "-o", files["alice"], "--config", files["config"])  # fmt: skip
    unfinished = (  # in progress and flagged: Label Studio has only submitted and cancelled annotations
        "note: 2 task(s) of work not done (todo, in progress, flagged) go to Label Studio as submitted annotations, "
        "as it has no other state but cancelled (which skipped work becomes); the task's meta keeps our status, and "
        "import reads it back\n"
    )
    assert said == (
        0,
        f"4 record(s) -> {files['alice']}; Label Studio labelling config -> {files['config']}\n",
        unfinished,
    )
    said = run("export", "--db", db, "--suggestions", "--format", "labelstudio", "-o", files["suggestions"])
    none = (  # three articles have no suggestion: their records say so (trial s59 t19 F4)
        "note: 3 record(s) of an article with no suggestion, their annotator 'model:' naming no suggester (ingested "
        "with --no-suggest, or the suggesters found nothing in it; `annotator suggest` suggests for those never "
        "suggested)\n"
    )
    assert said == (0, f"4 record(s) -> {files['suggestions']}\n", none)
    return files


@pytest.fixture(scope="module")
def sdk(exported: dict[str, Path]) -> dict[str, Any]:
    return read_by_sdk(exported["config"], {"alice": exported["alice"], "suggestions": exported["suggestions"]})


def test_the_sdk_is_the_pinned_one_and_takes_our_labelling_config(sdk: dict[str, Any]) -> None:
    assert sdk["version"] == pinned_sdk()
    assert sdk["config"] == {
        "problem": None,
        "controls": {
            "label": {"tag": "Labels", "to_name": ["text"], "labels": ["ACTOR", "LOCATION", "FIGURE", "QUOTE"]}
        },
        "objects": {"text": {"tag": "Text", "value": "$text"}},
    }


def test_every_annotation_and_its_speaker_relations_pass_the_sdks_validation(
    sdk: dict[str, Any], exported: dict[str, Path]
) -> None:
    valid = {"valid": True, "errors": []}
    assert sdk["files"]["alice"]["tasks"] == [{"missing_data": [], "annotations": [valid], "predictions": []}] * 4
    relations = [
        [r for r in task["annotations"][0]["result"] if r["type"] == "relation"]
        for task in json.loads(exported["alice"].read_text(encoding="utf-8"))
    ]
    assert [len(r) for r in relations] == [1, 1, 0, 0]  # the two speakers were validated, ends among the regions


def test_the_models_suggestions_are_predictions_the_sdk_validates_and_no_ones_annotation(sdk: dict[str, Any]) -> None:
    """Label Studio's converter reads annotations only: the model's spans never pass for someone's work."""
    read = sdk["files"]["suggestions"]
    valid = {"valid": True, "errors": []}
    assert read["tasks"] == [{"missing_data": [], "annotations": [], "predictions": [valid]}] * 4
    assert read["JSON_MIN"] == [] and read["CONLL2003"] == "-DOCSTART- -X- O\n"


def test_the_converter_offers_conll2003_and_json_min_for_our_config(sdk: dict[str, Any]) -> None:
    assert sdk["files"]["alice"]["supported"] == ["CONLL2003", "CSV", "CSV_OLD", "JSON", "JSON_MIN", "TSV"]


def test_json_min_by_the_converter_holds_our_spans_exactly(sdk: dict[str, Any]) -> None:
    """One record per annotation that was not cancelled (the skipped article's is): spans as Label Studio keeps
    them; JSON_MIN has no relations, so no speakers."""

    def spans(record: dict[str, Any]) -> list[tuple[int, int, str, list[str]]]:
        return [(s["start"], s["end"], s["text"], s["labels"]) for s in record["label"]]

    records = sdk["files"]["alice"]["JSON_MIN"]
    assert [(r["id"], r["article_id"], r["title"], r["text"][:20]) for r in records] == [
        (1, "note-0", "Note 0", "Mayor Ana Ruiz said "),
        (2, "note-1", "Note 1", "Officials in  Port M"),
        (3, "note-2", "Note 2", "Delta Cooperative sa"),
    ]
    assert [spans(r) for r in records] == [
        [(6, 14, "Ana Ruiz", ["ACTOR"]), (21, 29, "Riverton", ["LOCATION"]),
         (21, 60, "Riverton will rebuild the bridge by May", ["QUOTE"]), (83, 94, "1,200 homes", ["FIGURE"])],
        [(14, 24, "Port Maren", ["LOCATION"]), (33, 41, "14 boats", ["FIGURE"]), (63, 69, "Li Wei", ["ACTOR"]),
         (78, 102, "We expect more tomorrow.", ["QUOTE"])],
        [(0, 17, "Delta Cooperative", ["ACTOR"]), (37, 48, "300 workers", ["FIGURE"]),
         (52, 60, "Eastvale", ["LOCATION"])],
    ]  # fmt: skip
    assert [r["annotator"] for r in records] == [None, None, None]  # no completed_by: a server sets its importer


def test_conll2003_by_the_converter_tags_our_spans_on_its_own_tokens(sdk: dict[str, Any]) -> None:
    """The converter tokenizes the text itself (nltk's Treebank tokenizer) and tags each token from our offsets:
    one block per annotation, the first label of the spans a token falls in (the converter takes spans in start
    order and cannot nest: the LOCATION 'Riverton' opens the quote, whose words after it are O)."""
    blocks = sdk["files"]["alice"]["CONLL2003"].split("\n\n")
    assert blocks[0].splitlines()[0] == "-DOCSTART- -X- O" and blocks[-1] == ""
    tagged = [[tuple(line.split(" -X- _ ")) for line in block.splitlines() if " -X- _ " in line] for block in blocks]
    assert tagged[:3] == [
        [("Mayor", "O"), ("Ana", "B-ACTOR"), ("Ruiz", "I-ACTOR"), ("said", "O"), ('"', "O"),
         ("Riverton", "B-LOCATION"), ("will", "B-QUOTE"), ("rebuild", "I-QUOTE"), ("the", "I-QUOTE"),
         ("bridge", "I-QUOTE"), ("by", "I-QUOTE"), ("May", "I-QUOTE"), ('"', "O"), ("after", "O"), ("floods", "O"),
         ("cut", "O"), ("off", "O"), ("1,200", "B-FIGURE"), ("homes", "I-FIGURE"), (".", "O")],
        [("Officials", "O"), ("in", "O"), ("Port", "B-LOCATION"), ("Maren", "I-LOCATION"), ("counted", "O"),
         ("14", "B-FIGURE"), ("boats.", "I-FIGURE"), ("The", "O"), ("harbour", "O"), ("master", "O"), (",", "O"),
         ("Li", "B-ACTOR"), ("Wei", "I-ACTOR"), (",", "O"), ("said", "O"), (":", "O"), ('"', "O"),
         ("We", "B-QUOTE"), ("expect", "I-QUOTE"), ("more", "I-QUOTE"), ("tomorrow", "I-QUOTE"), (".", "I-QUOTE"),
         ('"', "O")],
        [("Delta", "B-ACTOR"), ("Cooperative", "I-ACTOR"), ("said", "O"), ("it", "O"), ("would", "O"), ("hire", "O"),
         ("300", "B-FIGURE"), ("workers", "I-FIGURE"), ("in", "O"), ("Eastvale", "B-LOCATION"), (".", "O")],
    ]  # fmt: skip
    assert len(tagged) == 4 and tagged[3] == []


def test_the_sdk_refuses_what_our_export_must_never_write(exported: dict[str, Path], tmp_path: Path) -> None:
    """The checks above are the SDK's, not a rubber stamp: a label the config lacks, a region on another object,
    and a speaker relation to a region that is not there are each refused with the SDK's own words."""
    tasks = json.loads(exported["alice"].read_text(encoding="utf-8"))
    result = tasks[0]["annotations"][0]["result"]
    result[0]["value"]["labels"] = ["PERSON"]
    result[1]["to_name"] = "title"
    result[-1]["to_id"] = "nowhere"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(tasks[:1]), encoding="utf-8")
    [task] = read_by_sdk(exported["config"], {"broken": broken})["files"]["broken"]["tasks"]
    labels = "expected fields: ['start', 'end', 'labels']; valid labels: ['ACTOR', 'LOCATION', 'FIGURE', 'QUOTE']"
    assert task["annotations"] == [
        {
            "valid": False,
            "errors": [
                f"Region 0: Invalid value for control 'label'. Got: {result[0]['value']}. Valid options: {labels}",
                "Region 1: 'to_name' 'title' not found in configuration",
                ["Relation 4: 'to_id' 'nowhere' not found in regions"],  # a list in the list: the SDK's own way
            ],
        }
    ]


def test_under_make_test_a_missing_sdk_environment_fails_naming_the_make_target(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SDK_PYTHON, "/nonexistent/.venv-labelstudio/bin/python")
    with pytest.raises(pytest.fail.Exception) as failed:
        sdk_python()
    assert str(failed.value) == (
        f"{SDK_PYTHON}=/nonexistent/.venv-labelstudio/bin/python: no such Python: label-studio-sdk's environment is "
        "missing; `make .venv-labelstudio/.installed` makes it"
    )

"""Reads our Label Studio files with label-studio-sdk's own code; run by tests/test_interop_labelstudio_sdk.py with
the Python of the SDK's own environment (.venv-labelstudio, `make .venv-labelstudio/.installed`), never ours.

It imports nothing of annotator. Given, as JSON on standard input, a labelling config and task files, it prints as
JSON what the SDK makes of them:

- the config: `LabelInterface(config).validate()` (Label Studio's own checks of a labelling config) and the
  controls, objects and labels the SDK parsed from it;
- each task: the data values its object tags need, and each annotation and prediction through
  `LabelInterface.validate_annotation` / `validate_prediction(return_errors=True)` (every region's from_name,
  to_name, type and value against the config; every relation's ends among the regions);
- each file, as we wrote it, through `converter.Converter` to the text formats Label Studio offers for it
  (`CONVERTED`: JSON_MIN, CONLL2003, CSV and TSV; its JSON is the file itself). The converter reads a server's
  export, where every task has its integer `id` (`get_data`: `task["id"]`); our export writes one, so nothing
  is added here.
"""

from __future__ import annotations

import json
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

from label_studio_sdk.converter import Converter
from label_studio_sdk.label_interface import LabelInterface


def read_config(config: str) -> tuple[LabelInterface, dict[str, Any]]:
    interface = LabelInterface(config)
    try:
        interface.validate()
        problem = None
    except Exception as error:  # the SDK raises its own validation errors, and lxml's
        problem = f"{type(error).__name__}: {error}"
    found = {
        "problem": problem,
        "controls": {c.name: {"tag": c.tag, "to_name": c.to_name, "labels": c.labels} for c in interface.controls},
        "objects": {o.name: {"tag": o.tag, "value": o.value} for o in interface.objects},
    }
    return interface, found


def read_task(interface: LabelInterface, task: dict[str, Any]) -> dict[str, Any]:
    missing = [o.value_name for o in interface.objects if o.value_is_variable and o.value_name not in task["data"]]
    annotations = [
        {"valid": interface.validate_annotation(a), "errors": interface.validate_prediction(a, return_errors=True)}
        for a in task.get("annotations", [])
    ]
    predictions = [
        {"valid": interface.validate_prediction(p), "errors": interface.validate_prediction(p, return_errors=True)}
        for p in task.get("predictions", [])
    ]
    return {"missing_data": missing, "annotations": annotations, "predictions": predictions}


#: The converter's formats for text labels, and the file each writes in its output folder.
CONVERTED = {"JSON_MIN": "result.json", "CONLL2003": "result.conll", "CSV": "result.csv", "TSV": "result.csv"}


def convert(config: str, path: Path, work: Path) -> dict[str, Any]:
    converter = Converter(config=config, project_dir=str(work), download_resources=False)
    found: dict[str, Any] = {"supported": sorted(converter.supported_formats)}
    for kind, name in CONVERTED.items():
        out = work / kind
        converter.convert(str(path), str(out), kind, is_dir=False)
        with open(out / name, encoding="utf-8", newline="") as written:  # CSV's own line ends, as written
            text = written.read()
        found[kind] = json.loads(text) if name.endswith(".json") else text
    return found


def main() -> None:
    job = json.load(sys.stdin)
    interface, config = read_config(job["config"])
    files = {}
    for name, path in job["files"].items():
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as folder:
            files[name] = {
                "tasks": [read_task(interface, task) for task in tasks],
                **convert(job["config"], Path(path), Path(folder)),
            }
    found = {"version": version("label-studio-sdk"), "config": config, "files": files}
    json.dump(found, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

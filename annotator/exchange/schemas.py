"""JSON Schema files for the records people exchange, generated from the pydantic models.

They are package data (`annotator/data/schemas/`, also reachable as `schemas/` at the top of the repository), so
an installed annotator has them: `schema(name)` reads one with importlib.resources. Run
`python -m annotator.exchange.schemas` after changing a model; a test fails while the files are out of date.
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

from annotator.models import EXCHANGED_MODELS

#: Where `write_schemas` writes in a source tree (an installed package reads them with `schema`).
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schemas"


def schema(name: str) -> dict[str, Any]:
    """The shipped JSON Schema of an exchanged record (`native_record`, `article_in`, `span`, `suggestion`)."""
    text = files("annotator").joinpath("data", "schemas", f"{name}.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def render_schemas() -> dict[str, str]:
    """File name -> JSON text, deterministic so the files diff cleanly."""
    return {
        f"{name}.json": json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, model in EXCHANGED_MODELS.items()
    }


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_DIR):
        print(path)

"""JSON Schema files for the records people exchange, generated from the pydantic models.

Run `python -m annotator.schemas` after changing a model; a test fails while schemas/ is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from annotator.models import EXCHANGED_MODELS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


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

"""schemas/ is generated from the models; this fails while it is out of date."""

from __future__ import annotations

import json

from annotator.exchange.schemas import SCHEMA_DIR, render_schemas, schema


def test_schema_files_match_the_models() -> None:
    stale = [name for name, text in render_schemas().items() if (SCHEMA_DIR / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run: python -m annotator.exchange.schemas"


def test_the_shipped_schemas_are_the_files_written() -> None:
    """`schema()` reads package data through importlib.resources: the same files `SCHEMA_DIR` holds here."""
    for name, text in render_schemas().items():
        assert schema(name.removesuffix(".json")) == json.loads(text)

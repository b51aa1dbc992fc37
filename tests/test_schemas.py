"""schemas/ is generated from the models; this fails while it is out of date."""

from __future__ import annotations

from annotator.schemas import SCHEMA_DIR, render_schemas


def test_schema_files_match_the_models() -> None:
    stale = [name for name, text in render_schemas().items() if (SCHEMA_DIR / name).read_text(encoding="utf-8") != text]
    assert stale == [], "run: python -m annotator.schemas"

"""The line for a file `ingest` names and reads as no articles: what it is, when that can be told, and what reads it.
Trial t4 F3 and F14: an empty JSON array (a task file with no task), a CoNLL file and a labelling config were all
told "expected a .txt or .jsonl file, or a folder of them", which also left out the Label Studio task files
(JSON) ingest does read, and named no command that reads them."""

from __future__ import annotations

import shlex
from pathlib import Path

from annotator.errors import InputError
from annotator.exchange.files import first_line

#: The names CoNLL files go by (Label Studio's CONLL2003 export is `.conll`; spaCy's `.iob`).
CONLL_SUFFIXES = {".conll", ".conllu", ".conll03", ".iob", ".bio"}


def not_articles(path: Path) -> InputError:
    """The error for a file (not a folder) ingest reads no article from."""
    first = (first_line(path) or "").lstrip("\ufeff").strip()
    named = shlex.quote(str(path))
    if first.startswith("[") and _whole(path) == "[]":
        return InputError(
            "the file holds no Label Studio task (an empty JSON array): nothing to ingest", path=str(path), line=1
        )
    if path.suffix.lower() in CONLL_SUFFIXES:
        command = f"annotator import {named} --format conll --annotator NAME"
        return InputError(
            f"a CoNLL file holds annotations, not articles to ingest: `{command}` reads them, with their texts",
            path=str(path),
            advised=command,
        )
    if first.startswith("<View"):
        command = f"annotator import EXPORT.json --format labelstudio --config {named}"
        return InputError(
            f"this is a Label Studio labelling config, not articles to ingest: `{command}` reads a project's export "
            "by it",
            path=str(path),
            line=1,
        )
    return InputError(
        "expected a .txt or .jsonl file, a Label Studio task file (JSON), or a folder of them", path=str(path)
    )


def _whole(path: Path) -> str:
    """A small file's text without white space (a byte order mark left out), or "" for a larger one."""
    try:
        if path.stat().st_size > 4096:
            return ""
        return "".join(path.read_text("utf-8-sig").split())
    except (OSError, UnicodeDecodeError):
        return ""


def annotations_array(path: Path) -> InputError:
    """The error for a JSON array ingest reads no task from (records of annotations: JSON_MIN, another tool's),
    with the import that reads a Label Studio export (trial t4 F14: it said "expected JSONL", though ingest reads
    a JSON array of tasks)."""
    command = f"annotator import {shlex.quote(str(path))} --format labelstudio"
    return InputError(
        "this is a JSON array of records of annotations (Label Studio's JSON_MIN, or another tool's), not Label "
        f"Studio tasks to ingest: `{command}` reads a Label Studio export (the project's JSON export is a task file "
        "ingest reads)",
        path=str(path),
        line=1,
        advised=command,
    )


def json_min_line(record: dict[str, object], path: Path, line: int) -> InputError | None:
    """The error for a JSONL line that is a record of Label Studio's JSON_MIN export (its `annotator` and
    `annotation_id`, which Label Studio writes on each, null or not), or None (re-trial t4r F14-v1: the export as
    JSONL, `jq -c '.[]'`, was ingested as our JSONL, its task ids made article ids, and the `import` advised
    failed). Import reads JSON_MIN as the one JSON array Label Studio exports: `jq -s` makes it so again."""
    if not {"annotator", "annotation_id"} <= record.keys():
        return None
    whole = path.with_suffix(".json")
    whole = whole if not whole.exists() else path.with_name(f"{path.stem}-array.json")  # never over a file there
    command = f"annotator import {shlex.quote(str(whole))} --format labelstudio"
    return InputError(
        "this line is a record of Label Studio's JSON_MIN export (one annotation), not an article to ingest: import "
        f"reads JSON_MIN as the JSON array Label Studio exports: `jq -s . {shlex.quote(str(path))} > "
        f"{shlex.quote(str(whole))}` makes one, and `{command}` reads it",
        path=str(path),
        line=line,
        advised=command,
    )

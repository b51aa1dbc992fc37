"""Which known format a file's record looks like, by what only that format has, so that a record read with the
wrong --format (or none) is refused naming the format it looks like and the flag to use, rather than with an
error about a field the format being read expects (a newcomer importing our native JSONL with `--format prodigy`
was told "the record names no annotator"), or worse, read as a record of the wrong format (doccano's reader took
a native record as a line without entities, and kept its spans in the article's meta).

Only marks no other format has count: a native record's `spans` with `annotator` or `article_id` beside them,
doccano's `label` as [[start, end, LABEL]] or `entities` with `start_offset`, Label Studio's `data` with
`annotations`, Prodigy's `answer`, `tokens` and underscore keys. A record with none, or with the marks of two
formats, looks like nothing, and its format's reader says what is wrong with it.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from typing import Any

from annotator.errors import InputError
from annotator.exchange.files import Where, loads, read_text

#: What a record of each format is called in a message ("..., not a Prodigy task").
CALLED = {
    "jsonl": "a native JSONL record",
    "prodigy": "a Prodigy task",
    "doccano": "a doccano record",
    "doccano-relations": "a doccano record",
    "labelstudio": "a Label Studio task",
    "conll": "CoNLL",
}
#: Formats read by the same reader as another (doccano's reader reads both of its shapes).
_READER = {"doccano-relations": "doccano"}
#: Keys only Prodigy writes at a task's top level.
PRODIGY_MARKS = ("answer", "tokens", "_input_hash", "_task_hash", "_view_id", "_annotator_id", "_session_id")
#: What a Label Studio task holds beside its `data`.
LABEL_STUDIO_RESULTS = ("annotations", "predictions", "completions")


@dataclass(frozen=True)
class Look:
    """A format a record looks like: its reader's name, the record in words, and the option that reads it."""

    reader: str
    described: str
    option: str


def look_of(data: dict[str, Any]) -> Look | None:
    """The one known format `data` has the marks of, or None."""
    found = [look for look in (_label_studio(data), _doccano(data), _prodigy(data), _native(data)) if look]
    return found[0] if len(found) == 1 else None


def _label_studio(data: dict[str, Any]) -> Look | None:
    results = [key for key in LABEL_STUDIO_RESULTS if isinstance(data.get(key), list)]
    if not isinstance(data.get("data"), dict) or not (results or "text" not in data):
        return None
    return Look(
        "labelstudio",
        f"a Label Studio task ({', '.join(['data', *results])})",
        "--format labelstudio (which reads Label Studio's JSON export, one array of tasks)",
    )


def _doccano(data: dict[str, Any]) -> Look | None:
    for key in ("label", "labels"):
        triples = data.get(key)
        if isinstance(triples, list) and triples and all(isinstance(t, list) and len(t) == 3 for t in triples):
            return Look("doccano", f"a doccano record ({key} as [[start, end, LABEL]])", "--format doccano")
    entities = data.get("entities")
    if isinstance(entities, list) and entities and all(isinstance(e, dict) and "start_offset" in e for e in entities):
        return Look("doccano", "a doccano record (entities with start_offset/end_offset)", "--format doccano-relations")
    return None


def _prodigy(data: dict[str, Any]) -> Look | None:
    marks = [key for key in PRODIGY_MARKS if key in data]
    if not marks:
        return None
    return Look("prodigy", f"a Prodigy task ({', '.join(marks)})", "--format prodigy")


def _native(data: dict[str, Any]) -> Look | None:
    spans = data.get("spans")
    if not isinstance(spans, list) or not ("annotator" in data or "article_id" in data):
        return None
    if not all(isinstance(span, dict) and {"label", "start", "end"} <= span.keys() for span in spans):
        return None
    return Look(
        "jsonl", "a native JSONL record (text, spans with label/start/end, annotator)", "--format jsonl (the default)"
    )


def foreign(data: Any, reading: str, *, only: bool = False) -> str | None:
    """Why a record read as format `reading` is refused because it looks like another format's, or None. `only`:
    the command reads that format alone (`evaluate --gold-from`, `train --from`), so `import` is the way in."""
    look = look_of(data) if isinstance(data, dict) else None
    if look is None or look.reader == _READER.get(reading, reading):
        return None
    if only:
        return (
            f"this record looks like {look.described}, not {CALLED[reading]}, which this command reads: "
            f"`annotator import` reads it with {look.option}"
        )
    return f"this record looks like {look.described}, not {CALLED[reading]}: {look.option}"


def is_article(data: Any) -> bool:
    """An article to annotate, as `annotator ingest` reads it: a text, without what a record of annotations
    carries (article_id, annotator, spans) nor another format's marks."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("text"), str)
        and not {"article_id", "annotator", "spans"} & data.keys()
        and look_of(data) is None
    )


def refuse_foreign(where: Where, data: Any, reading: str, *, only: bool = False) -> None:
    """Raise the located error `foreign` gives, if any: before a reader takes the record as its own. A line of
    articles where native records are read is sent to `annotator ingest`."""
    if reading == "jsonl" and is_article(data):
        ingest = f"annotator ingest {shlex.quote(where.path)}"
        error = where.error(
            f"this record looks like an article to annotate (a text, without article_id, annotator or spans), not "
            f"{CALLED[reading]}: store articles with `{ingest}`"
        )
        error.advised = ingest  # into the command's database (`errors.on_database`)
        raise error
    problem = foreign(data, reading, only=only)
    if problem:
        raise where.error(problem)


def refuse_foreign_file(path: str, reading: str, text: str | None = None) -> None:
    """For a reader of a whole file (Label Studio's array, CoNLL): when the file's first line is a JSON object
    in another format's shape (JSONL of another tool), the error `foreign` gives, at that line. `text` is the
    file's, when the reader has it already."""
    if text is None:
        try:
            _, text = read_text(path)
        except InputError:  # the reader's own error says why the file cannot be read
            return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = loads(line) if line.lstrip().startswith("{") else None
        except (ValueError, RecursionError):
            return
        refuse_foreign(Where(path, line=number), data, reading)
        return

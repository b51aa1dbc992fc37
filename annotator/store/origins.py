"""Where an annotator's stored work came from, as the import that wrote it said (its event's `origin`: the Label
Studio task and annotation it was): a skip of one copy of a text gives way to the same user's answer to another
copy in a later import, but not a skip of the same task (re-trial s52 t6 F11-v1b-a), so the stored work must tell
its task. How far an origin is trusted depends on what it decides: work it would replace (a stored skip) only while
that import is the last edit (`work_origin`: after an edit, an undo or a redo it is the tool's); work it keeps (a
stored answer) while the import is in effect, edits since or not (`import_origin`: s53 t7 F11-v1b-a-3)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from annotator.store.reads import NOT_EDITS, Reader
from annotator.store.stacks import stacked


@dataclass(frozen=True)
class ImportOrigin:
    """The latest import in effect on an annotator's work (not undone): what its event kept of where the work came
    from (`origin`, {} when it said nothing: an older release's, a format without tasks, Label Studio's JSON_MIN),
    and whether it is still the last edit of the work (`last`)."""

    origin: dict[str, Any]
    last: bool


def import_origin(store: Reader, article_id: str, annotator: str) -> ImportOrigin | None:
    """The latest import in effect on the annotator's work on the article, edits since or not (an undone import is
    not, a redone one is again); None when no import is (the work is the tool's alone)."""
    events = store.conn.execute(
        "SELECT id, action, json_extract(after, '$.origin') FROM events WHERE article_id = ? AND annotator = ? "
        "ORDER BY id",
        [article_id, annotator],
    ).fetchall()
    done, _, _ = stacked((event_id, action) for event_id, action, _ in events)
    imports = {event_id: kept for event_id, action, kept in events if action == "import"}
    latest = next((event_id for event_id in reversed(done) if event_id in imports), None)
    if latest is None:
        return None
    edits = [event_id for event_id, action, _ in events if action not in NOT_EDITS]
    return ImportOrigin(_origin(imports[latest]), edits[-1] == latest)


def imported_work_stands(store: Reader, article_id: str, annotator: str) -> bool:
    """Whether the annotator's work on the article is still what an import left there: the latest import in effect
    wrote the spans, status and flag reason stored now (edits since that were taken back, or an undo and a redo of
    it, leave it so), or no import ever wrote it (an import keeps the annotation id of a record equal to the stored
    work, "unchanged", writing nothing). False once that work was changed here, or the import that wrote it undone,
    which a second import of the same file meets as stored work (a conflict: s55 F8-v1-a-2)."""
    events = store.conn.execute(
        "SELECT id, action, after FROM events WHERE article_id = ? AND annotator = ? ORDER BY id",
        [article_id, annotator],
    ).fetchall()
    imports = {event_id: after for event_id, action, after in events if action == "import"}
    if not imports:
        return True
    done, _, _ = stacked((event_id, action) for event_id, action, _ in events)
    latest = next((event_id for event_id in reversed(done) if event_id in imports), None)
    if latest is None:
        return False
    try:
        brought = json.loads(imports[latest])
    except (TypeError, ValueError):
        return False
    if not isinstance(brought, dict) or not isinstance(brought.get("spans"), list):
        return False
    spans = sorted((row.get("start"), row.get("end"), row.get("label")) for row in brought["spans"])
    stored = sorted((span.start, span.end, span.label.value) for span in store.spans(article_id, annotator))
    return (spans, brought.get("status"), brought.get("flag_reason")) == (
        stored,
        store.status(article_id, annotator).value,
        store.flag_reason(article_id, annotator),
    )


def work_origin(store: Reader, article_id: str, annotator: str) -> dict[str, Any]:
    """The `origin` the import that wrote the annotator's work on the article kept, when that import is the last
    edit of it; {} otherwise (edited since, or an import that said none: an older release's, another format's)."""
    found = import_origin(store, article_id, annotator)
    return found.origin if found is not None and found.last else {}


def _origin(kept: str | None) -> dict[str, Any]:
    if kept is None:
        return {}
    try:
        origin = json.loads(kept)
    except ValueError:
        return {}
    return origin if isinstance(origin, dict) else {}

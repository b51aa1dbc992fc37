"""Where an annotator's stored work came from, as the import that wrote it said (its event's `origin`: the Label
Studio task and annotation it was): a skip of one copy of a text gives way to the same user's answer to another
copy in a later import, but not a skip of the same task (re-trial s52 t6 F11-v1b-a), so the stored work must tell
its task. Only while that import is the last edit of the work: after an edit, an undo or a redo it is the tool's."""

from __future__ import annotations

import json
from typing import Any

from annotator.store.reads import NOT_EDITS, Reader


def work_origin(store: Reader, article_id: str, annotator: str) -> dict[str, Any]:
    """The `origin` the import that wrote the annotator's work on the article kept, when that import is the last
    edit of it; {} otherwise (edited since, or an import that said none: an older release's, another format's)."""
    marks = ", ".join("?" * len(NOT_EDITS))
    row = store.conn.execute(
        f"""SELECT action, json_extract(after, '$.origin') FROM events
            WHERE article_id = ? AND annotator = ? AND action NOT IN ({marks}) ORDER BY id DESC LIMIT 1""",
        [article_id, annotator, *NOT_EDITS],
    ).fetchone()
    if row is None or row[0] != "import" or row[1] is None:
        return {}
    try:
        origin = json.loads(row[1])
    except ValueError:
        return {}
    return origin if isinstance(origin, dict) else {}

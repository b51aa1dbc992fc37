"""What of a Label Studio task, beside its data, an article keeps in its meta, so that it can be matched back to the
server's task (trial t4 F7: import kept no id, ingest kept the task's): the task's `id`, the id of each annotator's
annotation, and the task's own `meta` (a desk, a priority; trial t4 F2: dropped without a word), each under a key
of its own. Our own export numbers its tasks 1..n by their place in the file and keeps an article's original task
id in `data.meta`: that one wins (the data's meta is the article's own), and a task of our file as we wrote it
(our `meta`, no annotation id: a server gives every annotation one) has no server's id to keep."""

from __future__ import annotations

from typing import Any

from annotator.exchange.formats.stored_spans import DIGEST

#: Where the task's `id` is kept in the article's meta.
TASK_ID = "labelstudio_task_id"
#: Where each annotator's annotation id is kept: {"alice": 12, "bob": 13}.
ANNOTATION_IDS = "labelstudio_annotation_ids"
#: Where the task's own `meta` is kept, but for our export's keys.
TASK_META = "labelstudio_task_meta"
#: The keys of a task's own `meta` our export writes (`labelstudio_export.task`), read as our work's, not kept.
OUR_META = frozenset({"annotator", "status", "updated_at", DIGEST, "flag_reason", "comments"})
#: What our export writes in a task's `data` beside the text, in every version of it (`labelstudio_export.task`).
OUR_DATA = frozenset({"article_id", "title", "meta"})


def server_id(value: Any) -> int | str | None:
    """An id as Label Studio gives one (a whole number, or a string), or None."""
    return value if isinstance(value, int | str) and not isinstance(value, bool) else None


def ours(task: dict[str, Any]) -> bool:
    """A task our export wrote, as we wrote it or back from a server: its `meta` carries our spans digest (every
    export since it has one), or its data our `article_id`, `title` and `meta` (every export, older ones too). On
    any other task, `meta` keys named like ours (a newsroom's `status`, `annotator`) are the user's own, kept with
    the rest of it (re-trial t4r F2-v1: read as ours, they refused imports and flagged submitted work)."""
    meta, data = task.get("meta"), task.get("data")
    return (isinstance(meta, dict) and DIGEST in meta) or (isinstance(data, dict) and data.keys() >= OUR_DATA)


def our_meta(task: dict[str, Any]) -> dict[str, Any]:
    """The task's `meta` as our export's annotator, status, moment, flag reason and comments, or {} if not ours."""
    meta = task.get("meta")
    return meta if ours(task) and isinstance(meta, dict) else {}


def ours_as_written(task: dict[str, Any]) -> bool:
    """A task of our own export as we wrote it: our `meta`, and no answer with an id (a server's export gives
    each annotation and prediction one); its `id` is its place in our file."""
    meta = task.get("meta")
    answers = [a for key in ("annotations", "predictions") for a in _listed(task.get(key))]
    return isinstance(meta, dict) and DIGEST in meta and not any(isinstance(a, dict) and "id" in a for a in answers)


def task_keys(task: dict[str, Any]) -> dict[str, Any]:
    """The task's id and its own meta (but our export's keys, on a task of ours), as the article's meta keeps them."""
    given = None if ours_as_written(task) else server_id(task.get("id"))
    own, mine = task.get("meta"), ours(task)
    kept = {k: v for k, v in own.items() if not (mine and k in OUR_META)} if isinstance(own, dict) else {}
    return {**({TASK_ID: given} if given is not None else {}), **({TASK_META: kept} if kept else {})}


def with_keys(meta: dict[str, Any], keys: dict[str, Any]) -> dict[str, Any]:
    """The article's meta with the task's keys, where it has none of its own under them (the original wins)."""
    return {**meta, **{k: v for k, v in keys.items() if k not in meta}}


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []

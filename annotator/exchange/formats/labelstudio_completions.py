"""Label Studio before 1.0 called a task's annotations `completions` (its docs' `format.md` then: `"completions":
[{"id": 1001, "lead_time": 15.053, "result": [...]}]`), stamped in whole seconds since 1970; label-studio-converter
still reads `completions` where a task has no `annotations`. Trial t4 F13: the import read such a task as one nobody
annotated and sent the user to `ingest`, which stores the text without the work. They are read as the task's
annotations, their errors named under `completions`; a task with both cannot say which are its work: refused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from annotator.exchange.files import Where

ANNOTATIONS = "annotations"
COMPLETIONS = "completions"
#: The stamps Label Studio before 1.0 wrote as seconds since 1970 (`timestamp_now()`), read as ISO 8601 moments.
_STAMPS = ("created_at", "updated_at")


def answers_key(task: dict[str, Any]) -> str:
    """Where the task keeps its annotations: `annotations`, or `completions` where it has none of those."""
    return COMPLETIONS if not task.get(ANNOTATIONS) and task.get(COMPLETIONS) else ANNOTATIONS


def old_task(task: dict[str, Any], where: Where) -> dict[str, Any]:
    """The task as it is read: an old one's completions with their stamps in seconds as ISO 8601 moments (a stamp
    of another kind is left as it is, for its error to name it); an error for a task with both."""
    if task.get(ANNOTATIONS) and task.get(COMPLETIONS):
        raise where.error(
            f"the task has both {ANNOTATIONS!r} and {COMPLETIONS!r} (Label Studio before 1.0 named its annotations "
            "so): which are its work cannot be told; keep one of them",
            COMPLETIONS,
        )
    completions = task.get(COMPLETIONS)
    if not isinstance(completions, list):
        return task
    return {**task, COMPLETIONS: [_in_iso(each) for each in completions]}


def _in_iso(completion: Any) -> Any:
    if not isinstance(completion, dict):
        return completion
    return {**completion, **{k: _moment(v) for k, v in completion.items() if k in _STAMPS}}


def _moment(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 2**33:
        return datetime.fromtimestamp(value, UTC).isoformat()
    return value

"""Label Studio's own word on an annotation against what our export carried in the task's `meta` (annotator,
status, timestamp, flag reason): the `meta` comes back from a server untouched, whatever happened to the annotation
there, so where the two disagree the annotation's own fields win.

- `was_cancelled` is Label Studio's skip: a cancelled annotation is skipped work, whatever status the `meta` says;
  one the `meta` calls skipped but no longer cancelled was submitted there (done). Where they agree, the `meta`'s
  finer status stands (Label Studio has no in progress or flagged).
- The annotation's `updated_at` is a moment of work in Label Studio when it shows one: when the annotation has no
  `created_at` (no server wrote it; our export writes neither), or when it is more than a second after it. A server
  that only imported our annotation stamps both at once (tests/fixtures/real/labelstudio/
  ls1232_our_export_back.json): that moment is the import, not work, and an older `meta` moment stays, so an import
  back never takes the server's copy for newer work than what was done here since the export.
- `completed_by` names the annotator instead of the `meta`'s when it names someone (an email or a name, not a bare
  user id: a server makes its importer the completer of every imported annotation) and Label Studio shows work on
  the annotation (a moment of work, or a skip the `meta` does not know). The `meta`'s flag reason is then not theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from annotator.vocabulary import Status, parse_timestamp

SKIPPED = Status.SKIPPED.value


@dataclass(frozen=True)
class Truth:
    """The annotator (None: nobody named), status, timestamp and flag reason of an annotation."""

    annotator: Any
    status: Any
    updated_at: Any
    flag_reason: Any


def _moment(stamp: Any) -> Any:
    try:
        return parse_timestamp(stamp) if isinstance(stamp, str) else None
    except ValueError:
        return None


def worked_at(updated_at: str | None, created_at: Any) -> str | None:
    """The annotation's `updated_at` when it is a moment of work in Label Studio (see the module), else None."""
    if updated_at is None:
        return None
    created = _moment(created_at)
    if created is None:
        return None if created_at is not None else updated_at
    return updated_at if _moment(updated_at) - created > timedelta(seconds=1) else None


def truth(meta: dict[str, Any], annotation: Any, completer: str | None) -> Truth:
    """`meta` (our export's, or {}) against `annotation` (an `LSAnnotation`); `completer`: whom its `completed_by`
    names, if anyone."""
    cancelled = bool(annotation.was_cancelled)
    said = meta.get("status", annotation.status)
    status = said
    if isinstance(said, str) and (said == SKIPPED) != cancelled:
        status = SKIPPED if cancelled else Status.DONE.value
    worked = worked_at(annotation.updated_at, (annotation.model_extra or {}).get("created_at"))
    stamp = meta.get("updated_at", annotation.updated_at)
    if worked is not None and (_moment(stamp) is None or _moment(worked) > _moment(stamp)):
        stamp = worked
    named = meta.get("annotator") if isinstance(meta.get("annotator"), str) else None
    by = annotation.completed_by
    a_name = isinstance(by, str) or (isinstance(by, dict) and isinstance(by.get("email"), str))
    if named is not None and a_name and completer and completer != named and (worked or status != said):
        return Truth(completer, status, stamp, None)
    return Truth(named or completer, status, stamp, meta.get("flag_reason"))

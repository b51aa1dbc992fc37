"""Errors the user sees as one line: the CLI and the TUI print `str(error)`, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class AnnotatorError(Exception):
    """Base of every error that is the user's to fix, not a bug."""


class InputError(AnnotatorError):
    """Bad input, located as precisely as we can: file, line and field."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
        record: int | None = None,
    ):
        """`record` locates an entry of a file that is not one record a line (a JSON array, a DocBin)."""
        self.path, self.line, self.field, self.reason, self.record = path, line, field, message, record
        where = ":".join(str(part) for part in (path, line) if part is not None)
        parts = [where] if where else []
        if record is not None:
            parts.append(f"record {record}")
        if field:
            parts.append(f"field '{field}'")
        parts.append(message)
        super().__init__(": ".join(parts))


class Refused(AnnotatorError):
    """An edit that would break the annotation rules (overlap, off-token boundary): nothing was written."""


class Conflict(Refused):
    """The same annotation was changed elsewhere (another window) since this one read it: reload, then edit.
    `cause` says in a few words what changed, for a screen that reloads and acts again."""

    def __init__(self, message: str, cause: str = "the article changed elsewhere") -> None:
        super().__init__(message)
        self.cause = cause


class NotFound(AnnotatorError):
    pass


def describe_validation_error(error: ValidationError) -> tuple[str, str]:
    """The first problem of a pydantic error as (field, message), short enough for one line. A check of the whole
    record that knows which field it found wrong (`models.SpanError`: "spans[0].text") names that field."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    cause = first.get("ctx", {}).get("error")
    named = getattr(cause, "field", None)
    if isinstance(named, str) and named:
        field, message = ".".join(part for part in (field, named) if part), str(cause)
    return field or "record", message

"""Errors the user sees as one line: the CLI and the TUI print `str(error)`, never a traceback."""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from annotator.literal import quoted
from annotator.lookalike import python_quoted

if TYPE_CHECKING:
    from pydantic import ValidationError


class AnnotatorError(Exception):
    """Base of every error that is the user's to fix, not a bug."""

    #: A command the message gives, in backquotes, to run on the database the failing command ran on: raised where
    #: the file is known but not that database, it gets its --db where the error is said (`on_database`).
    advised: str | None = None


def on_database(error: AnnotatorError, db: str, database: str | os.PathLike[str] | None = None) -> str:
    """The error's message, the command it advises carrying `db` (`store.db_option`: "" for the default database),
    so that it runs as pasted on the database the failing command read. When the file the error names is that
    `database` itself, its advice would run on the database itself (a merge of self.db into self.db, refused): the
    error's `on_itself` is said instead, if it has one."""
    if isinstance(error, InputError) and error.on_itself and error.path and database and _same(error.path, database):
        return f"{error.path}: {error.on_itself}"
    said = str(error)
    if not db or error.advised is None:
        return said
    return said.replace(f"`{error.advised}`", f"`{error.advised}{db}`", 1)


def _same(path: str, other: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


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
        advised: str | None = None,
        on_itself: str | None = None,
    ):
        """`record` locates an entry of a file that is not one record a line (a JSON array, a DocBin); `advised`:
        the command the message gives (`AnnotatorError.advised`); `on_itself`: what to say instead when `path` is
        the command's own database (`on_database`)."""
        self.path, self.line, self.field, self.reason, self.record = path, line, field, message, record
        self.advised, self.on_itself = advised, on_itself
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


class Unchanged(Refused):
    """An edit whose outcome is there already (a pick of the version gold holds): nothing was written, and that is
    no failure: a screen says it as a hint."""


class Conflict(Refused):
    """The same annotation was changed elsewhere (another window) since this one read it: reload, then edit.
    `cause` says in a few words what changed, for a screen that reloads and acts again."""

    def __init__(self, message: str, cause: str = "the article changed elsewhere") -> None:
        super().__init__(message)
        self.cause = cause


#: A `Conflict`'s cause when another process changed the annotation (a screen names the command, when one did).
CHANGED_ELSEWHERE = "the annotation was changed in another window"


class NotFound(AnnotatorError):
    pass


class SuggestingFailed(AnnotatorError):
    """An unexpected error (a bug) in the suggesters, or in the spaCy pipeline they read, on one text: not the
    input's fault, yet said in one line as every error is, naming the article once a caller knows it (`named`),
    its traceback kept for a bug report (`details`: the CLI writes it to a file it names, `keep_details`). `texts`:
    the failing text's place among those given to suggest (counted from 0); several when it failed only with the
    others of its batch. Pickled whole: a worker process or a Dask worker sends it back."""

    #: What the caller of a batch knows its failing texts by (`suggest.dispatch`), set in the process that reads it.
    contexts: tuple[object, ...] = ()

    def __init__(self, what: str, suggesters: str, details: str, texts: tuple[int, ...] = (), article: str = ""):
        self.what, self.suggesters, self.details, self.texts, self.article = what, suggesters, details, texts, article
        on = f"{article}: " if article else ""
        super().__init__(f"{on}suggesting ({suggesters}) failed on {'it' if article else 'a text'}: {what}")

    def __reduce__(self) -> tuple[type[SuggestingFailed], tuple[str, str, str, tuple[int, ...], str]]:
        return type(self), (self.what, self.suggesters, self.details, self.texts, self.article)

    def named(self, article: str, texts: tuple[int, ...] | None = None) -> SuggestingFailed:
        """The same failure, said of `article` (its file and line, id and title), `texts` renumbered."""
        return SuggestingFailed(
            self.what, self.suggesters, self.details, self.texts if texts is None else texts, article
        )


def unexpected(error: BaseException, where: str) -> str:
    """An unexpected error in a few words: where it happened, its type and the first line of its message (clipped:
    a message may quote a whole text)."""
    lines = str(error).strip().splitlines()
    said = lines[0] if lines else ""
    said = said if len(said) <= SHOWN_LENGTH * 3 else f"{said[: SHOWN_LENGTH * 3]}..."
    return f"an unexpected error in {where} ({type(error).__name__}{': ' if said else ''}{said})"


#: What a MemoryError is said as: after the file (and line) too large to hold, by its reader (`exchange.files`);
#: alone, with what the command kept, wherever else a command ran out (`cli.common.errors_as_lines`).
OUT_OF_MEMORY = "out of memory (the machine's, or this process's limit: ulimit -v)"


#: The start of the name of a file that keeps an unexpected error's details, in the system's temporary folder.
CRASH_PREFIX = "annotator-crash-"


def keep_details(details: str) -> str:
    """Keep an unexpected error's details (its traceback) for a bug report, in a new file of our own in the
    temporary folder (never one that was there); its name, for the error's line. OSError when it cannot be
    written (a full disk: the part written is removed, being ours)."""
    handle, name = tempfile.mkstemp(prefix=CRASH_PREFIX, suffix=".txt")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as kept:
            kept.write(details)
    except OSError:
        os.unlink(name)
        raise
    return name


def article_named(where: str, article_id: str, title: str | None) -> str:
    """An article in an error's line: where it was read from (a file and line, a database), its id and title."""
    return f"{where}{': ' if where else ''}article {article_id}" + (f" {quoted(title)}" if title else "")


@contextmanager
def failures_named(name: Callable[[int], str]) -> Iterator[None]:
    """A `SuggestingFailed` said of the article it failed on: `name(place)` words the article at that place among
    the texts given (`article_named`); the first of a batch that failed only together, saying so."""
    try:
        yield
    except SuggestingFailed as failure:
        if not failure.texts or failure.article:
            raise
        together = f" (or another of its batch of {len(failure.texts)})" if len(failure.texts) > 1 else ""
        raise failure.named(name(failure.texts[0]) + together) from None


def json_kind(value: Any) -> str:
    """A JSON value's kind in words, for an error about a value of the wrong type. NaN and the infinities are
    named: Python's json reads them (and 1e999 as Infinity), no other tool does."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, float) and not math.isfinite(value):
        sign = "-" if value < 0 else ""
        return "NaN" if math.isnan(value) else f"{sign}Infinity (or a number too large, as {sign}1e999)"
    if isinstance(value, float):
        return "a number with a fraction or an exponent"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


#: How much of a string value found in a file an error shows: enough to recognise it, never a whole article.
SHOWN_LENGTH = 40


def found(value: Any) -> str:
    """A value found in a file, for an error that says what it was: a string as Python writes it (quoted, control
    characters escaped, a byte that is not UTF-8 left for `literal` to show as ⟨0xFF⟩), its first `SHOWN_LENGTH`
    characters when longer; any other value by its JSON kind."""
    if not isinstance(value, str):
        return json_kind(value)
    if len(value) <= SHOWN_LENGTH:
        return python_quoted(value)
    return f"{python_quoted(value[:SHOWN_LENGTH])}... ({len(value)} characters)"


def alternatives(values: Iterable[str]) -> str:
    """Allowed values as pydantic lists them: "'a', 'b' or 'c'"."""
    quoted = [repr(value) for value in values]
    return " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)


def not_one_of(allowed: Iterable[str], value: Any) -> str:
    """The error for a value that is none of a field's few allowed ones (a status, a label, an answer): the
    same words whichever format the field is read from, naming what is allowed and what was found."""
    return f"Input should be {alternatives(allowed)}, got {found(value)}"


def surrogate_problem(at: int | None = None) -> str:
    """What a string holding a lone surrogate is told, after its field's name: JSON allows "\\ud800" alone, half a
    character, which UTF-8 (and so SQLite) has no form for."""
    where = f" at character {at + 1}" if at is not None else ""  # counted from 1, as `differ.character` says
    return f"has a lone surrogate{where} (\\ud800 to \\udfff, half of a character), which is not valid text"


def describe_validation_error(error: ValidationError) -> tuple[str, str]:
    """The first problem of a pydantic error as (field, message), short enough for one line; the field as a path
    (`spans[0].end`, as every other error names one). A check of the whole
    record that knows which field it found wrong (`models.SpanError`: "spans[0].text") names that field. A value
    of the wrong type says what it was ("..., got NaN"), and so does one that is none of the allowed ones (an enum
    or a literal: "Input should be 'todo', ... or 'flagged', got 'finished'"); an empty one, that it must not be
    (pydantic's words for a minimum length of one count items, "at least 1 item after validation, not 0")."""
    first = error.errors()[0]
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]).lstrip(".")
    message = first["msg"].removeprefix("Value error, ")
    if first["type"].endswith("_type") and "input" in first:
        message = f"{message}, got {json_kind(first['input'])}"
    elif first["type"] in ("enum", "literal_error") and "input" in first:
        message = f"{message}, got {found(first['input'])}"
    elif first["type"] in ("too_short", "string_too_short") and first.get("ctx", {}).get("min_length") == 1:
        message = "must not be empty"
    elif first["type"] == "string_unicode":  # pydantic's own reading of JSON: no position given
        message = surrogate_problem()
    cause = first.get("ctx", {}).get("error")
    named = getattr(cause, "field", None)
    if isinstance(named, str) and named:
        field, message = ".".join(part for part in (field, named) if part), str(cause)
    return field or "record", message


#: Python's JSON syntax errors (their messages' starts; 3.13 adds the trailing commas) as a sentence's words.
JSON_PROBLEMS = {
    "Expecting value": "expected a value",
    "Expecting property name enclosed in double quotes": "expected a key in double quotes",
    "Expecting ':' delimiter": "expected ':' after a key",
    "Expecting ',' delimiter": "expected ',' or a closing bracket",
    "Unterminated string starting at": "unterminated string starting",
    "Invalid control character": "a tab or another control character inside a string",
    "Invalid \\uXXXX escape": "a \\u escape without four hex digits",
    "Invalid \\escape": "an unknown backslash escape in a string",
    "Extra data": "more text after the JSON value",
    "Illegal trailing comma before end of object": "a comma before the object's closing brace",
    "Illegal trailing comma before end of array": "a comma before the array's closing bracket",
}


def json_problem(error: json.JSONDecodeError) -> str:
    """A JSON syntax error as words that read on after "not valid JSON: " ("unterminated string starting at column
    19"; trial 23: Python's "Unterminated string starting at" came out as "(Unterminated string starting at, column
    19)"). A message not listed keeps its words, a dangling "at" dropped."""
    words = next((said for start, said in JSON_PROBLEMS.items() if error.msg.startswith(start)), None)
    if words is None:
        words = error.msg.removesuffix(" at").rstrip(":")
        words = words[:1].lower() + words[1:]
    return f"{words} at column {error.colno}"


def cut_short(error: json.JSONDecodeError) -> bool:
    """Whether a JSON syntax error is where a text cut short would fail: at its end (white space aside), or in a
    string left open (it ran to the end of the line). Not an error before the end: "not json at all" fails at its
    first character, and a file cut there would have nothing to be cut from."""
    rest = error.doc[error.pos :].rstrip()
    return (
        error.msg.startswith("Unterminated string")
        or not rest
        or rest == "-"  # a number's sign, its digits cut off
        or any(word.startswith(rest) and word != rest for word in _LITERALS)  # "ws": fal
    )


#: The JSON words a value can be: a text ending inside one was cut there.
_LITERALS = ("true", "false", "null")


TRUNCATED = "; is the file truncated?"


#: How the refusal of one failed transaction ends (`store.opening.write_failed`): true of that transaction, false of
#: a command that commits step by step, whose earlier steps stay: it says what they keep instead.
NOTHING_OF_THIS_CHANGE = "; nothing of this change was written"

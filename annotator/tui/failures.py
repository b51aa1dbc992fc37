"""A store error reaching the screen is one line, and the screen goes on.

The database file may be damaged, or copied over while the screen has it open (`cp backup.db x.db`): then an edit
is refused by the store, and a read (a reload, the article list, another article) fails. Every key and action
comes through `AnnotatorApp.run_action`; what does not (timers, a dialog's answer, a list's choice, a widget
fetching its rows while it draws) is marked `@said`. Either way the error becomes one line on the status line and
in the message log (M), never a traceback: Textual ends the whole app on an exception a handler lets out. A bug
(any other exception) still ends it, and the CLI then says so in one line with a non-zero exit status
(`crash_line`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Concatenate, ParamSpec, Protocol, TypeVar, cast

from annotator.errors import AnnotatorError, keep_details

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

#: What a store call raises: its one-line errors, and SQLite's own from a read of a damaged or replaced file.
STORE_ERRORS = (AnnotatorError, sqlite3.Error)

Node = TypeVar("Node", bound="MessagePump")
Params = ParamSpec("Params")


class Failing(Protocol):
    def store_failed(self, error: Exception) -> None: ...


def said(handler: Callable[Concatenate[Node, Params], None]) -> Callable[Concatenate[Node, Params], None]:
    """A handler whose store error is said in one line (`AnnotatorApp.store_failed`) instead of ending the app."""

    @wraps(handler)
    def run(node: Node, /, *args: Params.args, **options: Params.kwargs) -> None:
        try:
            handler(node, *args, **options)
        except STORE_ERRORS as error:
            cast("Failing", node.app).store_failed(error)

    return run


def crash_line(error: BaseException | None, traceback: str) -> str:
    """The one line for an app that ended on an exception: a store error says itself; anything else is a bug, named
    with its type, and the traceback Textual rendered is kept in a new file of our own, named in the line."""
    if isinstance(error, AnnotatorError):
        return f"the screen stopped: {error}; every action it showed as done is stored"
    what = f"{type(error).__name__}: {error}" if error is not None else "an unknown error"
    where = ""
    if traceback:
        try:
            where = f" (the details are in {keep_details(traceback)})"
        except OSError as failed:
            where = f" (its details could not be kept: {failed.strerror or failed})"
    return f"the screen stopped on an unexpected error, {what}{where}; every action it showed as done is stored"

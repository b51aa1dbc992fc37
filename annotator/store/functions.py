"""Python functions SQLite calls while it runs a query (`register`), and the queries that call them (`calling`).

An interrupt (ctrl+c's KeyboardInterrupt, a SIGTERM's `Terminated`) is raised wherever the main thread runs Python
code, and during a query that calls such a function on every row (`annotator_is_utf8` over two texts of 12 M
characters) that is nearly always inside the function. sqlite3 turns any exception raised there into
`OperationalError: user-defined function raised exception`, which ended `check` and `merge` in that traceback,
status 1 (attacker F4). So each function registered here records an interrupt it let through, and a query that
calls one runs inside `calling`, which raises that interrupt again in place of SQLite's error: the command says
"interrupted ..." and exits 130 (143), as anywhere else. An interrupt that landed in the function before it could
record it (its first instruction) is in `interrupts`' own record, raised again the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from annotator.interrupts import stop_if_interrupted

#: The interrupts a registered function let through since the last `calling` began.
_stopped: list[KeyboardInterrupt] = []


def register(db: sqlite3.Connection, name: str, arguments: int, function: Callable[..., Any], *,
             deterministic: bool = False) -> None:  # fmt: skip
    """`function` callable from SQL on `db` as `name`; an interrupt it lets through is recorded for `calling`.
    Every Python function annotator gives SQLite is registered here (`tests/test_interrupt_in_sql_function.py`)."""

    def called(*values: Any) -> Any:
        try:
            return function(*values)
        except KeyboardInterrupt as stop:
            _stopped.append(stop)
            raise

    db.create_function(name, arguments, called, deterministic=deterministic)


def is_utf8(value: bytes | None) -> bool:
    """Whether stored bytes are UTF-8 text (SQLite keeps any bytes as text): `annotator_is_utf8` in SQL."""
    if value is None:
        return True
    try:
        bytes(value).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@contextmanager
def calling() -> Iterator[None]:
    """Around a query (its execution and its fetching) that calls a registered function: SQLite's error for an
    interrupt raised inside the function is that interrupt again."""
    _stopped.clear()
    try:
        yield
    except sqlite3.OperationalError:
        if _stopped:
            stop = _stopped[0]
            _stopped.clear()
            raise stop from None
        stop_if_interrupted()  # one the function could not record; else SQLite's error is its own
        raise

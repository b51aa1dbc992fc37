"""Stopping a command from outside. A SIGTERM (`kill PID`, a supervisor's stop) takes the path ctrl+c takes: it
raises `Terminated`, a KeyboardInterrupt, so every `except KeyboardInterrupt` cleans up what the command made and
says in one line what is kept; the CLI then exits with 143, the status of a process ended by SIGTERM. Without this a
SIGTERM ended the process at once, leaving a half-made database's temporary files beside its target.

Worker processes forked from the command (`suggest.dispatch`) restore the default (`default_terminate`): their
parent ends them with SIGTERM, and they have nothing of their own to clean up.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

#: The signals that stop a command the way ctrl+c does.
INTERRUPTS = (signal.SIGINT, signal.SIGTERM)


class Terminated(KeyboardInterrupt):
    """A SIGTERM, raised where ctrl+c raises KeyboardInterrupt."""


_received: list[int] = []


def terminated() -> bool:
    """Whether this process got a SIGTERM (its exit status is then 143)."""
    return bool(_received)


def _stop(number: int) -> Terminated:
    # One stop is enough: a second SIGTERM (a supervisor's retry) raised again inside the clean-up of the first
    # and printed a traceback from wherever it landed; SIGKILL still ends the process outright.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _received.append(number)
    return Terminated()


def _raise(number: int, frame: FrameType | None) -> None:
    raise _stop(number)


def terminate_as_interrupt() -> None:
    """From now on a SIGTERM to this process raises `Terminated` in its main thread (call it there)."""
    signal.signal(signal.SIGTERM, _raise)


def default_terminate() -> None:
    """A SIGTERM ends this process outright again (in a worker forked from one that called the above)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextmanager
def blocked(*numbers: signal.Signals) -> Iterator[None]:
    """These signals held back in this thread, and in a process it forks meanwhile (which inherits the mask and
    keeps it until it unblocks them); one that came meanwhile arrives here at the end."""
    signal.pthread_sigmask(signal.SIG_BLOCK, set(numbers))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(numbers))


@contextmanager
def interrupts_after() -> Iterator[None]:
    """Hold ctrl+c (SIGINT) and SIGTERM until the block is done, then raise the first that came; in the main thread
    only (the only one Python delivers signals to), elsewhere the block simply runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {number: signal.signal(number, lambda number, frame: held.append(number)) for number in INTERRUPTS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if held and held[0] == signal.SIGTERM:
        raise _stop(held[0])
    if held:
        raise KeyboardInterrupt

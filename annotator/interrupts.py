"""Stopping a command from outside. A SIGTERM (`kill PID`, a supervisor's stop) and a SIGHUP (the terminal closed,
an ssh connection dropped) take the path ctrl+c takes: they raise `Terminated`, a KeyboardInterrupt, so every
`except KeyboardInterrupt` cleans up what the command made and says in one line what is kept; the CLI then exits
with 128 + the signal's number (143, 129), the status of a process ended by it. Without this a SIGTERM or SIGHUP ended
the process at once, leaving a half-made database's temporary files beside its target. A SIGHUP the process was
started ignoring (`nohup`) stays ignored.

Worker processes forked from the command (`suggest.dispatch`) restore the default (`default_terminate`): their
parent ends them with SIGTERM, and they have nothing of their own to clean up; a hang-up, which reaches them with
their parent, is their parent's to act on.

Once the command has ended (`at_the_end`), every interrupt is ignored: Python, as it exits, puts back the default
action of each signal it handled, and one that came then killed the process with no word (`stats`, a SIGINT 2 to
34 ms after its report: status -2 in 20 of 30 runs).

An interrupt is an exception raised wherever the program happens to be, and code that is not ours may catch it and
go on: spaCy's `util.is_package`, which `spacy.load` asks first, catches everything (a bare `except:`), so a SIGTERM
landing there was dropped and the ingest went on to write its database, status 0; one landing in a `__del__` is
printed as "Exception ignored" and dropped by Python itself. So every interrupt raised is also recorded
(`_received`), and the points where work would stand (`keeping`: each COMMIT, outputs put in place, a new database
linked into place) and the long loops (`stop_if_interrupted`, once a batch) raise a dropped one again.
"""

from __future__ import annotations

import signal
import sys
import threading
from contextlib import contextmanager

#: typing's, without importing it: the console script imports this module first, before its handlers are set
#: (`annotator.entry`), so it imports the least it can
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import FrameType
    from typing import Any

#: The signals that stop a command the way ctrl+c does.
INTERRUPTS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Terminated(KeyboardInterrupt):
    """A SIGTERM or SIGHUP, raised where ctrl+c raises KeyboardInterrupt; `status` is the exit status it gives."""

    def __init__(self, number: int = signal.SIGTERM) -> None:
        super().__init__()
        self.status = 128 + number


#: Every interrupt raised in this process (SIGINT, SIGTERM, SIGHUP), in order: the command is stopping, whether or
#: not the exception reached the code that cleans up (see the module's docstring).
_received: list[int] = []


def received() -> bool:
    """Whether this process got an interrupt (SIGINT, SIGTERM, SIGHUP) raised in it: the command is stopping."""
    return bool(_received)


def _stopped_by() -> int:
    """The signal that stops this process: the first SIGTERM or SIGHUP received, else SIGINT."""
    return next((number for number in _received if number != signal.SIGINT), signal.SIGINT)


def terminated() -> bool:
    """Whether this process got a SIGTERM or a SIGHUP (its exit status is then 143 or 129, `status`)."""
    return _stopped_by() != signal.SIGINT


def status() -> int:
    """The exit status of a command an interrupt stopped: a shell's for a process ended by the signal (130 for
    ctrl+c, 143 for SIGTERM, 129 for SIGHUP)."""
    return 128 + _stopped_by()


def _stop(number: int) -> KeyboardInterrupt:
    """The exception an interrupt raises (`Terminated` for a SIGTERM or SIGHUP), recorded as received."""
    _received.append(number)
    if number == signal.SIGINT:
        return KeyboardInterrupt()
    # One stop is enough: a second SIGTERM (a supervisor's retry) raised again inside the clean-up of the first
    # and printed a traceback from wherever it landed; SIGKILL still ends the process outright.
    signal.signal(number, signal.SIG_IGN)
    return Terminated(number)


def _raise(number: int, frame: FrameType | None) -> None:
    raise _stop(number)


def acted_on(number: int) -> None:
    """An interrupt another handler acted on (a screen it closed): received, as one raised is (a second SIGTERM or
    SIGHUP is then ignored, and the exit status is its)."""
    _stop(number)


def terminate_as_interrupt() -> None:
    """From now on a SIGTERM or SIGHUP to this process raises `Terminated` in its main thread, and a ctrl+c its
    KeyboardInterrupt, all recorded so that one some code drops is raised again (call it there). A SIGINT this
    process was started ignoring (a background job of a script, `nohup`) stays ignored, as Python leaves it, and so
    does a SIGHUP (`nohup`: the command is to outlive its terminal)."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _raise)
    signal.signal(signal.SIGTERM, _raise)
    if signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
        signal.signal(signal.SIGHUP, _raise)
    if sys.unraisablehook is not _unraisable:
        _reporting_unraisable[:] = [sys.unraisablehook]
        sys.unraisablehook = _unraisable


def stop_if_interrupted() -> None:
    """Raise again an interrupt this process received that some code caught and dropped: the command is stopping
    (main thread only, where interrupts are raised). Called where work would stand (`keeping`) and once a batch in
    long loops, so that the command stops at the latest there, says so and keeps nothing of what came after."""
    if received() and threading.current_thread() is threading.main_thread():
        raise Terminated(_stopped_by()) if terminated() else KeyboardInterrupt()


#: The hook that reported exceptions Python drops before ours (Python's own, or a test runner's).
_reporting_unraisable: list[Any] = []


def _unraisable(unraisable: Any) -> None:
    """Python's report of an exception it had to drop (raised in a `__del__`, a weakref's callback), but not of an
    interrupt of ours: that one is raised again where work would stand, and its "Exception ignored" lines were
    all the user saw of it."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt) and _received:
        return
    (_reporting_unraisable[0] if _reporting_unraisable else sys.__unraisablehook__)(unraisable)


def default_terminate() -> None:
    """A SIGTERM ends this process outright again (in a worker forked from one that called the above), and a SIGHUP
    is ignored: a closed terminal hangs up the worker with its parent, which ends it once it has cleaned up."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def at_the_end() -> None:
    """The command has ended: every interrupt from now on is ignored, those that came are `received`. Python puts
    back the default action of the signals it handled as it exits (a SIGINT then ended the process with status -2
    and no word after its report), but not of those ignored. Call it first where the command's end is caught:
    an interrupt raised before it took hold is recorded, so call it again where that one is caught."""
    for number in INTERRUPTS:
        signal.signal(number, signal.SIG_IGN)


@contextmanager
def blocked(*numbers: signal.Signals) -> Iterator[None]:
    """These signals held back in this thread, and in a process it forks meanwhile (which inherits the mask and
    keeps it until it unblocks them); one that came meanwhile arrives here at the end."""
    signal.pthread_sigmask(signal.SIG_BLOCK, set(numbers))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(numbers))


def _handled_by(handler: Any) -> dict[int, Any]:
    """`handler` set for each interrupt this process acts on, not one it ignores (`nohup`'s SIGHUP, a SIGTERM after
    the first): the handlers it replaced, by signal."""
    return {
        number: signal.signal(number, handler)
        for number in INTERRUPTS
        if signal.getsignal(number) is not signal.SIG_IGN
    }


@contextmanager
def interrupts_after() -> Iterator[None]:
    """Hold ctrl+c (SIGINT), SIGTERM and SIGHUP until the block is done, then raise the first that came; in the main
    thread only (the only one Python delivers signals to), elsewhere the block simply runs. Nested, the outermost
    block holds them (an inner one raising at its end would cut the outer step in two)."""
    if threading.current_thread() is not threading.main_thread() or _reporting or _holding:
        yield  # inside `report_first`, `keeping` holds them from each COMMIT on: the block's write is one step
        return
    held: list[int] = []
    previous = _handled_by(lambda number, frame: held.append(number))
    _holding.append(True)
    try:
        yield
    finally:
        _holding.pop()
        for number, handler in previous.items():
            signal.signal(number, handler)
    if held:
        raise _stop(held[0])


#: Inside `interrupts_after` (in the main thread): an inner one leaves the holding to it.
_holding: list[bool] = []


#: Inside `report_first`: whether interrupts are being held since the work was kept, and those that came.
_reporting: list[dict[int, Any]] = []
_late: list[int] = []


def _hold(number: int, frame: FrameType | None) -> None:
    _late.append(number)


@contextmanager
def report_first() -> Iterator[list[int]]:
    """Around an all-or-nothing command and its report: once its work is kept (`keeping`), a ctrl+c or SIGTERM
    waits until the block ends, so the report is printed and no line says that nothing was written (issue 10,
    F14: one that landed just after the COMMIT said so). Yields the interrupts held, for the caller to act on at
    the end; main thread only, elsewhere the block simply runs."""
    if threading.current_thread() is not threading.main_thread():
        yield []
        return
    _reporting.append({})
    _late.clear()
    try:
        yield _late
    finally:
        previous = _reporting.pop()
        for number, handler in previous.items():
            signal.signal(number, handler)
        _received.extend([number for number in _late if number != signal.SIGINT][:1])  # the exit status says it


#: Whether a step of this command made work stand (`keeping`): what an interrupt the command did not catch leaves.
_stood: list[bool] = []


def stood() -> bool:
    """Whether this command has made work stand (a COMMIT, an output put in place), as far as `keeping` saw."""
    return bool(_stood)


@contextmanager
def keeping() -> Iterator[None]:
    """Around the step that makes a command's work stand (its COMMIT; `stood` says so once one is done). Raises an
    interrupt some code dropped (`stop_if_interrupted`), before the step."""
    with _held_for_the_report():
        yield
    _stood[:] = [True]


@contextmanager
def _held_for_the_report() -> Iterator[None]:
    """Around the step that makes a command's work stand (its COMMIT): inside `report_first`, from its start on,
    interrupts wait for the report; if the step fails, nothing was kept and they act at once again. A command that
    commits step by step (`suggest`, `adjudicate --auto`) is stopped by one that came since its last COMMIT at its
    next, before it: what it says then (the steps kept) is true, and one after its last COMMIT waits for the report."""
    if not _reporting or threading.current_thread() is not threading.main_thread():
        stop_if_interrupted()
        yield
        return
    held = _reporting[-1]
    if held:
        if _late:
            came = _late[0]
            for number, handler in held.items():
                signal.signal(number, handler)
            held.clear()
            _late.clear()
            raise _stop(came)
        yield
        return
    stop_if_interrupted()
    held.update(_handled_by(_hold))
    try:
        yield
    except BaseException:
        for number, handler in held.items():
            signal.signal(number, handler)
        held.clear()
        first = _late[:1]
        _late.clear()
        if first:
            raise _stop(first[0]) from None
        raise

"""The console script: the first of this package's code a command runs, before its heavy imports (Typer, Rich, the
commands), so that ctrl+c, a SIGTERM or a SIGHUP in a command's first moments is one line and status 130 (143, 129):
a SIGTERM there ended the process silently (its handler came only with `annotator.cli.main`), and a ctrl+c in the
import of `annotator.cli` itself printed a traceback. What runs before (the interpreter starting, `site`) is Python's.

A pipe whose reader went away (`annotator stats --articles | head -1`) ends the command quietly with status 141, as a
shell reports `seq 100000 | head -1` (`_Pipe`)."""

import contextlib
import errno
import io
import os
import select
import stat
import sys

#: typing's, without importing it at run time: this module runs first and imports the least it can
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

    from _typeshed import ReadableBuffer

STARTING = "annotator: interrupted while starting; nothing was done\n"

#: The status of a command whose standard output's (or error's) reader went away: 128 + SIGPIPE, what a shell reports
#: for a Unix tool ended so (`seq 100000 | head -1` under `set -o pipefail`), and a number of the family the
#: interrupts use (130, 143, 129). Not 0: the output was not all delivered, and a reader that died early is not told
#: from one that had enough. Not the signal itself (SIGPIPE at its default): Python's docs warn against it ("Note on
#: SIGPIPE"), and it would end the process mid-write, a transaction unfinished and a file half made; raised as an
#: exit, every transaction and temporary file is ended as on any other exit.
READER_GONE = 141

#: Whether a write to a watched pipe found its reader gone (`_Pipe`).
_gone: list[bool] = []


class _Closed(io.TextIOBase):
    """Standard output closed before the process began (`annotator stats >&-`): Python leaves `sys.stdout` None, and
    a command's output was dropped without a word (status 0, nothing written) or was a traceback (`export -o -`
    wrote to `sys.stdout.buffer`: trial s55 t10 T1). Writing here is an `OSError`, which the commands say in one
    line as they say a full standard output (`cli.common._print`)."""

    def write(self, text: object) -> int:
        raise OSError(errno.EBADF, "it is closed")

    @property
    def buffer(self) -> "_Closed":  # bytes are refused as text is
        return self

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return 1  # made /dev/null once the error is said (`_print`), so that nothing fails again at exit


class _Pipe(io.FileIO):
    """Standard output (or error) that is a pipe or socket, each write whole or an error, and a reader gone noted
    (`_gone`). The commands stop at a broken pipe with status 1 and nothing said (`cli.common._print`), and a short
    write was dropped without an error: `stats --articles --json | head -1` took 64 KiB of 380, then status 0 (Python's
    buffer returns what the pipe took and forgets the broken pipe of the rest). Either way the command ends as
    `READER_GONE` says (`_reader_gone`)."""

    def write(self, data: "ReadableBuffer", /) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            try:
                written = super().write(view)
            except BrokenPipeError:
                _gone.append(True)
                raise
            if written is None:  # a non-blocking pipe, full: wait until it takes more
                select.select([], [self.fileno()], [])
                continue
            view = view[written:]
        return size


def _watched(stream: "TextIO | io.TextIOBase") -> "TextIO | io.TextIOBase":
    """`stream` (Python's `sys.stdout` or `sys.stderr`) written through a `_Pipe` where it is a pipe or a socket, as it
    is otherwise (a terminal, a file: no reader to go away)."""
    if not isinstance(stream, io.TextIOWrapper):
        return stream
    try:
        number = stream.fileno()
        if not (stat.S_ISFIFO(os.fstat(number).st_mode) or stat.S_ISSOCK(os.fstat(number).st_mode)):
            return stream
        stream.flush()
    except (OSError, ValueError):
        return stream
    # The text layer writes to the pipe itself, as Python's own stderr does, with no `io.BufferedWriter` between: an
    # interrupt raised in `_Pipe.write` after its bytes went out (ctrl+c just after a note was printed) left them in
    # that buffer, which wrote them again at its next flush: a note said twice, a line of `stats` printed twice.
    # The text layer lets go of its bytes before it writes them.
    return io.TextIOWrapper(
        _Pipe(number, "wb", closefd=False),
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


def _reader_gone(end: SystemExit) -> bool:
    """Whether the command ended because its output's reader went away: a watched pipe found it gone, and the command
    ended as the commands end at a broken pipe (status 1, `cli.common._print`), or as if nothing happened (0). An
    interrupt's status (130, 143, 129) says more and stays. Whatever Python still holds to write is written first
    (a broken pipe there is one too), then, the reader gone, the streams go to /dev/null, so that nothing fails again
    as Python exits (its "Exception ignored ... BrokenPipeError", status 120)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    if not _gone:
        return False
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    return end.code in (0, 1, None)


def main() -> None:
    """`annotator`: the handlers of `annotator.interrupts` first (a light module), then the commands."""
    if sys.stdout is None:
        sys.stdout = _Closed()
    if sys.stderr is None:  # closed (`2>&-`, a service): notes and errors go nowhere, the exit status still says;
        # ingest stopped with status 1 and nothing written, on its progress bar asking it if it was a terminal
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the process keeps it: t10 T4)
    sys.stdout, sys.stderr = _watched(sys.stdout), _watched(sys.stderr)
    try:
        from annotator.interrupts import terminate_as_interrupt

        terminate_as_interrupt()
        from annotator.cli import main as command

        command()  # an interrupt it lets out came before the command began: Typer building it from its signatures
    except KeyboardInterrupt as stop:  # `Terminated` for a SIGTERM or SIGHUP: its status, 143 or 129
        try:
            sys.stderr.write(STARTING)
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed terminal (the SIGHUP's) takes no line
            pass
        raise SystemExit(getattr(stop, "status", 130)) from None
    except SystemExit as end:
        if _reader_gone(end):
            raise SystemExit(READER_GONE) from None
        raise

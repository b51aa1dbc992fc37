"""The console script: the first of this package's code a command runs, before its heavy imports (Typer, Rich, the
commands), so that ctrl+c, a SIGTERM or a SIGHUP in a command's first moments is one line and status 130 (143, 129):
a SIGTERM there ended the process silently (its handler came only with `annotator.cli.main`), and a ctrl+c in the
import of `annotator.cli` itself printed a traceback. What runs before (the interpreter starting, `site`) is Python's."""

import errno
import io
import os
import sys

STARTING = "annotator: interrupted while starting; nothing was done\n"


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


def main() -> None:
    """`annotator`: the handlers of `annotator.interrupts` first (a light module), then the commands."""
    if sys.stdout is None:
        sys.stdout = _Closed()
    if sys.stderr is None:  # closed (`2>&-`, a service): notes and errors go nowhere, the exit status still says;
        # ingest stopped with status 1 and nothing written, on its progress bar asking it if it was a terminal
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (the process keeps it: t10 T4)
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

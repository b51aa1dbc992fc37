"""The console script: the first of this package's code a command runs, before its heavy imports (Typer, Rich, the
commands), so that ctrl+c, a SIGTERM or a SIGHUP in a command's first moments is one line and status 130 (143, 129):
a SIGTERM there ended the process silently (its handler came only with `annotator.cli.main`), and a ctrl+c in the
import of `annotator.cli` itself printed a traceback. What runs before (the interpreter starting, `site`) is Python's."""

import sys

STARTING = "annotator: interrupted while starting; nothing was done\n"


def main() -> None:
    """`annotator`: the handlers of `annotator.interrupts` first (a light module), then the commands."""
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

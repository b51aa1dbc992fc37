"""What the running command has printed, and whether a progress bar is drawn: an interrupt's line says output began
is cut short (`common.errors_as_lines`, `cli.main`), and a line on standard error under a bar is said above it."""

from __future__ import annotations

from annotator.store.unlocked import NOTHING_WRITTEN

#: Whether the running command has begun printing its output (`_print`, `exports`): an interrupt then cuts it short.
_PRINTED: list[bool] = []

#: What an all-or-nothing command interrupted after it began printing keeps: the reader has part of its output (s61
#: t23 F5: `stats --articles | (sleep 8; cat)` said "nothing from this command was written" as 2,553 lines came out).
CUT_SHORT = "what it printed is cut short; nothing else from this command was written"


def printing() -> None:
    """Note that the command's output begins (the first byte may go out before an interrupt): once, not a line."""
    if not _PRINTED:
        _PRINTED.append(True)


def begin_output() -> None:
    """A command begins: nothing of its output printed yet."""
    _PRINTED.clear()


def interrupted_kept(kept: str = NOTHING_WRITTEN) -> str:
    """What an interrupt leaves, said after "interrupted; ": `kept`, or for an all-or-nothing command whose output
    had begun, that it is cut short (`CUT_SHORT`)."""
    return CUT_SHORT if kept == NOTHING_WRITTEN and _PRINTED else kept


#: Whether a progress bar is drawn (`common.progress_bar`): a line on standard error goes through Rich's stand-in
#: for it, which prints it above the bar (`click.echo` wrote under Rich, on the bar's line).
LIVE: list[bool] = []

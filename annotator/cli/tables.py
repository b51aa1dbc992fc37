"""Rich tables printed as plain text: what `stats` (and any command printing tables) hands to `say_lines`."""

import sys
from collections.abc import Iterable
from typing import Any


def render_tables(tables: Iterable[Any]) -> str:
    """Rich renderables (tables; a str is a line printed as it is) as plain text, one after another, as wide
    as the terminal (100 columns when piped); no colour or escape sequence, so `say` can print it and scripts can read it."""
    import io
    import shutil

    from rich.console import Console

    out = io.StringIO()
    width = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100
    console = Console(file=out, width=width, color_system=None, force_terminal=False, highlight=False)
    after_line = False
    for table in tables:
        if not after_line:  # a line heads the table after it; tables are a blank line apart
            console.print()
        after_line = isinstance(table, str)
        if isinstance(table, str):  # a line of its own, never wrapped (a path to copy)
            console.print(table, soft_wrap=True, markup=False, highlight=False)
        else:
            console.print(table)
    return "\n".join(line.rstrip() for line in out.getvalue().strip("\n").split("\n"))

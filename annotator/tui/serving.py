"""`annotator serve`: the annotation screen in a web browser, through textual-serve.

textual-serve runs a small web server (aiohttp); each page load opens a websocket and starts one
`annotator annotate` process for it, whose screen the page draws with xterm.js. So every browser tab is its
own session on the same database file, as two terminals would be (writers wait for each other; the same
annotator in two tabs is refused as in two windows). textual-serve has no authentication: the server listens
on this machine only unless told otherwise.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def session_command(db: Path, annotator: str | None) -> str:
    """The command each browser session runs: this Python's annotator on this database, by absolute path."""
    who = ["--annotator", annotator] if annotator else ["--ask-annotator"]
    return shlex.join([sys.executable, "-m", "annotator", "annotate", "--db", str(db.resolve()), *who])


def serve_command(db: Path, host: str, port: int, annotator: str | None, url: str | None = None) -> None:
    """Serve until interrupted (ctrl+c)."""
    from textual_serve.server import Server

    server = Server(session_command(db, annotator), host=host, port=port, title="annotator", public_url=url)
    server.serve()

"""`annotator serve`: the annotation screen in a web browser, through textual-serve.

textual-serve runs a small web server (aiohttp); each page load opens a websocket and starts one
`annotator annotate` process for it, whose screen the page draws with xterm.js. So every browser tab is its
own session on the same database file, as two terminals would be (writers wait for each other; the same
annotator in two tabs is refused as in two windows). textual-serve has no authentication: the server listens
on this machine only unless told otherwise, and answers only its own page (`served_addresses`).
"""

from __future__ import annotations

import os
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.tui.served_addresses import LOOPBACK_NAMES, ServedAddresses

if TYPE_CHECKING:
    from aiohttp.typedefs import Handler, Middleware
    from textual_serve.server import Server

LOCAL_HOSTS = frozenset(LOOPBACK_NAMES)


def session_command(db: Path, annotator: str | None) -> str:
    """The command each browser session runs: this Python's annotator on this database, by absolute path."""
    who = ["--annotator", annotator] if annotator else ["--ask-annotator"]
    return shlex.join([sys.executable, "-m", "annotator", "annotate", "--db", str(db.resolve()), *who])


def _cannot_listen(host: str, port: int, error: OSError) -> AnnotatorError:
    """One line naming the options and why the address cannot be listened on (a name that does not resolve, a
    port in use or not ours to use)."""
    errno = error.errno
    reason = os.strerror(errno) if isinstance(errno, int) and errno > 0 else error.strerror or str(error)
    return AnnotatorError(f"cannot listen on --host {host} --port {port}: {reason}")


def check_listening(host: str, port: int) -> None:
    """Bind every address the host resolves to, as the server will, and let go: so a name that does not resolve
    or a port in use is one line before textual-serve prints its banner, not a traceback after it."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        for family, kind, protocol, _, address in addresses:
            with socket.socket(family, kind, protocol) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds on Unix
                probe.bind(address)
    except OSError as error:
        raise _cannot_listen(host, port, error) from None


def _sessions_waited_for() -> None:
    """Make textual-serve wait for each session's process to end when it stops the session.

    Its `AppService.stop` tells the session to quit and waits for its output to end, not for the process: on a
    SIGTERM or ctrl+c the server then closed its event loop while a session process was still exiting, and the
    process's transport, collected later, printed "Exception ignored ... RuntimeError: Event loop is closed" with
    a traceback (seen under load in the SIGTERM test). Waiting for the exit lets asyncio close the transport while
    the loop runs. The server module looks its `AppService` up by name, so the subclass is put there.
    """
    import textual_serve.server
    from textual_serve.app_service import AppService

    class WaitedSession(AppService):
        async def stop(self) -> None:
            process = self._process
            await super().stop()
            if process is not None and process.returncode is None:
                await process.wait()

    textual_serve.server.AppService = WaitedSession  # type: ignore[attr-defined]


def _hang_up_stops(server: Server) -> None:
    """A SIGHUP (the ssh connection the server was started from dropped) stops it as textual-serve stops it on
    ctrl+c or SIGTERM: sessions closed, status 0. It was an interrupt raised in aiohttp's loop: status 129 and
    "interrupted after this command's work was done". The loop is the one `Server.serve` takes (the thread's);
    a SIGHUP ignored (`nohup`) stays ignored."""
    import asyncio
    import signal

    if signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
        asyncio.get_event_loop().add_signal_handler(signal.SIGHUP, server.request_exit)


def _own_requests_only(addresses: ServedAddresses) -> Middleware:
    """Refuse, before any handler runs, a request whose Host is not this server's (421: DNS rebinding) and a
    websocket whose Origin is not the served page's (403: another site's page), so no session starts for
    either. A websocket without an Origin is refused too: browsers always send one, so only a program leaves it
    out, and the page needs none of those. The websocket's address asked for as a page is refused (400): in
    textual-serve it dropped the connection and logged two tracebacks. Each refusal is one line in the log."""
    import logging

    from aiohttp import web

    log = logging.getLogger("textual-serve")

    @web.middleware
    async def checked(request: web.Request, handler: Handler) -> web.StreamResponse:
        host = request.headers.get("Host", "")
        if not addresses.answers_to(host):
            log.warning(
                "refused %s %r: Host %r is not this server's (%s)", request.method, request.path, host, addresses
            )
            return web.Response(status=421, text=f"this server answers to {addresses}, not to Host {host!r}\n")
        if request.match_info.route.name == "websocket" and not web.WebSocketResponse().can_prepare(request).ok:
            log.warning("refused %s %r: not a websocket", request.method, request.path)
            return web.Response(status=400, text="this address takes a websocket (the page's), not a plain request\n")
        if "websocket" in request.headers.get("Upgrade", "").lower():
            origin = request.headers.get("Origin")
            if origin is None or not addresses.is_own_page(origin):
                said = "without an Origin" if origin is None else f"from Origin {origin!r}"
                log.warning("refused a websocket %s: this server's page is %s", said, addresses)
                return web.Response(
                    status=403, text=f"a websocket {said} is refused: this server's page is {addresses}\n"
                )
        return await handler(request)

    return checked


def serve_command(db: Path, host: str, port: int, annotator: str | None, url: str | None = None) -> None:
    """Serve until interrupted (ctrl+c); `check_listening` first."""
    from aiohttp import web
    from textual_serve.server import Server

    addresses = ServedAddresses.of(host, port, url)

    class CheckedServer(Server):
        """textual-serve's server with `_own_requests_only` in front of its routes."""

        async def _make_app(self) -> web.Application:
            application = await super()._make_app()
            application.middlewares.append(_own_requests_only(addresses))
            return application

    _sessions_waited_for()
    server = CheckedServer(
        session_command(db, annotator), host=host, port=port, title="annotator", public_url=addresses.page
    )
    _hang_up_stops(server)
    try:
        server.serve()
    except OSError as error:  # the port taken between the check and the server's bind
        raise _cannot_listen(host, port, error) from None

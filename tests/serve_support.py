"""What the `annotator serve` tests share: a free port, the seeded database, a real server process, and the
page's websocket driven as the page drives it."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import psutil

from annotator.exchange.article_files import seed_articles
from annotator.exchange.ingest import ingest
from annotator.store import Store
from annotator.store.assignments import assign


def free_port(address: str = "127.0.0.1") -> int:
    """A port nothing listens on at `address` now (an IPv6 address too)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family) as probe:
        probe.bind((address, 0))
        return int(probe.getsockname()[1])


def has_ipv6_loopback() -> bool:
    """Whether this machine can listen on ::1 (a container may have no IPv6 at all)."""
    try:
        free_port("::1")
    except OSError:
        return False
    return True


def seeded_database(tmp_path: Path) -> Path:
    """team.db: the seed article (without model suggestions: the server tests are about the page) and two
    assignments. Each test module makes it its `seeded` fixture."""
    path = tmp_path / "team.db"
    with Store.open(path) as store:
        ingest(store, seed_articles(), suggest=False)
        assign(store, ["alice", "bob"], 2)
    return path


def wait_until_listening(address: str, port: int, process: subprocess.Popen[bytes] | None = None) -> None:
    """Until something accepts a connection at address:port (20 s at most); a `process` that stopped first is an
    AssertionError with what it printed."""
    for _ in range(200):
        try:
            socket.create_connection((address, port), timeout=1).close()
            return
        except OSError:
            pass
        if process is not None and process.poll() is not None:
            raise AssertionError(process.stdout.read().decode() if process.stdout else "the server stopped")
        time.sleep(0.1)


@dataclass
class Served:
    port: int
    process: subprocess.Popen[bytes]
    output: str = ""  # what the server printed, once it stopped

    @property
    def url(self) -> str:
        """The page on this machine (127.0.0.1, the default --host)."""
        return f"http://127.0.0.1:{self.port}/"

    def sessions(self) -> list[psutil.Process]:
        """The session processes the server started (one `annotator annotate` per websocket)."""
        return psutil.Process(self.process.pid).children(recursive=True)


@contextmanager
def serving(db: Path, *options: str, connect_to: str = "127.0.0.1", port: int | None = None) -> Iterator[Served]:
    """A real `annotator serve` on `port` (else a free one), once it listens at `connect_to`; stopped, with its
    sessions, after."""
    port = free_port(connect_to) if port is None else port
    server = subprocess.Popen(
        [sys.executable, "-m", "annotator", "serve", "--db", str(db), "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    served = Served(port, server)
    try:
        wait_until_listening(connect_to, port, server)
        yield served
    finally:
        with suppress(ProcessLookupError):  # a server that stopped by itself has no group left
            os.killpg(server.pid, 15)  # the server and the sessions it started
        served.output = server.communicate(timeout=20)[0].decode()


async def keys_reach_the_session(url: str, origin: str, db: Path) -> None:
    """Open the websocket as the page would, wait for the screen (the title names the session), press d (done)
    and wait until the database has the event."""
    async with aiohttp.ClientSession() as session, session.ws_connect(url, headers={"Origin": origin}) as socket_:
        shown = b""
        while b"team.db" not in shown:
            message = await asyncio.wait_for(socket_.receive(), 60)
            assert message.type == aiohttp.WSMsgType.BINARY, message
            shown += message.data
        await socket_.send_json(["stdin", "d"])
        with Store.open(db, read_only=True) as store:
            [article] = store.article_ids()
        for _ in range(300):
            with Store.open(db, read_only=True) as store:
                if store.status(article, "alice") == "done":
                    return
            await asyncio.sleep(0.1)
        raise AssertionError("the key never reached the session")

"""`annotator serve`: the real server, the real page in Debian's headless Chromium, the seed article on it.

Needs the `chromium` package (.ci/run installs it); skipped, saying so, where it is missing. Set
ANNOTATOR_SCREENSHOT=path.png to keep a screenshot of the page.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from browser import Browser, chromium
from serve_support import free_port, seeded_database, serving, wait_until_listening
from typer.testing import CliRunner

from annotator.cli import app
from annotator.store import Store
from annotator.tui.serving import session_command

needs_chromium = pytest.mark.skipif(chromium() is None, reason="needs Debian's chromium (apt-get install -y chromium)")


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    return seeded_database(tmp_path)


SEED_LINE = "Israel's aerial and ground bombardments across the Gaza Strip killed"


@needs_chromium
async def test_the_seed_article_is_on_the_page(seeded: Path, tmp_path: Path) -> None:
    with serving(seeded, "--annotator", "alice") as served:
        async with Browser() as page:
            await page.open(served.url)
            await page.wait_for(SEED_LINE)
            shown = await page.wait_for("alice · team.db")  # the title bar: whose session
            assert " tab Next  ⏎ Accept  x Reject " in shown  # and the key bar: the whole screen is there
            await page.screenshot(Path(os.environ.get("ANNOTATOR_SCREENSHOT", tmp_path / "serve.png")))


@needs_chromium
async def test_the_page_opened_as_localhost_works(seeded: Path) -> None:
    """The page opened as http://localhost:PORT: its websocket goes to 127.0.0.1 (the address the server names)
    with the Origin http://localhost:PORT, one of the server's own, so the checks against other sites' pages
    (tests/test_serve_origin.py) let it through."""
    with serving(seeded, "--annotator", "alice") as served:
        async with Browser() as page:
            await page.open(served.url.replace("127.0.0.1", "localhost"))
            await page.wait_for(SEED_LINE)


def sessions_on(db: Path) -> list[psutil.Process]:
    """The `annotator annotate` processes on this database (each served session is one)."""
    command = shlex.split(session_command(db, "alice"))[:-2]
    return [p for p in psutil.process_iter(["cmdline"]) if (p.info["cmdline"] or [])[: len(command)] == command]


OPEN_THE_SOCKET = """new Promise(settled => {
  const socket = new WebSocket("ws://127.0.0.1:PORT/ws?width=100&height=30");
  socket.onopen = () => settled("open");
  socket.onerror = () => settled("refused");
})"""


@needs_chromium
async def test_another_site_s_page_cannot_drive_a_session(seeded: Path, tmp_path: Path) -> None:
    """The trial's attack, in the browser: a page on another site (evil.example, served here by a plain file
    server) opens the server's websocket. Chromium sends the page's Origin; the server refuses the handshake and
    starts no session. The same site's name pointed at this machine (DNS rebinding) gets the refusal, not the
    page: its requests name evil.example as their Host."""
    (tmp_path / "index.html").write_text("<p>an ordinary page</p>")
    other = free_port()
    files = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(tmp_path), str(other)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_listening("127.0.0.1", other)
        with serving(seeded, "--annotator", "alice") as served:
            port = str(served.port)
            async with Browser(resolving={"evil.example": "127.0.0.1"}) as page:
                await page.loaded(f"http://evil.example:{other}/")
                assert await page.evaluate(OPEN_THE_SOCKET.replace("PORT", port)) == "refused"
                assert sessions_on(seeded) == []
                shown = await page.loaded(f"http://evil.example:{port}/")
                assert shown == f"this server answers to http://127.0.0.1:{port}, not to Host 'evil.example:{port}'\n"
    finally:
        files.terminate()
        files.wait(timeout=20)
    with Store.open(seeded, read_only=True) as store:
        assert [event.action for event in store.events()] == ["assign", "assign"]


@needs_chromium
async def test_a_session_without_annotator_asks_who_is_annotating(seeded: Path) -> None:
    with serving(seeded) as served:
        async with Browser() as page:
            await page.open(served.url)
            shown = await page.wait_for("Who is annotating?")
            assert "alice" in shown and "bob" in shown
            await page.press("Enter", "Enter", 13)  # the first name offered: alice
            await page.wait_for(SEED_LINE)
            await page.wait_for("alice · team.db")
    with Store.open(seeded) as store:
        assert store.last_opened("alice") == store.article_ids()[0]


def test_another_host_needs_public_and_warns(seeded: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(seeded), "--host", "0.0.0.0"])
    assert (result.exit_code, result.stderr) == (
        1,
        "annotator: error: --host 0.0.0.0 would let other machines connect, with no password: add --public to "
        "mean it\n",
    )


def test_each_session_runs_this_annotator_on_the_database(seeded: Path) -> None:
    assert session_command(seeded, None) == (
        f"{sys.executable} -m annotator annotate --db {seeded.resolve()} --ask-annotator"
    )
    assert session_command(seeded, "bob").endswith("--annotator bob")


@needs_chromium
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
async def test_a_served_session_ends_cleanly_on_sigterm(seeded: Path, number: signal.Signals) -> None:
    """`kill PID` of the server (a supervisor's stop) while a browser session has edited: the server stops as on
    ctrl+c, with status 0 (a server's stop is no failure; a supervisor counts it clean), its session process ends
    too, the edit is stored, and nothing is left beside the database (no -wal, -shm or temporary). A SIGHUP (the
    ssh connection it was started from dropped) stops it the same way: it ended with status 129 and the line
    "interrupted after this command's work was done"."""
    port = free_port()
    command = [sys.executable, "-m", "annotator", "serve", "--db", str(seeded), "--port", str(port), "--annotator"]
    server = subprocess.Popen([*command, "alice"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_listening("127.0.0.1", port)
        async with Browser() as page:
            await page.open(f"http://127.0.0.1:{port}/")
            await page.wait_for(SEED_LINE)
            await page.press("d", "KeyD", 68)  # done: the only article, stored at once
            with Store.open(seeded, read_only=True) as store:
                [article] = store.article_ids()
            for _ in range(300):
                with Store.open(seeded, read_only=True) as store:
                    if store.status(article, "alice") == "done":
                        break
                time.sleep(0.1)
            sessions = psutil.Process(server.pid).children(recursive=True)
            assert sessions, "no session process was started"
            server.send_signal(number)
            out, err = server.communicate(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    _gone, alive = psutil.wait_procs(sessions, timeout=20)
    assert (server.returncode, [p.pid for p in alive]) == (0, [])
    assert "Traceback" not in out + err
    assert sorted(p.name for p in seeded.parent.iterdir()) == ["team.db"]
    with Store.open(seeded, read_only=True) as store:
        assert store.status(article, "alice") == "done"

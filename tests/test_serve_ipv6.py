"""`annotator serve` on IPv6 and on every interface: the address the page opens its files and its websocket at,
and the one printed. textual-serve writes it from --host and --port, and for --host ::1 wrote http://::1:PORT
(no address at all: the page loaded, then neither its script nor its websocket did). A host that cannot be the
page's address (every interface, without --url) is refused in one line. The real server process, real aiohttp
clients, Debian's headless Chromium; the IPv6 tests are skipped, saying so, where this machine has no ::1.
"""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp
import pytest
from browser import Browser, chromium
from serve_support import free_port, has_ipv6_loopback, keys_reach_the_session, seeded_database, serving
from typer.testing import CliRunner

from annotator.cli import app
from annotator.tui.served_addresses import ServedAddresses, bracketed

needs_ipv6 = pytest.mark.skipif(not has_ipv6_loopback(), reason="this machine has no IPv6 loopback (::1)")
needs_chromium = pytest.mark.skipif(chromium() is None, reason="needs Debian's chromium (apt-get install -y chromium)")


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    return seeded_database(tmp_path)


async def page_addresses(page_url: str) -> list[str]:
    """The addresses the served page opens on its server (its websocket, script, styles, image), as written in
    it (not the fonts' site, nor the SVG namespace)."""
    async with aiohttp.ClientSession() as session, session.get(page_url) as response:
        assert response.status == 200
        page = await response.text()
    return sorted(
        {
            found
            for found in re.findall(r"""(?:https?|wss?)://[^"'\s)]+""", page)
            if "/static/" in found or found.endswith("/ws")
        }
    )


def own_addresses(origin: str) -> list[str]:
    """What `page_addresses` gives for a page whose server is at `origin` (http://HOST:PORT)."""
    socket_origin = origin.replace("http", "ws", 1)
    files = ["static/css/xterm.css", "static/images/background.png", "static/js/textual.js"]
    return [*(f"{origin}/{name}" for name in files), f"{socket_origin}/ws"]


@needs_ipv6
@pytest.mark.parametrize("host", ["::1", "[::1]"])
async def test_the_page_on_ipv6_loopback_opens_its_own_address(seeded: Path, host: str) -> None:
    """--host ::1 (or as a URL writes it, in brackets): the page's files and websocket are at http://[::1]:PORT,
    a key typed through that websocket reaches the session, and that is the address printed."""
    with serving(seeded, "--host", host, "--annotator", "alice", connect_to="::1") as served:
        origin = f"http://[::1]:{served.port}"
        assert await page_addresses(f"{origin}/") == own_addresses(origin)
        await keys_reach_the_session(f"{origin}/ws?width=100&height=30", origin, seeded)
    assert origin in served.output.split()  # "Serving '...' on http://[::1]:PORT"


@needs_ipv6
@needs_chromium
async def test_the_page_on_ipv6_loopback_works_in_a_browser(seeded: Path) -> None:
    with serving(seeded, "--host", "::1", "--annotator", "alice", connect_to="::1") as served:
        async with Browser() as page:
            await page.open(f"http://[::1]:{served.port}/")
            await page.wait_for("alice · team.db")  # the title bar: the session's screen is drawn


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_every_interface_needs_the_address_browsers_open(seeded: Path, host: str) -> None:
    """0.0.0.0 or :: is no address a browser opens: the page named it (a browser elsewhere opened its own
    machine, or nothing) and a browser elsewhere, naming this machine as its Host, was refused (421). So without
    --url it served this machine alone, which the default does without listening to every network."""
    result = CliRunner().invoke(app, ["serve", "--db", str(seeded), "--host", host, "--public", "--port", "8123"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"annotator: error: --host {host} (every interface) is no address a browser opens: add --url with the one "
        "browsers elsewhere use (--url http://NAME:8123), or leave --host out to serve this machine alone\n",
    )


@pytest.mark.parametrize(
    ("host", "shown", "loopback"),
    [("0.0.0.0", "0.0.0.0", "127.0.0.1"), pytest.param("::", "[::]", "::1", marks=needs_ipv6)],
)
async def test_every_interface_with_the_url_browsers_open(seeded: Path, host: str, shown: str, loopback: str) -> None:
    """--host 0.0.0.0 (or ::) --public --url: the page's addresses are the --url's, its own websocket drives a
    session, and the warning names the port, an IPv6 address in brackets."""
    port = free_port(loopback)
    url = f"http://{bracketed(loopback)}:{port}"
    options = ["--host", host, "--public", "--url", url, "--annotator", "alice"]
    with serving(seeded, *options, connect_to=loopback, port=port) as served:
        assert await page_addresses(f"{url}/") == own_addresses(url)
        await keys_reach_the_session(f"{url}/ws?width=100&height=30", url, seeded)
    assert url in served.output.split()
    warning = f"warning: serving on {shown}: textual-serve has no authentication, so anyone who can reach this "
    assert f"{warning}machine's port {port} can read and change {seeded}\n" in served.output


def test_the_page_s_address() -> None:
    """Where the page's links and websocket go (textual-serve's `public_url`): --url as given, else the address
    listened on with its port, an IPv6 address in brackets, always http (textual-serve made --port 443
    https://HOST, which this server does not speak)."""
    pages = [
        ServedAddresses.of("::1", 8000, None).page,
        ServedAddresses.of("2001:DB8::1", 8000, None).page,
        ServedAddresses.of("127.0.0.1", 443, None).page,
        ServedAddresses.of("localhost", 80, None).page,
        ServedAddresses.of("0.0.0.0", 8000, "https://example.org/annotate/").page,
    ]
    assert pages == [
        "http://[::1]:8000",
        "http://[2001:db8::1]:8000",
        "http://127.0.0.1:443",
        "http://localhost",
        "https://example.org/annotate/",
    ]

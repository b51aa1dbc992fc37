"""`annotator serve` answers only its own page: a websocket from another site's page, or a request naming another
host (DNS rebinding), is refused before any session starts. The real server process, real aiohttp clients (the
page's own Origin as a browser sends it), the real database file.

textual-serve has no authentication and browsers let any page open `ws://127.0.0.1:PORT/ws` and read the
replies: without these checks a page anywhere could annotate as anyone and read every article off the screen.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from serve_support import free_port, keys_reach_the_session, seeded_database, serving
from typer.testing import CliRunner

from annotator.cli import app
from annotator.store import Store
from annotator.tui.served_addresses import ServedAddresses


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    return seeded_database(tmp_path)


#: The events the fixture's assignments leave.
ASSIGNED = [("alice", "assign"), ("bob", "assign")]


def files_beside(db: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(db.parent.iterdir())}


async def handshake(url: str, headers: dict[str, str]) -> int:
    """The status of a websocket handshake: 101 when it is taken (then closed at once)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status


async def get(url: str, host: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers={"Host": host}) as response:
        return response.status, await response.text()


def events(db: Path) -> list[tuple[str, str]]:
    """Who did what, in order."""
    with Store.open(db, read_only=True) as store:
        return [(event.annotator, event.action) for event in store.events()]


@pytest.mark.parametrize(
    "origin",
    [{"Origin": "http://evil.example"}, {"Origin": "null"}, {"Origin": "http://127.0.0.1:1"}, {}],
    ids=["another site", "a sandboxed page", "another port here", "no Origin"],
)
async def test_a_websocket_from_another_page_starts_nothing(seeded: Path, origin: dict[str, str]) -> None:
    """The trial's attack: a page elsewhere opens the websocket and types. Refused in the handshake (403): no
    session process, the database untouched byte for byte. A websocket without an Origin is refused too: a
    browser always sends one, so only other programs leave it out, and those need no browser page."""
    with serving(seeded) as served:
        before = files_beside(seeded)
        status = await handshake(f"http://127.0.0.1:{served.port}/ws?width=100&height=30", origin)
        assert (status, served.sessions()) == (403, [])
        assert files_beside(seeded) == before
        assert (await get(f"http://127.0.0.1:{served.port}/", f"127.0.0.1:{served.port}"))[0] == 200  # the page
    assert events(seeded) == ASSIGNED


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
async def test_the_page_s_own_origin_drives_a_session(seeded: Path, name: str) -> None:
    """The origin a browser sends from the served page (opened as http://127.0.0.1:PORT, or as
    http://localhost:PORT while the page's websocket goes to 127.0.0.1): the session starts and a key is stored."""
    with serving(seeded, "--annotator", "alice") as served:
        origin = f"http://{name}:{served.port}"
        await keys_reach_the_session(f"http://127.0.0.1:{served.port}/ws?width=100&height=30", origin, seeded)
    assert events(seeded) == [*ASSIGNED, ("alice", "status")]  # done


async def test_a_request_naming_another_host_is_refused(seeded: Path) -> None:
    """DNS rebinding: a page at evil.example:PORT, its name pointed at 127.0.0.1 after loading, is same-origin
    with itself, so its Origin and Host both name evil.example. The Host is not one this server answers to:
    421 on the page, its files and the websocket, and no session starts."""
    with serving(seeded) as served:
        port = served.port
        foreign = f"evil.example:{port}"
        for path in ["/", "/static/js/textual.js", "/ws"]:
            assert await get(f"http://127.0.0.1:{port}{path}", foreign) == (
                421,
                f"this server answers to http://127.0.0.1:{port}, not to Host {foreign!r}\n",
            )
        headers = {"Host": foreign, "Origin": f"http://{foreign}"}
        assert await handshake(f"http://127.0.0.1:{port}/ws", headers) == 421
        assert served.sessions() == []
        for own in [f"127.0.0.1:{port}", f"localhost:{port}", f"LocalHost:{port}", f"[::1]:{port}"]:
            assert (await get(f"http://127.0.0.1:{port}/", own))[0] == 200, own
        for other in [f"127.0.0.1:{port + 1}", "127.0.0.1", "localhost", f"127.0.0.1.evil.example:{port}"]:
            assert (await get(f"http://127.0.0.1:{port}/", other))[0] == 421, other
    assert events(seeded) == ASSIGNED


async def test_url_is_the_address_browsers_use(seeded: Path) -> None:
    """Behind a proxy (--url): the proxy's address is answered to as Host (a proxy that passes the browser's on)
    and is the page's Origin; this machine's own forms still are (a proxy that names its upstream)."""
    with serving(seeded, "--annotator", "alice", "--url", "https://Annotate.Example.org") as served:
        port = served.port
        for host in ["annotate.example.org", "annotate.example.org:443", f"127.0.0.1:{port}"]:
            assert (await get(f"http://127.0.0.1:{port}/", host))[0] == 200, host
        for host in ["annotate.example.org:80", "evil.example"]:
            assert (await get(f"http://127.0.0.1:{port}/", host))[0] == 421, host
        _, page = await get(f"http://127.0.0.1:{port}/", "annotate.example.org")
        assert "wss://Annotate.Example.org/ws" in page  # textual-serve's page opens its websocket there
        ws = f"http://127.0.0.1:{port}/ws"
        assert await handshake(ws, {"Origin": "http://annotate.example.org"}) == 403  # not the page's scheme
        assert served.sessions() == []
        await keys_reach_the_session(ws, "https://annotate.example.org", seeded)
    assert events(seeded) == [*ASSIGNED, ("alice", "status")]  # done


async def test_public_checks_against_the_address_it_listens_on(seeded: Path) -> None:
    """--public --host 127.0.0.2 (another address of this machine): that address is the one answered to; the
    names of 127.0.0.1, which this server does not listen on, are not."""
    with serving(seeded, "--host", "127.0.0.2", "--public", connect_to="127.0.0.2") as served:
        port = served.port
        assert (await get(f"http://127.0.0.2:{port}/", f"127.0.0.2:{port}"))[0] == 200
        for host in [f"localhost:{port}", f"127.0.0.1:{port}", f"evil.example:{port}"]:
            assert (await get(f"http://127.0.0.2:{port}/", host))[0] == 421, host
        ws = f"http://127.0.0.2:{port}/ws"
        assert await handshake(ws, {"Origin": f"http://localhost:{port}"}) == 403
        assert served.sessions() == []


def test_the_addresses_answered_to() -> None:
    """What each listening address answers to, without a server: the forms a browser writes (no default port,
    IPv6 in brackets, any case)."""
    local = ServedAddresses.of("127.0.0.1", 80, None)
    hosts = ["127.0.0.1", "localhost:80", "[::1]", "127.0.0.1:8000", "127.0.0.1:", "127.0.0.1:+80", "[::1"]
    assert [local.answers_to(host) for host in hosts] == [True, True, True, False, False, False, False]
    assert local.is_own_page("http://localhost") and not local.is_own_page("https://localhost")
    everywhere = ServedAddresses.of("0.0.0.0", 8000, "http://annotate.lan:8000")
    hosts = ["localhost:8000", "annotate.lan:8000", "0.0.0.0:8000", "lan:8000", "annotate.lan"]
    assert [everywhere.answers_to(host) for host in hosts] == [True, True, True, False, False]
    assert everywhere.is_own_page("http://annotate.lan:8000")
    assert not everywhere.is_own_page("http://annotate.lan:8000/ws")  # an Origin has no path
    six = ServedAddresses.of("::1", 8000, None)
    assert six.answers_to("[::1]:8000") and six.answers_to("localhost:8000")
    assert not six.answers_to("::1:8000")
    assert str(six) == "http://[::1]:8000"


def test_a_url_under_a_path_is_answered_by_its_origin() -> None:
    """A proxy that serves the page under a path (textual-serve puts --url before its own paths): the page's
    Origin and the Host are the address's, without the path."""
    proxied = ServedAddresses.of("127.0.0.1", 8000, "https://example.org/annotate/")
    assert proxied.answers_to("example.org") and proxied.is_own_page("https://example.org")
    assert str(proxied) == "https://example.org"


def test_a_url_no_browser_opens_is_one_line(seeded: Path) -> None:
    port = str(free_port())
    public = ["--host", "127.0.0.2", "--public"]  # refused before the warning that would follow
    for url, options in [("annotate.lan:8000", []), ("ftp://annotate.lan", []), ("http://annotate.lan:port", public)]:
        serve = ["serve", "--db", str(seeded), "--port", port, *options, "--url", url]
        result = CliRunner().invoke(app, serve)
        assert (result.exit_code, result.stderr) == (
            1,
            f"annotator: error: --url '{url}' is not an address a browser opens (http://NAME[:PORT][/PATH])\n",
        ), url


async def test_the_websocket_address_opened_as_a_page_is_one_line(seeded: Path) -> None:
    """/ws asked for without a websocket handshake (the address opened in a tab, a scanner): 400 with one line,
    and one warning in the server's log. textual-serve dropped the connection without an answer and printed two
    tracebacks, with their local variables, in the log."""
    with serving(seeded) as served:
        port = served.port
        assert await get(f"http://127.0.0.1:{port}/ws", f"127.0.0.1:{port}") == (
            400,
            "this address takes a websocket (the page's), not a plain request\n",
        )
        assert served.sessions() == []
    assert "Traceback" not in served.output
    assert "WARNING  refused GET '/ws': not a websocket" in served.output

"""The addresses `annotator serve` answers to, and the pages whose websockets it takes.

textual-serve has no authentication, and a browser lets any page open `ws://127.0.0.1:PORT/ws` and read the
replies, or load a page from a name it then points at 127.0.0.1 (DNS rebinding). So the server answers only
requests whose Host is its own (the address it listens on, this machine's names for it when that is this
machine, the --url browsers use) and takes a websocket only from its own page (an Origin among the same).
Pure: no server here, so the rules are testable without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from annotator.errors import AnnotatorError
from annotator.literal import quoted

#: The names this machine's browsers write for a server on this machine.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
#: Addresses that listen on every interface, loopback included.
WILDCARDS = frozenset({"0.0.0.0", "::", ""})
DEFAULT_PORTS = {"http": 80, "https": 443}

#: (scheme, host, port): an origin, the host lower-case and without IPv6 brackets.
Origin = tuple[str, str, int]


def _bare(host: str) -> str:
    return host.lower().removeprefix("[").removesuffix("]")


def bracketed(host: str) -> str:
    """A host as an address writes it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


def unbracketed(host: str) -> str:
    """A --host as given to the system: `[::1]`, as an address writes it, is ::1."""
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def _origin(text: str, path: bool = False) -> Origin | None:
    """An origin as a browser writes it (scheme://host[:port], nothing more; with `path`, the origin of an
    address that may go on to a path), or None for anything else."""
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    default = DEFAULT_PORTS.get(parts.scheme.lower())
    if default is None or not parts.hostname or parts.username is not None or parts.password is not None:
        return None
    beyond = parts.path not in ("", "/") or parts.query or parts.fragment or text.endswith(("?", "#"))
    if beyond and not path:
        return None
    return parts.scheme.lower(), parts.hostname, default if port is None else port


def _host_header(text: str) -> tuple[str, int | None] | None:
    """A Host header's name and port (None when it gives none), or None when it is not host[:port]."""
    if text.startswith("["):
        name, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            return None
        port_text = rest[1:] if rest else None
    elif text.count(":") > 1:
        return None
    else:
        name, colon, port_text_ = text.partition(":")
        port_text = port_text_ if colon else None
    if not name or (port_text is not None and not (port_text.isascii() and port_text.isdecimal())):
        return None
    return name.lower(), None if port_text is None else int(port_text)


def _address(origin: Origin) -> str:
    """An origin as an address: scheme://host[:port], the port left out when it is the scheme's default."""
    scheme, host, port = origin
    shown = "" if port == DEFAULT_PORTS[scheme] else f":{port}"
    return f"{scheme}://{bracketed(host)}{shown}"


@dataclass(frozen=True)
class ServedAddresses:
    """The origins the served page can have, the first the one to name (the --url, else where it listens), and the
    page's own address (`page`), where its files and websocket are opened."""

    origins: tuple[Origin, ...]
    page: str

    @classmethod
    def of(cls, host: str, port: int, url: str | None) -> ServedAddresses:
        """From `serve`'s --host, --port and --url. The page is at the --url, else at the address listened on:
        textual-serve's own (`http://HOST:PORT`) was no address for an IPv6 host (`http://::1:8000`) and https
        on port 443, which the server does not speak. An address for every interface is no page's: refused
        without --url."""
        names = [_bare(host)]
        if url is None and names[0] in WILDCARDS:
            raise AnnotatorError(
                f"--host {host} (every interface) is no address a browser opens: add --url with the one browsers "
                f"elsewhere use (--url http://NAME:{port}), or leave --host out to serve this machine alone"
            )
        if names[0] in LOOPBACK_NAMES or names[0] in WILDCARDS:
            names += [name for name in LOOPBACK_NAMES if name != names[0]]
        served = tuple(("http", name, port) for name in names)
        if url is None:
            return cls(served, _address(served[0]))
        public = _origin(url, path=True)
        if public is None:
            raise AnnotatorError(f"--url {quoted(url)} is not an address a browser opens (http://NAME[:PORT][/PATH])")
        return cls((public, *served), url)

    def answers_to(self, host: str) -> bool:
        """Whether a request with this Host header is for this server (a port left out is its scheme's
        default, as browsers leave it out)."""
        parsed = _host_header(host)
        if parsed is None:
            return False
        name, port = parsed
        for scheme, own, own_port in self.origins:
            if name == own and (port == own_port or (port is None and own_port == DEFAULT_PORTS[scheme])):
                return True
        return False

    def is_own_page(self, origin: str) -> bool:
        """Whether a websocket's Origin is one of the served page's."""
        return _origin(origin) in self.origins

    def __str__(self) -> str:
        return _address(self.origins[0])

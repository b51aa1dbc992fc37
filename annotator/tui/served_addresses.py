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


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


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


@dataclass(frozen=True)
class ServedAddresses:
    """The origins the served page can have; the first is the one to name (the --url, else where it listens)."""

    origins: tuple[Origin, ...]

    @classmethod
    def of(cls, host: str, port: int, url: str | None) -> ServedAddresses:
        """From `serve`'s --host, --port and --url."""
        names = [_bare(host)]
        if names[0] in LOOPBACK_NAMES or names[0] in WILDCARDS:
            names += [name for name in LOOPBACK_NAMES if name != names[0]]
        served = [("http", name, port) for name in names]
        if url is None:
            return cls(tuple(served))
        public = _origin(url, path=True)
        if public is None:
            raise AnnotatorError(f"--url {quoted(url)} is not an address a browser opens (http://NAME[:PORT][/PATH])")
        return cls((public, *served))

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
        scheme, host, port = self.origins[0]
        shown = "" if port == DEFAULT_PORTS[scheme] else f":{port}"
        return f"{scheme}://{_bracketed(host)}{shown}"

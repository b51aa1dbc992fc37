"""Found by a newcomer from a fresh clone: options whose values failed deep inside a library ended in a traceback.
Each is one line naming the option and the value, from the real console script."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.exchange.article_files import seed_articles
from annotator.exchange.ingest import ingest
from annotator.store import Store


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    with Store.open(path) as store:
        ingest(store, seed_articles(), suggest=False)
    return path


def test_serve_on_a_port_out_of_range(seeded: Path) -> None:
    assert one_error_line(annotator("serve", "--db", seeded, "--port", "99999", timeout=60)) == (
        "Invalid value for '--port': 99999 is not in the range 1<=x<=65535."
    )


def test_serve_on_a_port_in_use(seeded: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = annotator("serve", "--db", seeded, "--port", str(port), timeout=60)
    assert one_error_line(result) == f"cannot listen on --host 127.0.0.1 --port {port}: Address already in use"
    assert result.stdout == ""  # before textual-serve's banner


def test_serve_on_a_host_that_does_not_resolve(seeded: Path) -> None:
    result = annotator("serve", "--db", seeded, "--host", "nosuch.invalid", "--public", timeout=60)
    assert one_error_line(result) == "cannot listen on --host nosuch.invalid --port 8000: Name or service not known"


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("bogus", "missing port number in address 'bogus'"),
        ("tcp://[::1", "invalid address '[::1'; maybe: ipv6 needs brackets like [::1]"),
        (
            "http://127.0.0.1:8000",
            "unknown address scheme 'http' (known schemes: ['inproc', 'tcp', 'tls', 'ucx', 'ws', 'wss'])",
        ),
    ],
)
def test_predict_with_a_malformed_scheduler_address(tmp_path: Path, address: str, why: str) -> None:
    (tmp_path / "small.jsonl").write_text('{"text": "Ann met Bob in Paris."}\n', encoding="utf-8")
    result = annotator("predict", tmp_path / "small.jsonl", "-o", tmp_path / "pq", "--scheduler", address, timeout=60)
    assert (
        one_error_line(result) == f"Invalid value for '--scheduler': {address!r} is not a Dask scheduler address: {why}"
    )
    assert not (tmp_path / "pq").exists()


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("tls://127.0.0.1:8786", "TLS expects a `ssl_context` argument of type ssl.SSLContext"),
        ("inproc://x", "not enough values to unpack (expected 3, got 1)"),
    ],
)
def test_predict_with_a_scheduler_dask_cannot_open(tmp_path: Path, address: str, why: str) -> None:
    """Found by an attacker: well-formed addresses Dask still cannot use ended in a TypeError or ValueError."""
    (tmp_path / "small.jsonl").write_text('{"text": "Ann met Bob in Paris."}\n', encoding="utf-8")
    result = annotator("predict", tmp_path / "small.jsonl", "-o", tmp_path / "pq", "--scheduler", address, timeout=90)
    assert one_error_line(result).startswith(f"cannot reach the Dask scheduler at {address}: {why}")


def test_ingest_of_a_json_array_names_the_command_that_reads_one(tmp_path: Path) -> None:
    """A newcomer's trial (22): ingest said "--format labelstudio", an option ingest does not have; the hint names
    the command that has it."""
    path = tmp_path / "arr.jsonl"  # JSON_MIN's shape: an array of Label Studio tasks (`data`) is ingested
    path.write_text('[{"text": "Rockets hit Sderot.", "id": 1, "label": []}]\n', encoding="utf-8")
    error = one_error_line(annotator("ingest", path, "--db", tmp_path / "a.db"))
    assert error == (
        f"{path}:1: this is a JSON array of records of annotations (Label Studio's JSON_MIN, or another tool's), not "
        f"Label Studio tasks to ingest: `annotator import {path} --format labelstudio --db {tmp_path / 'a.db'}` reads a "
        "Label Studio export (the project's JSON export is a task file ingest reads)"
    )
    assert not (tmp_path / "a.db").exists()

"""The attacker's trial t4 F2: an input file larger than memory (a disk image named .txt, an 8 GB log) ended
`ingest`, `import` (native and Label Studio) and `train --from` in ~40 lines of traceback ending `MemoryError`, under
a memory limit (`ulimit -v`, as a container or a shared login gives); without one, the process tried to hold it all.
Now a file (or JSONL line) past what its reader holds is refused unread, in one line naming it (and the line), and one
within that which still does not fit is one line too. Real processes under a real RLIMIT_AS, on sparse files (no disk
used), real databases compared byte for byte."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest
from processes import ANNOTATOR, one_error_line, small_database

#: The address space each command may use, as `ulimit -v 2097152` gives: enough for spaCy, not for the files below.
LIMIT = 2 << 30
LINE = "more than a JSONL line (one record) may hold (64 MiB): not read"
OUT_OF_MEMORY = "out of memory (the machine's, or this process's limit: ulimit -v)"


#: A native record of done work, which `import`, `ingest` and `train --from` each read.
RECORD = (
    b'{"article_id": "a1", "text": "Ann met Bob in Lyon.", "title": "Ann", "meta": {}, "annotator": "bob", '
    b'"status": "done", "spans": [], "updated_at": "2026-12-01T00:00:00Z"}\n'
)


def limited(*args: str | Path, cwd: Path, limit: int = LIMIT) -> subprocess.CompletedProcess[str]:
    """The console script run with its address space limited to `limit` bytes."""

    def within() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [ANNOTATOR, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300, preexec_fn=within
    )


def sparse(path: Path, size: int, head: bytes = b"", tail: bytes = b"") -> Path:
    """A file of `size` bytes, `head` first and `tail` last, zeros between them that take no disk."""
    with open(path, "wb") as stream:
        stream.write(head)
        stream.truncate(size - len(tail))
        stream.seek(size - len(tail))
        stream.write(tail)
    return path


def test_an_8_gib_txt_file_is_refused_unread_and_no_database_made(tmp_path: Path) -> None:
    sparse(tmp_path / "sparse.txt", 8 << 30)
    result = limited("ingest", "sparse.txt", "--no-suggest", "--db", "sp.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "sparse.txt: 8,589,934,592 bytes, more than an article's file may hold (64 MiB): not read"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sparse.txt"]


def test_a_6_gib_label_studio_export_is_refused_unread_and_the_database_left(tmp_path: Path) -> None:
    small_database(tmp_path / "w.db")
    before = (tmp_path / "w.db").read_bytes()
    sparse(tmp_path / "sparse.json", 6 << 30)
    result = limited("import", "sparse.json", "--format", "labelstudio", "--db", "w.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "sparse.json: 6,442,450,944 bytes, more than a file read whole may hold (1,024 MiB): not read"
    )
    assert (tmp_path / "w.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sparse.json", "w.db"]


@pytest.mark.parametrize(
    "command",
    [
        ("import", "sparse.jsonl", "--db", "w.db"),
        ("ingest", "sparse.jsonl", "--no-suggest", "--db", "w.db"),
        ("train", "--from", "sparse.jsonl", "--out", "tr/x"),
    ],
    ids=["import", "ingest", "train"],
)
def test_a_6_gib_jsonl_line_is_refused_naming_its_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    """The line after a good one (a native record, which each of them reads), a whole 6 GiB without a line break:
    read no further than the limit."""
    small_database(tmp_path / "w.db")
    before = (tmp_path / "w.db").read_bytes()
    sparse(tmp_path / "sparse.jsonl", 6 << 30, head=RECORD)
    assert one_error_line(limited(*command, cwd=tmp_path)) == f"sparse.jsonl:2: {LINE}"
    assert (tmp_path / "w.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sparse.jsonl", "w.db"]


def test_skip_invalid_passes_over_a_line_too_long_and_ingests_the_rest(tmp_path: Path) -> None:
    sparse(
        tmp_path / "c.jsonl",
        200 << 20,
        head=b'{"id": "a", "text": "Ann met Bob in Lyon."}\n',
        tail=b'\n{"id": "c", "text": "Cy met Di in Oslo."}\n',
    )
    result = limited("ingest", "c.jsonl", "--no-suggest", "--skip-invalid", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "2 article(s) added, 0 already stored, 0 suggestion(s) -> x.db",
        "skipped 1 file(s) or line(s) that hold no article:",
        f"  c.jsonl:2: {LINE}",
    ]


def test_a_file_within_the_limit_that_does_not_fit_is_one_line(tmp_path: Path) -> None:
    """1,000 MiB, under the 1,024 MiB a file read whole may hold, in an address space of less than that."""
    small_database(tmp_path / "w.db")
    before = (tmp_path / "w.db").read_bytes()
    sparse(tmp_path / "big.json", 1000 << 20)
    result = limited("import", "big.json", "--format", "labelstudio", "--db", "w.db", cwd=tmp_path, limit=1000 << 20)
    assert one_error_line(result) == f"big.json: 1,048,576,000 bytes, too large to read: {OUT_OF_MEMORY}"
    assert (tmp_path / "w.db").read_bytes() == before


def test_a_jsonl_line_within_the_limit_that_does_not_fit_names_its_line(tmp_path: Path) -> None:
    """The reader in a process left 16 MiB more than it holds (its address space measured after its imports),
    on a 60 MiB line: the file's error at that line, read no further (before the line above it is given: each
    line is read before the one above it is parsed, to know whether that one ends the file)."""
    sparse(tmp_path / "c.jsonl", (60 << 20) + 50, head=b'{"id": "a", "text": "Ann met Bob in Lyon."}\n')
    script = (
        "import resource, sys\n"
        "from annotator.errors import InputError\n"
        "from annotator.exchange.files import jsonl_lines\n"
        "size = int(next(l for l in open('/proc/self/status') if l.startswith('VmSize:')).split()[1]) * 1024\n"
        "resource.setrlimit(resource.RLIMIT_AS, (size + (16 << 20),) * 2)\n"
        "try:\n"
        "    for where, data in jsonl_lines(sys.argv[1]):\n"
        "        print(where.line, type(data).__name__)\n"
        "except InputError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "c.jsonl"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"c.jsonl:2: too large to read: {OUT_OF_MEMORY}\n"


def test_out_of_memory_anywhere_in_a_command_is_one_line() -> None:
    """A MemoryError no reader named a file for (a real one: an allocation no machine has) is one line saying what
    the command kept, never a traceback: in a process of its own, whose commands have saved nothing."""
    script = (
        "import sys, typer\n"
        "from annotator.cli.common import errors_as_lines\n"
        "try:\n"
        "    with errors_as_lines(*sys.argv[1:]):\n"
        "        bytearray(1 << 62)\n"
        "except typer.Exit as end:\n"
        "    sys.exit(end.exit_code)\n"
    )
    for said, kept in (
        ((), "nothing from this command was written"),
        (("steps before it stay",), "steps before it stay"),
    ):
        done = subprocess.run([sys.executable, "-c", script, *said], capture_output=True, text=True, timeout=120)
        assert (done.returncode, done.stdout, done.stderr) == (1, "", f"annotator: error: {OUT_OF_MEMORY}; {kept}\n")


def test_a_file_of_no_known_size_is_read_to_the_limit_only(tmp_path: Path) -> None:
    """The size the system gives is only where reading starts: a file it gives no size for (0) is read on, a MiB at a
    time, to the limit; one past it is refused unread."""
    from annotator.errors import InputError
    from annotator.exchange.files import Limit, read_bytes

    path = sparse(tmp_path / "a.txt", 3 << 20)
    assert len(read_bytes(path, Limit(3 << 20, "a test's file"))) == 3 << 20
    with pytest.raises(InputError) as refused:
        read_bytes(path, Limit(2 << 20, "a test's file"))
    assert str(refused.value) == f"{path}: 3,145,728 bytes, more than a test's file may hold (2 MiB): not read"
    status = Path("/proc/self/status")  # Linux's: 0 bytes, says the system, yet it holds text
    if status.exists():
        assert status.stat().st_size == 0
        assert read_bytes(status).startswith(b"Name:")

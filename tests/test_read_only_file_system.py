"""A database on a read-only file system (trial s49 F6c): a write said "not saved: r.db is read-only", sending the
user to chmod a file that is writable; the file system is what is read-only (os.statvfs's ST_RDONLY), and the line
now says so. Real processes on a real tmpfs remounted read-only (root only: skipped where one cannot be mounted)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import annotator

TEXT = "Mayor Anna Berg said on Monday that 40 people were moved from Riverside after the flood."


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A folder holding r.db (one article), on a tmpfs remounted read-only."""
    mounted = tmp_path / "ro"
    mounted.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mounted)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here")
    try:
        (mounted / "a.txt").write_text(TEXT, encoding="utf-8")
        done = annotator("ingest", "a.txt", "--no-suggest", "--db", "r.db", cwd=mounted)
        assert done.returncode == 0, done.stderr
        subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
        yield mounted
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


def test_a_write_names_the_read_only_file_system(read_only: Path) -> None:
    before = (read_only / "r.db").read_bytes()
    result = annotator("assign", "--annotators", "bob", "--db", "r.db", cwd=read_only)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: not saved: r.db is on a read-only file system\n",
    )
    assert (read_only / "r.db").read_bytes() == before

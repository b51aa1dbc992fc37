"""Attacker's recheck of trial 29: a FIFO swapped in where annotator reads (a database's header, a shard of
predictions) hung the command past ctrl+c, and a link swapped for a file while it was followed was a traceback.
Reads open without waiting and refuse what is no regular file; a path that changes while it is resolved is one
line. Real FIFOs; the link race is made certain by failing readlink the way the kernel did (EINVAL)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import places
from annotator.places import PlaceError

READ_HEADER = """
import sys
from pathlib import Path
from annotator.store.examining import DatabaseError, _header
try:
    _header(Path(sys.argv[1]), Path(sys.argv[1]))
except DatabaseError as error:
    print(error)
"""

READ_LINES = """
import sys
from pathlib import Path
from annotator.errors import InputError
from annotator.exchange.files import jsonl_objects
try:
    list(jsonl_objects(Path(sys.argv[1])))
except InputError as error:
    print(error)
"""


@pytest.mark.parametrize(("program", "said"), [(READ_HEADER, "cannot read the database: "), (READ_LINES, "")])
def test_a_fifo_where_annotator_reads_is_refused_without_waiting(tmp_path: Path, program: str, said: str) -> None:
    fifo = tmp_path / "annotations.db"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-c", program, fifo], capture_output=True, text=True, timeout=30)
    assert (done.returncode, done.stderr) == (0, "")
    assert said in done.stdout and "a FIFO (named pipe), not a regular file" in done.stdout


def test_a_link_that_changes_while_it_is_followed_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"

    def swapped(path: object, *args: object, **kwargs: object) -> str:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL), str(path))

    monkeypatch.setattr(places.os.path, "realpath", swapped)
    with pytest.raises(PlaceError) as refused:
        places.regular_target(out)
    assert str(refused.value) == f"{out}: changed while annotator looked at it (Invalid argument); nothing was written"

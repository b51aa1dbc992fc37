"""Trial 43a, F1: another annotator database copied over one whose writer was killed (`kill -9` of the TUI), the
old file's `-wal` (holding acknowledged edits) and `-shm` left beside the copy. SQLite takes a WAL whose own header
and checksums are valid for any file of its page size, and replays it into whatever file is at the name: `stats`
showed the old WAL's spans over the copy's articles (phantom rows) without a word, and `ingest` checkpointed the
WAL into the copy, then refused the result as damaged: the copy rewritten, the WAL holding the work deleted.
A WAL under which the file's content no longer fits (spans beyond their text, ...) while the file alone is sound is
not its own: refused by every command before anything opens the file read-write, both files byte for byte.
Real processes (the console script, a writer killed with SIGKILL), real files."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator, one_error_line

ARTICLES = (
    '{"id": "mk1", "title": "One", "text": "Washington said the mayor of Boston, Mary Kim, met Joe Biden in Paris."}\n'
    '{"id": "mk2", "title": "Two", "text": "Angela Merkel visited London and spoke with Boris Johnson on Monday."}\n'
)
#: A writer that accepts every suggestion (each edit committed to the `-wal`, no checkpoint) and is then killed.
KILLED_WRITER = """
import os, signal, sys
from annotator.store import Store
store = Store.open(sys.argv[1])
store.conn.execute("PRAGMA wal_autocheckpoint = 0")
for article in store.article_ids():
    store.accept_all(article, "alice")
os.kill(os.getpid(), signal.SIGKILL)
"""


def sha256s(folder: Path) -> dict[str, str]:
    """The database, its WAL and the WAL's index (`-shm`), byte for byte: the index too, which the first refusal
    rebuilt (as any reader of a killed writer's WAL does, the `sqlite3` shell too) while saying both were left."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("a.db*"))}


@pytest.fixture
def copied_over(tmp_path: Path) -> Path:
    """a.db: other.db copied over it after its writer was killed, a.db-wal and a.db-shm the old file's."""
    (tmp_path / "some.jsonl").write_text(ARTICLES, encoding="utf-8")
    (tmp_path / "s.txt").write_text("Paris is in France, said Ann. Nothing else here.\n", encoding="utf-8")
    for args in (("some.jsonl", "--db", "a.db"), ("s.txt", "--db", "other.db")):
        done = annotator("ingest", *args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, tmp_path / "a.db"], capture_output=True)
    assert killed.returncode == -9, killed.stderr
    assert (tmp_path / "a.db-wal").stat().st_size > 0 and (tmp_path / "a.db-shm").exists()
    shutil.copyfile(tmp_path / "other.db", tmp_path / "a.db")  # cp other.db a.db: the same inode, other bytes
    return tmp_path


def refusal(problem: str) -> str:
    return (
        f"a.db: a.db-wal beside it is not its own (with it, {problem}); a process may still have open a database "
        "that was at this name before (replaced or removed since): close it and retry, or if none has, move "
        "a.db-wal away; both were left as they are"
    )


SPAN_PAST_TEXT = "table 'spans', row 1 (article 'mk1'): offsets 0:10 are not within the text's 0 characters"


@pytest.mark.parametrize(
    "command",
    [("ingest", "s.txt", "--no-suggest"), ("stats",), ("export", "--annotator", "alice", "-o", "out.jsonl"),
     ("assign", "--annotators", "a,b", "--overlap", "1")],
    ids=["ingest", "stats", "export", "assign"],
)  # fmt: skip
def test_a_killed_writers_wal_beside_another_database_copied_over_its_file_is_refused(
    copied_over: Path, command: tuple[str, ...]
) -> None:
    before = sha256s(copied_over)
    result = annotator(*command, "--db", "a.db", cwd=copied_over)
    assert one_error_line(result) == refusal(SPAN_PAST_TEXT)
    assert sha256s(copied_over) == before
    assert not (copied_over / "out.jsonl").exists()


def test_the_wal_moved_away_the_copy_is_read_as_it_is_and_the_wal_back_beside_its_own_file_is_taken(
    copied_over: Path,
) -> None:
    """The refusal's advice followed loses nothing: the copy alone is sound, and the WAL's work is there beside
    the file it was written for."""
    (copied_over / "a.db-wal").rename(copied_over / "kept-wal")
    (copied_over / "a.db-shm").unlink()
    stats = annotator("stats", "--db", "a.db", cwd=copied_over)
    assert stats.returncode == 0 and "spans        0" in stats.stdout, stats

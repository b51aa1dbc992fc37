"""SQLite's temporary files full (attacker F5): a command that only reads still writes them, in the folder
SQLITE_TMPDIR or TMPDIR names (else /var/tmp or /tmp), when a query sorts more than fits in memory: `export` sorts
an annotator's articles in ingest order, `check` builds a copy of the title index. With that folder full (an 8 MB
tmpfs) or a file limit (`ulimit -f`), `export` ended in sqlite3's "database or disk is full" or "disk I/O error"
traceback, and `check` in "cannot rollback - no transaction is active" (SQLite had ended the read transaction
itself), or, when only the copy of the index failed, said the index could not be read and told to empty it. Now each
is one line naming the folder, and nothing is written.

Real processes on real files: the console script under a small file-size limit (RLIMIT_FSIZE, what `ulimit -f` sets;
Python ignores SIGXFSZ, so SQLite's write fails), and, where this machine lets a test mount one, a full tmpfs."""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator

ARTICLES = 2000


@pytest.fixture(scope="module")
def main_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 articles done by dave, each with a title of 40 words: more to sort, and to index, than SQLite keeps in
    memory."""
    folder = tmp_path_factory.mktemp("full")
    pick = random.Random(1)
    words = ["".join(pick.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(5000)]
    text = "The council met in Riverside after the flood and the mayor spoke. " * 30
    with (folder / "records.jsonl").open("w", encoding="utf-8") as out:
        for n in range(ARTICLES):
            title = " ".join(pick.choice(words) for _ in range(40))
            record = {"article_id": f"a{n}", "text": f"Article {n}. {text}", "title": title, "annotator": "dave",
                      "status": "done", "spans": []}  # fmt: skip
            out.write(json.dumps(record) + "\n")
    done = annotator("import", "records.jsonl", "--db", "main.db", cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    (folder / "records.jsonl").unlink()
    return folder / "main.db"


def limited(folder: Path, temporary: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The console script with SQLite's temporary files in `temporary` and files limited to 100 KB (`ulimit -f`)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (100 * 1024, 100 * 1024))

    env = {**os.environ, "SQLITE_TMPDIR": str(temporary)}
    return subprocess.run(
        [ANNOTATOR, *args], capture_output=True, text=True, timeout=300, env=env, cwd=folder, preexec_fn=limit
    )


def line(temporary: Path, error: str) -> str:
    return (
        f"annotator: error: main.db: SQLite could not write its temporary files in {temporary} ({error}): the folder "
        "SQLITE_TMPDIR names, else TMPDIR, else /var/tmp or /tmp, is full, or a file there would pass this process's "
        "size limit (ulimit -f); give SQLITE_TMPDIR a folder with room; nothing was written\n"
    )


@pytest.fixture
def work(main_db: Path, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder holding the database (a link to the module's), and an empty folder for SQLite's temporary files."""
    (tmp_path / "main.db").symlink_to(main_db)
    (tmp_path / "tmp").mkdir()
    yield tmp_path, tmp_path / "tmp"


def test_export_with_temporary_files_past_the_file_limit_is_one_line_writing_nothing(work: tuple[Path, Path]) -> None:
    folder, temporary = work
    result = limited(folder, temporary, "export", "--annotator", "dave", "--db", "main.db", "-o", "out.jsonl")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", line(temporary, "disk I/O error"))
    assert sorted(p.name for p in folder.iterdir()) == ["main.db", "tmp"]


def test_check_with_temporary_files_past_the_file_limit_is_one_line_not_a_word_on_the_index(
    work: tuple[Path, Path],
) -> None:
    folder, temporary = work
    result = limited(folder, temporary, "check", "--db", "main.db")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", line(temporary, "disk I/O error"))


@pytest.fixture
def full_tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs, where this machine lets the test mount one (root in a namespace that allows it)."""
    mounted = tmp_path / "small"
    mounted.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mounted)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here")
    try:
        yield mounted
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


@pytest.mark.parametrize("command", ["export", "check"])
def test_a_full_tmpdir_is_one_line(main_db: Path, tmp_path: Path, full_tmpfs: Path, command: str) -> None:
    (tmp_path / "main.db").symlink_to(main_db)
    args = ["export", "--annotator", "dave", "-o", "out.jsonl"] if command == "export" else ["check"]
    env = {**os.environ, "TMPDIR": str(full_tmpfs)}
    env.pop("SQLITE_TMPDIR", None)
    result = subprocess.run(
        [ANNOTATOR, *args, "--db", "main.db"], capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path
    )
    assert (result.returncode, result.stdout, result.stderr) == (1, "", line(full_tmpfs, "database or disk is full"))
    assert not (tmp_path / "out.jsonl").exists()

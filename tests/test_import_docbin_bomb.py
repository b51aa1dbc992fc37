"""An attacker's trial (trial 39a, 4): a 1.5 MB `.spacy` file (zlib of 1.5 GB of zeros) took `import --format
spacy` to 3.2 GB of memory before refusing it. Its content is now measured, a chunk at a time, before spaCy
decompresses it whole: one that would decompress to more than 200 times the file's size (and more than 16 MiB)
is refused in one line naming the file, before memory grows. A real DocBin our export writes still imports. The
real console script, real files, real SQLite."""

from __future__ import annotations

import json
import os
import subprocess
import zlib
from pathlib import Path

from processes import ANNOTATOR, annotator, one_error_line

ARTICLES = [{"id": f"a{n}", "title": "", "text": f"Ana Lopez met Bob Smith in Paris on day {n}."} for n in range(300)]


def bomb(path: Path, megabytes: int) -> None:
    """zlib of `megabytes` MiB of zeros, written a MiB at a time (the test itself never holds it whole)."""
    stream, zeros = zlib.compressobj(9), bytes(2**20)
    with path.open("wb") as out:
        for _ in range(megabytes):
            out.write(stream.compress(zeros))
        out.write(stream.flush())


def test_a_docbin_that_decompresses_past_its_limit_is_refused_before_memory_grows(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps(ARTICLES[0]) + "\n", "utf-8")
    assert annotator("ingest", "a.jsonl", "--no-suggest", "--db", "t.db", cwd=tmp_path).returncode == 0
    bomb(tmp_path / "bomb.spacy", 64)
    result, peak = peak_of(
        "import", "bomb.spacy", "--format", "spacy", "--annotator", "bob", "--db", "t.db", cwd=tmp_path
    )
    assert one_error_line(result) == (
        "bomb.spacy: decompresses to more than 16 MiB, the most a DocBin of its size is read to (200 times the file's "
        "65,238 bytes, or 16 MiB if more): refused unread, as a compression bomb"
    )
    bomb(tmp_path / "small.spacy", 1)  # refused by spaCy, after decompressing its 1 MiB
    _, baseline = peak_of(
        "import", "small.spacy", "--format", "spacy", "--annotator", "bob", "--db", "t.db", cwd=tmp_path
    )
    assert peak < baseline + 16 * 1024  # KiB: before, the 64 MiB inflated (and more) on top of it


def peak_of(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """The command's result and its own peak resident memory in KiB (`wait4`: this child's alone)."""
    process = subprocess.Popen([ANNOTATOR, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err), usage.ru_maxrss


def test_our_own_export_of_many_articles_still_imports(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), "utf-8")
    for args in (
        ["ingest", "a.jsonl", "--db", "t.db"],
        ["accept", "--annotator", "alice", "--done", "--db", "t.db"],
        ["export", "--annotator", "alice", "--format", "spacy", "--db", "t.db", "-o", "out.spacy"],
        ["ingest", "a.jsonl", "--no-suggest", "--db", "back.db"],
        ["import", "out.spacy", "--format", "spacy", "--db", "back.db"],
    ):
        result = annotator(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert result.stdout == "300 record(s) imported (0 new article(s)) -> back.db\n"

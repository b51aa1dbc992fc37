"""A file name that is not UTF-8 (attacker, trial 40h, 3): the skip list printed its raw byte (`pn/e\\376.txt` in
`od -c`), the error without --skip-invalid the escape `pn/e\\udcfe.txt`; and a readable .txt file so named was
refused as "field 'meta': meta.source has a lone surrogate at character 4". Such a name is now shown one literal,
visible way everywhere a line is printed (`literal`: the byte as ⟨0xFE⟩), and the file is refused, or with
--skip-invalid skipped, as a file whose name is the problem: meta.source, which holds the name, must be UTF-8
text (an escaped name could be another file's real one).

Real processes: the console script on real files with such names; standard output and error read as bytes."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from processes import ANNOTATOR

from annotator.literal import literal

NAMED = "pn/e\u27e80xFE\u27e9.txt: the file name is not UTF-8 (byte 0xfe): rename the file to read it"
WHAT_TO_DO = (
    "; nothing was ingested: remove the file or name the others, or add --skip-invalid to skip it and ingest the rest"
)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([ANNOTATOR, *args], capture_output=True, cwd=cwd, timeout=60, check=False)


def corpus(folder: Path) -> None:
    (folder / "pn").mkdir()
    with open(os.fsencode(folder / "pn") + b"/e\xfe.txt", "wb") as file:
        file.write(b"Ann met Bob in Paris on Monday.")
    (folder / "pn" / "ok.txt").write_text("Carol flew to Oslo.", encoding="utf-8")


def test_literal_shows_an_escaped_byte_of_a_name_visibly() -> None:
    shown = literal(os.fsdecode(b"e\xfe.txt")).encode("utf-8", "backslashreplace")  # a failure's report is UTF-8
    assert shown == "e\u27e80xFE\u27e9.txt".encode()


def test_a_name_not_utf8_is_refused_naming_the_name_and_shown_the_same_way_when_skipped(tmp_path: Path) -> None:
    corpus(tmp_path)
    stopped = run("ingest", "pn", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (stopped.returncode, stopped.stdout) == (1, b"")
    assert stopped.stderr.decode("utf-8") == f"annotator: error: {NAMED}{WHAT_TO_DO}\n"
    assert not (tmp_path / "t.db").exists()

    skipped = run("ingest", "pn", "--no-suggest", "--skip-invalid", "--db", "t.db", cwd=tmp_path)
    assert (skipped.returncode, skipped.stderr) == (0, b"")
    assert skipped.stdout.decode("utf-8").splitlines() == [
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db",
        "skipped 1 file(s) or line(s) that hold no article:",
        f"  {NAMED}",
    ]

"""`export -o -` to a terminal: a spaCy DocBin (zlib-compressed bytes) went to the terminal raw, where its bytes are
taken for control codes; now it is refused in one line, before any work, and a pipe still gets it whole. CoNLL
and JSON reach a terminal as they reach a pipe, byte for byte, with nothing in them that controls the terminal: an
article's colour codes (ESC) and bidi override are left out of CoNLL's words (a joiner inside a word stays), and
escaped in JSON. The real console script, its standard output on a pseudo-terminal or a pipe."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator, on_a_pty
from spacy.tokens import DocBin
from spacy.vocab import Vocab

#: Colour codes, a right-to-left override and its pop, and a zero-width non-joiner inside a Persian word.
WORD = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
TEXT = (
    "Mayor Jane Smith said \x1b[31mthe bridge\x1b[0m is \u202eclosed now\u202c, "
    f"and Omar Haddad agreed in Paris, {WORD} today."
)
REFUSED = (
    "annotator: error: --format spacy writes binary data, not text for a terminal: redirect standard output "
    "(-o - > export.spacy) or give -o PATH\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("terminal")
    (folder / "a.jsonl").write_text(json.dumps({"id": "t1", "text": TEXT}) + "\n", encoding="utf-8")
    for args in (("ingest", "a.jsonl"), ("accept", "--annotator", "bob", "--done")):
        done = annotator(*args, "--db", "t.db", cwd=folder)
        assert done.returncode == 0, done.stderr
    return folder


def on_a_terminal(folder: Path, *args: str) -> tuple[int, bytes, str]:
    """The command run with its standard output on a pseudo-terminal: (status, what the terminal got with its
    CR LF as LF, standard error)."""
    status, shown, stderr = on_a_pty([ANNOTATOR, *args], folder, 120, output=True)
    return status, shown.replace(b"\r\n", b"\n"), stderr.decode("utf-8")


def piped(folder: Path, *args: str) -> tuple[int, bytes, str]:
    done = subprocess.run([ANNOTATOR, *args], capture_output=True, cwd=folder, timeout=120)
    return done.returncode, done.stdout, done.stderr.decode("utf-8")


EXPORT = ("export", "--db", "t.db", "--annotator", "bob", "--format")


def test_a_docbin_is_refused_on_a_terminal_in_one_line(folder: Path) -> None:
    assert on_a_terminal(folder, *EXPORT, "spacy", "-o", "-") == (1, b"", REFUSED)


def test_a_docbin_piped_is_the_file_s_docbin(folder: Path) -> None:
    status, written, stderr = piped(folder, *EXPORT, "spacy", "-o", "-")
    assert (status, stderr) == (0, "1 record(s) written\n")
    [doc] = DocBin().from_bytes(written).get_docs(Vocab())
    assert doc.text == TEXT
    assert piped(folder, *EXPORT, "spacy", "-o", "t.spacy")[0] == 0
    assert written == (folder / "t.spacy").read_bytes()


@pytest.mark.parametrize("form", ["conll", "jsonl"])
def test_text_reaches_a_terminal_as_it_reaches_a_pipe(folder: Path, form: str) -> None:
    status, shown, stderr = on_a_terminal(folder, *EXPORT, form, "-o", "-")
    assert status == 0, stderr
    assert shown == piped(folder, *EXPORT, form, "-o", "-")[1]
    assert [char for char in ("\x1b", "\u202e", "\u202c") if char.encode("utf-8") in shown] == []
    text = shown.decode("utf-8")
    if form == "conll":
        assert "\n[31m _ _ O\nthe _ _ O\n" in text  # the ESC alone left out: the rest of the code is a word
        assert f"\n{WORD} _ _ O\n" in text  # the non-joiner is the word's
    else:
        assert json.loads(text)["text"] == TEXT

"""Two DocBins joined into one file (`cat alice.spacy bob.spacy > both.spacy`), or bytes appended to one: zlib, and
so spaCy, stops at the end of the first DocBin's stream and passes over the rest unread, so `import --format spacy`
imported alice's records alone, "3 record(s) imported", bob's dropped without a word (attacker F6). Now the file is
refused in one line naming it and what follows its first DocBin, as a second JSON value after a Label Studio array
is, and no database is made. Real files exported by the real console script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

TEXT = "Mayor Anna Berg of Riverside said {} people left after the flood."


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """alice.spacy and bob.spacy, each annotator's export of three articles."""
    with (tmp_path / "records.jsonl").open("w", encoding="utf-8") as out:
        for who in ("alice", "bob"):
            for n in range(3):
                span = {"start": 0, "end": 15, "label": "ACTOR", "text": "Mayor Anna Berg"}
                record = {"article_id": f"{who}{n}", "text": TEXT.format(f"{who} {n}"), "annotator": who,
                          "status": "done", "spans": [span]}  # fmt: skip
                out.write(json.dumps(record) + "\n")
    done = annotator("import", "records.jsonl", "--db", "source.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    for who in ("alice", "bob"):
        done = annotator("export", "--annotator", who, "--format", "spacy", "--db", "source.db", "-o", f"{who}.spacy",
                         cwd=tmp_path)  # fmt: skip
        assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return tmp_path


def test_two_docbins_joined_are_refused_naming_what_follows_the_first(exported: Path) -> None:
    alice, bob = (exported / "alice.spacy").read_bytes(), (exported / "bob.spacy").read_bytes()
    (exported / "both.spacy").write_bytes(alice + bob)
    result = annotator("import", "both.spacy", "--format", "spacy", "--db", "sp.db", cwd=exported)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: both.spacy: {len(bob):,} byte(s) follow the first DocBin, from byte {len(alice):,} "
        "(another DocBin, as `cat a.spacy b.spacy` makes: import each file on its own)\n",
    )
    assert not (exported / "sp.db").exists()


def test_bytes_after_a_docbin_are_refused(exported: Path) -> None:
    alice = (exported / "alice.spacy").read_bytes()
    (exported / "tail.spacy").write_bytes(alice + b"garbage\n")
    result = annotator("import", "tail.spacy", "--format", "spacy", "--db", "sp.db", cwd=exported)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: tail.spacy: 8 byte(s) follow the first DocBin, from byte {len(alice):,} (they are no "
        "DocBin: was something appended to the file?)\n",
    )
    assert not (exported / "sp.db").exists()


def test_each_docbin_alone_is_imported_whole(exported: Path) -> None:
    for who in ("alice", "bob"):
        result = annotator("import", f"{who}.spacy", "--format", "spacy", "--db", "sp.db", cwd=exported)
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        assert result.stdout.startswith("3 record(s) imported")

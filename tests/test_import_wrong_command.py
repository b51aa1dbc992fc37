"""A file given to the wrong command, or without its --format: the error (or a note) names what to do. Real files
written by annotator's own export, the real console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from exchange_support import build

SCRIPT = Path(sys.executable).parent / "annotator"
ARTICLES = [
    {"text": "Washington said the talks failed."},
    {"text": "At least 35 people died in Gaza.", "title": "Gaza"},
]


def annotator(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """alice's work exported as native JSONL, a DocBin and CoNLL; four.jsonl: articles, one JSON object a line."""
    made_in = tmp_path_factory.mktemp("exports")
    build(made_in / "a.db").close()
    for fmt, name in (("jsonl", "alice.jsonl"), ("spacy", "alice.spacy"), ("conll", "alice.conll")):
        made = annotator("export", "--db", "a.db", "--annotator", "alice", "--status", "all", "--format", fmt,
                         "-o", name, cwd=made_in)  # fmt: skip
        assert made.returncode == 0, made.stderr
    (made_in / "four.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return made_in


@pytest.fixture
def folder(exports: Path, tmp_path: Path) -> Path:
    for name in ("alice.jsonl", "alice.spacy", "alice.conll", "four.jsonl"):
        shutil.copyfile(exports / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [["import", "four.jsonl", "--db", "b.db"], ["train", "--from", "four.jsonl", "--out", "m"]],
    ids=["import", "train"],
)
def test_articles_given_to_import_or_train_are_sent_to_ingest(folder: Path, args: list[str]) -> None:
    ran = annotator(*args, cwd=folder)
    assert ran.returncode == 1
    assert len(ran.stderr.splitlines()) == 1, ran.stderr
    assert ran.stderr.startswith("annotator: error: four.jsonl:1: this record looks like an article to annotate")
    db = " --db b.db" if "--db" in args else ""  # the ingest goes into the database the command was given
    assert f"store articles with `annotator ingest four.jsonl{db}`" in ran.stderr
    assert not (folder / "b.db").exists() and not (folder / "m").exists()


def test_ingest_of_annotations_says_their_spans_are_not_stored(folder: Path) -> None:
    ran = annotator("ingest", "alice.jsonl", "--db", "b.db", "--no-suggest", cwd=folder)
    assert ran.returncode == 0, ran.stderr
    assert (
        "note: 2 record(s) carried spans (annotations), which ingest does not store: "
        "`annotator import alice.jsonl --db b.db` reads annotations"
    ) in ran.stderr
    articles = annotator("ingest", "four.jsonl", "--db", "c.db", "--no-suggest", cwd=folder)
    assert articles.returncode == 0 and "note:" not in articles.stderr


@pytest.mark.parametrize(
    ("name", "copy_to", "said"),
    [
        ("alice.spacy", "alice.spacy", "this looks like a spaCy DocBin, not JSONL: --format spacy"),
        ("alice.spacy", "alice-docbin.jsonl", "this looks like a spaCy DocBin, not JSONL: --format spacy"),
        ("alice.conll", "alice-conll.txt", "this looks like CoNLL, not JSONL: --format conll"),
    ],
)
def test_import_without_format_names_the_format_the_file_is_in(
    folder: Path, name: str, copy_to: str, said: str
) -> None:
    if copy_to != name:
        (folder / copy_to).write_bytes((folder / name).read_bytes())
    ran = annotator("import", copy_to, "--db", "b.db", cwd=folder)
    assert ran.returncode == 1
    assert ran.stderr.startswith(f"annotator: error: {copy_to}:1: {said}"), ran.stderr
    assert len(ran.stderr.splitlines()) == 1
    fmt = said.rsplit(" ", 1)[1]
    whose = ["--annotator", "alice"] if fmt == "conll" else []  # CoNLL names no annotator
    right = annotator("import", copy_to, "--db", "b.db", "--format", fmt, *whose, cwd=folder)
    assert right.returncode == 0, right.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["evaluate", "--gold-from", "alice.spacy"], "alice.spacy:1: this looks like a spaCy DocBin, not JSONL, which "
         "this command reads: `annotator import` reads it with --format spacy"),
        (["train", "--from", "alice.conll", "--out", "m"], "alice.conll:1: this looks like CoNLL, not JSONL, which "
         "this command reads: `annotator import` reads it with --format conll"),
    ],
    ids=["evaluate", "train"],
)  # fmt: skip
def test_a_command_without_format_sends_another_format_to_import(folder: Path, args: list[str], said: str) -> None:
    """`evaluate --gold-from` and `train --from` read JSONL alone: the hint for import, `--format spacy`, was refused
    there as an unknown option (a newcomer's trial, 37)."""
    build(folder / "a.db").close()
    ran = annotator(*args, "--db", "a.db", cwd=folder)
    assert (ran.returncode, ran.stderr) == (1, f"annotator: error: {said}\n")


@pytest.mark.parametrize(
    "command",
    [["import", "bob.db"], ["import", "bob.db", "--format", "spacy", "--annotator", "bob"],
     ["import", "bob.db", "--format", "labelstudio"], ["evaluate", "--gold-from", "bob.db"]],
)  # fmt: skip
def test_an_annotator_database_given_as_a_file_of_records_is_named_so(folder: Path, command: list[str]) -> None:
    """A teammate's database handed to import (meaning merge) was "not UTF-8 (byte 0xfb)" (a newcomer's trial,
    37). It is named as a database, with the command that reads one, and left byte for byte (`train --from` names
    `train --db`: test_advice_not_on_itself)."""
    build(folder / "bob.db").close()
    build(folder / "a.db").close()
    before = (folder / "bob.db").read_bytes(), (folder / "a.db").read_bytes()
    ran = annotator(*command, "--db", "a.db", cwd=folder)
    assert (ran.returncode, ran.stderr) == (
        1,
        "annotator: error: bob.db: this is an SQLite database, not a file of records: `annotator merge bob.db --db a.db` "
        "brings its work into this database, `annotator export --db bob.db` writes its records to a file\n",
    )
    assert ((folder / "bob.db").read_bytes(), (folder / "a.db").read_bytes()) == before


@pytest.mark.parametrize("fmt", ["doccano", "doccano-relations", "prodigy"])
def test_ingest_of_another_tools_annotations_names_the_import_that_reads_them(folder: Path, fmt: str) -> None:
    """doccano's records carried spans without a word, and Prodigy's were sent to an import without the --format
    it needs (a newcomer's re-trial, 37b, 7)."""
    build(folder / "a.db").close()
    made = annotator("export", "--db", "a.db", "--annotator", "alice", "--status", "all", "--format", fmt, "-o",
                     "x.jsonl", cwd=folder)  # fmt: skip
    assert made.returncode == 0, made.stderr
    ran = annotator("ingest", "x.jsonl", "--db", "b.db", "--no-suggest", cwd=folder)
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.splitlines()[-1] == (
        "annotator: note: 2 record(s) carried spans (annotations), which ingest does not store: "
        f"`annotator import x.jsonl --format {fmt} --db b.db` reads annotations"
    )

"""An attacker trial's path findings: the default exports/ folder is never made through a link, ingest does not
follow links inside a folder, `-` is no database name, and a label mapped twice is an error. Real processes,
real files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working folder holding team.db with alice's finished work."""
    folder = tmp_path / "work"
    folder.mkdir()
    small_database(folder / "team.db")
    return folder


def default_export(work: Path) -> str:
    return one_error_line(annotator("export", "--annotator", "alice", "--db", "team.db", cwd=work, timeout=60))


def test_a_dangling_exports_link_is_refused_and_nothing_is_made(work: Path, tmp_path: Path) -> None:
    (work / "exports").symlink_to(tmp_path / "elsewhere" / "deeper")
    assert (
        default_export(work)
        == f"exports: a link to {tmp_path}/elsewhere/deeper, which is not a folder; nothing was written"
    )
    assert not (tmp_path / "elsewhere").exists()
    assert sorted(p.name for p in work.iterdir()) == ["exports", "team.db"]


def test_an_exports_link_to_a_file_is_refused_and_the_file_kept(work: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    (work / "exports").symlink_to(tmp_path / "notes.txt")
    assert (
        default_export(work) == f"exports: a link to {tmp_path}/notes.txt, which is not a folder; nothing was written"
    )
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_an_exports_file_is_one_clear_line(work: Path) -> None:
    (work / "exports").write_text("mine\n")
    assert default_export(work) == "exports: not a folder; nothing was written"
    assert (work / "exports").read_text() == "mine\n"
    given = annotator("export", "--annotator", "alice", "--db", "team.db", "-o", "exports/a.jsonl", cwd=work)
    assert one_error_line(given) == "exports: not a folder; nothing was written"


def test_a_missing_exports_folder_is_made_in_the_working_folder(work: Path) -> None:
    result = annotator("export", "--annotator", "alice", "--db", "team.db", cwd=work, timeout=60)
    assert (result.returncode, result.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    assert (work / "exports").is_dir() and not (work / "exports").is_symlink()
    assert [p.name for p in (work / "exports").iterdir()] == ["alice.jsonl"]


def test_an_exports_link_to_a_folder_is_written_through(work: Path, tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (work / "exports").symlink_to(tmp_path / "shared")
    result = annotator("export", "--annotator", "alice", "--db", "team.db", cwd=work, timeout=60)
    assert (result.returncode, result.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    assert [p.name for p in (tmp_path / "shared").iterdir()] == ["alice.jsonl"]
    assert os.readlink(work / "exports") == str(tmp_path / "shared")


def test_a_dash_is_no_database_name(work: Path) -> None:
    """`-` is standard output for `export -o`: as a database it would be a file named `-`, so it is refused."""
    says = "Invalid value for '{}': - is standard input or output, not a database file"
    pack = annotator("pack", "--annotator", "alice", "--db", "team.db", "-o", "-", cwd=work)
    assert one_error_line(pack) == says.format("-o' / '--output")
    stats = annotator("stats", "--db", "-", cwd=work)
    assert one_error_line(stats) == says.format("--db")
    merge = annotator("merge", "-", "--db", "team.db", cwd=work)
    assert one_error_line(merge) == says.format("others")
    assert sorted(p.name for p in work.iterdir()) == ["team.db"]


def test_a_label_or_relation_mapped_twice_is_one_line(tmp_path: Path) -> None:
    """The last mapping would win unseen: PERSON=ACTOR,PERSON=LOCATION stored every person as a place."""
    given = tmp_path / "p1.jsonl"
    given.write_text(
        '{"text": "Washington said so.", "spans": [{"start": 0, "end": 10, "label": "PERSON"}], "answer": "accept"}\n'
    )
    common = ("import", given, "--format", "prodigy", "--annotator", "bob", "--db", tmp_path / "t.db")
    labels = annotator(*common, "--label-map", "PERSON=ACTOR, GPE=LOCATION,PERSON=LOCATION")
    assert one_error_line(labels) == "field '--label-map': 'PERSON' is mapped twice"
    again = annotator(*common, "--label-map", "PERSON=ACTOR,PERSON=ACTOR")
    assert one_error_line(again) == "field '--label-map': 'PERSON' is mapped twice"
    relations = annotator(*common, "--relation-map", "said=SPEAKER,said=")
    assert one_error_line(relations) == "field '--relation-map': 'said' is mapped twice"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p1.jsonl"]

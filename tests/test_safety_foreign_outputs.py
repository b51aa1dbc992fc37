"""Trial 25: an export replaced any existing file that was not a SQLite database (a thesis, a program, and,
through a link, /etc/hostname). An output now replaces only a file annotator wrote there and nobody changed since
(its folder's `.annotator-written.json` holds each written file's SHA-256), or any file with --overwrite. Real
processes, real files."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database

from annotator.models import Status
from annotator.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    small_database(path)
    return path


def export(db: Path, output: Path, *extra: str):
    return annotator("export", "--db", db, "--annotator", "alice", "-o", output, *extra, timeout=60)


def refusal(path: Path) -> str:
    return (
        f"{path}: a file annotator did not write, or one changed since it did; an export never replaces it "
        "(choose another -o, or add --overwrite to replace it)"
    )


def test_a_file_annotator_did_not_write_is_refused_and_left_byte_for_byte(db: Path, tmp_path: Path) -> None:
    thesis = tmp_path / "thesis.txt"
    thesis.write_bytes(b"my precious thesis\n")
    assert one_error_line(export(db, thesis)) == refusal(thesis)
    assert thesis.read_bytes() == b"my precious thesis\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.txt", "work.db"]


def test_a_link_to_a_foreign_file_is_refused_and_its_target_left(db: Path, tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    hostname = tmp_path / "etc" / "hostname"
    hostname.write_bytes(b"vm\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(hostname)
    assert one_error_line(export(db, link)) == refusal(link)
    assert hostname.read_bytes() == b"vm\n"
    assert link.is_symlink()
    assert sorted(p.name for p in (tmp_path / "etc").iterdir()) == ["hostname"]


def test_its_own_export_is_replaced_and_recorded(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "alice.jsonl"
    out.parent.mkdir()
    assert export(db, out).returncode == 0
    first = out.read_bytes()
    assert export(db, out).returncode == 0
    assert out.read_bytes() == first
    written = json.loads((out.parent / ".annotator-written.json").read_text("utf-8"))
    assert list(written["files"]) == ["alice.jsonl"]


def test_its_own_export_changed_by_hand_is_refused(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "alice.jsonl"
    assert export(db, out).returncode == 0
    out.write_bytes(out.read_bytes() + b"{}\n")
    edited = out.read_bytes()
    assert one_error_line(export(db, out)) == refusal(out)
    assert out.read_bytes() == edited


def test_overwrite_replaces_a_foreign_file(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.jsonl"
    old.write_bytes(b"an older file\n")
    result = export(db, old, "--overwrite")
    assert result.returncode == 0, result.stderr
    assert old.read_bytes().startswith(b'{"article_id"')


def test_a_foreign_record_of_written_files_is_never_trusted_nor_touched(db: Path, tmp_path: Path) -> None:
    record = tmp_path / ".annotator-written.json"
    record.write_bytes(b"not ours\n")
    out = tmp_path / "alice.jsonl"
    assert export(db, out).returncode == 0
    assert record.read_bytes() == b"not ours\n"
    assert one_error_line(export(db, out)) == refusal(out)  # nothing proves the file is annotator's
    assert one_error_line(export(db, record)) == (
        f"{record}: annotator's record of the files it wrote in that folder; an export never replaces it"
    )


def test_an_agreement_page_never_replaces_a_foreign_file(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    article = small_database(db, "alice")
    with Store.open(db) as store:
        store.replace_annotation(article, "bob", [], Status.DONE)
    page = tmp_path / "notes.html"
    page.write_bytes(b"<p>my notes</p>\n")
    assert one_error_line(annotator("agreement", "--db", db, "--html", page, timeout=60)) == refusal(page)
    assert page.read_bytes() == b"<p>my notes</p>\n"
    result = annotator("agreement", "--db", db, "--html", page, "--overwrite", timeout=60)
    assert result.returncode == 0, result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_record_that_is_a_fifo_is_not_read_and_the_export_does_not_hang(db: Path, tmp_path: Path) -> None:
    """An attacker's trial: a FIFO named like the record made export block for ever opening it."""
    folder = tmp_path / "fifo"
    folder.mkdir()
    os.mkfifo(folder / ".annotator-written.json")
    assert export(db, folder / "new.jsonl").returncode == 0
    assert export(db, folder / "new.jsonl").returncode == 1  # nothing proves it annotator's: the record is not
    assert stat.S_ISFIFO((folder / ".annotator-written.json").lstat().st_mode)

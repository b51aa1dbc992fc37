"""Trial 25: an export replaced any existing file that was not a SQLite database (a thesis, a program, and,
through a link, /etc/hostname). An output now replaces only a file annotator wrote there and nobody changed since
(its folder's `.annotator-written.json` holds each written file's SHA-256), or any file with --overwrite. Real
processes, real files."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import stat
import subprocess
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator, one_error_line, small_database

from annotator.models import Status
from annotator.places import PlaceError
from annotator.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    small_database(path)
    return path


def export(db: Path, output: Path, *extra: str):
    return annotator("export", "--db", db, "--annotator", "alice", "-o", output, *extra, timeout=60)


def missing(path: Path, option: str = "-o") -> str:
    """The refusal of a file in a folder without a record: a file of someone's, or one whose record was removed."""
    return (
        f"{path}: annotator cannot prove it wrote this file: the folder has no record of the files annotator wrote "
        f"there (.annotator-written.json is missing); the file was left as it is (choose another {option}, or add "
        "--overwrite to replace it)"
    )


def changed(path: Path, option: str = "-o") -> str:
    """The refusal of a file annotator wrote there and someone changed since."""
    return (
        f"{path}: changed since annotator wrote it (its bytes are not the ones the folder's record holds); it was "
        f"left as it is (choose another {option}, or add --overwrite to replace it)"
    )


def unlisted(path: Path, option: str = "-o") -> str:
    """The refusal of a file in a folder annotator writes to, which it never wrote."""
    return (
        f"{path}: a file annotator did not write (the folder's record of the files it wrote there does not list "
        f"it); it was left as it is (choose another {option}, or add --overwrite to replace it)"
    )


def refusal(path: Path, option: str = "-o") -> str:
    return (
        f"{path}: a file annotator did not write, or one changed since it did; it was left as it is "
        f"(choose another {option}, or add --overwrite to replace it)"
    )


def test_a_file_annotator_did_not_write_is_refused_and_left_byte_for_byte(db: Path, tmp_path: Path) -> None:
    thesis = tmp_path / "thesis.txt"
    thesis.write_bytes(b"my precious thesis\n")
    assert one_error_line(export(db, thesis)) == missing(thesis)
    assert thesis.read_bytes() == b"my precious thesis\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.txt", "work.db"]


def test_a_link_to_a_foreign_file_is_refused_and_its_target_left(db: Path, tmp_path: Path) -> None:
    (tmp_path / "etc").mkdir()
    hostname = tmp_path / "etc" / "hostname"
    hostname.write_bytes(b"vm\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(hostname)
    assert one_error_line(export(db, link)) == missing(Path(f"{link} (a link to {hostname})"))
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


def test_a_file_of_ones_own_beside_annotator_s_exports_is_named_as_never_written(db: Path, tmp_path: Path) -> None:
    """Newcomer trial 29: `export -o notes.txt` in a folder annotator writes to said "a file annotator did not write,
    or one changed since it did"; the record tells which: it does not list notes.txt."""
    assert export(db, tmp_path / "alice.jsonl").returncode == 0
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"my notes\n")
    assert one_error_line(export(db, notes)) == unlisted(notes)
    assert notes.read_bytes() == b"my notes\n"


def test_its_own_export_changed_by_hand_is_refused(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "alice.jsonl"
    assert export(db, out).returncode == 0
    out.write_bytes(out.read_bytes() + b"{}\n")
    edited = out.read_bytes()
    assert one_error_line(export(db, out)) == changed(out)
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
    assert one_error_line(export(db, out)) == damaged(out, "not valid JSON")  # nothing proves it annotator's
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
    assert one_error_line(annotator("agreement", "--db", db, "--html", page, timeout=60)) == missing(page, "--html")
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
    assert one_error_line(export(db, folder / "new.jsonl")) == damaged(
        folder / "new.jsonl", "a FIFO (named pipe), not a regular file"
    )
    assert stat.S_ISFIFO((folder / ".annotator-written.json").lstat().st_mode)


def damaged(path: Path, problem: str) -> str:
    return (
        f"{path}: annotator cannot prove it wrote this file: the folder's record of the files annotator wrote there "
        f"(.annotator-written.json) is damaged ({problem}), and is left as it is; the file was left as it is too "
        "(choose another -o, or add --overwrite to replace it)"
    )


# -- the attacker's trial 27 ----------------------------------------------------------------------------------------

#: Root reads any file: these capabilities dropped, a file of mode 000 is truly unreadable, as for anyone else.
WITHOUT_READ_ALL = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--inh-caps=-all", "--"]


def test_an_unreadable_recorded_file_is_refused_in_one_line_naming_it(db: Path, tmp_path: Path) -> None:
    """Trial 27: a recorded output made unreadable (chmod 000) gave a PermissionError traceback."""
    out = tmp_path / "alice.jsonl"
    assert export(db, out).returncode == 0
    written = out.read_bytes()
    out.chmod(0)
    command = [*WITHOUT_READ_ALL, ANNOTATOR, "export", "--db", str(db), "--annotator", "alice", "-o", str(out)]
    if os.geteuid() != 0:
        command = command[len(WITHOUT_READ_ALL) :]  # anyone else is denied already
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert one_error_line(result) == (
        f"{out}: annotator cannot tell whether it wrote this file: cannot read it (Permission denied); it was left "
        "as it is (choose another -o, or add --overwrite to replace it)"
    )
    out.chmod(0o644)
    assert out.read_bytes() == written


def test_concurrent_exports_into_one_folder_each_leave_their_entry(db: Path, tmp_path: Path) -> None:
    """Trial 27: the record was read, changed and written back without a lock: of parallel exports into one
    folder, some entries were lost (and those files could then never be replaced without --overwrite)."""
    folder = tmp_path / "out"
    folder.mkdir()
    names = [f"part-{n}.jsonl" for n in range(8)]
    args = ("export", "--db", db, "--annotator", "alice")
    processes = [subprocess.Popen([ANNOTATOR, *map(str, args), "-o", str(folder / name)], stderr=subprocess.PIPE)
                 for name in names]  # fmt: skip
    assert [p.wait(timeout=120) for p in processes] == [0] * len(names)
    recorded = json.loads((folder / ".annotator-written.json").read_text("utf-8"))["files"]
    assert sorted(recorded) == names


def hammer(folder: str, prefix: str) -> None:
    """One process recording 40 files of its own, one at a time, into a record other processes update too."""
    from annotator.exchange.recording import record_written

    for n in range(40):
        path = Path(folder) / f"{prefix}-{n}.txt"
        path.write_bytes(path.name.encode())
        record_written([path])


def test_the_record_loses_no_entry_under_many_writers(tmp_path: Path) -> None:
    """The same race, narrowed to the record: four processes recording 40 files each, all of them kept."""
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=hammer, args=(str(tmp_path), f"p{n}")) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0] * 4
    recorded = json.loads((tmp_path / ".annotator-written.json").read_text("utf-8"))["files"]
    assert len(recorded) == 160


def test_a_missing_record_is_named_as_why_a_file_is_refused(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "alice.jsonl"
    assert export(db, out).returncode == 0
    (tmp_path / ".annotator-written.json").unlink()
    written = out.read_bytes()
    assert one_error_line(export(db, out)) == missing(out)
    assert out.read_bytes() == written
    assert not (tmp_path / ".annotator-written.json").exists()


def test_a_damaged_record_is_said_and_kept_byte_for_byte(db: Path, tmp_path: Path) -> None:
    """A new export into a folder whose record is damaged is written, and a note says it is not recorded (the
    record is not rewritten); replacing a file there is refused, saying why."""
    record = tmp_path / ".annotator-written.json"
    record.write_bytes(b'{"kind": "annotator-written", "files": {"a.jsonl": ')  # cut short
    out = tmp_path / "alice.jsonl"
    result = export(db, out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"annotator: note: {record}: damaged (not valid JSON), so annotator does not record {out.name} in it and "
        "leaves it as it is: a later output will not replace the file without --overwrite\n"
    )
    assert one_error_line(export(db, out)) == damaged(out, "not valid JSON")
    assert record.read_bytes() == b'{"kind": "annotator-written", "files": {"a.jsonl": '


def test_options_other_than_o_are_named_in_their_refusals(db: Path, tmp_path: Path) -> None:
    config = tmp_path / "train.cfg"
    config.write_bytes(b"my config\n")
    result = export(db, tmp_path / "alice.spacy", "--format", "spacy", "--config", config)
    assert one_error_line(result) == missing(config, "--config")
    assert config.read_bytes() == b"my config\n"
    assert not (tmp_path / "alice.spacy").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--db", "work.db", "--annotator", "alice", "--format", "spacy", "-o", "x.spacy", "--config", "-"),
        ("agreement", "--db", "work.db", "--annotators", "alice,bob", "--html", "-"),
        ("predict", "news.jsonl", "-o", "-"),
        ("train", "--db", "work.db", "--out", "-"),
    ],
)
def test_a_dash_for_an_output_file_is_refused_naming_the_option(db: Path, tmp_path: Path, args: tuple[str]) -> None:
    """Trial 27: `--html -` and `--config -` made a file named `-`."""
    (tmp_path / "news.jsonl").write_text('{"text": "Paris."}\n', encoding="utf-8")
    result = annotator(*args, cwd=tmp_path, timeout=60)
    option = "'-o' / '--output'" if args[-2] == "-o" else f"'{args[-2]}'"
    assert one_error_line(result) == (
        f"Invalid value for {option}: - means standard output, where this cannot go: give a file or folder "
        "(./- for one named -)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl", "work.db"]


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--db", "work.db", "--annotator", "alice", "-o", ""),
        ("export", "--db", "work.db", "--annotator", "alice", "--format", "spacy", "-o", "x.spacy", "--config", ""),
        ("agreement", "--db", "work.db", "--annotators", "alice,bob", "--html", ""),
        ("pack", "--db", "work.db", "--annotator", "alice", "-o", ""),
        ("predict", "news.jsonl", "-o", ""),
        ("train", "--db", "work.db", "--out", ""),
        ("stats", "--db", ""),
    ],
)
def test_an_empty_output_path_is_refused_naming_the_option(db: Path, tmp_path: Path, args: tuple[str]) -> None:
    """`export -o ''` wrote to exports/ as if no -o were given; elsewhere '' was taken as the current folder ("."),
    so `predict -o ''` would fill it. An empty path names nothing: one line naming the option, nothing written."""
    (tmp_path / "news.jsonl").write_text('{"text": "Paris."}\n', encoding="utf-8")
    (tmp_path / "exports").mkdir()
    result = annotator(*args, cwd=tmp_path, timeout=60)
    option = "'-o' / '--output'" if args[-2] == "-o" else f"'{args[-2]}'"
    assert one_error_line(result) == f"Invalid value for {option}: an empty path names no file or folder: give one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports", "news.jsonl", "work.db"]
    assert list((tmp_path / "exports").iterdir()) == []


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("ingest", "--db", "new.db", "--no-suggest", ""), "'paths'"),
        (("predict", "", "-o", "out"), "'inputs'"),
        (("import", "", "--db", "work.db", "--annotator", "x"), "'path'"),
        (("merge", "", "--db", "work.db"), "'others'"),
        (("ingest", "--db", "new.db", "--suggestions-from", ""), "'--suggestions-from'"),
        (("train", "--db", "work.db", "--from", ""), "'--from'"),
        (("train", "--db", "work.db", "--base", ""), "'--base'"),
        (("evaluate", "--db", "work.db", "--unseen-by", ""), "'--unseen-by'"),
        (("suggest", "--db", "work.db", "--model", ""), "'--model'"),
        (("evaluate", "--db", "work.db", "--model", ""), "'--model'"),
        (("ingest", "--db", "new.db", "notes.txt", "--model", ""), "'--model'"),
    ],
)
def test_an_empty_input_path_is_refused_naming_it(db: Path, tmp_path: Path, args: tuple[str], named: str) -> None:
    """`ingest ''` and `predict ''` read the current folder (typer makes "" the Path "."): a text file lying there
    was ingested. An empty path names nothing: one line naming the argument or option, nothing read or written."""
    (tmp_path / "notes.txt").write_text("Private notes about Paris.\n", encoding="utf-8")
    result = annotator(*args, cwd=tmp_path, timeout=60)
    assert one_error_line(result) == f"Invalid value for {named}: an empty path names no file or folder: give one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "work.db"]


def test_a_file_made_at_the_output_while_it_was_written_is_left(tmp_path: Path) -> None:
    """Trial 27 (the window between the check and the rename): a file that appears at the target while the
    output is written is never replaced."""
    from annotator.exchange.writing import written_atomically

    out = tmp_path / "report.html"
    with pytest.raises(PlaceError) as raised, written_atomically(out, option="--html") as stream:
        stream.write(b"<p>ours</p>\n")
        out.write_bytes(b"someone's page\n")  # another program, meanwhile
    assert str(raised.value) == refusal(out, "--html")
    assert out.read_bytes() == b"someone's page\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_a_recorded_file_changed_while_the_output_was_written_is_left(db: Path, tmp_path: Path) -> None:
    from annotator.exchange.writing import written_atomically

    out = tmp_path / "notes.txt"
    with written_atomically(out) as stream:
        stream.write(b"first\n")
    with pytest.raises(PlaceError) as raised, written_atomically(out) as stream:
        stream.write(b"second\n")
        out.write_bytes(b"edited by hand\n")
    assert str(raised.value) == changed(out)
    assert out.read_bytes() == b"edited by hand\n"


def test_a_file_is_provable_on_both_sides_of_its_rename(tmp_path: Path) -> None:
    """The record is changed in two steps around a rename: before it, both the old and the new bytes are
    annotator's (a crash between the rename and the record, as predict killed while rewriting its manifest, must
    not leave its own file unproven); after it, the new bytes alone."""
    from annotator.exchange.recording import expect_written, record_written
    from annotator.exchange.written import check_replaceable

    path = tmp_path / "manifest.json"
    path.write_bytes(b"old\n")
    record_written([path])
    new = hashlib.sha256(b"new\n").hexdigest()
    expect_written({path: new})
    check_replaceable(path, path, True, overwrite=False)  # the old bytes, before the rename
    path.write_bytes(b"new\n")
    check_replaceable(path, path, True, overwrite=False)  # the new bytes, the record not yet final
    record_written({path: new})
    path.write_bytes(b"old\n")
    with pytest.raises(PlaceError):
        check_replaceable(path, path, True, overwrite=False)


@pytest.mark.parametrize("mode", [0o444, 0o600, 0o664])
def test_the_record_keeps_its_permissions_when_it_is_rewritten(db: Path, tmp_path: Path, mode: int) -> None:
    """The record is rewritten through a temporary renamed over it: a read-only one (0444) came back 0644, as a
    new file the umask decides. It keeps the permissions it had, as a replaced export does."""
    record = tmp_path / ".annotator-written.json"
    assert export(db, tmp_path / "a.jsonl").returncode == 0
    record.chmod(mode)
    assert export(db, tmp_path / "b.jsonl").returncode == 0
    assert sorted(json.loads(record.read_text("utf-8"))["files"]) == ["a.jsonl", "b.jsonl"]
    assert stat.S_IMODE(record.stat().st_mode) == mode

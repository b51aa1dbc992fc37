"""Issue 10, item 8 (and 20's killed export): export output errors are one line, and a symlink, FIFO, device or
folder given as the output is never replaced by a plain file. Real processes, real files, a really full disk."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator, full_disk, one_error_line, small_database, start
from support import SMALL_TEXT, word_tokens

from annotator.literal import literal
from annotator.models import ArticleIn
from annotator.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    small_database(path)
    return path


def export(db: Path, output: str | Path, *extra: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return annotator("export", "--db", db, "--annotator", "alice", "-o", output, *extra, cwd=cwd, timeout=60)


def test_a_full_disk_is_one_line_and_keeps_the_older_export(db: Path) -> None:
    with full_disk(keep={"old.jsonl": b"the older export\n"}) as full:
        line = one_error_line(export(db, full / "old.jsonl", "--overwrite"))
        assert line == f"{full / 'old.jsonl'}: cannot write: No space left on device; nothing was written (the " \
            "file there is as it was)"  # fmt: skip
        line = one_error_line(export(db, full / "new.jsonl"))
        assert line == f"{full / 'new.jsonl'}: cannot write: No space left on device; nothing was written"
        assert sorted(p.name for p in full.iterdir()) == ["filler", "old.jsonl"]
        assert (full / "old.jsonl").read_bytes() == b"the older export\n"


def test_standard_output_on_a_full_disk_is_one_line(db: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [ANNOTATOR, "export", "--db", str(db), "--annotator", "alice", "-o", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: cannot write to standard output: No space left on device\n",
    )


def test_standard_output_closed_early_is_not_an_error_trace(db: Path) -> None:
    with Store.open(db) as store:
        texts = [f"Article {n}: Ann met Bob in Paris on Monday." for n in range(3000)]
        store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])
    reader = subprocess.Popen(["head", "-c", "100"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    result = subprocess.run(
        [ANNOTATOR, "export", "--db", str(db), "--suggestions", "-o", "-"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait()
    assert (result.returncode, result.stderr) == (141, "")  # 128 + SIGPIPE, quietly (`annotator.entry`)


def test_a_folder_or_a_missing_folder_is_one_line_and_leaves_nothing(db: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert (
        one_error_line(export(db, "out", cwd=tmp_path))
        == "out: a folder, not a regular file; nothing was written to it"
    )
    assert (
        list((tmp_path / "out").iterdir()) == [] and [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
    )
    line = one_error_line(export(db, "/missing/dir/x.jsonl"))
    assert line == "/missing/dir/x.jsonl: no such folder /missing/dir; nothing was written"
    assert not Path("/missing").exists()


def test_a_symlink_is_written_through_to_its_target(db: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    assert export(db, tmp_path / "real" / "alice.jsonl").returncode == 0  # annotator's own file, then linked
    (tmp_path / "real" / "alice.jsonl").chmod(0o600)
    (tmp_path / "latest.jsonl").symlink_to(tmp_path / "real" / "alice.jsonl")
    assert export(db, "latest.jsonl", cwd=tmp_path).returncode == 0
    assert (tmp_path / "latest.jsonl").is_symlink()
    written = (tmp_path / "real" / "alice.jsonl").read_text(encoding="utf-8")
    assert written.startswith('{"article_id"') and '"annotator": "alice"' in written
    assert stat.S_IMODE((tmp_path / "real" / "alice.jsonl").stat().st_mode) == 0o600  # its permissions kept
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == [".annotator-written.json", "alice.jsonl"]


def test_a_fifo_or_a_device_is_refused_and_stays_what_it_is(db: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    line = one_error_line(export(db, "pipe.jsonl", cwd=tmp_path))  # would block forever if it opened the FIFO
    assert line == "pipe.jsonl: a FIFO (named pipe), not a regular file; nothing was written to it"
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.jsonl").st_mode)
    (tmp_path / "to-fifo.jsonl").symlink_to(tmp_path / "pipe.jsonl")
    assert one_error_line(export(db, "to-fifo.jsonl", cwd=tmp_path)) == (  # named with where the link leads
        f"to-fifo.jsonl (a link to {tmp_path / 'pipe.jsonl'}): a FIFO (named pipe), not a regular file; nothing was "
        "written to it"
    )
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root (as root, -o /dev/full used to replace the device)")
    os.mknod(tmp_path / "full", stat.S_IFCHR | 0o666, os.makedev(1, 7))  # a /dev/full of our own
    line = one_error_line(export(db, "full", cwd=tmp_path))
    assert line == "full: a device, not a regular file; nothing was written to it"
    assert stat.S_ISCHR(os.lstat(tmp_path / "full").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("work.db")) == [
        "full",
        "pipe.jsonl",
        "to-fifo.jsonl",
    ]


def test_a_killed_export_leaves_a_temporary_that_the_next_export_names_and_leaves(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:
        texts = [f"Article {n}: Ann met Bob in Paris on Monday. " * 20 for n in range(4000)]
        store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])
    out = tmp_path / "out"
    out.mkdir()

    def partials() -> list[str]:
        return sorted(p.name for p in out.iterdir() if p.name.startswith(".all.jsonl.partial-"))

    def writing() -> bool:  # a temporary with records in it (an empty one may be a moment old: left alone)
        return any((out / name).stat().st_size for name in partials())

    for _ in range(3):  # the export may finish before it is caught; try again
        running = start("export", "--db", db, "--suggestions", "-o", out / "all.jsonl")
        deadline = time.monotonic() + 60
        while not writing() and running.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        running.send_signal(signal.SIGKILL)
        running.wait()
        if writing():
            break
    [left] = partials()
    assert not (out / "all.jsonl").exists()
    before = (out / left).read_bytes()
    result = annotator("export", "--db", db, "--suggestions", "-o", out / "all.jsonl")
    assert (result.returncode, result.stderr) == (
        0,
        f"annotator: note: {out / 'all.jsonl'}: a leftover {left} from an interrupted run is beside it; remove it if "
        "it is yours\nnote: 4000 record(s) of an article with no suggestion, their annotator 'model:' naming no "
        "suggester (ingested with --no-suggest, or the suggesters found nothing in it; `annotator suggest` suggests "
        "for those never suggested)\n",
    )
    assert (partials(), (out / left).read_bytes() == before, (out / "all.jsonl").exists()) == ([left], True, True)


def test_an_export_never_replaces_a_database_or_its_journals(db: Path, tmp_path: Path) -> None:
    """Found by a newcomer: `export -o` naming the database being read wrote JSONL over it. A journal's name is
    refused as every output refuses one (`companion_names`), there or not."""
    before = db.read_bytes()
    (tmp_path / f"{db.name}-wal").write_bytes(b"")
    said = {
        db: f"{db}: a SQLite database; an export never replaces one (choose another -o)",
        tmp_path / "work.db-wal": f"{tmp_path}/work.db-wal is the name SQLite gives a file of its own beside work.db "
        "(its write-ahead log), where nothing else may go: choose another -o",
    }
    for output, line in said.items():
        result = export(db, output, cwd=tmp_path)
        assert (result.returncode, result.stderr) == (1, f"annotator: error: {line}\n")
    assert db.read_bytes() == before


def test_a_full_standard_output_is_one_line_for_every_command_that_prints(db: Path) -> None:
    """Found by a newcomer: `annotator stats > /dev/full` ended in a traceback."""
    for command in (["stats"], ["check"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [ANNOTATOR, *command, "--db", str(db)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
            )
        assert (result.returncode, result.stderr) == (
            1,
            "annotator: error: cannot write to standard output: No space left on device\n",
        ), command


def test_a_full_standard_output_after_stored_work_says_the_work_is_stored(db: Path, tmp_path: Path) -> None:
    """Found by a newcomer: `import carol.jsonl > /dev/full` stored the import, then said only "cannot write to
    standard output", as if it had failed: the line says the work is kept and only the report was lost."""
    records, articles, pack = tmp_path / "alice.jsonl", tmp_path / "a.txt", tmp_path / "bob.db"
    assert annotator("export", "--db", db, "--annotator", "alice", "-o", records).returncode == 0
    articles.write_text("Ann met Bob in Paris.", encoding="utf-8")
    target = tmp_path / "t.db"
    commands = {
        ("import", records, "--db", target): f"the import is stored in {target}",
        ("ingest", articles, "--no-suggest", "--db", target): f"the articles are stored in {target}",
        ("merge", db, "--db", target): f"the merge is stored in {target}",
        ("assign", "--annotators", "bob", "--db", target): f"the assignments are stored in {target}",
        ("pack", "--annotator", "bob", "-o", pack, "--db", target): f"the pack is written to {pack}",
    }
    for command, what in commands.items():
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [ANNOTATOR, *map(str, command)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
            )
        assert (result.returncode, result.stderr) == (
            1,
            f"annotator: error: cannot write to standard output: No space left on device; {what}; only this report "
            "could not be printed\n",
        ), command
    with Store.open(target, read_only=True) as store:
        assert (store.count("articles"), store.annotators()) == (2, ["alice"])
    assert sqlite3.connect(target).execute("SELECT count(*) FROM assignments").fetchone() == (2,)
    assert pack.exists()


def test_help_on_a_full_standard_output_is_one_line() -> None:
    """Found by a newcomer: `annotator --help > /dev/full` ended in a traceback (click printed the help)."""
    for command in ([], ["import"], ["stats"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [ANNOTATOR, *command, "--help"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
            )
        assert (result.returncode, result.stderr) == (
            1,
            "annotator: error: cannot write to standard output: No space left on device\n",
        ), command


def test_every_printing_command_shows_paths_and_stored_text_literally(tmp_path: Path) -> None:
    """Found by a newcomer: a folder whose name holds a line break made "imported ..." two lines (and an escape
    sequence in it reached the terminal), and conflict lines showed a title as Python's repr. Every path or
    stored string a command prints goes through `literal`: one line, control characters made visible."""
    folder = tmp_path / "odd\nname\x1b[2J"
    folder.mkdir()

    def shown(path: Path) -> str:
        return literal(str(path))

    db = folder / "work.db"
    article = small_database(db)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE articles SET title = 'Line\none'")
    connection.commit()
    connection.close()
    records = folder / "alice.jsonl"

    def printed(*args: str | Path) -> str:
        result = annotator(*args)
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        return result.stdout

    assert printed("export", "--db", db, "--annotator", "alice", "-o", records) == f"1 record(s) -> {shown(records)}\n"
    with Store.open(db) as store:
        start = SMALL_TEXT.index("Gaza")
        store.add_span(article, "alice", start, start + 4, "LOCATION")  # newer work than the export
    conflict = annotator("import", records, "--db", db)  # a conflict: status 1, its error line literal too
    assert (conflict.returncode, conflict.stdout, conflict.stderr) == (
        1,
        f"0 record(s) imported (0 new article(s)); 1 conflict(s) -> {shown(db)}\n"
        f"conflict: alice on {article} 'Line\u240aone' ({shown(records)}:1) differs from newer work stored here "
        "(spans: 1 only here (LOCATION 'Gaza')): "
        "kept this database's (--replace takes the file's)\n",
        f"annotator: error: 1 record(s) of {shown(records)} not imported: they conflict with the work stored in "
        f"{shown(db)} (listed above); --replace takes the file's\n",
    )
    other = folder / "other.db"
    assert printed("import", records, "--db", other) == f"1 record(s) imported (1 new article(s)) -> {shown(other)}\n"
    bad = folder / "bad.jsonl"
    bad.write_text(records.read_text(encoding="utf-8") + "[]\n", encoding="utf-8")
    assert printed("import", bad, "--db", folder / "third.db", "--skip-invalid") == (
        f"1 record(s) imported (1 new article(s)) -> {shown(folder / 'third.db')}\n"
        "skipped 1 record(s):\n"
        f"  {shown(bad)}:2: expected a JSON object, got a list\n"
    )
    (folder / "a.txt").write_text("Ann met Bob in Paris.", encoding="utf-8")
    fresh = folder / "fresh.db"
    assert printed("ingest", folder / "a.txt", "--no-suggest", "--db", fresh) == (
        f"1 article(s) added, 0 already stored, 0 suggestion(s) -> {shown(fresh)}\n"
    )
    assert printed("merge", fresh, "--db", db) == (
        "1 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        f"0 conflict(s) -> {shown(db)}\n"
    )
    events = Store.open(db, read_only=True).count("events")
    assert printed("check", "--db", db) == (
        f"{shown(db)}: ok (integrity check passed; {events} event(s) replay to the stored annotations)\n"
    )
    assert (
        printed("assign", "--annotators", "bob", "--overlap", "1", "--db", db)
        .split("\n")[0]
        .endswith(f" -> {shown(db)}")
    )
    pack = folder / "bob.db"
    assert printed("pack", "--annotator", "bob", "-o", pack, "--db", db) == (
        f"2 article(s), 1 suggestion(s) for bob -> {shown(pack)}\n"
    )
    assert f"database     {shown(db)}\n" in printed("stats", "--db", db)


def test_json_output_on_a_full_standard_output_is_one_line(db: Path) -> None:
    """`agreement --json > /dev/full` ended in a traceback too: JSON is printed as every other output."""
    with Store.open(db) as store:
        [article] = store.article_ids()
        store.add_span(article, "bob", 0, 10, "ACTOR")
        store.set_status(article, "bob", "done")
    for command in (["agreement", "--json"], ["agreement"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [ANNOTATOR, *command, "--db", str(db)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
            )
        assert (result.returncode, result.stderr) == (
            1,
            "annotator: error: cannot write to standard output: No space left on device\n",
        ), command

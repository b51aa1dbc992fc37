"""Issue 10's attacks, replayed end to end at the command line as a person would, on real files.

    python benchmarks/attack.py

Items 1 (an interrupted ingest and another writer), 2 (a stray -wal; notes at -wal, -journal, -shm), 3 (an old export imported over newer
work), 7 (another program's SQLite file), 8 (export to a full disk, a folder, a missing folder, a symlink, a
FIFO, a device), 10 (a read-only command on another program's file, an empty SQLite file) and 12 (a known id
with a changed text). Each runs the `annotator` console script in a fresh folder and prints, per item, held
or broken (or not tried) with what was seen. Exits 1 unless every item held. The full disk needs root (a small tmpfs); without
it that attack is reported as skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from processes import ANNOTATOR, copy_with_wal, folder_state, small_database  # noqa: E402
from shared_corpus import shared_corpus  # noqa: E402  (benchmarks/shared_corpus.py; a script's folder is on sys.path)

from annotator.store import Store  # noqa: E402

CORPUS = shared_corpus()


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ANNOTATOR, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=600)


def one_line(result: subprocess.CompletedProcess[str], naming: str = "") -> bool:
    """An error exit with one line on stderr, no traceback, naming the file it refuses (`naming`)."""
    return (
        result.returncode == 1
        and result.stderr.count("\n") == 1
        and "Traceback" not in result.stderr
        and naming in result.stderr
    )


def item_1(folder: Path) -> str:
    """Tried until the first ingest is still running when the second has written (the input doubled each time):
    an attack that was not made is not counted as held."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines() if CORPUS.exists() else []
    if not lines:
        lines = [json.dumps({"text": f"Article {n}: Ann Lee said in Paris that 3,000 left. " * 30}) for n in range(200)]
    for attempt in range(4):
        tried = folder / f"try-{attempt}"
        tried.mkdir()
        copies = [json.dumps({**json.loads(line), "id": f"{n}-{copy}"}) for copy in range(2**attempt)
                  for n, line in enumerate(lines)]  # fmt: skip
        outcome = _item_1(tried, copies)
        if not outcome.startswith("not tried"):
            return outcome
    return outcome


def _item_1(folder: Path, lines: list[str]) -> str:
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "other.txt").write_text("Other work: Paris voted on Sunday.", encoding="utf-8")
    first = subprocess.Popen([ANNOTATOR, "ingest", "news.jsonl", "--db", "x.db"], cwd=folder, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 120
    while not any(p.name.startswith((".x.db.new-", "x.db")) for p in folder.iterdir()):
        if time.monotonic() > deadline or first.poll() is not None:
            return "broken: the first ingest never started to create x.db"
        time.sleep(0.01)
    if run("ingest", "other.txt", "--no-suggest", "--db", "x.db", cwd=folder).returncode != 0:
        return "broken: a second ingest could not create x.db"
    with Store.open(folder / "x.db") as store:
        [article] = store.article_ids()
        start = store.article_text(article).index("Paris")
        store.add_span(article, "bob", start, start + 5, "LOCATION")
        store.set_status(article, "bob", "done")
    if first.poll() is not None:
        return "not tried: the first ingest finished before it could be interrupted"
    first.send_signal(signal.SIGINT)
    _, err = first.communicate(timeout=120)
    if not (folder / "x.db").exists():
        return f"broken: x.db is gone after the interrupt ({err.strip()})"
    with Store.open(folder / "x.db", read_only=True) as store:
        kept = store.status(article, "bob").value == "done" and store.count("articles") == 1
    return "held: x.db kept bob's work; the interrupted ingest wrote nothing" if kept else "broken: bob's work is gone"


def item_2(folder: Path) -> str:
    small_database(folder / "good.db")
    copy_with_wal(folder / "other.db", folder / "other-copy.db", [f"Other article {n} in Lyon." for n in range(5)])
    shutil.copyfile(folder / "good.db", folder / "mix.db")
    shutil.copyfile(folder / "other-copy.db-wal", folder / "mix.db-wal")
    before = folder_state(folder)
    results = [run(*command, "--db", "mix.db", cwd=folder) for command in (["stats"], ["check"])]
    if folder_state(folder) != before:
        return "broken: mix.db or its -wal changed"
    if not all(one_line(r) for r in results):
        return f"broken: not refused in one line ({results[0].stdout or results[0].stderr})"
    held = f"held: {results[0].stderr.strip().removeprefix('annotator: error: ')[:90]}..."
    (folder / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    for suffix in ("-wal", "-journal", "-shm"):  # trial 34: notes at SQLite's names, deleted by the first write
        shutil.copyfile(folder / "good.db", folder / f"notes{suffix}.db")
        (folder / f"notes{suffix}.db{suffix}").write_bytes(b"my notes, not SQLite's\n" * 100)
        before = folder_state(folder)
        results = [
            run(*command, "--db", f"notes{suffix}.db", cwd=folder)
            for command in (["stats"], ["ingest", "a.txt", "--no-suggest"])
        ]
        if folder_state(folder) != before:
            return f"broken: notes{suffix}.db{suffix} (a file SQLite did not write) changed"
        if not all(one_line(r, f"notes{suffix}.db{suffix}") for r in results):
            return (
                f"broken: notes{suffix}.db{suffix} not refused in one line ({results[1].stdout or results[1].stderr})"
            )
    return held + " (and notes at -wal, -journal, -shm refused, kept)"


def item_3(folder: Path) -> str:
    text = "Officials said " + " ".join(f"Name{n}" for n in range(30)) + " met."
    db = folder / "alice.db"
    with Store.open(db) as store:
        from support import word_tokens

        from annotator.models import ArticleIn

        [article] = store.add_articles([(ArticleIn(text=text, title="Names"), word_tokens(text), [])])[0]
        for n in range(5):
            store.add_span(
                article, "alice", text.index(f"Name{n} "), text.index(f"Name{n} ") + len(f"Name{n}"), "ACTOR"
            )
    run("export", "--db", db, "--annotator", "alice", "--status", "all", "-o", "old.jsonl", cwd=folder)
    with Store.open(db) as store:
        for n in range(5, 25):
            store.add_span(
                article, "alice", text.index(f"Name{n} "), text.index(f"Name{n} ") + len(f"Name{n}"), "ACTOR"
            )
        store.set_status(article, "alice", "done")
    result = run("import", "old.jsonl", "--db", db, cwd=folder)
    with Store.open(db, read_only=True) as store:
        after = (len(store.spans(article, "alice")), store.status(article, "alice").value)
    if after != (25, "done") or "conflict" not in result.stdout:
        return f"broken: the import left {after[0]} spans, {after[1]}"
    run("import", "old.jsonl", "--db", db, "--replace", cwd=folder)
    with Store.open(db) as store:
        store.undo(article, "alice")
        undone = (len(store.spans(article, "alice")), store.status(article, "alice").value)
    if undone != (25, "done"):
        return f"broken: undo of --replace gave {undone}"
    return "held: reported as a conflict, work kept; --replace is undone by one undo"


def item_7(folder: Path) -> str:
    connection = sqlite3.connect(folder / "theirs.db")
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    (folder / "new.txt").write_text("A new article about Rome.", encoding="utf-8")
    before = folder_state(folder)
    commands = (["stats"], ["check"], ["ingest", "new.txt", "--no-suggest"])
    results = [run(*command, "--db", "theirs.db", cwd=folder) for command in commands]
    if folder_state(folder) != before:
        return "broken: theirs.db was changed"
    if not all(one_line(r, "theirs.db") for r in results):
        return f"broken: {[r.stderr[-200:] for r in results]}"
    return "held: stats, check and ingest refuse it in one line; it is byte for byte the same"


def item_8(folder: Path) -> str:
    small_database(folder / "w.db")
    seen = []
    (folder / "dir").mkdir()
    (folder / "real.jsonl").write_text("old\n")
    (folder / "link.jsonl").symlink_to(folder / "real.jsonl")
    os.mkfifo(folder / "fifo.jsonl")
    targets: list[tuple[str, Callable[[], bool]]] = [
        ("dir", lambda: not list((folder / "dir").iterdir())),
        ("/missing/dir/x.jsonl", lambda: not Path("/missing").exists()),
        ("fifo.jsonl", lambda: stat.S_ISFIFO(os.lstat(folder / "fifo.jsonl").st_mode)),
    ]
    if os.geteuid() == 0:
        os.mknod(folder / "full", stat.S_IFCHR | 0o666, os.makedev(1, 7))
        targets.append(("full", lambda: stat.S_ISCHR(os.lstat(folder / "full").st_mode)))
    for target, intact in targets:
        result = run("export", "--db", "w.db", "--annotator", "alice", "-o", target, cwd=folder)
        if not one_line(result) or not intact():
            return f"broken: -o {target}: {result.stderr.strip()[-160:]}"
        seen.append(target)
    result = run("export", "--db", "w.db", "--annotator", "alice", "-o", "link.jsonl", cwd=folder)
    if (
        result.returncode
        or not (folder / "link.jsonl").is_symlink()
        or "alice" not in (folder / "real.jsonl").read_text()
    ):
        return "broken: the symlink was not written through"
    with open("/dev/full", "wb") as full:
        result = subprocess.run([ANNOTATOR, "export", "--db", "w.db", "--annotator", "alice", "-o", "-"], cwd=folder,
                                stdout=full, stderr=subprocess.PIPE, text=True)  # fmt: skip
    if not one_line(result):
        return f"broken: -o - on a full disk: {result.stderr[-160:]}"
    disk = full_disk_export(folder)
    if disk.startswith("broken"):
        return disk
    return f"held: one line each for -o {', '.join(seen)}, -o - on /dev/full{disk}; the symlink written through"


def full_disk_export(folder: Path) -> str:
    mount = folder / "tiny"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(mount)], capture_output=True).returncode:
        return " (full disk skipped: cannot mount a tmpfs)"
    try:
        with open(mount / "filler", "wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 4096)
            except OSError:
                pass
        result = run("export", "--db", "w.db", "--annotator", "alice", "-o", mount / "out.jsonl", cwd=folder)
        left = sorted(p.name for p in mount.iterdir())
    finally:
        subprocess.run(["umount", str(mount)], check=False)
    if not one_line(result) or left != ["filler"]:
        return f"broken: export to a full disk: {result.stderr.strip()[-160:]} (left {left})"
    return ", a full disk"


def item_10(folder: Path) -> str:
    connection = sqlite3.connect(folder / "theirs.db")
    connection.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    connection.commit()
    connection.close()
    connection = sqlite3.connect(folder / "empty.db")
    connection.execute("VACUUM")
    connection.close()
    before = folder_state(folder)
    names = ("theirs.db", "empty.db")
    results = [run("stats", "--db", name, cwd=folder) for name in names]
    if folder_state(folder) != before:
        return "broken: a read-only command changed a file"
    if not all(one_line(r, name) for r, name in zip(results, names, strict=True)):
        return f"broken: not refused in one line naming the file: {[r.stderr[-200:] for r in results]}"
    return "held: stats refuses both in one line and changes neither (no schema, no WAL)"


def item_12(folder: Path) -> str:
    (folder / "a.jsonl").write_text(json.dumps({"id": "a1", "text": "Ann said it rained in Paris."}) + "\n")
    (folder / "b.jsonl").write_text(json.dumps({"id": "a1", "text": "Ann said it snowed in Oslo."}) + "\n")
    run("ingest", "a.jsonl", "--no-suggest", "--db", "a.db", cwd=folder)
    result = run("ingest", "b.jsonl", "--no-suggest", "--db", "a.db", cwd=folder)
    with Store.open(folder / "a.db", read_only=True) as store:
        kept = store.article("a1").text == "Ann said it rained in Paris." and store.count("articles") == 1
    if not one_line(result) or "'a1'" not in result.stderr or not kept:
        return f"broken: {result.stdout.strip() or result.stderr.strip()}"
    return "held: an error naming 'a1'; the stored text kept (--changed-text new|replace to say otherwise)"


def main() -> None:
    held = 0
    for number, attack in ((1, item_1), (2, item_2), (3, item_3), (7, item_7), (8, item_8), (10, item_10),
                           (12, item_12)):  # fmt: skip
        folder = Path(tempfile.mkdtemp(prefix=f"attack-{number}-"))
        started = time.perf_counter()
        try:
            outcome = attack(folder)
        except Exception as error:  # an attack that crashes the harness is a broken item, reported as such
            outcome = f"broken: {type(error).__name__}: {error}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        held += outcome.startswith("held")
        print(f"item {number:<3} {outcome}  ({time.perf_counter() - started:.1f} s)", flush=True)
    print(f"{held} of 7 held")
    sys.exit(0 if held == 7 else 1)


if __name__ == "__main__":
    main()

"""Issue 10: creating a database never deletes one, and never leaves half of one. A command that creates its
database builds it beside its name and links it into place only when it succeeds; the real console script,
real signals, real files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from processes import annotator, one_error_line, start

from annotator.store import Store
from annotator.store.verify import check

CORPUS = Path("/work/shared/corpus/news.jsonl")
HERE = Path(__file__).resolve().parent


def news(folder: Path, count: int) -> Path:
    """`count` real articles as JSONL (the shared corpus when it is there, else made-up ones)."""
    path = folder / "news.jsonl"
    if CORPUS.exists():
        lines = CORPUS.read_text(encoding="utf-8").splitlines()[:count]
    else:
        sentence = "The mayor of {n}ville, Ann Lee, said on Monday that 3,000 people had left the city. "
        lines = [json.dumps({"id": f"n{n}", "text": sentence.format(n=n) * 40}) for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def temporaries(folder: Path, name: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{name}.new-"))


def creating(folder: Path, name: str) -> bool:
    """Whether a command has started to create the database `name` (under a temporary name, or in place)."""
    return bool(temporaries(folder, name)) or (folder / name).exists()


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def annotate_a_little(db: Path, who: str) -> tuple[str, int]:
    """What a person does in the TUI: a span and a status, each committed at once."""
    with Store.open(db) as store:
        [article] = store.article_ids()
        text = store.article(article).text
        start_at = text.index("Paris")
        store.add_span(article, who, start_at, start_at + 5, "LOCATION")
        store.set_status(article, who, "done")
        return article, store.count("events")


# -- item 1: an interrupted or failed command deletes nothing --------------------------------------------------


def test_interrupting_an_ingest_keeps_the_database_another_process_wrote_meanwhile(tmp_path: Path) -> None:
    first = start("ingest", news(tmp_path, 336), "--db", "x.db", cwd=tmp_path)
    wait_for(lambda: creating(tmp_path, "x.db"))  # it is building x.db (suggesting takes a while)
    (tmp_path / "other.txt").write_text("Other work: Paris voted on Sunday.", encoding="utf-8")
    second = annotator("ingest", "other.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    article, events = annotate_a_little(tmp_path / "x.db", "bob")
    assert first.poll() is None  # still suggesting
    first.send_signal(signal.SIGINT)
    _, err = first.communicate(timeout=120)
    assert (first.returncode, err) == (130, "annotator: error: interrupted; nothing from this command was written\n")
    with Store.open(tmp_path / "x.db") as store:
        assert (store.article_ids(), store.count("events"), store.status(article, "bob").value) == (
            [article],
            events,
            "done",
        )
        assert check(store) == []
    assert temporaries(tmp_path, "x.db") == []


def test_a_command_that_fails_on_a_new_database_leaves_no_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    line = one_error_line(annotator("ingest", "a.txt", "--model", "no_such_pipeline", "--db", "x.db", cwd=tmp_path))
    assert line.startswith("spaCy pipeline 'no_such_pipeline' is neither installed nor a pipeline folder")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "one.db", cwd=tmp_path).returncode == 0
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "Bob said it snowed in Oslo."}\n', encoding="utf-8")
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    assert annotator("ingest", "b.jsonl", "--no-suggest", "--db", "two.db", cwd=tmp_path).returncode == 0
    line = one_error_line(annotator("merge", "two.db", "notes.db", "--db", "merged.db", cwd=tmp_path))
    assert line.startswith("notes.db: not a SQLite database")
    databases = {p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))}
    assert databases == {"a.txt", "b.jsonl", "notes.db", "one.db", "two.db"}


def raced(tmp_path: Path, meanwhile: Callable[[], None]) -> str:
    """Ingest 3 articles into a new x.db, stopped (SIGSTOP) while it builds the file and `meanwhile` runs (which
    creates x.db), then go on: it succeeds, adding 3; what it said on standard error."""
    first = start("ingest", news(tmp_path, 3), "--db", "x.db", cwd=tmp_path)
    wait_for(lambda: creating(tmp_path, "x.db"))
    first.send_signal(signal.SIGSTOP)
    try:
        meanwhile()
    finally:
        first.send_signal(signal.SIGCONT)
    out, err = first.communicate(timeout=300)
    assert (first.returncode, out.startswith("3 article(s) added")) == (0, True), err
    return err


def test_a_database_created_meanwhile_gets_the_work_merged_in_not_replaced(tmp_path: Path) -> None:
    """The first command is stopped while it builds x.db; another creates x.db and annotates in it; the first goes
    on and finishes: both pieces of work are in x.db."""
    annotated: list[str] = []

    def other_work() -> None:
        (tmp_path / "other.txt").write_text("Other work: Paris voted on Sunday.", encoding="utf-8")
        assert annotator("ingest", "other.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
        annotated.append(annotate_a_little(tmp_path / "x.db", "bob")[0])

    assert raced(tmp_path, other_work) == (
        "annotator: note: x.db was created by another process while this command ran: this command's work was "
        "merged into it (3 of its 3 article(s) new there; what follows counts this command's own work)\n"
    )
    with Store.open(tmp_path / "x.db") as store:
        assert (store.count("articles"), store.status(annotated[0], "bob").value, check(store)) == (4, "done", [])
        assert store.count("suggestions") > 0
    assert temporaries(tmp_path, "x.db") == []


def test_two_commands_creating_one_database_with_the_same_article_say_which_stored_it(tmp_path: Path) -> None:
    """Attacker 39a: two ingests of the same article racing to create x.db both printed "1 article(s) added" for
    the one article stored. The one whose work is merged into the other's file says how much of it was new there."""

    def two_of_them() -> None:
        two = tmp_path / "two.jsonl"
        two.write_text("".join((tmp_path / "news.jsonl").read_text(encoding="utf-8").splitlines(True)[:2]), "utf-8")
        second = annotator("ingest", str(two), "--db", "x.db", cwd=tmp_path)
        assert second.stdout.startswith("2 article(s) added"), second.stderr

    assert raced(tmp_path, two_of_them) == (
        "annotator: note: x.db was created by another process while this command ran: this command's work was "
        "merged into it (1 of its 3 article(s) new there; what follows counts this command's own work)\n"
    )
    with Store.open(tmp_path / "x.db") as store:
        assert (store.count("articles"), check(store)) == (3, [])


def test_a_database_created_meanwhile_with_another_text_under_an_id_gets_nothing(tmp_path: Path) -> None:
    """As above, but the other process stored id 'x' with another text: the first command's work is not forced
    on it (a merge would leave that article out), so the first fails and writes nothing there."""
    articles = news(tmp_path, 3)
    with articles.open("a", encoding="utf-8") as file:
        file.write('{"id": "x", "text": "Bob said it snowed in Oslo."}\n')
    first = start("ingest", articles, "--db", "x.db", cwd=tmp_path)
    wait_for(lambda: creating(tmp_path, "x.db"))
    first.send_signal(signal.SIGSTOP)
    try:
        (tmp_path / "other.jsonl").write_text('{"id": "x", "text": "Carl said it was sunny in Rome."}\n')
        assert annotator("ingest", "other.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    finally:
        first.send_signal(signal.SIGCONT)
    out, err = first.communicate(timeout=300)
    assert (first.returncode, out, err) == (
        1,
        "",
        "annotator: error: x.db was created by another process while this command ran, and article x has another "
        "text there; nothing from this command was written (run it again to see what differs there)\n",
    )
    with Store.open(tmp_path / "x.db") as store:
        assert (store.article_ids(), store.article("x").text) == (["x"], "Carl said it was sunny in Rome.")
    assert temporaries(tmp_path, "x.db") == []


# -- item 14: creation waits like every other write ------------------------------------------------------------


def test_six_processes_creating_one_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    for trial in range(4):
        db, go = tmp_path / f"new{trial}.db", tmp_path / f"go{trial}"
        children = [
            subprocess.Popen(
                [sys.executable, str(HERE / "open_new.py"), str(db), str(go), f"Article {n} of trial {trial}."],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=HERE,
            )
            for n in range(6)
        ]
        for child in children:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
        go.touch()
        outcomes = [child.communicate(timeout=120) for child in children]
        assert [(child.returncode, out, err) for child, (out, err) in zip(children, outcomes, strict=True)] == [
            (0, "ok\n", "")
        ] * 6
        with Store.open(db) as store:
            assert store.count("articles") == 6
        assert temporaries(tmp_path, db.name) == []


def test_six_ingests_into_one_new_name_at_once_lose_no_article(tmp_path: Path) -> None:
    for n in range(6):
        (tmp_path / f"a{n}.txt").write_text(f"Article {n}: Ann said it rained in Paris.", encoding="utf-8")
    runs = [start("ingest", f"a{n}.txt", "--no-suggest", "--db", "new.db", cwd=tmp_path) for n in range(6)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0] * 6, results
    with Store.open(tmp_path / "new.db") as store:
        assert store.count("articles") == 6


# -- item 20: a zero-byte file, a killed creation --------------------------------------------------------------


def test_a_zero_byte_world_writable_file_is_not_taken_over(tmp_path: Path) -> None:
    """It once became a database (kept 0666, then made private); now a file annotator did not make is refused,
    empty or not (`tests/test_safety_empty_files.py`), and a new database is always private."""
    empty = tmp_path / "shared.db"
    empty.write_bytes(b"")
    empty.chmod(0o666)
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    previous = os.umask(0)
    try:
        refused = annotator("ingest", "a.txt", "--no-suggest", "--db", "shared.db", cwd=tmp_path)
        created = annotator("ingest", "a.txt", "--no-suggest", "--db", "new.db", cwd=tmp_path)
    finally:
        os.umask(previous)
    assert (refused.returncode, created.returncode) == (1, 0), created.stderr
    modes = {p.name: (p.stat().st_size > 0, p.stat().st_mode & 0o777) for p in tmp_path.iterdir() if p.suffix == ".db"}
    assert modes == {"shared.db": (False, 0o666), "new.db": (True, 0o640)}


def test_a_creation_killed_midway_leaves_no_database_and_the_next_run_names_its_temporary(tmp_path: Path) -> None:
    """The killed run's temporary is probably ours, but nothing proves it (anyone may name a file so): the next
    run works beside it under another name, names it in one note, and leaves it as it is."""
    first = start("ingest", news(tmp_path, 40), "--db", "k.db", cwd=tmp_path)
    wait_for(lambda: creating(tmp_path, "k.db"))
    time.sleep(0.5)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=60)
    assert not (tmp_path / "k.db").exists()  # only a temporary
    before = {name: (tmp_path / name).read_bytes() for name in temporaries(tmp_path, "k.db")}  # its -wal too
    [left] = [name for name in before if len(name) == len(".k.db.new-12345678")]
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    result = annotator("ingest", "a.txt", "--no-suggest", "--db", "k.db", cwd=tmp_path)
    journals = [suffix for suffix in ("-wal", "-shm", "-journal") if left + suffix in before]  # the kill's moment
    with_them = f" (and its {', '.join(journals)})" if journals else ""  # named with it (trial s55 t10 T9)
    assert (result.returncode, result.stderr) == (
        0,
        f"annotator: note: k.db: a leftover {left}{with_them} from an interrupted run is beside it; remove it if it "
        "is yours\n",
    )
    assert {name: (tmp_path / name).read_bytes() for name in temporaries(tmp_path, "k.db")} == before
    with Store.open(tmp_path / "k.db") as store:
        assert store.count("articles") == 1

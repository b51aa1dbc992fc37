"""Found by a newcomer: creating a database or an export deleted files it only guessed were leftovers of an
interrupted run (a name like `.n.db.new-12345678`, a file under 100 bytes, or a copy of a real database, whose
header carries our mark). A name or a header is no proof that a file is ours and unused: such a file is now
left byte for byte and named in one note on standard error. Real processes, real files."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator, folder_state, small_database
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Status
from annotator.store import Store


def note(target: str, *names: str) -> str:
    if len(names) == 1:
        return (f"annotator: note: {target}: a leftover {names[0]} from an interrupted run is beside it; remove it "
                "if it is yours\n")  # fmt: skip
    return (f"annotator: note: {target}: leftovers {', '.join(names)} from interrupted runs are beside it; remove "
            "them if they are yours\n")  # fmt: skip


def test_creating_a_database_leaves_files_named_like_its_temporaries(tmp_path: Path) -> None:
    someone = tmp_path / "someone.db"
    small_database(someone)
    folder = tmp_path / "cr"
    folder.mkdir()
    (folder / ".n.db.new-12345678").write_text("my precious notes\n", encoding="utf-8")
    (folder / ".n.db.new-abcdefgh").write_text("x\n", encoding="utf-8")
    shutil.copy(someone, folder / ".n.db.new-deadbeef")  # a real database of ours, with people's work in it
    before = folder_state(folder)
    (tmp_path / "x.jsonl").write_text('{"id": "a1", "text": "Ann said it rained in Paris."}\n', encoding="utf-8")
    result = annotator("ingest", "../x.jsonl", "--no-suggest", "--db", "n.db", cwd=folder)
    assert (result.returncode, result.stderr) == (
        0,
        note("n.db", ".n.db.new-12345678", ".n.db.new-abcdefgh", ".n.db.new-deadbeef"),
    )
    after = folder_state(folder)
    assert {name: after[name] for name in before} == before
    assert sorted(after) == [".n.db.new-12345678", ".n.db.new-abcdefgh", ".n.db.new-deadbeef", "n.db"]
    with Store.open(folder / "n.db") as store:
        assert store.count("articles") == 1


def test_an_export_leaves_a_file_named_like_its_temporary(tmp_path: Path) -> None:
    small_database(tmp_path / "s.db")
    (tmp_path / "ex2").mkdir()
    (tmp_path / "ex2" / ".alice.jsonl.partial-12345678").write_text("precious\n", encoding="utf-8")
    result = annotator("export", "--annotator", "alice", "-o", "ex2/alice.jsonl", "--db", "s.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, note("ex2/alice.jsonl", ".alice.jsonl.partial-12345678"))
    assert (tmp_path / "ex2" / ".alice.jsonl.partial-12345678").read_bytes() == b"precious\n"
    assert sorted(p.name for p in (tmp_path / "ex2").iterdir()) == [
        ".alice.jsonl.partial-12345678",
        ".annotator-written.json",
        "alice.jsonl",
    ]


def test_an_agreement_page_leaves_a_file_named_like_its_temporary(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        [[article], _] = store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), [])])
        for who in ("alice", "bob"):
            store.replace_annotation(article, who, [], Status.DONE)
    (tmp_path / ".ag2.html.partial-12345678").write_text("precious\n", encoding="utf-8")
    result = annotator("agreement", "--html", "ag2.html", "--db", "s.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        0,
        note("ag2.html", ".ag2.html.partial-12345678") + "HTML report -> ag2.html\n",
    )
    assert (tmp_path / ".ag2.html.partial-12345678").read_bytes() == b"precious\n"
    assert (tmp_path / "ag2.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_core_hands_its_notes_to_the_caller_and_writes_nothing_to_the_terminal(tmp_path: Path, capfd) -> None:
    """Found by an attacker: `places.note_leftovers` wrote its note to standard error itself, from the core. The
    core now hands each note to the caller's `note` (the CLI prints it: the tests above), and prints nothing."""
    from annotator.exchange.writing import written_atomically
    from annotator.store.creating import filling

    (tmp_path / ".n.db.new-12345678").write_text("my precious notes\n", encoding="utf-8")
    (tmp_path / ".out.txt.partial-12345678").write_text("precious\n", encoding="utf-8")
    heard: list[str] = []
    with filling(tmp_path / "n.db", note=heard.append) as store:
        store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), [])])
    with Store.open(tmp_path / "m.db", note=heard.append):
        pass
    with written_atomically(tmp_path / "out.txt", note=heard.append) as out:
        out.write(b"done\n")
    assert capfd.readouterr() == ("", "")
    assert heard == [
        f"{tmp_path / 'n.db'}: a leftover .n.db.new-12345678 from an interrupted run is beside it; remove it if it is "
        "yours",
        f"{tmp_path / 'out.txt'}: a leftover .out.txt.partial-12345678 from an interrupted run is beside it; remove "
        "it if it is yours",
    ]


def test_a_leftover_database_is_named_with_its_journals(tmp_path: Path) -> None:
    """Trial s55 t10 T9: a kill -9 of an ingest creating a database leaves its temporary with a -wal and a -shm; the
    note named only the first of the three."""
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f".k.db.new-12345678{suffix}").write_text("x\n", encoding="utf-8")
    (tmp_path / "x.jsonl").write_text('{"id": "a1", "text": "Ann said it rained in Paris."}\n', encoding="utf-8")
    result = annotator("ingest", "x.jsonl", "--no-suggest", "--db", "k.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, note("k.db", ".k.db.new-12345678 (and its -wal, -shm)"))

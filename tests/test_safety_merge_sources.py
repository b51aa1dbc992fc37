"""Issue 10, found by an attacker after the first round: what `merge` does to the files it reads. Reading a source
creates nothing beside it (it left `src.db-wal` and `src.db-shm` there) and still sees the source's own committed
work in its WAL. The real console script on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator, copy_with_wal, folder_state, small_database
from support import word_tokens

from annotator.errors import AnnotatorError
from annotator.models import ArticleIn
from annotator.store import Store


def articles_in(db: Path) -> int:
    with Store.open(db, read_only=True) as store:
        return store.count("articles")


def test_merging_a_closed_source_creates_nothing_beside_it(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    small_database(tmp_path / "in" / "src.db")
    before = folder_state(tmp_path / "in")
    assert sorted(before) == ["src.db"]
    result = annotator("merge", "in/src.db", "--db", "dst.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert folder_state(tmp_path / "in") == before
    assert articles_in(tmp_path / "dst.db") == 1


def test_a_read_only_command_on_a_closed_database_creates_nothing_beside_it(tmp_path: Path) -> None:
    small_database(tmp_path / "a.db")
    before = folder_state(tmp_path)
    for command in (["stats"], ["check"], ["export", "--annotator", "alice", "-o", "-"], ["agreement"]):
        annotator(*command, "--db", "a.db", cwd=tmp_path)
        assert folder_state(tmp_path) == before, command


def test_merging_a_source_whose_work_is_only_in_its_wal_sees_it_and_creates_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    copy_with_wal(tmp_path / "live.db", tmp_path / "in" / "src.db", ["Work only in the WAL, in Oslo."])
    before = folder_state(tmp_path / "in")
    assert sorted(before) == ["src.db", "src.db-wal"]
    result = annotator("merge", "in/src.db", "--db", "dst.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 article(s), 2 annotation(s)"), result.stdout
    assert folder_state(tmp_path / "in") == before


def test_merging_a_source_another_process_has_open_sees_its_committed_wal(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    source = tmp_path / "in" / "src.db"
    small_database(source)
    text = "Committed, and only in the WAL: rain in Lima."
    with Store.open(source) as live:
        live.conn.execute("PRAGMA wal_autocheckpoint = 0")
        live.add_articles([(ArticleIn(text=text), word_tokens(text), [])])
        names = sorted(folder_state(tmp_path / "in"))
        assert names == ["src.db", "src.db-shm", "src.db-wal"]
        result = annotator("merge", "in/src.db", "--db", "dst.db", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert sorted(folder_state(tmp_path / "in")) == names
    assert articles_in(tmp_path / "dst.db") == 2


def test_a_source_written_and_checkpointed_while_it_is_merged_is_refused_whole(tmp_path: Path) -> None:
    """A source nobody had open is read without locks, creating nothing: a process that opens it during the merge
    and checkpoints its own writes into the file could tear what is read, so such a merge writes nothing."""
    from annotator.store.merge import merge

    source = tmp_path / "src.db"
    small_database(source)
    text = "Written by another process during the merge, in Quito."

    (tmp_path / "new.txt").write_text(text, encoding="utf-8")

    def another_process_writes(done: int, total: int) -> None:  # it ends by checkpointing its WAL into the file
        result = annotator("ingest", "new.txt", "--no-suggest", "--db", "src.db", cwd=tmp_path)
        assert result.returncode == 0, result.stderr

    with Store.open(tmp_path / "dst.db") as store:
        with pytest.raises(AnnotatorError) as refused:
            merge(store, [source], progress=another_process_writes)
        assert str(refused.value) == (
            f"{source}: another process wrote to it while this command read it; what was read may mix two states of "
            "the file, nothing was merged: run the command again"
        )
        assert (store.count("articles"), store.count("events")) == (0, 0)
    with Store.open(tmp_path / "dst.db") as store:
        merge(store, [source])
        assert store.count("articles") == 2


# -- one article id holding another text in the source ---------------------------------------------------------


def test_an_article_id_with_another_text_in_the_source_is_a_conflict_and_the_rest_is_merged(tmp_path: Path) -> None:
    """Not the whole file refused: that article (and the work on it) is reported in one line and left out, every
    other article and annotation comes, and the exit status says that not everything was merged."""
    (tmp_path / "here.jsonl").write_text('{"id": "x", "title": "Ours", "text": "Bob said it snowed in Oslo."}\n')
    (tmp_path / "there.jsonl").write_text(
        '{"id": "x", "title": "Theirs", "text": "Carl said it was sunny in Rome."}\n'
        '{"id": "y", "title": "Other", "text": "Dana said it rained in Lima."}\n'
    )
    for db, source in (("dst.db", "here.jsonl"), ("src.db", "there.jsonl")):
        assert annotator("ingest", source, "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "src.db") as store:
        for article, word in (("x", "Carl"), ("y", "Dana")):
            store.add_span(article, "alice", 0, len(word), "ACTOR")
            store.set_status(article, "alice", "done")
    result = annotator("merge", "src.db", "--db", "dst.db", cwd=tmp_path)
    assert (result.returncode, result.stdout.splitlines(), result.stderr) == (
        1,
        [
            "1 article(s), 1 annotation(s) and 2 event(s) added; 0 annotation(s) replaced by the other's; "
            "0 unchanged; 1 conflict(s) -> dst.db",
            "conflict: x 'Theirs' (src.db) is stored here with a different text: left as stored; src.db's article "
            "and alice's work on it were not merged",
        ],
        "annotator: error: 1 article(s) of src.db not merged (another text under an id stored here); the rest is "
        "merged into dst.db\n",
    )
    with Store.open(tmp_path / "dst.db", read_only=True) as store:
        assert [store.article(a).text for a in store.article_ids()] == [
            "Bob said it snowed in Oslo.",
            "Dana said it rained in Lima.",
        ]
        assert (store.status("y", "alice").value, store.status("x", "alice").value) == ("done", "todo")

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
            f"{source}: another process wrote to it while it was being merged; nothing was written: merge again"
        )
        assert (store.count("articles"), store.count("events")) == (0, 0)
    with Store.open(tmp_path / "dst.db") as store:
        merge(store, [source])
        assert store.count("articles") == 2

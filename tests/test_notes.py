"""Why an article was flagged, and comments on it: stored (readable in the SQLite file), undone with the
status, exported in native JSONL, imported back and merged, never lost."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from test_exchange import load

from annotator.errors import Refused
from annotator.exchange.formats.options import ExportOptions
from annotator.exchange.records import export
from annotator.store import Store
from annotator.store.merge import merge
from annotator.vocabulary import Status


def exported(store: Store, who: str) -> str:
    """What `annotator export --annotator who --status all` writes (a flagged article is not finished work)."""
    out = io.BytesIO()
    export(store, "jsonl", out, who, options=ExportOptions(statuses=frozenset(Status)))
    return out.getvalue().decode("utf-8")


def test_a_flag_keeps_its_reason_until_the_article_is_marked_otherwise(store: Store, small_article: str) -> None:
    store.set_status(small_article, "alice", "flagged", reason="  not news  ")
    assert store.flag_reason(small_article, "alice") == "not news"
    assert store.summaries("alice")[0].flag_reason == "not news"
    store.set_status(small_article, "alice", "done")
    assert store.flag_reason(small_article, "alice") is None
    store.undo(small_article, "alice")
    assert store.flag_reason(small_article, "alice") == "not news"
    with pytest.raises(Refused, match="only a flagged article has a reason"):
        store.set_status(small_article, "alice", "done", reason="why")


def test_comments_are_kept_in_order_and_readable_in_sqlite(store: Store, small_article: str) -> None:
    store.add_comment(small_article, "alice", "the title is wrong")
    store.add_comment(small_article, "bob", "agreed")
    with pytest.raises(Refused, match="needs some text"):
        store.add_comment(small_article, "bob", "   ")
    assert [(who, text) for who, text, _ in store.comments(small_article)] == [
        ("alice", "the title is wrong"),
        ("bob", "agreed"),
    ]
    assert store.summaries("alice")[0].comments == 2
    rows = sqlite3.connect(store.path).execute("SELECT annotator, text FROM comments ORDER BY id").fetchall()
    assert rows == [("alice", "the title is wrong"), ("bob", "agreed")]


def test_both_go_out_in_native_jsonl_and_come_back_in(tmp_path: Path, store: Store, small_article: str) -> None:
    store.add_comment(small_article, "alice", "odd quote marks")
    store.add_comment(small_article, "bob", "not mine")
    store.set_status(small_article, "alice", "flagged", reason="garbled")
    record = json.loads(exported(store, "alice"))
    assert record["flag_reason"] == "garbled"
    assert [(c["annotator"], c["text"]) for c in record["comments"]] == [  # a comment is on the article: all go
        ("alice", "odd quote marks"),
        ("bob", "not mine"),
    ]
    path = tmp_path / "alice.jsonl"
    path.write_text(exported(store, "alice"), encoding="utf-8")
    with Store.open(tmp_path / "other.db") as other:
        load(other, path)
        load(other, path)  # a second import adds no comment twice
        [article_id] = other.article_ids()
        assert other.flag_reason(article_id, "alice") == "garbled"
        assert [(who, text) for who, text, _ in other.comments(article_id)] == [
            ("alice", "odd quote marks"),
            ("bob", "not mine"),
        ]
        assert exported(other, "alice") == exported(store, "alice")


def test_a_merge_brings_the_other_files_comments_and_reasons(tmp_path: Path, store: Store, small_article: str) -> None:
    store.add_comment(small_article, "alice", "check the figure")
    store.set_status(small_article, "alice", "flagged", reason="figure?")
    store.close()
    with Store.open(tmp_path / "mine.db") as mine:
        merge(mine, [store.path])
        merge(mine, [store.path])  # merging twice changes nothing
        [article_id] = mine.article_ids()
        assert [text for _, text, _ in mine.comments(article_id)] == ["check the figure"]
        assert mine.flag_reason(article_id, "alice") == "figure?"

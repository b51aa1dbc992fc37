"""Issue 10, found by an attacker after the first round: a `-wal` copied in beside a backup from the same
database's later state. Without a checkpoint in between it is the file's own continuation (file + WAL is exactly
the later database): accepted. With one in between, the WAL holds only what followed the checkpoint, so the file
and WAL together make a state that never existed; where that is no damage SQLite sees and loses no article or
event, it showed an annotator's "done" as "in progress" while the event log said done, and a writing command
would have checkpointed that into the file. Such a WAL is refused as not the file's own. Real processes, files."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator, folder_state, one_error_line
from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store


def add(store: Store, count: int, who: str) -> list[str]:
    added = []
    for n in range(count):
        text = f"Article {store.count('articles')}: Ann went to Paris on day {n}."
        [article] = store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])[0]
        store.add_span(article, who, 0, 7, "ACTOR")
        added.append(article)
    return added


def backup_with_a_later_wal(folder: Path, checkpoint_between: bool) -> str:
    """`old.db`, a copy of `a.db` taken when it was closed, and beside it `a.db`'s WAL from later on; returns the
    first article, which alice marks done after the copy."""
    with Store.open(folder / "a.db") as store:
        first = add(store, 300, "alice")[0]  # enough rows that the tables span many pages
    shutil.copyfile(folder / "a.db", folder / "old.db")
    with Store.open(folder / "a.db") as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.set_status(first, "alice", "done")
        if checkpoint_between:
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        add(store, 5, "bob")
        shutil.copyfile(folder / "a.db-wal", folder / "old.db-wal")
    return first


def test_a_wal_of_the_same_databases_later_state_past_a_checkpoint_is_refused(tmp_path: Path) -> None:
    first = backup_with_a_later_wal(tmp_path, checkpoint_between=True)
    (tmp_path / "n.txt").write_text("Bob went to Rome.", encoding="utf-8")
    before = folder_state(tmp_path)
    for command in (["stats"], ["check"], ["ingest", "n.txt", "--no-suggest"]):
        line = one_error_line(annotator(*command, "--db", "old.db", cwd=tmp_path))
        assert line == (
            "old.db: old.db-wal beside it does not belong to it (with it, the tables and the event log disagree: "
            f"article {first}, annotator alice: status 'in_progress' but the event log says 'done'); both were left "
            "as they are: old.db alone is sound, so move old.db-wal away if it is not this database's own"
        ), command
        assert folder_state(tmp_path) == before, command


def test_a_wal_of_the_same_databases_later_state_without_a_checkpoint_is_its_own(tmp_path: Path) -> None:
    first = backup_with_a_later_wal(tmp_path, checkpoint_between=False)
    result = annotator("check", "--db", "old.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        0,
        "old.db: ok (integrity check passed; 306 event(s) replay to the stored annotations)\n",
    )
    with Store.open(tmp_path / "old.db", read_only=True) as store:
        assert (store.count("articles"), store.status(first, "alice").value) == (305, "done")

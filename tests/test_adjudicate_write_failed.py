"""`adjudicate --auto` commits each article as it settles it: a write that fails part way (a full disk, here a
file-size limit as `ulimit -f` sets) leaves the articles settled before it with their gold. The real console script
under that limit on a real SQLite file."""

from __future__ import annotations

import resource
import sqlite3
import subprocess
from pathlib import Path

from processes import ANNOTATOR
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn
from annotator.store import Store


def test_a_write_that_fails_part_way_says_the_settled_articles_keep_their_gold(tmp_path: Path) -> None:
    """Found by an attacker: it said "nothing of this change was written" while articles before it had their gold."""
    db = tmp_path / "g.db"
    texts = [f"Report {n}: {SMALL_TEXT}" for n in range(300)]
    with Store.open(db) as store:
        ids, _ = store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])
        for article in ids:
            for who in ("alice", "bob"):
                store.add_span(article, who, 0, 6, "ACTOR")
                store.set_status(article, who, "done")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (800 * 1024, 800 * 1024))  # a few articles past the file's size

    command = [ANNOTATOR, "adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", "carol", "--db", str(db)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, preexec_fn=limit)
    with sqlite3.connect(db) as connection:
        settled = connection.execute("SELECT count(*) FROM spans WHERE annotator = 'gold'").fetchone()[0]
    assert 0 < settled < len(texts), "the write failed before the first article or never"
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: not saved: disk I/O error ({db}); articles settled before it keep their gold (each "
        "article is one event, undoable); the rest are unchanged: run the same command again to finish\n",
    )

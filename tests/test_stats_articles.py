"""`annotator stats --articles`: every article's id, each annotator's status and its title, one line each, so the
ids `accept ID`, `evaluate` and the rest take can be found without an export. The real console script on a real
SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store


def test_stats_articles_lists_id_status_per_annotator_and_title(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    texts = ["Ann met Bob in Paris.", "Carol flew to Oslo.", "Dan stayed home."]
    with Store.open(db) as store:
        rows = [(ArticleIn(id=f"art-{n}", text=t, title=f"Title {n}"), word_tokens(t), []) for n, t in enumerate(texts)]
        store.add_articles(rows)
        store.add_span("art-0", "alice", 0, 3, "ACTOR")
        store.set_status("art-0", "alice", "done")
        store.add_span("art-1", "bob", 0, 5, "ACTOR")
        store.set_status("art-2", "bob", "skipped")
    result = annotator("stats", "--articles", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "id     alice  bob          title",
        "art-0  done   todo         Title 0",
        "art-1  todo   in_progress  Title 1",
        "art-2  todo   skipped      Title 2",
    ]
    accepted = annotator("accept", "art-1", "--annotator", "bob", "--db", db)  # an id taken from the list
    assert accepted.returncode == 0, accepted.stderr


def test_stats_articles_without_annotations_lists_ids_and_titles(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        store.add_articles(
            [(ArticleIn(id="a1", text="Ann met Bob.", title="Line\x1bone"), word_tokens("Ann met Bob."), [])]
        )
    result = annotator("stats", "--articles", "--db", db)
    assert result.stdout == "id  title\na1  Line\u241bone\n"  # stored text shown literally

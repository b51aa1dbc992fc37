"""`*`: the same label on every other place with exactly a span's words, as one action; places where it would
overlap a span of its layer are left and counted, in words that agree with the count (a newcomer's trial read "1
other place left as they are")."""

from __future__ import annotations

from pathlib import Path

from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store

TEXT = "Paris met Paris Club in Paris and Paris Club again."


def test_the_places_left_are_counted_in_words_that_agree(tmp_path: Path) -> None:
    with Store.open(tmp_path / "x.db") as store:
        [article] = store.add_articles([(ArticleIn(text=TEXT, title="T"), word_tokens(TEXT), [])])[0]
        club = TEXT.index("Paris Club")
        store.add_span(article, "alice", club, club + len("Paris Club"), "ACTOR")
        first = store.add_span(article, "alice", 0, 5, "LOCATION").spans[0]
        edit = store.add_elsewhere(article, "alice", first.id)
        assert edit.message == (
            "LOCATION 'Paris' added at 2 more places; 1 other place left as it is (it overlaps a span)"
        )
        store.undo(article, "alice")
        second = TEXT.index("Paris Club", club + 1)
        store.add_span(article, "alice", second, second + len("Paris Club"), "ACTOR")
        edit = store.add_elsewhere(article, "alice", first.id)
        assert edit.message == (
            "LOCATION 'Paris' added at 1 more place; 2 other places left as they are (they overlap a span)"
        )

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


GAZA = "Gaza was hit. The Gaza Strip is small. Gaza wept."


def test_a_pending_suggestion_there_is_accepted_and_a_longer_one_is_left_to_decide(tmp_path: Path) -> None:
    """A newcomer's trial: `*` on "Gaza" rejected four suggested "Gaza Strip"s as replaced and put "Gaza" inside
    them, and added "Gaza" over three pending "Gaza" suggestions without deciding them (the screen then stopped
    counting them as pending)."""
    from annotator.models import Suggestion
    from annotator.store.verify import replay_problems

    strip, last = GAZA.index("Gaza Strip"), GAZA.rindex("Gaza")
    suggested = [
        Suggestion(start=strip, end=strip + 10, label="LOCATION", text="Gaza Strip", suggester="t.v1"),
        Suggestion(start=last, end=last + 4, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    with Store.open(tmp_path / "g.db") as store:
        [article] = store.add_articles([(ArticleIn(text=GAZA, title="T"), word_tokens(GAZA), suggested)])[0]
        first = store.add_span(article, "alice", 0, 4, "LOCATION").spans[0]
        edit = store.add_elsewhere(article, "alice", first.id)
        assert edit.message == (
            "LOCATION 'Gaza' added at 1 more place (1 of them suggested, now accepted); 1 other place left as it is "
            "(it is part of a pending suggestion)"
        )
        ids = {s.text: s.id for s in store.suggestions(article)}
        assert store.decisions(article, "alice") == {ids["Gaza"]: "accepted"}
        assert [(s.start, s.text, s.suggestion_id) for s in store.spans(article, "alice")] == [
            (0, "Gaza", None),
            (last, "Gaza", ids["Gaza"]),
        ]
        assert [s.text for s in store.pending(article, "alice")] == ["Gaza Strip"]
        assert replay_problems(store) == []
        store.undo(article, "alice")
        assert store.decisions(article, "alice") == {}
        assert [s.text for s in store.spans(article, "alice")] == ["Gaza"]
        assert replay_problems(store) == []

"""Undo and redo through a Store a screen opened (`Store.as_screen`, as `annotator annotate` does): the last change
of an article made since by another window or a command is not this screen's to take back, and the refusal says
whose it was (two windows on one article: `u` in one had undone the other's accept, silently). Real SQLite files,
the real console script."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.errors import Conflict
from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.store.screen_events import ElsewhereSince
from annotator.suggest.tokens import tokenize

TEXT = "Washington sent aid to Gaza."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "n.db"
    suggestions = [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1"),
        Suggestion(start=23, end=27, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id="n", text=TEXT), tokenize([TEXT])[0], suggestions)])
    return path


def test_a_screens_undo_refuses_the_accept_another_window_made_since(db: Path) -> None:
    with Store.open(db).as_screen() as screen, Store.open(db).as_screen() as other:
        other.accept_suggestion("n", "alice", 1)
        with pytest.raises(ElsewhereSince) as refused:
            screen.undo("n", "alice")
        assert [s.text for s in screen.spans("n", "alice")] == ["Washington"]
        assert [e.action for e in screen.events("n", "alice")] == ["accept"]
    assert str(refused.value) == (
        "the last change here, accept of ACTOR 'Washington' at 0:10, was made in another window since this one "
        "opened: u takes back only its own"
    )


def test_a_screens_undo_names_the_command_that_made_the_change(db: Path) -> None:
    with Store.open(db).as_screen() as screen:
        done = annotator("accept", "--db", str(db), "--annotator", "alice")
        assert done.returncode == 0, done.stderr
        with pytest.raises(ElsewhereSince) as refused:
            screen.undo("n", "alice")
        assert [s.text for s in screen.spans("n", "alice")] == ["Washington", "Gaza"]
    assert str(refused.value) == (
        "the last change here, accept all of ACTOR 'Washington' at 0:10 and 1 other span, was made by `annotator "
        "accept` since this window opened: quit and open it again to undo it"
    )


def test_a_store_no_screen_opened_undoes_as_before(db: Path) -> None:
    with Store.open(db) as first, Store.open(db) as second:
        first.accept_suggestion("n", "alice", 1)
        undone = second.undo("n", "alice")
    assert undone.message == "undid accept of ACTOR 'Washington' at 0:10"


def test_u_right_after_a_done_mark_goes_back_whatever_another_window_changed_elsewhere(db: Path) -> None:
    """Trial 10: window 0 marked "n" done and opened "m"; window 1 reopened a third article; `u` in window 0 undid on
    "m" (refused there, as window 1's), not the done mark it made."""
    with Store.open(db) as store:
        store.add_articles([
            (ArticleIn(id=name, text=text), tokenize([text])[0], [])
            for name, text in (("m", "Paris hosted the talks."), ("k", "Rome said no."))
        ])  # fmt: skip
        store.set_status("k", "alice", "done")
    with Store.open(db).as_screen() as screen, Store.open(db).as_screen() as other:
        screen.set_status("n", "alice", "done")
        other.set_status("k", "alice", "in_progress")
        back = screen.undo_goes_back("m", "alice", "n")
    assert back == "n"


def test_a_screens_edit_refused_after_a_command_names_the_command(db: Path) -> None:
    with Store.open(db).as_screen() as screen:
        screen.view("n", "alice")
        done = annotator("accept", "--db", str(db), "--annotator", "alice")
        assert done.returncode == 0, done.stderr
        with pytest.raises(Conflict) as refused:
            screen.set_status("n", "alice", "done")
    assert (str(refused.value), refused.value.cause) == (
        "alice's annotation of this article was changed by `annotator accept` since it was shown here, so nothing "
        "was written",
        "the annotation was changed by `annotator accept`",
    )


def test_a_refused_undo_names_a_speaker_change_as_it_was_made(tmp_path: Path) -> None:
    """Trial 10: "the last change ..., speaker: QUOTE '...' has its speaker 'this organization' again; ACTOR ...
    back, was made in another window" named the change in the words of its undo."""
    text = 'Smith said "We stay" today.'
    path = tmp_path / "q.db"
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id="q", text=text), tokenize([text])[0], [])])
        quote = store.add_span("q", "alice", 12, 19, "QUOTE").spans[0].id
    with Store.open(path).as_screen() as screen, Store.open(path).as_screen() as other:
        other.set_speaker("q", "alice", quote, None, offsets=(0, 5))
        with pytest.raises(ElsewhereSince) as refused:
            screen.undo("q", "alice")
    assert str(refused.value) == (
        "the last change here, speaker: QUOTE 'We stay' at 12:19 given the speaker 'Smith'; ACTOR 'Smith' at 0:5 "
        "added, was made in another window since this one opened: u takes back only its own"
    )


def test_a_refused_undo_names_a_replaced_suggestion_as_the_change_made_it(tmp_path: Path) -> None:
    """A re-trial: "remove of ACTOR 'Baker' at 35:40; ACTOR 'Tom Baker' at 31:40 is rejected again, was made in
    another window": undo words ("again") for a change named as the other window made it."""
    text = "The Harbour master said no."
    harbour = Suggestion(start=4, end=11, label="LOCATION", text="Harbour", suggester="t.v1")
    path = tmp_path / "h.db"
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id="n", text=text), tokenize([text])[0], [harbour])])
    with Store.open(path).as_screen() as screen, Store.open(path).as_screen() as other:
        other.add_span("n", "alice", 4, 18, "ACTOR")  # replaces LOCATION 'Harbour', rejected
        with pytest.raises(ElsewhereSince) as refused:
            screen.undo("n", "alice")
    assert str(refused.value) == (
        "the last change here, add of ACTOR 'Harbour master' at 4:18, rejecting LOCATION 'Harbour' at 4:11, was made "
        "in another window since this one opened: u takes back only its own"
    )


def test_a_refused_undo_of_a_long_quote_clips_its_words(tmp_path: Path) -> None:
    """A re-trial: the refused line for a quote accepted with its speaker took 4 rows at 80 columns; the quote's
    words are clipped there (the article shows them)."""
    text = 'Ruiz said "the talks have stalled again over the port fees and the rail line" today.'
    start = text.index("the talks")
    end = text.index('" today')
    quote = Suggestion(start=start, end=end, label="QUOTE", text=text[start:end], speaker={"start": 0, "end": 4},
                       suggester="quotes.v3")  # fmt: skip
    ruiz = Suggestion(start=0, end=4, label="ACTOR", text="Ruiz", suggester="t.v1")
    path = tmp_path / "q.db"
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id="n", text=text), tokenize([text])[0], [ruiz, quote])])
        quote_id = next(s.id for s in store.suggestions("n") if s.label == "QUOTE")
    with Store.open(path).as_screen() as screen, Store.open(path).as_screen() as other:
        other.accept_suggestion("n", "alice", quote_id)
        with pytest.raises(ElsewhereSince) as refused:
            screen.undo("n", "alice")
    assert str(refused.value) == (
        "the last change here, accept of QUOTE 'the talks have … rail line' at 11:76 and its speaker ACTOR 'Ruiz' at "
        "0:4, was made in another window since this one opened: u takes back only its own"
    )


def test_undo_goes_back_past_another_windows_change_on_the_opened_article(tmp_path: Path) -> None:
    """A re-trial: `d` on one article, another window's accept on the article `d` opened: u goes back all the same."""
    path = tmp_path / "two.db"
    washington = Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1")
    with Store.open(path) as store:
        store.add_articles([
            (ArticleIn(id="port", text="Port talks stall."), tokenize(["Port talks stall."])[0], []),
            (ArticleIn(id="rail", text=TEXT), tokenize([TEXT])[0], [washington]),
        ])  # fmt: skip
    with Store.open(path).as_screen() as screen, Store.open(path).as_screen() as other:
        screen.set_status("port", "alice", "done")
        other.accept_suggestion("rail", "alice", 1)
        back = screen.undo_goes_back("rail", "alice", "port")
    assert back == "port"


def test_a_screens_undo_names_the_rename_that_moved_the_work(db: Path) -> None:
    """Re-trial s54 t8 R2: a screen open as the new name before a rename: `u` said the rename's event was made by
    `annotator merge` (the action its events share with merge)."""
    with Store.open(db) as store:
        store.accept_suggestion("n", "alice", 1)
    with Store.open(db).as_screen() as screen:
        done = annotator("rename-annotator", "alice", "bea", "--db", str(db))
        assert done.returncode == 0, done.stderr
        with pytest.raises(ElsewhereSince) as refused:
            screen.undo("n", "bea")
        assert [s.text for s in screen.spans("n", "bea")] == ["Washington"]
    assert str(refused.value).split(", was made ")[1] == (
        "by `annotator rename-annotator` since this window opened: quit and open it again to undo it"
    )

"""Newcomer trial 31, one rule for what is pending (`store.current.is_pending`), asked by the store, the list, the
screen's model and `accept` alike: (1) after `annotator suggest --model`, an article marked done showed "done … 1
pending": nothing is pending on a done article until it is reopened; (2) "SEAL union" was offered inside the
accepted ACTOR "the SEAL union": an entity suggestion over an entity span is covered (a QUOTE over ACTORs is not);
(3) removing a span that hid a current suggestion said nothing of it being pending again. Real Store, real
SQLite, the real console script."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store, listing
from annotator.tui.model import ArticleModel

TEXT = 'Members of the SEAL union told reporters: "We will strike." The SEAL union met in Cape Town.'
OLD = [Suggestion(**find(TEXT, "the SEAL union", "ACTOR"), suggester="entities.v9")]
NEW = [
    Suggestion(**find(TEXT, "SEAL union", "ACTOR"), suggester="entities.v9@0123456789ab"),
    Suggestion(**find(TEXT, "reporters", "ACTOR"), suggester="entities.v9@0123456789ab"),
    Suggestion(**find(TEXT, "Cape Town", "LOCATION"), suggester="entities.v9@0123456789ab"),
]
QUOTE = Suggestion(**find(TEXT, '"We will strike."', "QUOTE"), suggester="quotes.v3")


def _db(tmp_path: Path, *, done: bool) -> Path:
    """alice accepted "the SEAL union" and marked "reporters" herself (maybe done), then a new model suggested."""
    path = tmp_path / "work.db"
    with Store.open(path, create=True) as store:
        store.add_articles([(ArticleIn(id="a", text=TEXT), word_tokens(TEXT), [*OLD, QUOTE])])
        (old,) = [s for s in store.suggestions("a") if s.text == "the SEAL union"]
        store.accept_suggestion("a", "alice", old.id)
        reporters = find(TEXT, "reporters", "ACTOR")
        store.add_span("a", "alice", reporters["start"], reporters["end"], "ACTOR")
        if done:
            store.set_status("a", "alice", "done")
        store.replace_suggestions("a", word_tokens(TEXT), [*NEW, QUOTE])
    return path


def _pending(store: Store) -> list[str]:
    return sorted(f"{s.label.value} {s.text}" for s in store.pending("a", "alice"))


def test_a_new_models_suggestions_are_not_pending_on_a_done_article(tmp_path: Path) -> None:
    path = _db(tmp_path, done=True)
    with Store.open(path) as store:
        assert _pending(store) == []
        (row,) = listing.rows(store, "alice", [listing.rowid_of(store, "a")]).values()
        assert (row.status.value, row.pending) == ("done", 0)
        model = ArticleModel(store.view("a", "alice"))
        assert model.pending_count == 0
        model.apply(store.set_status("a", "alice", "in_progress"))  # reopened: asked again
        assert _pending(store) == ["LOCATION Cape Town", 'QUOTE "We will strike."']
        assert model.pending_count == 2
    result = annotator("accept", "--annotator", "alice", "--db", path)  # reopened: not put aside
    assert result.stdout.splitlines()[0] == f"alice: 2 suggestion(s) accepted in 1 article(s) -> {path}"


def test_accept_on_a_named_done_article_accepts_there_and_keeps_it_done(tmp_path: Path) -> None:
    path = _db(tmp_path, done=True)
    result = annotator("accept", "a", "--annotator", "alice", "--db", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"alice: 2 suggestion(s) accepted in 1 article(s) -> {path}"
    with Store.open(path) as store:
        assert store.status("a", "alice").value == "done"
        assert sorted(s.text for s in store.spans("a", "alice")) == [
            "Cape Town",
            "We will strike.",  # a quote span holds the words within the marks
            "reporters",
            "the SEAL union",
        ]


def test_an_entity_suggestion_inside_an_entity_span_is_covered_not_pending(tmp_path: Path) -> None:
    path = _db(tmp_path, done=False)
    with Store.open(path) as store:
        assert _pending(store) == ["LOCATION Cape Town", 'QUOTE "We will strike."']
        assert ArticleModel(store.view("a", "alice")).pending_count == 2
        (row,) = listing.rows(store, "alice", [listing.rowid_of(store, "a")]).values()
        assert row.pending == 2


def test_removing_the_span_says_what_is_pending_again_and_the_screen_shows_it(tmp_path: Path) -> None:
    path = _db(tmp_path, done=False)
    with Store.open(path) as store:
        model = ArticleModel(store.view("a", "alice"))
        spans = {s.text: s for s in store.spans("a", "alice")}
        edit = store.remove_span("a", "alice", spans["reporters"].id)
        assert edit.message == "removed ACTOR 'reporters' at 31:40; ACTOR 'reporters' at 31:40 is pending again"
        model.apply(edit)
        edit = store.remove_span("a", "alice", spans["the SEAL union"].id)
        assert edit.message == "removed ACTOR 'the SEAL union' at 11:25; ACTOR 'SEAL union' at 15:25 is pending again"
        model.apply(edit)
        assert _pending(store) == [
            "ACTOR SEAL union",
            "ACTOR reporters",
            "LOCATION Cape Town",
            'QUOTE "We will strike."',
        ]
        assert model.pending_count == 4
        undone = store.undo("a", "alice")  # the removal taken back: the same words as the removal's
        assert undone.message.endswith("ACTOR 'the SEAL union' at 11:25")
        assert _pending(store) == ["ACTOR reporters", "LOCATION Cape Town", 'QUOTE "We will strike."']


def test_marking_done_on_the_screen_keeps_its_count_for_the_message_and_a_reload_asks_nothing(tmp_path: Path) -> None:
    """The screen says "done, 2 left undecided" from the model after the status edit (its `left_undecided`, as the
    model follows the status both ways since 39d4677: none pending on a done article); loaded again, the same."""
    path = _db(tmp_path, done=False)
    with Store.open(path) as store:
        model = ArticleModel(store.view("a", "alice"))
        model.apply(store.set_status("a", "alice", "done"))
        assert (model.pending_count, model.left_undecided) == (0, 2)
        assert ArticleModel(store.view("a", "alice")).pending_count == 0
        assert _pending(store) == []

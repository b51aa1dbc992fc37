"""Newcomer trial 29: after `annotator suggest --model` (or any re-suggest), the older version's suggestions that
someone else had decided on were pending for everyone else beside the new ones: listed twice on the screen, and
the first key took the old, wrong one ("National Hurricane Center (NHC"); `accept` counted both. What an
annotator is offered is the model's current suggestions (per kind, the newest batch); an older one stays in
their view only if they decided on it themselves (so their undo and history keep it). Real Store, real SQLite,
the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator
from support import find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store, listing

TEXT = "The National Hurricane Center (NHC) said Humberto would pass Bermuda."
OLD = [
    Suggestion(**find(TEXT, "National Hurricane Center (NHC", "ACTOR"), suggester="entities.v9"),
    Suggestion(**find(TEXT, "Bermuda", "ACTOR"), suggester="entities.v9"),
]
NEW = [
    Suggestion(**find(TEXT, "National Hurricane Center", "ACTOR"), suggester="entities.v9@0123456789ab"),
    Suggestion(**find(TEXT, "NHC", "ACTOR"), suggester="entities.v9@0123456789ab"),
    Suggestion(**find(TEXT, "Bermuda", "LOCATION"), suggester="entities.v9@0123456789ab"),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An article whose old suggestions alice decided on (one accepted, one rejected), then re-suggested."""
    path = tmp_path / "work.db"
    with Store.open(path, create=True) as store:
        (article,), _ = store.add_articles([(ArticleIn(id="a", text=TEXT), word_tokens(TEXT), OLD)])
        old = {s.text: s.id for s in store.suggestions(article)}
        store.accept_suggestion(article, "alice", old["National Hurricane Center (NHC"])
        store.reject_suggestion(article, "alice", old["Bermuda"])
        store.replace_suggestions(article, word_tokens(TEXT), NEW)
    return path


def offered(suggestions: list) -> list[tuple[str, str, str]]:
    return sorted((s.text, s.label.value, s.suggester) for s in suggestions)


def shown(rows: list) -> list[tuple[str, str]]:
    return sorted((s.text, s.label.value) for s in rows)


CURRENT = [
    ("Bermuda", "LOCATION", "entities.v9@0123456789ab"),
    ("NHC", "ACTOR", "entities.v9@0123456789ab"),
    ("National Hurricane Center", "ACTOR", "entities.v9@0123456789ab"),
]


def test_another_annotator_is_offered_only_the_current_suggestions(db: Path) -> None:
    with Store.open(db) as store:
        assert offered(store.pending("a", "carol")) == CURRENT
        assert shown(store.view("a", "carol").suggestions) == [(text, label) for text, label, _ in CURRENT]


def test_the_annotator_who_decided_keeps_their_old_ones_in_view_but_not_pending(db: Path) -> None:
    with Store.open(db) as store:
        # her ACTOR "National Hurricane Center (NHC" covers the new ACTORs inside it (trial 31: one entity layer)
        assert offered(store.pending("a", "alice")) == [CURRENT[0]]
        rows = store.view("a", "alice")
        assert shown(rows.suggestions) == sorted(
            [
                *((text, label) for text, label, _ in CURRENT),
                ("Bermuda", "ACTOR"),
                ("National Hurricane Center (NHC", "ACTOR"),
            ]
        )


def test_accept_takes_each_current_suggestion_once(db: Path) -> None:
    result = annotator("accept", "--db", db, "--annotator", "carol", "--done", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"carol: 3 suggestion(s) accepted in 1 article(s), 1 marked done -> {db}"
    with Store.open(db) as store:
        assert sorted((s.text, s.label.value) for s in store.spans("a", "carol")) == [
            ("Bermuda", "LOCATION"),
            ("NHC", "ACTOR"),
            ("National Hurricane Center", "ACTOR"),
        ]
        assert store.pending("a", "carol") == []


def test_the_article_list_counts_only_the_current_suggestions(db: Path) -> None:
    with Store.open(db) as store:
        (row,) = listing.rows(store, "carol", [listing.rowid_of(store, "a")]).values()
    assert row.pending == 3


def test_a_span_replaces_only_the_suggestions_it_was_offered(db: Path) -> None:
    """carol marks "The National Hurricane Center": the new "National Hurricane Center" is rejected as replaced,
    not alice's old "National Hurricane Center (NHC", which carol was never offered."""
    the = find(TEXT, "The National Hurricane Center", "ACTOR")
    with Store.open(db) as store:
        store.add_span("a", "carol", the["start"], the["end"], "ACTOR")
        ids = {(s.text, s.suggester): s.id for s in store.suggestions("a")}
        assert store.decisions("a", "carol") == {
            ids[("National Hurricane Center", "entities.v9@0123456789ab")]: "rejected"
        }


def test_a_span_resized_onto_an_old_suggestion_is_not_taken_for_it(db: Path) -> None:
    """carol's "Bermuda." shortened to "Bermuda" as an ACTOR: alice's old ACTOR "Bermuda" is no offer of carol's,
    so the span is carol's own, not an acceptance of it."""
    with Store.open(db) as store:
        at = TEXT.index("pass Bermuda")
        edit = store.add_span("a", "carol", at, at + len("pass Bermuda"), "ACTOR")
        span = next(s for s in store.spans("a", "carol") if s.text == "pass Bermuda")
        store.resize_span("a", "carol", span.id, TEXT.index("Bermuda"), TEXT.index("Bermuda") + 7)
        (resized,) = [s for s in store.spans("a", "carol") if s.text == "Bermuda"]
        assert edit and resized.suggestion_id is None


def test_a_resuggest_of_the_same_version_keeps_every_suggestion_current(tmp_path: Path) -> None:
    """Attacker's trial 29: bob accepted the current suggestions, then `suggest --all` made the same batch again;
    those bob had decided on were kept with their old creation time, so the newest batch held only the others,
    and a newcomer was offered 26 of 108 suggestions. A kept row the new batch repeats is part of it."""
    path = tmp_path / "w.db"
    with Store.open(path, create=True) as store:
        (article,), _ = store.add_articles([(ArticleIn(id="a", text=TEXT), word_tokens(TEXT), NEW)])
        first = {s.text: s.id for s in store.suggestions(article)}
        store.accept_suggestion(article, "bob", first["National Hurricane Center"])
        store.replace_suggestions(article, word_tokens(TEXT), NEW)
        assert offered(store.current_suggestions(article)) == CURRENT
        assert offered(store.pending(article, "carol")) == CURRENT
        assert {s.text: s.id for s in store.current_suggestions(article)}["National Hurricane Center"] == first[
            "National Hurricane Center"
        ]


def test_the_article_list_counts_what_the_screen_calls_pending(tmp_path: Path) -> None:
    """Recheck of trial 29: for alice the list said 45 pending where the screen's header said 2: the new model's
    suggestion that repeats a span she accepted from the old one is not pending on the screen, so not in the
    list either."""
    old = [Suggestion(**find(TEXT, "Bermuda", "LOCATION"), suggester="entities.v9")]
    with Store.open(tmp_path / "w.db", create=True) as store:
        (article,), _ = store.add_articles([(ArticleIn(id="a", text=TEXT), word_tokens(TEXT), old)])
        store.accept_suggestion(article, "alice", store.suggestions(article)[0].id)
        store.replace_suggestions(article, word_tokens(TEXT), NEW)
        (row,) = listing.rows(store, "alice", [listing.rowid_of(store, "a")]).values()
        assert row.pending == len(store.pending("a", "alice")) == 2

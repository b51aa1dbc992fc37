"""The store: every edit is one transaction with its event; undo and redo come from the log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from support import SMALL_TEXT

from annotator.errors import Refused
from annotator.models import Label, Span, Status
from annotator.store import DatabaseError, Store, replay
from annotator.store.schema import SCHEMA_VERSION


def spans_of(store: Store, article_id: str, who: str = "alice") -> list[tuple[str, str, object]]:
    return [
        (s.label.value, s.text, (s.speaker.start, s.speaker.end) if s.speaker else None)
        for s in store.spans(article_id, who)
    ]


def pending_texts(store: Store, article_id: str, who: str = "alice") -> list[str]:
    return [s.text for s in store.pending(article_id, who)]


def suggestion_id(store: Store, article_id: str, text: str) -> int:
    return next(s.id for s in store.suggestions(article_id) if s.text == text)


def test_new_database_is_wal_with_schema_version(db_path: Path, store: Store) -> None:
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_tables_have_plain_names(store: Store) -> None:
    assert {"articles", "suggestions", "spans", "decisions", "annotations", "events"} <= set(store.db.table_names())
    assert "current_annotations" in store.db.view_names()


def test_accepting_a_suggestion_adds_a_span_and_decision(store: Store, small_article: str) -> None:
    edit = store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    assert spans_of(store, small_article) == [("LOCATION", "Gaza", None)]
    assert edit.status is Status.IN_PROGRESS
    assert "Gaza" not in pending_texts(store, small_article)


def test_accepting_a_quote_brings_its_speaker(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "talks failed"))
    assert spans_of(store, small_article) == [("ACTOR", "Washington", None), ("QUOTE", "talks failed", (0, 10))]
    assert pending_texts(store, small_article) == ["Gaza", "at least 35"]


def test_rejecting_a_suggestion_removes_it_from_pending(store: Store, small_article: str) -> None:
    store.reject_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    assert pending_texts(store, small_article) == ["Washington", "talks failed", "at least 35"]
    assert store.spans(small_article, "alice") == []


def test_decisions_are_per_annotator(store: Store, small_article: str) -> None:
    store.reject_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    assert "Gaza" in pending_texts(store, small_article, "bob")


def test_add_span_takes_text_from_the_article(store: Store, small_article: str) -> None:
    store.add_span(small_article, "alice", SMALL_TEXT.index("Gaza"), SMALL_TEXT.index("Gaza") + 4, "ACTOR")
    assert spans_of(store, small_article) == [("ACTOR", "Gaza", None)]


def test_add_span_off_token_boundaries_is_refused(store: Store, small_article: str) -> None:
    with pytest.raises(Refused, match=r"token boundaries"):
        store.add_span(small_article, "alice", 1, 10, "ACTOR")
    assert store.events(small_article) == []


def test_overlapping_entity_span_is_refused_with_a_reason(store: Store, small_article: str) -> None:
    start = SMALL_TEXT.index("at least 35")
    store.add_span(small_article, "alice", start, start + 8, "FIGURE")  # rejects "at least 35" as replaced
    with pytest.raises(Refused, match=r"overlap FIGURE 'at least'"):
        store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "at least 35"), retake=True)


def test_a_quote_may_contain_entities(store: Store, small_article: str) -> None:
    start = SMALL_TEXT.index("talks")
    store.add_span(small_article, "alice", start, start + 5, "ACTOR")
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "talks failed"))
    assert [label for label, _, _ in spans_of(store, small_article)] == ["ACTOR", "ACTOR", "QUOTE"]


def test_relabel_changes_the_label(store: Store, small_article: str) -> None:
    edit = store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.relabel_span(small_article, "alice", edit.spans[0].id, Label.ACTOR)
    assert spans_of(store, small_article) == [("ACTOR", "Gaza", None)]


def test_relabelling_a_speaker_unlinks_its_quotes(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "talks failed"))
    actor = store.spans(small_article, "alice")[0]
    store.relabel_span(small_article, "alice", actor.id, "LOCATION")
    assert spans_of(store, small_article) == [("LOCATION", "Washington", None), ("QUOTE", "talks failed", None)]


def test_resize_moves_a_boundary_and_the_text(store: Store, small_article: str) -> None:
    edit = store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "at least 35"))
    span = edit.spans[0]
    store.resize_span(small_article, "alice", span.id, span.start + len("at "), span.end)
    assert spans_of(store, small_article) == [("FIGURE", "least 35", None)]


def test_resizing_a_speaker_moves_the_quote_link(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "talks failed"))
    actor = store.spans(small_article, "alice")[0]
    store.resize_span(small_article, "alice", actor.id, 0, len("Washington said"))
    assert spans_of(store, small_article)[1] == ("QUOTE", "talks failed", (0, 15))


def test_removing_an_accepted_suggestion_counts_as_rejected(store: Store, small_article: str) -> None:
    gaza = suggestion_id(store, small_article, "Gaza")
    edit = store.accept_suggestion(small_article, "alice", gaza)
    store.remove_span(small_article, "alice", edit.spans[0].id)
    assert store.spans(small_article, "alice") == []
    assert "Gaza" not in pending_texts(store, small_article)
    assert store.db.execute("SELECT decision FROM decisions WHERE suggestion_id = ?", [gaza]).fetchone() == (
        "rejected",
    )


def test_set_speaker_links_and_clears(store: Store, small_article: str) -> None:
    start = SMALL_TEXT.index("Gaza")
    actor = store.add_span(small_article, "alice", start, start + 4, "ACTOR").spans[0]
    quote_start = SMALL_TEXT.index("talks")
    quote = store.add_span(small_article, "alice", quote_start, quote_start + 12, "QUOTE").spans[0]
    # the quote's words are a pending suggestion's: accepted as enter accepts it, with its speaker (Washington)
    assert spans_of(store, small_article)[:2] == [("ACTOR", "Washington", None), ("QUOTE", "talks failed", (0, 10))]
    store.set_speaker(small_article, "alice", quote.id, actor.id)
    assert spans_of(store, small_article)[1] == ("QUOTE", "talks failed", (start, start + 4))
    cleared = store.set_speaker(small_article, "alice", quote.id, None)
    assert spans_of(store, small_article)[1] == ("QUOTE", "talks failed", None)
    assert cleared.message == "speaker of QUOTE 'talks failed' at 17:29 cleared"  # which quote (a newcomer's trial)


def test_speaker_must_be_an_actor(store: Store, small_article: str) -> None:
    location = store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza")).spans[0]
    quote_start = SMALL_TEXT.index("talks")
    quote = store.add_span(small_article, "alice", quote_start, quote_start + 12, "QUOTE").spans[0]
    with pytest.raises(Refused, match=r"must be an ACTOR"):
        store.set_speaker(small_article, "alice", quote.id, location.id)


def test_accept_all_accepts_every_pending_suggestion_once(store: Store, small_article: str) -> None:
    edit = store.accept_all(small_article, "alice")
    assert edit.message == "accepted 4 suggestions"
    assert [text for _, text, _ in spans_of(store, small_article)] == [
        "Washington",
        "talks failed",
        "Gaza",
        "at least 35",
    ]
    assert pending_texts(store, small_article) == []


def test_accept_all_leaves_suggestions_a_span_covers_unasked(store: Store, small_article: str) -> None:
    start = SMALL_TEXT.index("35")
    # an import (not an add, which would decide the suggestion it covers) leaves an overlapping span, which covers
    # the entity suggestion (trial 31, `store.current.is_pending`): not pending, not accepted, not rejected
    store.replace_annotation(
        small_article, "alice", [Span(start=start, end=start + 2, label="FIGURE", text="35")], "todo"
    )
    assert "at least 35" not in pending_texts(store, small_article)
    edit = store.accept_all(small_article, "alice")
    assert edit.message == "accepted 3 suggestions"
    assert pending_texts(store, small_article) == []


def test_set_status(store: Store, small_article: str) -> None:
    store.set_status(small_article, "alice", Status.DONE)
    assert store.status(small_article, "alice") is Status.DONE
    assert store.summaries("alice")[0].status is Status.DONE


def test_every_edit_writes_one_event(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.set_status(small_article, "alice", "done")
    assert [e.action for e in store.events(small_article, "alice")] == ["accept", "status"]


def test_the_event_log_is_append_only(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    with pytest.raises(sqlite3.IntegrityError, match=r"append-only"):
        store.db.execute("DELETE FROM events")


def test_undo_reverts_the_last_edit(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "at least 35"))
    store.undo(small_article, "alice")
    assert spans_of(store, small_article) == [("LOCATION", "Gaza", None)]
    assert pending_texts(store, small_article) == ["Washington", "talks failed", "at least 35"]


def test_undo_of_the_first_edit_restores_todo(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.undo(small_article, "alice")
    assert store.status(small_article, "alice") is Status.TODO


def test_redo_reapplies_an_undone_edit(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "talks failed"))
    store.undo(small_article, "alice")
    store.redo(small_article, "alice")
    assert spans_of(store, small_article) == [("ACTOR", "Washington", None), ("QUOTE", "talks failed", (0, 10))]


def test_a_new_edit_clears_redo(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.undo(small_article, "alice")
    store.reject_suggestion(small_article, "alice", suggestion_id(store, small_article, "Washington"))
    with pytest.raises(Refused, match=r"nothing to redo"):
        store.redo(small_article, "alice")


def test_undo_and_redo_of_a_status_say_the_change_they_made(store: Store, small_article: str) -> None:
    """Found by a newcomer: undoing a done mark said "undid status (todo -> done)", the change undone read as the
    one made. Each message says the change it makes now."""
    store.set_status(small_article, "alice", "in_progress")
    store.set_status(small_article, "alice", "done")
    assert store.undo(small_article, "alice").message == "undid: status done -> in progress"
    assert store.undo(small_article, "alice").message == "undid: status in progress -> to do"
    assert store.redo(small_article, "alice").message == "redid: status to do -> in progress"
    assert store.redo(small_article, "alice").message == "redid: status in progress -> done"
    assert store.status(small_article, "alice") is Status.DONE


def test_nothing_to_undo_is_refused(store: Store, small_article: str) -> None:
    with pytest.raises(Refused, match=r"nothing to undo"):
        store.undo(small_article, "alice")


def test_undo_and_redo_survive_reopening(db_path: Path, store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "at least 35"))
    store.undo(small_article, "alice")
    store.close()
    with Store.open(db_path) as reopened:
        reopened.redo(small_article, "alice")
        reopened.undo(small_article, "alice")
        reopened.undo(small_article, "alice")
        assert reopened.spans(small_article, "alice") == []
        reopened.redo(small_article, "alice")
        assert spans_of(reopened, small_article) == [("LOCATION", "Gaza", None)]


def test_undo_is_per_annotator(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.accept_suggestion(small_article, "bob", suggestion_id(store, small_article, "Gaza"))
    store.undo(small_article, "bob")
    assert spans_of(store, small_article, "alice") == [("LOCATION", "Gaza", None)]
    assert store.spans(small_article, "bob") == []


def test_undo_of_accept_all_reverts_it_whole(store: Store, small_article: str) -> None:
    store.accept_all(small_article, "alice")
    store.undo(small_article, "alice")
    assert store.spans(small_article, "alice") == []
    assert len(pending_texts(store, small_article)) == 4


def test_cursor_and_last_article_are_remembered(db_path: Path, store: Store, small_article: str) -> None:
    store.save_cursor(small_article, "alice", 17)
    store.close()
    with Store.open(db_path) as reopened:
        assert reopened.last_opened("alice") == small_article
        assert reopened.view(small_article, "alice").cursor == 17


def test_a_database_from_a_newer_release_is_refused(db_path: Path) -> None:
    Store.open(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    with pytest.raises(DatabaseError, match=r"newer release"):
        Store.open(db_path)


def test_a_file_that_is_not_a_database_is_refused(db_path: Path) -> None:
    db_path.write_text("hello, I am a text file\n" * 100)
    with pytest.raises(
        DatabaseError, match=r"not a SQLite database \(another kind of file, or its header is damaged\)"
    ):
        Store.open(db_path)
    assert db_path.read_text().startswith("hello")


def test_another_applications_database_is_refused(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    with pytest.raises(DatabaseError, match=r"not an annotator database"):
        Store.open(db_path)


def test_replaying_the_events_rebuilds_the_current_state(store: Store, small_article: str) -> None:
    store.accept_all(small_article, "alice")
    quote = next(s for s in store.spans(small_article, "alice") if s.label is Label.QUOTE)
    actor = next(s for s in store.spans(small_article, "alice") if s.text == "Washington")
    store.resize_span(small_article, "alice", actor.id, 0, len("Washington said"))
    store.relabel_span(small_article, "alice", quote.id, "FIGURE")
    store.undo(small_article, "alice")
    store.remove_span(small_article, "alice", actor.id)
    store.undo(small_article, "alice")
    store.redo(small_article, "alice")
    store.set_status(small_article, "alice", "done")
    spans, decisions, status = replay(store.events(small_article, "alice"))
    current = {s.id: (s.start, s.end, s.label.value, s.speaker) for s in store.spans(small_article, "alice")}
    assert {i: (r["start"], r["end"], r["label"], r["speaker_start"]) for i, r in spans.items()} == {
        i: (start, end, label, speaker.start if speaker else None)
        for i, (start, end, label, speaker) in current.items()
    }
    stored = dict(
        store.db.execute("SELECT suggestion_id, decision FROM decisions WHERE annotator = 'alice'").fetchall()
    )
    assert decisions == stored
    assert status == "done"


def test_spans_over_text_with_a_control_character_and_emoji_use_python_offsets(store: Store) -> None:
    from support import word_tokens

    from annotator.models import ArticleIn

    text = "ab\x07 😀 Gaza said."
    [article_id], _ = store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])
    start = text.index("Gaza")
    store.add_span(article_id, "alice", start, start + 4, "ACTOR")
    assert spans_of(store, article_id) == [("ACTOR", "Gaza", None)]


def test_schema_version_counts_the_migrations() -> None:
    from annotator.store.schema import SCHEMA_VERSION, migrations

    assert len(migrations()._migrations) == SCHEMA_VERSION


def test_opening_a_current_database_does_not_import_sqlite_utils(db_path: Path, store: Store) -> None:
    import subprocess
    import sys

    store.close()
    code = f"import sys; from annotator.store import Store; Store.open({str(db_path)!r}); print('sqlite_utils' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "False\n"


def test_view_shows_spans_every_suggestion_and_the_decisions(store: Store, small_article: str) -> None:
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "talks failed"))
    store.reject_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    store.save_cursor(small_article, "alice", 17)
    view = store.view(small_article, "alice")
    assert (view.title, view.text, view.status, view.cursor) == ("Small", SMALL_TEXT, Status.IN_PROGRESS, 17)
    assert [(s.label, s.text, s.speaker) for s in view.spans] == [
        (Label.ACTOR, "Washington", None),
        (Label.QUOTE, "talks failed", (0, 10)),
    ]
    assert [s.text for s in view.suggestions] == ["Washington", "talks failed", "Gaza", "at least 35"]
    decided = {s.text for s in view.suggestions if s.id in view.decided}
    assert decided == {"Washington", "talks failed", "Gaza"}  # the quote's speaker was accepted with it
    assert [(t.start, t.end) for t in view.tokens][:3] == [(0, 10), (11, 15), (16, 17)]


def test_view_of_an_unknown_article_is_not_found(store: Store) -> None:
    from annotator.errors import NotFound

    with pytest.raises(NotFound, match="no article with id 'nope'"):
        store.view("nope", "alice")


def test_opening_an_article_does_not_make_an_annotator(store: Store, small_article: str) -> None:
    store.view(small_article, "visitor")
    store.save_cursor(small_article, "visitor", 5)
    store.accept_suggestion(small_article, "alice", suggestion_id(store, small_article, "Gaza"))
    assert store.annotators() == ["alice"]


def test_spans_imported_as_to_do_make_an_annotator(store: Store, small_article: str) -> None:
    from annotator.models import Span

    with store.write():
        store.replace_annotation(
            small_article, "imported", [Span(start=0, end=10, label="ACTOR", text="Washington")], "todo"
        )
    assert store.annotators() == ["imported"]

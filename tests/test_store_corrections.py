"""Store operations added for the TUI: accepting a corrected suggestion, and reading decisions."""

from __future__ import annotations

import pytest

from annotator.errors import Refused
from annotator.store import Store


def test_accept_corrected_changes_label_and_boundaries_as_one_event(store: Store, small_article: str):
    gaza = next(s for s in store.pending(small_article, "alice") if s.text == "Gaza")
    edit = store.accept_corrected(small_article, "alice", gaza.id, label="ACTOR", start=gaza.start - 3)
    assert [(s.label.value, s.text, s.suggestion_id) for s in edit.spans] == [("ACTOR", "in Gaza", gaza.id)]
    assert store.decisions(small_article, "alice") == {gaza.id: "accepted"}
    assert [e.action for e in store.events(small_article, "alice")] == ["accept"]
    store.undo(small_article, "alice")
    assert store.spans(small_article, "alice") == []
    assert store.decisions(small_article, "alice") == {}


def test_accept_corrected_refuses_off_token_boundaries(store: Store, small_article: str):
    gaza = next(s for s in store.pending(small_article, "alice") if s.text == "Gaza")
    with pytest.raises(Refused, match="token boundaries"):
        store.accept_corrected(small_article, "alice", gaza.id, end=gaza.end - 1)
    assert store.events(small_article, "alice") == []

"""A pick takes an annotator's version as the review read it, or nothing: the write itself checks the disagreement's
versions are still the annotators' (a merge or their own edit in another window could land after the screen's own
check, `review_shown.versions_checked`, and the pick stored what they no longer have as the version the reviewer
saw). The real store on a real SQLite file, the change made through a second connection to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_db import make_review_db

from annotator.errors import Conflict
from annotator.gold import open_for_review, pick_version, review_state
from annotator.store import Store
from annotator.vocabulary import GOLD

WHO = ["alice", "bob"]


def gold(store: Store, article_id: str) -> list[tuple[str, str]]:
    return [(s.label.value, s.text) for s in store.spans(article_id, GOLD)]


def remove(path: Path, article_id: str, who: str, text: str) -> None:
    """`who` removes their span `text` in another window: another connection to the file."""
    with Store.open(path) as elsewhere:
        [span] = [s for s in elsewhere.spans(article_id, who) if s.text == text]
        elsewhere.remove_span(article_id, who, span.id)


@pytest.mark.parametrize("picked", ["bob", "alice"])
def test_a_version_changed_after_the_disagreement_was_read_is_not_picked(tmp_path: Path, picked: str) -> None:
    """bob's "20" of "20 rockets" (alice's) read, then removed elsewhere: neither version is picked over it."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        rockets = review_state(store, article_id, WHO).disagreements[1]
        assert {name: [s.text for s in spans] for name, spans in rockets.versions.items()} == {
            "alice": ["20 rockets"], "bob": ["20"]
        }  # fmt: skip
        events = len(store.events(article_id, GOLD))
        remove(path, article_id, "bob", "20")
        with pytest.raises(Conflict) as refused:
            pick_version(store, article_id, rockets, picked, "carol")
        assert str(refused.value) == (
            "bob's annotation was changed in another window since it was shown here, so nothing was written"
        )
        assert refused.value.cause == "bob's annotation was changed in another window"
        assert len(store.events(article_id, GOLD)) == events
        assert gold(store, article_id) == [("ACTOR", "Israel"), ("LOCATION", "Sderot")]
        assert review_state(store, article_id, WHO).settled_by == [None, None, None, None]


def test_a_pick_goes_in_when_only_another_place_changed(tmp_path: Path) -> None:
    """alice removed her Hamas elsewhere after the review read "20 rockets": bob's "20" there is as read, and goes
    into gold."""
    path = tmp_path / "review.db"
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        rockets = review_state(store, article_id, WHO).disagreements[1]
        remove(path, article_id, "alice", "Hamas")
        edit = pick_version(store, article_id, rockets, "bob", "carol")
        assert edit is not None
        assert edit.message == "FIGURE '20' at 24:26"
        assert gold(store, article_id) == [("ACTOR", "Israel"), ("FIGURE", "20"), ("LOCATION", "Sderot")]
        assert [e.action for e in store.events(article_id, GOLD)] == ["adjudicate", "adjudicate"]

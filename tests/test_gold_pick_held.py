"""A pick of the version gold holds already, the disagreement being settled, writes nothing and says who settled it
(a team lead's trial: it was stored as a new event, "1 span replaced"); picked over an open disagreement, even a
version that changes no span ("nothing" where gold has nothing) is recorded, as that settles it. A real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import Unchanged
from annotator.gold import pick_version, review_state
from annotator.store import Store
from annotator.vocabulary import GOLD
from tests.tui.test_review_panel_hints import WHO, eleven_disagreements


def test_a_pick_again_writes_nothing(tmp_path: Path) -> None:
    with Store.open(eleven_disagreements(tmp_path / "eleven.db")) as store:
        [article] = store.article_ids()
        anna, ben = review_state(store, article, WHO).disagreements[:2]
        assert pick_version(store, article, anna, "bob", "lead") is not None  # nothing where gold has nothing
        with pytest.raises(Unchanged, match=r"^bob's version is gold's already \(picked by lead\): nothing was "):
            pick_version(store, article, anna, "bob", "lead2")
        store.add_span(article, GOLD, ben.start, ben.end, "ACTOR")  # by hand (no reviewer named: a command's)
        with pytest.raises(Unchanged, match=r"^alice's version is gold's already \(edited by hand by a command\)"):
            pick_version(store, article, ben, "alice", "lead")
        assert [e.action for e in store.events(article, GOLD)] == ["adjudicate", "add"]
        assert review_state(store, article, WHO).settled_by[:2] == ["bob", "reviewer"]

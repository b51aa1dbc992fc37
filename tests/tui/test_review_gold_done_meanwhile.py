"""Two reviewers on one article (a newcomer's re-trial, N7): every disagreement settled, lead marks gold done and
moves on; lead2's pick a moment later went into gold "after reloading: the annotation was changed in another
window", changing gold another reviewer had just marked done, while the same race over a pick is refused. A key
aimed at gold as it was before another reviewer marked it done is not applied, whether the screen showed the mark
first (its tick) or the store refused the key's write; pressed again, it changes done gold, as a reviewer may on
purpose. Pilot on two real review apps at once on one real SQLite file; gold's events read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.vocabulary import GOLD
from tests.tui.two_reviewers import status, two_reviewers

WHO = ["alice", "bob"]
TWO = "In Oslo Anna and Ben met."
REFUSED = "Not done: gold was marked done by lead since it was shown here; press the key again to change it"


def two_disagreements(path: Path) -> Path:
    """alice marks Anna and Ben ACTOR, bob neither; both marked the article done."""
    spans = [Span(start=TWO.index(n), end=TWO.index(n) + len(n), label="ACTOR", text=n) for n in ("Anna", "Ben")]
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TWO, title="Two"), word_tokens(TWO), [])])
        store.replace_annotation(article_id, "alice", spans, Status.DONE)
        store.replace_annotation(article_id, "bob", [], Status.DONE)
    return path


def gold_events(path: Path) -> list[tuple[str, str | None, str | None]]:
    """Gold's events: (action, reviewer, status or whose version)."""
    with Store.open(path) as store:
        [article_id] = store.article_ids()
        return [(e.action, e.after.get("reviewer"), e.after.get("source", e.after.get("status")))
                for e in store.events(article_id, GOLD)]  # fmt: skip


SETTLED = [("adjudicate", "lead", "bob"), ("adjudicate", "lead", "bob"), ("status", "lead", "done")]


async def test_a_pick_on_gold_marked_done_since_it_was_shown_is_refused(tmp_path: Path) -> None:
    path = two_disagreements(tmp_path / "two.db")
    async with two_reviewers(path, WHO, ticking=False) as ((_, one), (lead2, two)):
        await one.press("b", "b")  # lead settles both with bob's nothing
        await two.press("k", "j")  # lead2's screen shows them (k, not applied), and goes on to Ben (j)
        await one.press("d")  # gold done; lead's screen moves on (to the list: no other article)
        await two.press("a")  # alice's Ben, aimed at gold not done
        refused = status(lead2)
        assert gold_events(path) == SETTLED
        await two.press("a")  # pressed again: on done gold, on purpose
        picked = status(lead2)
    assert refused == REFUSED
    assert picked == "alice's version into gold: ACTOR 'Ben' at 17:20; all settled, gold done"
    assert gold_events(path) == [*SETTLED, ("adjudicate", "lead2", "alice")]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_tick_shows_gold_marked_done_and_the_next_key_is_not_applied(tmp_path: Path, size) -> None:
    """The tick says who marked gold done (not "O reopens it": the review has no O; gold stays open to the review),
    and the next key that writes, a label key as a pick, was aimed at gold before the mark."""
    path = two_disagreements(tmp_path / "two.db")
    async with two_reviewers(path, WHO, size) as ((_, one), (lead2, two)):
        await one.press("b", "b", "d")
        await two.pause(CURSOR_SAVE_SECONDS + 1)  # lead2's tick shows gold as stored
        shown = status(lead2)
        await two.press("1")  # ACTOR by hand at the cursor
        by_hand = status(lead2)
        await two.press("a")
        picked = status(lead2)
    assert shown == "Shown as stored now: gold was marked done by lead since it was shown here"
    assert by_hand == REFUSED
    assert picked.startswith("alice's version into gold: ACTOR ")
    assert gold_events(path)[:3] == SETTLED
    assert [e[:2] for e in gold_events(path)[3:]] == [("adjudicate", "lead2")]

"""A newcomer's trial: carol picked bob's version into gold and marked gold done; bob then removed that span from his
done article, and review showed the place as "settled: bob" beside bob's "(nothing)", with "0 open", while gold
still held the span. A picked version changed since no longer settles its place: it is open again, for the
reviewer to decide, and gold is left as it is. Pilot on a real two-annotator database (tests/review_db.py)."""

from __future__ import annotations

from pathlib import Path

from review_db import make_review_db

from annotator.gold import open_for_review, pick_version, review_state
from annotator.models import Status
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD

WHO = ["alice", "bob"]


def panel_rows(app) -> list[str]:
    """The rows the disagreement panel draws, as text."""
    panel = app.screen.query_one("#disputes")
    return ["".join(segment.text for segment in panel.render_line(y)).rstrip() for y in range(panel.size.height)]


def reviewed_then_changed(path: Path) -> str:
    """Every disagreement picked (alice's Hamas, bob's "20", the army and his quote), gold done; then bob removes
    his "20", his article staying done."""
    article_id = make_review_db(path)
    with Store.open(path) as store:
        open_for_review(store, article_id, WHO, "carol")
        for index, who in ((0, "alice"), (1, "bob"), (3, "bob"), (2, "bob")):
            pick_version(store, article_id, review_state(store, article_id, WHO).disagreements[index], who, "carol")
        store.set_status(article_id, GOLD, Status.DONE)
        [twenty] = [s for s in store.spans(article_id, "bob") if s.text == "20"]
        store.remove_span(article_id, "bob", twenty.id)
    return article_id


async def test_a_picked_version_changed_since_reads_open_in_the_panel(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    reviewed_then_changed(path)
    app = make_review_app(path, "carol", WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # to the one open: "20 rockets", where bob's "20" was
        await pilot.pause()
        assert panel_rows(app)[:6] == [
            "2 agreed spans in gold",
            "Disagreement 2/4 · 1 open",
            "missing · open",
            "a alice",
            "  FIG 20 rockets",
            "b bob (nothing)",
        ]

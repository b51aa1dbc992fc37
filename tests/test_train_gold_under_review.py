"""After `adjudicate --auto` left a disagreement, `annotator train` said "found 0 (1 in_progress left out:
--include-in-progress adds in_progress ones)": the one way forward it named was training on gold nobody
reviewed. Gold in progress waits for `annotator review`; that is said first, --include-in-progress second. The
real console script on a real database."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line

from annotator.store import Store
from annotator.vocabulary import Status
from tests.tui.fixtures import one_article

TEXT = "Title\n\nShort line. Sunita Rao said the plan works, saving 4.2 billion crowns.\n"


def test_gold_waiting_for_review_points_to_review_first(tmp_path: Path) -> None:
    db = one_article(tmp_path / "t.db", TEXT)
    start = TEXT.index("Sunita")
    with Store.open(db) as store:
        for who in ("alice", "bob"):  # they agree on the name
            store.add_span("n", who, start, TEXT.index(" said"), "ACTOR")
        figure = TEXT.index("4.2")
        store.add_span("n", "alice", figure, figure + len("4.2 billion crowns"), "FIGURE")  # bob has none
        for who in ("alice", "bob"):
            store.set_status("n", who, Status.DONE)
    settled = annotator("adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", "carol", "--db", db)
    assert settled.returncode == 0, settled.stderr
    result = annotator("train", "--out", tmp_path / "m", "--db", db)
    assert result.returncode == 1
    assert one_error_line(result) == (
        "training needs at least 2 finished articles, one to learn from and one to hold out; found 0 (1 in_progress "
        f"left out: gold in progress waits for its review: `annotator review --db {db}` settles its disagreements and marks "
        "it done (d); --include-in-progress would train on it unreviewed)"
    )

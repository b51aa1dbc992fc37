"""A re-trial, two reviewers on one article: lead settled its last disagreement, lead2's screen said so, then lead
pressed u. lead2's tick said in 3 rows at 80x24 "... LOCATION 'Mill Street' is no longer marked as it was; nothing
is highlighted now" while it highlighted 'Mill Street', open again, and never said that an undo had reopened it;
her next pick was refused with the same false words. Now the tick's line says the disagreement was reopened, whose
decision was undone, in 2 rows at most; the next key is refused with it, and pressed again picks there. Pilot on two
real review apps on one real SQLite file; the gold decisions read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import word_tokens

from annotator.gold import decisions, review_state
from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from tests.tui.test_review_panel_hints import panel_rows
from tests.tui.two_reviewers import status, two_reviewers

TEXT = "Crowds gathered on Mill Street on Monday."
TEAM = ["alexandra-konstantinopoulou", "bartholomew-featherstonehaugh"]
MILL = "disagreement 1/1 ('Mill Street' at 19:30)"


def one_disagreement(path: Path) -> Path:
    """alexandra marks LOCATION 'Mill Street', bartholomew nothing; both marked the article done."""
    span = Span(start=19, end=30, label="LOCATION", text="Mill Street")
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Mill"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, TEAM[0], [span], Status.DONE)
        store.replace_annotation(article_id, TEAM[1], [], Status.DONE)
    return path


def gold_decisions(path: Path) -> list[tuple[str | None, str, list[str]]]:
    with Store.open(path) as store:
        [article_id] = store.article_ids()
        return [(d.reviewer, d.source, [s.text for s in d.spans]) for d in decisions(store, article_id)]


def settled_by(path: Path) -> list[str | None]:
    with Store.open(path) as store:
        [article_id] = store.article_ids()
        return review_state(store, article_id, TEAM).settled_by


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_an_undo_elsewhere_says_the_disagreement_was_reopened(tmp_path: Path, size) -> None:
    path = one_disagreement(tmp_path / "mill.db")
    async with two_reviewers(path, TEAM, size) as ((_, one), (lead2, two)):
        await one.press("a")  # lead: alexandra's LOCATION, all settled
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        settled = status(lead2)
        await one.press("u")  # lead takes it back
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        reopened, rows = status(lead2), lead2.screen.status_line.size.height
        panel = panel_rows(lead2)
        await two.press("b")  # aimed at it as settled
        await two.pause()
        refused, refused_rows = status(lead2), lead2.screen.status_line.size.height
        await two.press("b")  # at it open, as the line said
        picked = status(lead2)
    said = f"{MILL} was reopened: lead undid their decision in another window"
    assert settled.startswith("Shown as stored now: disagreement 1/1 (") and "was settled by lead" in settled
    assert reopened == f"Shown as stored now: {said}"
    assert "Disagreement 1/1 · 1 open" in " · ".join(panel)
    assert refused == f"Not done: {said}; press the key again to act on it"
    assert (rows, refused_rows) == ((2, 2) if size == (80, 24) else (1, 1))
    assert picked.startswith("bartholomew-featherstonehaugh's version into gold")
    assert gold_decisions(path) == [("lead", TEAM[0], ["Mill Street"]), ("lead2", TEAM[1], [])]  # the first undone
    assert settled_by(path) == [TEAM[1]]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_an_empty_version_says_nothing_at_80_columns(tmp_path: Path, size) -> None:
    """At 80 columns the panel cut 'b bartholomew-feathersto…' before '(nothing)': an empty version read as a
    missing line. The name is cut shorter; '(nothing)' shows."""
    path = one_disagreement(tmp_path / "mill.db")
    async with two_reviewers(path, TEAM, size) as ((lead, _), _):
        rows = [row.strip() for row in panel_rows(lead)]
    [row] = [r for r in rows if r.startswith("b ")]
    assert row.endswith("(nothing)"), rows

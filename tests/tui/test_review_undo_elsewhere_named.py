"""Two reviewers (and a third) on one article, an undo in one window and the line another window says of it at its
tick. lead2 looked at Emil while lead settled Anna and undid it: her tick said only "the annotation was changed in
another window since it was shown here", not which disagreement was open again. And where a line did say it, it
named whose decision was undone, never who undid it, though the undo's event names who pressed u (its `reviewer`,
as every event of gold a review screen writes): lead3, who opened after lead's pick, undid it, and lead2's screen
said "lead's decision was undone". Now the line names the disagreement reopened, shown or not, and who undid it;
an undo whose event names nobody (a script's, or an older release's) is said as before. Pilot on real review apps on
one real SQLite file; the events read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.vocabulary import GOLD
from tests.tui.test_review_panel_hints import WHO, eleven_disagreements
from tests.tui.test_review_reopened_elsewhere import TEAM, one_disagreement
from tests.tui.test_review_two_reviewers import disputed
from tests.tui.two_reviewers import status, two_reviewers

ANNA = "disagreement 1/11 ('Anna' at 8:12)"
MILL = "disagreement 1/1 ('Mill Street' at 19:30)"


def rows(app) -> int:
    return app.screen.status_line.size.height


def gold_events(path: Path) -> list[tuple[str, str | None]]:
    """Each gold event's action and the reviewer its `after` names."""
    with Store.open(path) as store:
        [article_id] = store.article_ids()
        return [(e.action, e.after.get("reviewer")) for e in store.events(article_id, GOLD)]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_an_undo_of_a_disagreement_not_shown_names_it(tmp_path: Path, size) -> None:
    """lead2 on Emil (5/11); lead settles Anna, then undoes it: lead2's tick names Anna, reopened, and who undid it;
    Emil stays shown, and her next key acts on it (it was aimed at what the screen shows)."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, size) as ((_, one), (lead2, two)):
        await two.press("j", "j", "j", "j")
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        settled = status(lead2)
        await one.press("u")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        reopened, reopened_rows, shown = status(lead2), rows(lead2), disputed(lead2)
        await two.press("a")
        picked = status(lead2)
    assert settled == "Shown as stored now: the annotation was changed in another window since it was shown here"
    assert reopened == f"Shown as stored now: {ANNA} was reopened: lead undid their decision in another window"
    assert (shown, reopened_rows) == ("Emil", 2 if size == (80, 24) else 1)
    assert picked == "alice's version into gold: ACTOR 'Emil' at 31:35"
    assert gold_events(path) == [("adjudicate", "lead"), ("undo", "lead"), ("adjudicate", "lead2")]


@pytest.mark.parametrize("shown", [True, False])
async def test_the_line_names_who_undid_another_reviewers_decision(tmp_path: Path, shown: bool) -> None:
    """lead picks Anna; lead3 opens after it and undoes it (a change from before her window opened, hers to undo);
    lead2's tick names lead3, on Anna shown (refusing the next key) or on Emil."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO) as ((_, one), (lead2, two)):
        if not shown:
            await two.press("j", "j", "j", "j")
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)  # on Anna, lead2's screen goes on to Ben
        if shown:
            await two.press("k")  # back to Anna, settled
        lead3 = make_review_app(path, "lead3", WHO, keymap_path=False)
        async with lead3.run_test(size=(80, 24)) as three:
            await three.pause()
            await three.press("u")
            undone = status(lead3)
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        reopened, now = status(lead2), disputed(lead2)
        await two.press("a")
        after = status(lead2)
    made = "undid adjudicate: in progress -> to do, a change made before this window opened"
    assert undone == f"{made}; {ANNA} is open again"  # a pick of bob's nothing: the line names the disagreement
    said = f"{ANNA} was reopened: lead's decision was undone by lead3 in another window"
    assert reopened == f"Shown as stored now: {said}"
    assert now == ("Anna" if shown else "Emil")
    assert after == (
        f"Not done: {said}; press the key again to act on it" if shown
        else "alice's version into gold: ACTOR 'Emil' at 31:35"
    )  # fmt: skip
    assert gold_events(path)[:2] == [("adjudicate", "lead"), ("undo", "lead3")]


async def test_an_undo_naming_nobody_is_said_as_before(tmp_path: Path) -> None:
    """An undo of gold whose event names no reviewer (written by a Store no review screen opened: a script, as an
    older release's undo): whose decision it undid is what is known."""
    path = one_disagreement(tmp_path / "mill.db")
    async with two_reviewers(path, TEAM) as ((_, one), (lead2, two)):
        await one.press("a")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        with Store.open(path) as store:
            [article_id] = store.article_ids()
            store.undo(article_id, GOLD)
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        reopened = status(lead2)
    assert reopened == f"Shown as stored now: {MILL} was reopened: lead's decision was undone in another window"
    assert gold_events(path) == [("adjudicate", "lead"), ("undo", None)]


async def test_a_refused_undo_or_redo_names_who_made_the_change_or_the_undo(tmp_path: Path) -> None:
    """u and ctrl+r on a review screen take back only its own changes; the refusal said the last one "was made in
    another window", not by whom, though its event names the reviewer who pressed the key (lead3's undo, here)."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, (200, 50), names=("lead", "lead3")) as ((_, one), (lead2, two)):
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        await two.press("u")
        undo = status(lead2)
        await one.press("k", "u")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        await two.press("ctrl+r")
        redo = status(lead2)
    made = "adjudicate: to do -> in progress, was made by lead in another window since this one opened"
    assert undo == f"Not undone: the last change here, {made}: u takes back only its own; shown as stored now"
    assert redo == f"Not redone: the last undo here, of {made}: ctrl+r redoes only its own; shown as stored now"
    assert gold_events(path) == [("adjudicate", "lead"), ("undo", "lead")]

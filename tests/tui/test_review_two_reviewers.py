"""Two reviewers on one article at once (a team lead's trial): `annotator review --reviewer lead` and `--reviewer
lead2` both on a disagreement; lead picks it. lead2's tick moved her screen to the next disagreement, and her next
pick key, aimed at the one she had been looking at, was stored there as her decision (F2); a pick 0.3 s after the
other's replaced it without a word (F3). Now the key that writes next after the tick moved the disagreement shown is
not applied, and one line names the disagreement, who settled it and what is highlighted now; a pick the store
refuses because gold changed meanwhile is not made again over a decision the screen had not shown; a screen whose
disagreement nobody touched stays on it. Pilot on two real review apps at once on one real SQLite file; the gold
events read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import word_tokens

from annotator.gold import decisions
from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS
from annotator.tui.screens.review import ReviewScreen
from annotator.vocabulary import GOLD
from tests.tui.test_review_panel_hints import ELEVEN, WHO, eleven_disagreements
from tests.tui.two_reviewers import status, two_reviewers

ANNA, BEN = "disagreement 1/11 ('Anna' at 8:12)", "2/11 ('Ben' at 14:17)"  # Ben after "highlighted now: "
ELSEWHERE = "the annotation was changed in another window"


def disputed(app) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    start, end = screen._marks().disputed
    return ELEVEN[start:end]


def gold_events(path: Path) -> list[tuple[str, str, str, list[str]]]:
    """Every gold decision: (reviewer, whose version, where, the spans it put in)."""
    with Store.open(path) as store:
        [article_id] = store.article_ids()
        regions = {e.id: e.after.get("region") for e in store.events(article_id, GOLD)}
        return [(d.reviewer, d.source, ELEVEN[regions[d.event_id][1] : regions[d.event_id][2]], [s.text for s in d.spans])
                for d in decisions(store, article_id)]  # fmt: skip


@pytest.mark.parametrize(("size", "highlighted"), [((80, 24), "2/11"), ((200, 50), BEN)])
async def test_a_pick_just_after_the_tick_moved_the_disagreement_is_not_applied(
    tmp_path: Path, size, highlighted
) -> None:
    """At 80 columns the disagreement highlighted now is named by its number: its words made the line 3 rows."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, size) as ((_, one), (lead2, two)):
        await one.press("b")  # lead: bob's nothing for Anna
        await two.pause(CURSOR_SAVE_SECONDS + 1)  # lead2's tick shows gold as stored
        shown, now = status(lead2), disputed(lead2)
        await two.press("a")  # aimed at Anna, which she was looking at
        refused = status(lead2)
        assert gold_events(path) == [("lead", "bob", "Anna", [])]
        await two.press("a")  # at Ben, highlighted now
        picked = status(lead2)
    moved = f"{ANNA} was settled by lead, with bob's version; highlighted now: {highlighted}"
    assert shown == f"Shown as stored now: {moved}"  # not "the annotation was changed in another window" before it
    assert now == "Ben"
    assert refused == f"Not done: {moved}; press the key again to act on it"
    assert picked == "alice's version into gold: ACTOR 'Ben' at 14:17"
    assert gold_events(path) == [("lead", "bob", "Anna", []), ("lead2", "alice", "Ben", ["Ben"])]


async def test_a_label_key_just_after_the_tick_moved_the_disagreement_is_not_applied(tmp_path: Path) -> None:
    """Every key that writes, not only the picks: 1 would add ACTOR 'Ben' by hand where lead2 looked at Anna."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO) as ((_, one), (lead2, two)):
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        await two.press("1")
        refused = status(lead2)
    assert refused == (
        f"Not done: {ANNA} was settled by lead, with bob's version; highlighted now: 2/11; press the key again to act "
        "on it"
    )
    assert gold_events(path) == [("lead", "bob", "Anna", [])]
    with Store.open(path) as store:
        [article_id] = store.article_ids()
        assert [e.action for e in store.events(article_id, GOLD)] == ["adjudicate"]


async def test_the_tick_keeps_a_disagreement_nobody_touched(tmp_path: Path) -> None:
    """lead2 on Emil (5/11); lead settles Anna: lead2's tick shows gold as stored and stays on Emil (it went to the
    first one open, Ben, and her `a` picked alice's Ben), and her `a` picks Emil."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO) as ((_, one), (lead2, two)):
        await two.press("j", "j", "j", "j")
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        shown, now = status(lead2), disputed(lead2)
        await two.press("a")
        picked = status(lead2)
    assert (shown, now) == (f"Shown as stored now: {ELSEWHERE} since it was shown here", "Emil")
    assert picked == "alice's version into gold: ACTOR 'Emil' at 31:35"
    assert gold_events(path) == [("lead", "bob", "Anna", []), ("lead2", "alice", "Emil", ["Emil"])]


@pytest.mark.parametrize(("first", "second"), [("lead", "lead2"), ("lead2", "lead")])
async def test_a_pick_over_a_decision_not_shown_yet_is_refused(tmp_path: Path, first, second) -> None:
    """Both on Anna; one picks bob's nothing, the other alice's Anna at once after (before any tick): the store
    refuses the second, and it is not made again over the first one's decision (last pick won, unsaid)."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, names=(first, second), ticking=False) as ((_, one), (other, two)):
        await one.press("b")
        await two.press("a")
        refused, now = status(other), disputed(other)
        assert gold_events(path) == [(first, "bob", "Anna", [])]
        await two.press("a")  # Ben (2/11), which the refusal said is highlighted now
        picked = status(other)
    assert refused == (
        f"Not done: {ELSEWHERE}, and {ANNA} was settled by {first}, with bob's version; highlighted now: 2/11"
    )
    assert now == "Ben"
    assert picked == "alice's version into gold: ACTOR 'Ben' at 14:17"
    assert gold_events(path) == [(first, "bob", "Anna", []), (second, "alice", "Ben", ["Ben"])]


async def test_a_pick_over_a_decision_changed_since_it_was_shown_is_refused(tmp_path: Path) -> None:
    """lead2 looks at Anna settled with bob's nothing; lead changes it to alice's Anna; lead2's `b` (to keep bob's)
    is refused, Anna stays shown, settled anew; pressed again it puts bob's back, as lead2 now means it."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO, ticking=False) as ((lead, one), (lead2, two)):
        await two.press("b", "k")  # lead2: bob's nothing for Anna, and back to it
        await one.press("k", "k", "a")  # lead: the first k shows gold as stored (on Ben); alice's Anna over bob's
        changed = status(lead)
        await two.press("b")
        refused, now = status(lead2), disputed(lead2)
        await two.press("b")
        picked = status(lead2)
    assert changed == "alice's version into gold: ACTOR 'Anna' at 8:12"
    assert refused == f"Not done: {ELSEWHERE}, and {ANNA} was settled anew by lead, with alice's version"
    assert now == "Anna"
    assert picked == "bob's version into gold: no span; ACTOR 'Anna' at 8:12 taken out of gold"
    assert gold_events(path) == [
        ("lead2", "bob", "Anna", []), ("lead", "alice", "Anna", ["Anna"]), ("lead2", "bob", "Anna", [])
    ]  # fmt: skip


async def test_a_pick_of_the_version_gold_holds_writes_nothing(tmp_path: Path) -> None:
    """lead picks alice's Anna; a pick of it again (lead's own, or lead2's once her screen shows it) wrote a new
    event, "1 span replaced": it writes nothing and says whose decision it is."""
    path = eleven_disagreements(tmp_path / "eleven.db")
    async with two_reviewers(path, WHO) as ((lead, one), (lead2, two)):
        await one.press("a", "k", "a")  # alice's Anna, back to it, alice's again
        again = status(lead)
        await two.pause(CURSOR_SAVE_SECONDS + 1)  # shown as stored: on to Ben
        await two.press("k", "a")  # back to Anna, settled with alice's: alice's
        other = status(lead2)
    assert (
        again
        == other.replace("lead2", "lead")
        == ("alice's version is gold's already (picked by lead): nothing was written")
    )
    assert gold_events(path) == [("lead", "alice", "Anna", ["Anna"])]


LONG_NAMES = ["the Harwick Foods board of directors", "the Northern Ireland Transport Authority", "Carl"]
LONG = "In Oslo " + ", ".join(LONG_NAMES) + " met on Tuesday."


def long_names(path: Path, annotators: list[str]) -> Path:
    """The first annotator marks the three long names ACTOR, the second none; both marked the article done."""
    spans = [Span(start=LONG.index(n), end=LONG.index(n) + len(n), label="ACTOR", text=n) for n in LONG_NAMES]
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=LONG, title="Long"), word_tokens(LONG), [])])
        store.replace_annotation(article_id, annotators[0], spans, Status.DONE)
        store.replace_annotation(article_id, annotators[1], [], Status.DONE)
    return path


SHORTER = "disagreement 1/3 ('the Harwick … directors') was settled by lead, with bob's version; highlighted now: 2/3"
FULL = (
    "disagreement 1/3 ('the Harwick … directors' at 8:44) was settled by lead, with bob's version; highlighted now: "
    "2/3 ('the Northern … Authority' at 46:86)"
)


@pytest.mark.parametrize(("size", "moved"), [((80, 24), SHORTER), ((200, 50), FULL)])
async def test_the_refusal_after_the_tick_names_long_disagreements_short(tmp_path: Path, size, moved: str) -> None:
    """A newcomer's re-trial: with long names the refusal took 4 rows at 80 columns; the excerpts are cut short, and
    the refusal says what moved without the words "the highlight moved when the article was shown as stored", which
    the tick line said. At 80 columns, where that took 3 rows, the offsets and the words of the disagreement
    highlighted now are left out: 2 rows."""
    path = long_names(tmp_path / "long.db", WHO)
    async with two_reviewers(path, WHO, size) as ((_, one), (lead2, two)):
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        shown, shown_rows = status(lead2), lead2.screen.status_line.size.height
        await two.press("a")
        await two.pause()
        refused, height = status(lead2), lead2.screen.status_line.size.height
    assert shown == f"Shown as stored now: {moved}"
    assert refused == f"Not done: {moved}; press the key again to act on it"
    assert (shown_rows, height) == ((2, 2) if size == (80, 24) else (1, 1))


TEAM = ["alexandra-konstantinopoulou", "bartholomew-featherstonehaugh"]
LEADS = ("christopher-montgomery-lead", "dorothea-wilhelmina-lead2")


NUMBER = "disagreement 1/3 was settled by christopher-montgomery-lead; highlighted now: 2/3"
WHOLE = (
    "disagreement 1/3 ('the Harwick … directors' at 8:44) was settled by christopher-montgomery-lead, with "
    "bartholomew-featherstonehaugh's version; highlighted now: 2/3 ('the Northern … Authority' at 46:86)"
)


@pytest.mark.parametrize(("size", "moved"), [((80, 24), NUMBER), ((200, 50), WHOLE)])
async def test_the_lines_after_the_tick_fit_two_rows_with_long_annotator_names(tmp_path: Path, size, moved) -> None:
    """A re-trial: with long annotators' and reviewers' names the tick's line and the refusal after it took 4 rows
    each at 80 columns. They take 2 at most: the tick's leaves out "the annotation was changed in another window
    since it was shown here", which the rest says; at 80 columns the words of the disagreement and whose version
    settled it go before its number and who settled it do."""
    path = long_names(tmp_path / "long.db", TEAM)
    async with two_reviewers(path, TEAM, size, names=LEADS) as ((_, one), (lead2, two)):
        await one.press("b")
        await two.pause(CURSOR_SAVE_SECONDS + 1)
        shown, shown_rows = status(lead2), lead2.screen.status_line.size.height
        await two.press("a")
        await two.pause()
        refused, height = status(lead2), lead2.screen.status_line.size.height
    assert shown == f"Shown as stored now: {moved}"
    assert refused == f"Not done: {moved}; press the key again to act on it"
    assert (shown_rows, height) == (2, 2)

"""Trial 39b, on the review screen: alice's quote is spoken by 'Durham Hall QC', carol's by 'Durham Hall'. Review
showed the ACTOR's boundary and then a "speaker" disagreement on the quote; b (carol's ACTOR) then a (alice's quote)
left gold's quote with no speaker, counted settled. The quotes agree now (their speakers overlap, as `agreement`
counts them): the ACTOR's boundary is the one disagreement, and its pick links the quote. Pilot at 80x24 on a real
two-annotator database, spaCy's tokens.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui.review import ReviewApp, make_review_app
from annotator.vocabulary import GOLD
from tests.tui.fixtures import seed_tokens

TEXT = (
    'Durham Hall QC, prosecuting, said the men "appear not to have shown any respect for the minimum standards of '
    'decent behaviour." The judge agreed.'
)
WORDS = "appear not to have shown any respect for the minimum standards of decent behaviour."


def mark(part: str, label: str, speaker: str | None = None) -> Span:
    start = TEXT.index(part)
    offsets = {"start": TEXT.index(speaker), "end": TEXT.index(speaker) + len(speaker)} if speaker else None
    return Span(start=start, end=start + len(part), label=label, text=part, speaker=offsets)


def two_speakers(path: Path) -> str:
    """alice's quote spoken by 'Durham Hall QC', carol's by 'Durham Hall', both done: the article's id."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Nine jailed"), seed_tokens(TEXT), [])])
        alice = [mark("Durham Hall QC", "ACTOR"), mark(WORDS, "QUOTE", speaker="Durham Hall QC")]
        carol = [mark("Durham Hall", "ACTOR"), mark(WORDS, "QUOTE", speaker="Durham Hall")]
        store.replace_annotation(article_id, "alice", alice, Status.DONE)
        store.replace_annotation(article_id, "carol", carol, Status.DONE)
    return article_id


def gold(path: Path, article_id: str) -> list[tuple[str, str, tuple[int, int] | None]]:
    """Gold's spans of the article: (label, text, speaker offsets)."""
    with Store.open(path) as store:
        return [(s.label.value, s.text, s.speaker) for s in store.spans(article_id, GOLD)]


@asynccontextmanager
async def reviewing(folder: Path) -> AsyncIterator[tuple[ReviewApp, Pilot[None], Path, str]]:
    """lead reviewing `two_speakers` at 80x24, the app started and its one disagreement (the ACTOR's boundary)
    shown: (app, pilot, database, article id)."""
    path = folder / "review.db"
    article_id = two_speakers(path)
    app = make_review_app(path, "lead", ["alice", "carol"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        review = app.screen.review
        assert review is not None and [d.kind.value for d in review.disagreements] == ["boundary"]
        yield app, pilot, path, article_id


async def test_picking_the_speakers_boundary_settles_the_quote_with_its_speaker(tmp_path: Path) -> None:
    async with reviewing(tmp_path) as (app, pilot, path, article_id):
        screen = app.screen
        await pilot.press("b")
        await pilot.pause()
        assert screen.status_line.text.plain == (
            "carol's version into gold: ACTOR 'Durham Hall' at 0:11; QUOTE 'appear not to have shown any respect for "
            "… behaviour.' at 43:126 linked to its speaker, as carol's version has it; all settled: d marks gold done"
        )
    assert gold(path, article_id) == [("ACTOR", "Durham Hall", None), ("QUOTE", WORDS, (0, 11))]

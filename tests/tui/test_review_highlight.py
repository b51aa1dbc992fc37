"""Trial 23: the review screen drew the current disagreement's words black on white, the look of the current item,
while the label keys acted on the phrase under the cursor and the status line named that phrase ("1-3 add 'Via'"
under a highlighted "Via dell'Archeologia"). The keys and the status line were right: a disagreement is not an
item a key acts on (a and b pick its versions). It is marked in a look of its own, the current item stays the one
the keys act on, and the status line names both. Pilot on a real two-annotator database, tokenized by spaCy.
"""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui import styles
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD
from tests.tui.fixtures import seed_tokens

TEXT = "Divers found two more people alive in the harbour at dawn."


def span(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)


def boundary_disagreement(path: Path) -> tuple[Path, str]:
    """alice: FIGURE 'two more', ACTOR 'people'; bob: FIGURE 'two', ACTOR 'more people' (one disagreement over
    'two more people'); both agree on the harbour."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Divers"), seed_tokens(TEXT), [])])
        alice = [span("two more", "FIGURE"), span("people", "ACTOR"), span("harbour", "LOCATION")]
        bob = [span("two", "FIGURE"), span("more people", "ACTOR"), span("harbour", "LOCATION")]
        store.replace_annotation(article_id, "alice", alice, Status.DONE)
        store.replace_annotation(article_id, "bob", bob, Status.DONE)
    return path, article_id


async def test_the_disagreement_is_not_drawn_as_the_current_item(tmp_path: Path) -> None:
    path, _ = boundary_disagreement(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("j")  # the only disagreement again: the status line no longer says what went into gold
        screen = app.screen
        marks = screen.view.marks
        region = TEXT.index("two more people"), TEXT.index("two more people") + len("two more people")
        assert (screen.current, marks.current, marks.disputed) == (None, None, region)
        assert marks.show_cursor and marks.cursor == (TEXT.index("two"), TEXT.index("two") + 3)
        assert screen.status_line.text.plain == (
            "a/b pick a version of the disagreement (marked in rose) · 3 adds 'two' · j/k: disagreements · ?: help"
        )
        assert screen.view._style_at(TEXT.index("more"), [], []).bgcolor == styles.DISPUTED.bgcolor


async def test_the_label_key_adds_what_the_status_line_names(tmp_path: Path) -> None:
    path, article_id = boundary_disagreement(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("3")
    with Store.open(path) as store:
        assert [(s.label.value, s.text) for s in store.spans(article_id, GOLD)] == [
            ("FIGURE", "two"),
            ("LOCATION", "harbour"),
        ]


async def test_a_gold_span_under_the_cursor_is_current_at_a_settled_disagreement(tmp_path: Path) -> None:
    """After b picks bob's version and j comes back to it, x would remove gold's 'two': it is what is drawn current."""
    path, _ = boundary_disagreement(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("b", "j")
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and (item.label.value, item.text) == ("FIGURE", "two")
        assert screen.view.marks.current == (item.start, item.end)
        assert screen.status_line.text.plain == "✓ FIG two"

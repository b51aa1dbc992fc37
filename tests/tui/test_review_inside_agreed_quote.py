"""Trial 39b: a disagreement inside a quote both annotators agreed on. On reaching it (after a pick, or with j), the
gold quote around it became the current item: drawn black on white over the rose, the span list's ▶ on the QUO, and
x then removed the whole agreed quote from gold while the panel said "Disagreement 3/3 · LOC ...". On reaching a
disagreement, what is current is gold's span of the disagreement's layer there, or nothing (the rose mark and the
pick keys): never a span of the other layer around it. Pilot on a real two-annotator database, spaCy's tokens.
"""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.tui import styles
from annotator.tui.review import make_review_app
from annotator.vocabulary import GOLD
from tests.tui.fixtures import seed_tokens

TEXT = (
    'Lopez spoke first. Casicas said, "It is with great sadness that I announce the death of the Bishop of Marbel, '
    'who died at the hospital in Koronadal." Casicas asked for prayers.'
)
QUOTE = (
    "It is with great sadness that I announce the death of the Bishop of Marbel, who died at the hospital in Koronadal."
)


def span(part: str, label: str, speaker: str | None = None) -> Span:
    start = TEXT.index(part)
    extra = {}
    if speaker is not None:
        extra["speaker"] = {"start": TEXT.index(speaker), "end": TEXT.index(speaker) + len(speaker)}
    return Span(start=start, end=start + len(part), label=label, text=part, **extra)


def region(part: str) -> tuple[int, int]:
    return TEXT.index(part), TEXT.index(part) + len(part)


def inside_agreed_quote(path: Path) -> tuple[Path, str]:
    """Both agree on ACTOR 'Casicas' and on his quote; alice alone has ACTOR 'Lopez' (disagreement 1/3, outside the
    quote) and LOCATION 'Marbel' (2/3, inside it); alice has LOCATION 'the hospital in Koronadal', bob 'Koronadal'
    (3/3, a boundary, inside it)."""
    agreed = [span("Casicas", "ACTOR"), span(QUOTE, "QUOTE", speaker="Casicas")]
    alice = [span("Lopez", "ACTOR"), *agreed, span("Marbel", "LOCATION"), span("the hospital in Koronadal", "LOCATION")]
    bob = [*agreed, span("Koronadal", "LOCATION")]
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Bishop"), seed_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", alice, Status.DONE)
        store.replace_annotation(article_id, "bob", bob, Status.DONE)
    return path, article_id


def gold(path: Path, article_id: str) -> list[tuple[str, str]]:
    with Store.open(path) as store:
        return [(s.label.value, s.text) for s in store.spans(article_id, GOLD)]


async def test_a_pick_moves_onto_the_disagreement_not_the_quote_around_it(tmp_path: Path) -> None:
    path, _ = inside_agreed_quote(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # alice's Lopez into gold; on to Marbel, inside the agreed quote
        await pilot.pause()
        screen = app.screen
        marks = screen.view.marks
        assert (screen.index, screen.current, marks.current, marks.disputed) == (1, None, None, region("Marbel"))
        assert marks.cursor == region("Marbel")
        assert screen.view._style_at(TEXT.index("Marbel"), [], []).bgcolor == styles.DISPUTED.bgcolor
        assert screen.panel.current is None  # the span list's ▶ on nothing, not on the QUO


async def test_x_at_a_disagreement_inside_an_agreed_quote_leaves_the_quote(tmp_path: Path) -> None:
    path, article_id = inside_agreed_quote(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")  # disagreement 3/3, the LOCATION boundary at Koronadal
        await pilot.pause()
        screen = app.screen
        assert (screen.index, screen.current) == (2, None)
        assert screen.status_line.text.plain == (
            "a/b pick a version of the disagreement (marked in rose) · 1/2 add 'the hospital' · j/k: disagreements"
            " · ?: help"
        )
        await pilot.press("x")
        await pilot.pause()
        said = "Nothing removed: gold has no entity span at disagreement 3/3 (a/b pick a version)"
        assert screen.status_line.text.plain == said
    assert gold(path, article_id) == [("ACTOR", "Casicas"), ("QUOTE", QUOTE)]


async def test_gold_span_of_the_layer_is_current_at_a_settled_disagreement_inside_a_quote(tmp_path: Path) -> None:
    """After a picks alice's Marbel, k comes back to it: gold's LOCATION 'Marbel' is current (what x would remove)."""
    path, _ = inside_agreed_quote(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "a", "k")
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert screen.index == 1 and item is not None and (item.label.value, item.text) == ("LOCATION", "Marbel")
        assert screen.view.marks.current == region("Marbel")


async def test_undoing_a_pick_inside_an_agreed_quote_shows_the_disagreement_not_the_quote(tmp_path: Path) -> None:
    """u after a picks alice's Marbel takes it out of gold and shows that disagreement again: nothing current there
    (the quote around it was, and x then removed it)."""
    path, article_id = inside_agreed_quote(tmp_path / "review.db")
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "a", "u")
        await pilot.pause()
        screen = app.screen
        marks = screen.view.marks
        assert (screen.index, screen.current, marks.current, marks.disputed) == (1, None, None, region("Marbel"))
        assert screen.status_line.text.plain.startswith("undid")
        await pilot.press("x")
        await pilot.pause()
    assert gold(path, article_id) == [("ACTOR", "Casicas"), ("QUOTE", QUOTE)]


async def test_an_agreed_entity_at_a_quote_disagreements_first_word_is_not_current(tmp_path: Path) -> None:
    """The other way round: at a quote's boundary disagreement, gold's agreed ACTOR 'Israel' under the cursor is not
    current (x would have removed it): the status line offers the quotation, and x removes nothing."""
    text = 'Officials said: "Israel will respond soon," the army said.'

    def mark(part: str, label: str, speaker: str | None = None) -> Span:
        start, extra = text.index(part), {}
        if speaker is not None:
            extra["speaker"] = {"start": text.index(speaker), "end": text.index(speaker) + len(speaker)}
        return Span(start=start, end=start + len(part), label=label, text=part, **extra)

    agreed = [mark("Israel", "ACTOR"), mark("the army", "ACTOR")]
    path = tmp_path / "review.db"
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=text, title="Quote"), seed_tokens(text), [])])
        alice = [*agreed, mark("Israel will respond soon,", "QUOTE", speaker="the army")]
        bob = [*agreed, mark("Israel will respond soon", "QUOTE", speaker="the army")]
        store.replace_annotation(article_id, "alice", alice, Status.DONE)
        store.replace_annotation(article_id, "bob", bob, Status.DONE)
    app = make_review_app(path, "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert (screen.index, screen.current, screen.view.marks.cursor) == (0, None, (17, 23))
        assert screen.status_line.text.plain == (
            "a/b pick a version of the disagreement (marked in rose) · 4 adds the quotation · j/k: disagreements · "
            "?: help"
        )
        await pilot.press("x")
        await pilot.pause()
        assert (
            screen.status_line.text.plain
            == "Nothing removed: gold has no quote at disagreement 1/1 (a/b pick a version)"
        )
    with Store.open(path) as store:
        assert [(s.label.value, s.text) for s in store.spans(article_id, GOLD)] == [
            ("ACTOR", "Israel"),
            ("ACTOR", "the army"),
        ]

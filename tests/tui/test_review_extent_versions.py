"""A newcomer's trial at 80x24: in `annotator review` alice's quote 130:229 and bob's 130:183 of the same words both
showed as "QUO Maria Kowalski: We…", so which one ends where could not be read (picking one only said it after).
Versions that differ in their extent now start with the words at the edge that differs, then their offsets, for
any label (`versions.version_words`). The core function, then Pilot on a real two-annotator database."""

from __future__ import annotations

from pathlib import Path

from support import word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.rows import Offsets, SpanRow
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import Label
from tests.tui.test_review_panel_hints import panel_rows

TEXT = (
    "Rents rose again in Gdansk this spring, and tenants say they cannot keep up. Maria Kowalski, who leads the "
    "tenants' union, said: \"We will not stop until every family can pay the rent, and we will march again in the "
    'coming months." The city declined to comment.'
)
LONG = "We will not stop until every family can pay the rent, and we will march again in the coming months."
SHORT = "We will not stop until every family can pay the rent,"
SPEAKER = "Maria Kowalski"


def span(words: str, label: str, speaker: str | None = None) -> Span:
    start = TEXT.index(words)
    said = {"start": TEXT.index(speaker), "end": TEXT.index(speaker) + len(speaker)} if speaker else None
    return Span(start=start, end=start + len(words), label=label, text=words, speaker=said)


def two_quotes(path: Path) -> Path:
    """alice and bob agree on every span but where the quote ends, and where the ACTOR 'tenants' union' starts."""
    agreed = [span(SPEAKER, "ACTOR"), span("Gdansk", "LOCATION")]
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Rents"), word_tokens(TEXT), [])])
        alice = [*agreed, span("tenants' union", "ACTOR"), span(LONG, "QUOTE", SPEAKER)]
        bob = [*agreed, span("union", "ACTOR"), span(SHORT, "QUOTE", SPEAKER)]
        store.replace_annotation(article_id, "alice", alice, Status.DONE)
        store.replace_annotation(article_id, "bob", bob, Status.DONE)
    return path


def row(start: int, end: int, label: Label, speaker: tuple[int, int] | None = None) -> SpanRow:
    spoken = Offsets(*speaker) if speaker else None
    return SpanRow(id=start, start=start, end=end, label=label, text=TEXT[start:end], speaker=spoken)


def test_versions_of_other_extents_start_with_the_edge_that_differs() -> None:
    from annotator.versions import version_words

    said = (TEXT.index(SPEAKER), TEXT.index(SPEAKER) + len(SPEAKER))
    long, short = row(130, 229, Label.QUOTE, said), row(130, 183, Label.QUOTE, said)
    assert version_words(long, [long, short], TEXT) == ("", "…coming months. · 130:229 · Maria Kowalski")
    assert version_words(short, [long, short], TEXT) == ("", "…the rent, · 130:183 · Maria Kowalski")
    assert version_words(long, [long], TEXT) == (SPEAKER, LONG[:60])  # alone: its speaker and words, as before
    late = row(138, 229, Label.QUOTE, said)  # another start: its first words
    assert version_words(late, [long, late], TEXT) == ("", "not stop… · 138:229 · Maria Kowalski")
    union, tenants = row(107, 121, Label.ACTOR), row(107, 114, Label.ACTOR)  # any label; short: every word
    assert version_words(union, [union, tenants], TEXT) == ("", "tenants' union · 107:121")
    assert version_words(tenants, [union, tenants], TEXT) == ("", "tenants · 107:114")
    place = row(107, 114, Label.LOCATION)  # another label: told apart by it
    assert version_words(place, [union, place], TEXT) == ("", "tenants")


async def test_a_quote_boundary_disagreement_reads_at_80x24(tmp_path: Path) -> None:
    app = make_review_app(two_quotes(tmp_path / "r.db"), "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")  # the second disagreement: the quote's
        await pilot.pause()
        rows = panel_rows(app)
    assert rows[rows.index("a alice") :][:4] == [
        "a alice",
        "  QUO …months. · 130:229",
        "b bob",
        "  QUO …rent, · 130:183",
    ]


async def test_a_quote_boundary_disagreement_reads_whole_at_200x50(tmp_path: Path) -> None:
    app = make_review_app(two_quotes(tmp_path / "r.db"), "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        first = panel_rows(app)
        await pilot.press("j")
        await pilot.pause()
        second = panel_rows(app)
    assert first[2:] == [
        "boundary · open",
        "a alice",
        "  ACT tenants' union · 107:121",
        "b bob",
        "  ACT union · 116:121",
    ]
    assert second[2:] == [
        "boundary · open",
        "a alice",
        "  QUO …coming months. · 130:229 · Maria Kowalski",
        "b bob",
        "  QUO …the rent, · 130:183 · Maria Kowalski",
    ]

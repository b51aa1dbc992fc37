"""A newcomer's team review at 80x24: alice's FIGURE "between US$300 and US$400 million" and bob's "US$300 and US$400
million" read "FIG between US$300… · …" and "FIG US$300 and… · 923:…" in the narrow side panel: neither the start
that differs nor alice's offsets showed (at 200x50 they did). A version's row now fits the panel: its offsets whole,
the words at the edge that differs cut from the other side, a quote's speaker dropped first
(`versions.version_words` with the room the row has). The core function, then Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.rows import Offsets, SpanRow
from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.vocabulary import Label
from tests.tui.test_review_panel_hints import panel_rows

PAD = "Officials met again on Monday to discuss the budget for the coming year, and the talks ran late. " * 9
TEXT = PAD + "The ministry said the new port would cost between US$300 and US$400 million over five years."
WIDE = "between US$300 and US$400 million"
NARROW = "US$300 and US$400 million"


def span(words: str, label: str = "FIGURE") -> Span:
    start = TEXT.index(words)
    return Span(start=start, end=start + len(words), label=label, text=words)


def row(words: str, label: Label = Label.FIGURE, speaker: tuple[int, int] | None = None) -> SpanRow:
    start = TEXT.index(words)
    said = Offsets(*speaker) if speaker else None
    return SpanRow(id=start, start=start, end=start + len(words), label=label, text=words, speaker=said)


def port_figures(path: Path) -> Path:
    """alice and bob agree on the ACTOR 'ministry' and differ on where the FIGURE starts."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Port"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", [span("ministry", "ACTOR"), span(WIDE)], Status.DONE)
        store.replace_annotation(article_id, "bob", [span("ministry", "ACTOR"), span(NARROW)], Status.DONE)
    return path


def test_a_version_cut_to_its_room_keeps_the_differing_edge_and_its_offsets() -> None:
    from annotator.versions import version_words

    wide, narrow = row(WIDE), row(NARROW)
    assert version_words(wide, [wide, narrow], TEXT, room=19) == ("", "between… · 915:948")
    assert version_words(narrow, [wide, narrow], TEXT, room=19) == ("", "US$300… · 923:948")
    assert version_words(wide, [wide, narrow], TEXT, room=40) == ("", "between US$300… · 915:948")  # fits: as before


def test_an_end_that_differs_keeps_its_last_words_and_a_speaker_goes_first() -> None:
    from annotator.versions import version_words

    said = (TEXT.index("ministry"), TEXT.index("ministry") + len("ministry"))
    long, short = row("the new port would cost between", Label.QUOTE, said), row("the new port", Label.QUOTE, said)
    assert version_words(long, [long, short], TEXT, room=60) == ("", "…cost between · 891:922 · ministry")
    assert version_words(long, [long, short], TEXT, room=29) == ("", "…cost between · 891:922 · mi…")
    assert version_words(long, [long, short], TEXT, room=19) == ("", "…between · 891:922")
    assert version_words(short, [long, short], TEXT, room=19) == ("", "…new port · 891:903")


def test_both_edges_that_differ_share_the_room() -> None:
    from annotator.versions import version_words

    outer, inner = row("would cost between US$300 and"), row("US$300")
    assert version_words(outer, [outer, inner], TEXT, room=40) == ("", "would cost…US$300 and · 904:933")
    assert version_words(outer, [outer, inner], TEXT, room=19) == ("", "would…and · 904:933")


@pytest.mark.parametrize(
    ("size", "versions"),
    [
        ((80, 24), ["  FIG between… · 915:948", "  FIG US$300… · 923:948"]),
        ((100, 32), ["  FIG between… · 915:948", "  FIG US$300… · 923:948"]),  # the side panel as narrow
        ((200, 50), ["  FIG between US$300… · 915:948", "  FIG US$300 and… · 923:948"]),
    ],
)
async def test_a_start_boundary_disagreement_reads_in_the_panel(
    tmp_path: Path, size: tuple[int, int], versions: list[str]
) -> None:
    app = make_review_app(port_figures(tmp_path / "r.db"), "carol", ["alice", "bob"], keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = panel_rows(app)
    assert rows[rows.index("a alice") :][:4] == ["a alice", versions[0], "b bob", versions[1]]

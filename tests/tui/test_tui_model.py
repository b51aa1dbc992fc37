"""The screen's plain-Python model and layout: no Textual app needed."""

from __future__ import annotations

from annotator.models import Label
from annotator.store import Store
from annotator.tui.layout import Layout, display, glyph
from annotator.tui.model import ArticleModel
from tests.tui.conftest import WHO
from tests.tui.fixtures import seed_tokens


def fresh(store: Store) -> ArticleModel:
    return ArticleModel(store.view("seed", WHO))


def snapshot(model: ArticleModel) -> list[tuple]:
    return [(item.kind, item.id, item.start, item.end, item.label.value, item.speaker) for _, key in model.order
            for item in [model.items[key]]]  # fmt: skip


def test_model_mirrors_the_store_through_every_kind_of_edit(tui_db):
    with Store.open(tui_db) as store:
        model = fresh(store)
        pending = [key[1] for _, key in model.order if key[0] == "pending"]
        edits = [
            store.accept_suggestion("seed", WHO, pending[0]),
            store.reject_suggestion("seed", WHO, pending[1]),
            store.accept_corrected("seed", WHO, pending[2], label=Label.ACTOR),
            store.undo("seed", WHO),
            store.add_span("seed", WHO, 9, 15, Label.FIGURE),
            store.accept_all("seed", WHO),
        ]
        first_span = min(s.id for s in store.spans("seed", WHO))
        edits += [
            store.relabel_span("seed", WHO, first_span, Label.FIGURE),
            store.remove_span("seed", WHO, first_span),
            store.undo("seed", WHO),
            store.undo("seed", WHO),
            store.redo("seed", WHO),
        ]
        for edit in edits:
            model.apply(edit)
        assert snapshot(model) == snapshot(fresh(store))


def test_layout_wraps_at_spaces_and_keeps_paragraphs():
    layout = Layout("one two three four\n\nfive", 9)
    assert [(line.start, line.end) for line in layout.lines] == [(0, 8), (8, 14), (14, 18), (19, 19), (20, 24)]
    assert layout.line_of(9) == 1
    assert list(layout.lines_between(3, 16)) == [0, 1, 2]


def test_layout_columns_follow_wide_and_control_characters():
    layout = Layout("a\x1b漢b\tc", 40)
    line = layout.lines[0]
    assert [line.column(offset) for offset in range(6)] == [0, 1, 2, 4, 5, 9]
    assert line.offset_at(3) == 2 and line.offset_at(6) == 4


def test_glyphs_neutralise_control_characters():
    assert display("\x1b[31m[bold]\x07\x7f\u202e\ufffd") == "␛[31m[bold]␇␡⟨U+202E⟩\ufffd"
    assert glyph("\u202e") == ("⟨U+202E⟩", 8)
    assert glyph("\t") == ("    ", 4)


#: Newsroom copy: a title, then paragraphs with a blank line between them (the seed article has none).
SPACED = (
    "Title\n\nFirst paragraph of several words that wraps over years, saving 4.2 billion crowns.\n\n"
    "Chief executive Sunita Rao said the plan works.\n"
)


def starts_of(text: str) -> list[int]:
    return [token.start for token in seed_tokens(text)]


def word_at(text: str, starts: list[int], token: int) -> str:
    return text[starts[token] : seed_tokens(text)[token].end]


def test_a_line_move_steps_over_blank_lines_keeping_the_column():
    layout = Layout(SPACED, 30)
    assert [SPACED[line.start : line.end] for line in layout.lines] == [
        "Title", "", "First paragraph of several ", "words that wraps over years, ", "saving 4.2 billion crowns.", "",
        "Chief executive Sunita Rao ", "said the plan works.", "",
    ]  # fmt: skip
    starts = starts_of(SPACED)

    def moved(word: str, step: int, column: int | None = None) -> str:
        start = SPACED.index(word)
        line = layout.line_of(start)
        column = layout.lines[line].column(start) if column is None else column
        return word_at(SPACED, starts, layout.token_toward(starts, line, column, line + step))

    assert moved("saving", 1) == "Chief"  # down from a paragraph's last line: the next one's first
    assert moved("crowns", 1) == "Sunita"  # column 19, in "Sunita" (16 to 22)
    assert moved("Chief", -1) == "saving"  # up from column 0: the last line above, at column 0, not its "."
    assert moved("First", -1) == "Title"
    assert moved("Title", 1) == "First"  # no longer stuck on "Title"
    assert moved("said", 1) == "said"  # the last line: only blank lines below, so it stays
    assert moved("Title", -1) == "Title"
    assert moved("Chief", -1, column=22) == "crowns"  # the goal column kept from a longer line
    assert moved("Title", 4, column=0) == "saving"  # a page down
    assert moved("said", -6, column=0) == "Title"  # a page up onto the blank line under the title: on over it
    assert moved("First", 40, column=0) == "said"  # a page down past the end: the last line with text


def test_a_line_move_steps_over_a_long_word_and_leading_white_space():
    text = "x " + "long" * 10 + "\n    indented words"
    layout = Layout(text, 12)
    starts = starts_of(text)
    assert [text[line.start : line.end] for line in layout.lines] == [
        "x ", "longlonglong", "longlonglong", "longlonglong", "long", "    indented ", "words"
    ]  # fmt: skip
    long = layout.token_toward(starts, 0, 0, 1)
    assert word_at(text, starts, long) == "long" * 10
    # Down from the long word's first line: over the lines it runs on to, not back onto it.
    assert word_at(text, starts, layout.token_toward(starts, 1, 0, 2)) == "indented"  # column 0: white space
    assert word_at(text, starts, layout.token_toward(starts, 5, 4, 4)) == "long" * 10


def test_speaker_candidates_of_the_quote_s_paragraph_come_first(tmp_path):
    """The next paragraph's first name is nearer the quote's end than the name in the quote's own sentence, yet it
    came first in the speaker choice (a newcomer's trial, 36)."""
    from annotator.models import ArticleIn
    from tests.support import word_tokens

    text = 'The minister, Ana Ruiz, spoke at length in parliament about the plan, saying "we will not change course."\nReuters said the vote would follow.'  # fmt: skip
    with Store.open(tmp_path / "x.db") as store:
        [article], _ = store.add_articles([(ArticleIn(text=text, title="Plan"), word_tokens(text), [])])
        for start, end, label in [(14, 22, "ACTOR"), (78, 104, "QUOTE"), (106, 113, "ACTOR")]:
            store.add_span(article, WHO, start, end, label)
        model = ArticleModel(store.view(article, WHO))
    [quote] = [item for item in model.items.values() if item.label is Label.QUOTE]
    assert [text[a.start : a.end] for a in model.speaker_candidates(quote)] == ["Ana Ruiz", "Reuters"]

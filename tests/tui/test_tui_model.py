"""The screen's plain-Python model and layout: no Textual app needed."""

from __future__ import annotations

from annotator.models import Label
from annotator.store import Store
from annotator.tui.layout import Layout, display, glyph
from annotator.tui.model import ArticleModel
from tests.tui.conftest import WHO


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
    assert display("\x1b[31m[bold]\x07\x7f\u202e") == "␛[31m[bold]␇␡\ufffd"
    assert glyph("\t") == ("    ", 4)

"""How labels and states look: one place, shared by the article, the span list and the legend.

Colour is never the only cue. Labels differ by text attribute too (ACTOR bold, LOCATION underline, FIGURE
bold and underline, QUOTE italic with a bar in the margin); accepted spans have a solid background while
pending suggestions are coloured text on the normal background; the current span is black on white. The
four colours are mid-tones that stay readable as backgrounds (with black text) and as text on dark and light
themes alike, and map to distinct colours in a 16-colour terminal.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style

from annotator.vocabulary import Label

COLOURS = {
    Label.ACTOR: "#5c9cf5",
    Label.LOCATION: "#4cbb5e",
    Label.FIGURE: "#e9a23b",
    Label.QUOTE: "#cf6fdc",
}
SHORT = {Label.ACTOR: "ACT", Label.LOCATION: "LOC", Label.FIGURE: "FIG", Label.QUOTE: "QUO"}
ATTRIBUTES = {
    Label.ACTOR: Style(bold=True),
    Label.LOCATION: Style(underline=True),
    Label.FIGURE: Style(bold=True, underline=True),
    Label.QUOTE: Style(italic=True),
}
CURRENT = Style(color="#000000", bgcolor="#f2f2f2", bold=True)
CURSOR = Style(reverse=True)
SELECTION = Style(color="#ffffff", bgcolor="#6a5acd", bold=True)
SPEAKER = Style(color="#000000", bgcolor="#ffd23f", bold=True)
SPEAKER_TEXT = Style(bold=True)
QUOTE_BAR = {"span": "┃", "pending": "┆"}
STATE_MARK = {"span": "✓", "pending": "?"}


@lru_cache(maxsize=64)
def entity_style(label: Label, pending: bool) -> Style:
    """An entity span: solid label colour when accepted, label-coloured text when pending."""
    if pending:
        return Style(color=COLOURS[label]) + ATTRIBUTES[label]
    return Style(color="#000000", bgcolor=COLOURS[label]) + ATTRIBUTES[label]


@lru_cache(maxsize=8)
def quote_style(pending: bool) -> Style:
    """Quote text: italic in the quote colour; a pending quote is dimmed as well."""
    return Style(color=COLOURS[Label.QUOTE], italic=True, dim=pending)


def label_style(label: Label, pending: bool = False) -> Style:
    return quote_style(pending) if label is Label.QUOTE else entity_style(label, pending)

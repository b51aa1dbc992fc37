"""How labels and states look: one place, shared by the article, the span list and the legend.

Colour is never the only cue. Labels differ by text attribute too (ACTOR bold, LOCATION underline, FIGURE
bold and underline, QUOTE italic with a bar in the margin of each line holding some of its words, also one it
starts or ends inside: ┃ accepted, ┆ pending); accepted spans have a solid
background while pending suggestions are coloured text on the normal background; rejected suggestions (shown
on request) are struck through; the current item is black on white (white on black in the light theme), and the review screen's current
disagreement black on rose. Every colour reaches a contrast ratio of 4.5:1 or more where it is drawn
(tests/tui/test_contrast.py computes it): accepted spans are black on the label's mid-tone in both themes; pending
text is the mid-tone on the dark theme's background and a darker shade on the light theme's.
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
#: Pending text on the light theme's background: the mid-tones are too light there.
DARKER = {
    Label.ACTOR: "#1a56b0",
    Label.LOCATION: "#17692a",
    Label.FIGURE: "#7a4a00",
    Label.QUOTE: "#80298f",
}
REJECTED_COLOUR = {True: "#9e9e9e", False: "#4a4a4a"}  # on dark, on light
SHORT = {Label.ACTOR: "ACT", Label.LOCATION: "LOC", Label.FIGURE: "FIG", Label.QUOTE: "QUO"}
ATTRIBUTES = {
    Label.ACTOR: Style(bold=True),
    Label.LOCATION: Style(underline=True),
    Label.FIGURE: Style(bold=True, underline=True),
    Label.QUOTE: Style(italic=True),
}
CURRENT = Style(color="#000000", bgcolor="#f2f2f2", bold=True)
CURRENT_ON_LIGHT = Style(color="#ffffff", bgcolor="#1f1f1f", bold=True)
CURSOR = Style(reverse=True)
SELECTION = Style(color="#ffffff", bgcolor="#6a5acd", bold=True)
SPEAKER = Style(color="#000000", bgcolor="#ffd23f", bold=True)
#: The review screen's current disagreement: rose, under the spans in it (no label's colour, nor the current item's).
DISPUTED = Style(color="#000000", bgcolor="#f4a6bd")
SPEAKER_TEXT = Style(bold=True)
QUOTE_BAR = {"span": "┃", "pending": "┆", "rejected": " "}
STATE_MARK = {"span": "✓", "pending": "?", "rejected": "✗"}


def current_style(dark: bool = True) -> Style:
    """The current item: black on white on the dark theme's page, white on black on the light theme's (black on
    white there stood 1.18:1 off the page: newcomer 42t could not see what the keys act on)."""
    return CURRENT if dark else CURRENT_ON_LIGHT


def text_colour(label: Label, dark: bool) -> str:
    """A label's colour as text on the theme's background (pending suggestions, quotes)."""
    return COLOURS[label] if dark else DARKER[label]


@lru_cache(maxsize=64)
def entity_style(label: Label, kind: str, dark: bool = True) -> Style:
    """An entity: solid label colour when accepted, label-coloured text when pending, grey and struck through
    when rejected."""
    if kind == "span":
        return Style(color="#000000", bgcolor=COLOURS[label]) + ATTRIBUTES[label]
    if kind == "rejected":
        return Style(color=REJECTED_COLOUR[dark], strike=True)
    return Style(color=text_colour(label, dark)) + ATTRIBUTES[label]


@lru_cache(maxsize=16)
def quote_style(kind: str, dark: bool = True) -> Style:
    """Quote text: italic in the quote colour (a pending quote is told apart by its ┆ bar), rejected ones struck."""
    if kind == "rejected":
        return Style(color=REJECTED_COLOUR[dark], italic=True, strike=True)
    return Style(color=text_colour(Label.QUOTE, dark), italic=True)


def label_style(label: Label, kind: str = "span", dark: bool = True) -> Style:
    return quote_style(kind, dark) if label is Label.QUOTE else entity_style(label, kind, dark)

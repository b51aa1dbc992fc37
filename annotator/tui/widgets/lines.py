"""A base for the Line API widgets here: the widget's own style, computed once per style change.

`Widget.rich_style` walks the ancestors on every call (about 0.3 ms); a line widget needs it per line.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class BaseStyle(Widget):
    """A base for Widgets (first among their bases): `base_style` is `rich_style`, cached until the styles change."""

    _base_style: Style | None = None
    _dark: bool | None = None

    @property
    def base_style(self) -> Style:
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    @property
    def dark(self) -> bool:
        """Whether the theme is dark (label colours differ: see `annotator.tui.styles`)."""
        if self._dark is None:
            self._dark = self.app.current_theme.dark
        return self._dark

    def notify_style_update(self) -> None:
        self._base_style = None
        self._dark = None
        super().notify_style_update()

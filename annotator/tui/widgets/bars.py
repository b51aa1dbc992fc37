"""The title line and the key line: one widget each, drawn as one line of text.

They replace Textual's Header and Footer, which build a widget per key (and a clock) with their own CSS; at
start-up that styling cost more than drawing the article. They look the same: the app title and the screen's
sub-title centred on top; the shown bindings at the bottom, with their (remappable) keys, dimmed while an
action is disabled, and a click on a key presses it. Where the keys do not fit, a screen's spare keys are left out
whole before the line is cut (`KEYBAR_SPARE`).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.widget import Widget


class TitleBar(Widget, can_focus=False):
    """`annotator — who · article title`, centred; follows the app's and the screen's sub-title."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "sub_title", self._changed, init=False)
        self.watch(self.screen, "sub_title", self._changed, init=False)

    def _changed(self, _value: object = None) -> None:
        self.refresh()

    def render(self) -> Content | Text:
        header: tuple[str, str, str] | None = getattr(self.screen, "header", None)
        if header is not None:
            return self._three_parts(*header)
        sub_title = self.screen.sub_title if self.screen.sub_title is not None else self.app.sub_title
        # Article titles reach here already made safe (layout.display); Content never reads markup.
        return self.app.format_title(self.app.title, sub_title)

    def _three_parts(self, left: str, centre: str, right: str) -> Text:
        """The database file on the left, the article's title in the middle (cut first), where it is on the
        right; all of it already made safe (layout.display). Widths are terminal cells: a CJK character or an
        emoji takes two, and counting it as one cut the right end off."""
        width = self.size.width
        room = width - cell_len(left) - cell_len(right) - 4
        if room < 8:  # a narrow terminal or long names: the place and the title, the names left out
            left, room = "", width - cell_len(right) - 4
        if cell_len(centre) > room:
            centre = set_cell_size(centre, max(room - 1, 0)) + "…"
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        line.append(f" {left}", "dim")
        gap = max(width - cell_len(left) - cell_len(centre) - cell_len(right) - 2, 2)
        line.append(" " * (gap // 2))
        line.append(centre, "bold")
        line.append(" " * (gap - gap // 2))
        line.append(f"{right} ")
        return line


class KeyBar(Widget, can_focus=False):
    """The screen's shown bindings as ` key Description `; the keys follow the keymap file."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[tuple[int, int, str, bool]] = []  # (first column, end column, key, enabled)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _changed(self, _screen: object = None) -> None:
        self.refresh()

    def render(self) -> Text:
        colour = self.app.theme_variables.get("footer-key-foreground")
        key_style = Style(bold=True, color=Color.parse(colour).rich_color if colour else None)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        self._keys = []
        shown = self._shown()
        for binding, enabled in shown:
            start = len(text)
            text.append(f" {self.app.get_key_display(binding)} ", key_style)
            text.append(f"{self._described(binding)} ")
            if not enabled:
                text.stylize(Style(dim=True), start)
            self._keys.append((start, len(text), binding.key, enabled))
        return text

    def _described(self, binding: Binding) -> str:
        """A binding's description, or the one the screen gives it now (`key_words`, by binding id: the done
        prompt's "Leave it" for one item)."""
        words: dict[str, str] = getattr(self.screen, "key_words", {})
        return words.get(binding.id or "", binding.description)

    def _shown(self) -> list[tuple[Binding, bool]]:
        """The shown bindings (or those the screen's `key_bar` names now, in its order: a done article's), once each;
        where they do not fit the bar's width, without the screen's spare keys (`KEYBAR_SPARE`: binding ids, left
        out in that order, whole, while still too wide; the help lists them)."""
        shown: list[tuple[Binding, bool]] = []
        seen: set[str] = set()
        only: tuple[str, ...] | None = getattr(self.screen, "key_bar", None)  # the screen's choice now, by id
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if (binding.show if only is None else binding.id in only) and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled))
        if only is not None:
            shown.sort(key=lambda pair: only.index(pair[0].id or ""))

        def width() -> int:
            return sum(cell_len(f" {self.app.get_key_display(b)} {self._described(b)} ") for b, _ in shown)

        for spare in getattr(self.screen, "KEYBAR_SPARE", ()):
            if not self.size.width or width() <= self.size.width:
                break
            shown = [(b, enabled) for b, enabled in shown if b.id != spare]
        return shown

    def on_click(self, event: events.Click) -> None:
        for start, end, key, enabled in self._keys:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return

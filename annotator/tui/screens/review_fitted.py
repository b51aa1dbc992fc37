"""Lines of the review screen fitted to the status line's width, fitted again when it changes.

What a review screen says of another reviewer's change (`review_shown.kept`), and the refusal of the key after it,
take 2 rows at most: of the ways to say it, fullest first, the first that fits the width the screen had then. A
terminal resized afterwards kept the words chosen for the old width (a trial: cut short at 200 columns, or 3 rows
at 80 once said at 200), as the next key's refusal did. The words remember the ways they were chosen among
(`Fitted`); when the status line's width changes, the line it shows, and the words kept for the next key's
refusal, are those the screen would have said at the new width."""

from __future__ import annotations

from collections.abc import Sequence
from textwrap import wrap

from rich.text import Text

from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.reloading import AGAIN
from annotator.tui.widgets.info import StatusLine

#: The status line's columns at 80 (its padding: app.tcss), in which a line about another reviewer's change takes
#: two rows at most, as the refusal of the next key too (a re-trial: 4 rows with long annotator names).
ROOM = 78

#: What a key's refusal says around the words (`Fitted.frame`), which the words are fitted in.
REFUSED = ("Not done: ", f"; {AGAIN}")


def fits(line: str, room: int) -> bool:
    """Whether `line` takes two rows at most on the status line, `room` columns wide (none yet: as at 80 columns)."""
    return len(wrap(line, room or ROOM, break_on_hyphens=False)) <= 2


class Fitted(str):
    """Words a line says: the first of `forms` (fullest first) that fits two rows `room` wide inside `frame` (what
    the line says before and after them), else the last; `at` chooses again for another width."""

    forms: tuple[str, ...]
    frame: tuple[str, str]

    def __new__(cls, forms: Sequence[str], room: int, frame: tuple[str, str] = REFUSED) -> Fitted:
        before, after = frame
        made = super().__new__(cls, next((f for f in forms if fits(f"{before}{f}{after}", room)), forms[-1]))
        made.forms, made.frame = tuple(forms), frame
        return made

    def at(self, room: int) -> Fitted:
        return Fitted(self.forms, room, self.frame)


class RefittingScreen(AnnotateScreen):
    """A screen whose status line may say `Fitted` words: said again at a new width of the status line, as long as
    it still shows that line. Reading gold again leaves its words in `moved` (the next key is not applied) or
    `noted` (it is), which `reloading.show_as_stored` says."""

    #: What reading gold again moved the disagreement shown off (`review_shown.kept`), for the next key's refusal.
    moved: str | None = None
    #: What reading gold again found an undo elsewhere reopened, not the disagreement shown (`review_shown.kept`).
    noted: str | None = None
    #: Fitted words made for a line other than those of `moved` (`fitted`), the last few.
    _lately: tuple[Fitted, ...] = ()
    #: The line said last with fitted words: its words, its style, the text the status line shows for it, and them.
    _said: tuple[str, str, Text, tuple[Fitted, ...]] | None = None

    def moved_by_reload(self) -> str | None:
        return self.moved

    def said_by_reload(self) -> str | None:
        return self.noted

    def fitted(self, forms: Sequence[str], frame: tuple[str, str] = REFUSED) -> Fitted:
        """The fullest of `forms` that fits the status line's width now inside `frame`, fitted again with it."""
        words = Fitted(forms, self.status_line.content_region.width, frame)
        self._lately = (*self._lately[-3:], words)
        return words

    def say(self, message: str | Text, style: str = "") -> None:
        super().say(message, style)
        self._said = None
        if isinstance(message, str):
            known = (self.moved, self.highlight_unseen, self.noted, *self._lately)
            pieces = tuple(dict.fromkeys(p for p in known if isinstance(p, Fitted) and p and p in message))
            if pieces:
                self._said = (message, style, self.status_line.text, pieces)
                self._log_whole(message, pieces)

    def _log_whole(self, message: str, pieces: tuple[Fitted, ...]) -> None:
        """The message log (M) keeps the line just said with the fullest of its words: it shows every line whole,
        at any width (it kept the words fitted to the status line then, cut short after a resize)."""
        for piece in pieces:
            message = message.replace(piece, piece.forms[0], 1)
        log = self.annotator_app.messages
        log[-1] = (log[-1][0], message)

    def on_status_line_resized(self, resized: StatusLine.Resized) -> None:
        """Fit the words of the line shown, and those kept for the next key's refusal, to the new width."""
        room = resized.width
        if isinstance(self.moved, Fitted):
            self.moved = self.moved.at(room)
        if isinstance(self.highlight_unseen, Fitted):
            self.highlight_unseen = self.highlight_unseen.at(room)
        if isinstance(self.noted, Fitted):
            self.noted = self.noted.at(room)
        self._lately = tuple(words.at(room) for words in self._lately)
        if self._said is None or self.status_line.text is not self._said[2]:  # another line since: nothing fitted
            return
        message, style, _, pieces = self._said
        now = tuple(piece.at(room) for piece in pieces)
        if now == pieces:
            return
        for piece, words in zip(pieces, now, strict=True):
            message = message.replace(piece, words, 1)
        self.status_line.say(Text(message, style=style))
        self._said = (message, style, self.status_line.text, now)

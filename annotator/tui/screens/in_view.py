"""A key that acts on the highlighted span acts only when it is on screen.

The wheel scrolls the article and leaves the cursor and the highlighted span where they were: the span may be off
screen, and a key then acted on it unseen (a trial: eight wheel turns down, then x rejected a span out of sight;
only the span list's marker told). The cursor does not follow the view (as in less or vim) because a scroll would
then change what is highlighted, and the next key would act on a span the person never chose; instead the key
brings what it acts on back into view and says so, without acting: pressed again, it acts on what is shown. A
window too small to show the text at all is said in the same way (`too_small`), for a key on the whole article
(accept all, done, skip, flag) too; undo and redo still act there, as the way back, and say what they changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.literal import quoted
from annotator.tui.preview import shortened

if TYPE_CHECKING:
    from annotator.tui.screens.article import ArticleScreen


def brought_into_view(screen: ArticleScreen, again: str) -> bool:
    """When what a key acts on (the selection, else the highlighted item, else the word under the cursor) is out of
    view: scroll to it, say so (`again`: how to act on it then) and return True; the key then does nothing more."""
    model = screen.model
    if not model.tokens:
        return False
    if too_small(screen):
        return True
    selection, item = screen._selection(), model.get(screen.current)
    if selection is not None:
        (start, end), what = selection, "the selection"
    elif item is not None:
        (start, end), what = (item.start, item.end), f"the highlighted {item.label.value}"
    else:
        (start, end), what = model.tokens[min(screen.cursor, len(model.tokens) - 1)], "the word under the cursor"
    if screen.view.shows(start, end):
        return False
    screen._redraw()
    words = f"{quoted(shortened(model.text[start:end], 60))} at {start}:{end}"
    screen.say(f"Not done: {what} {words} was scrolled out of view: shown now; {again}", "bold red")
    return True


def disagreement_brought_into_view(screen: ArticleScreen, start: int, end: int, again: str) -> bool:
    """The review's pick keys act on the disagreement, not on the highlighted span: when it (start..end) is out of
    view, scroll to it, say so and return True; the key then picks nothing (the cursor stays where it is)."""
    if too_small(screen):
        return True
    if screen.view.shows(start, end):
        return False
    screen.view.follow(start)
    words = f"{quoted(shortened(screen.model.text[start:end], 60))} at {start}:{end}"
    screen.say(f"Not done: the disagreement {words} was out of view: shown now; {again}", "bold red")
    return True


def too_small(screen: ArticleScreen) -> bool:
    """When the window cannot show the article's text, say how much larger it must be and return True: a key then
    acts on nothing (a trial at 30x8 removed a span from a text 0 columns wide; another there marked done, and
    accepted the suggestions of, an article it never saw: the keys on the whole article ask this too)."""
    columns, rows = screen.view.lacking()
    if not (columns or rows):
        return False
    screen.say(_refusal(columns, rows), "bold red")
    return True


def _refusal(columns: int, rows: int) -> str:
    wanted = " and ".join(
        more
        for more in (f"{columns} column(s) wider" if columns else "", f"{rows} row(s) taller" if rows else "")
        if more
    )
    return f"{TOO_SMALL} make it {wanted} (a key acts only on what the window shows)"


#: How `too_small`'s refusal begins: `fits_again` takes it back.
TOO_SMALL = "Not done: the window is too small to show the article's text:"
#: What `fits_again` says then; shrunk again, the refusal comes back (trial s61 t23 F2: it stayed, and x was refused).
FITS = "The window shows the article's text now: keys act on it again"


def fits_again(screen: ArticleScreen) -> None:
    """After a resize, where the status line asks for a larger window: how much larger now, or, where the window
    shows the text, that keys act again (re-trial s60 t22 F6: at 45x5 it still said "make it 10 column(s) wider",
    as if nothing would act)."""
    if not screen.is_mounted:  # a resize before the screen's widgets are found
        return
    shown = screen.status_line.text.plain
    if not (shown.startswith(TOO_SMALL) or shown == FITS):
        return
    columns, rows = screen.view.lacking()
    if columns or rows:  # too small (again): how much now (on the line only: a drag would fill the log)
        screen.status_line.say(_refusal(columns, rows), "bold red")
    elif shown != FITS:
        screen.say(FITS)

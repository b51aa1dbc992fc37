"""d on the review screen while disagreements are open asks first (trial 22: their spans would go into gold as
nothing); y marks gold done without them. The answer holds for the disagreements open as the question showed them (a
team lead's trial: another reviewer settled the one left open while the question was up, and y marked gold done
without a word): the mark is written with the check, in its transaction, that they are still the ones open
(`review_done.done_as_asked`), and else not written, one line saying what changed since d asked and how many are
open now, as the screen's other keys say it of a change they had not shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.errors import Refused
from annotator.tui.bindings import key_name
from annotator.vocabulary import Status
from annotator.wording import counted, them

if TYPE_CHECKING:
    from annotator.gold import ReviewState
    from annotator.review_done import OpenChanged
    from annotator.rows import Edit
    from annotator.tui.screens.review import ReviewScreen


def ask_done(screen: ReviewScreen, state: ReviewState, finish: Callable[[], None]) -> None:
    """Ask before gold is marked done with the disagreements open in `state`; on y, `finish` marks it (the annotate
    screen's d, which may ask about a quote without its speaker too), as asked (`marked_as_asked`)."""
    from annotator.review_done import open_places
    from annotator.tui.screens.prompts import OpenDisagreementsPrompt

    asked = open_places(state)

    def chosen(done: bool | None) -> None:
        if not done:
            left = f"{counted(len(asked), 'disagreement')} still open"
            screen.say(f"Not marked done: {left} (tab goes to {them(len(asked))})", "dim")
            return
        screen.catch_up()  # what changed while the question was up is shown before the answer is written
        screen.asked = asked
        finish()

    screen.app.push_screen(OpenDisagreementsPrompt(len(asked)), chosen)


def marked_as_asked(screen: ReviewScreen, status: Status) -> Callable[..., Edit] | None:
    """The write of d (`ReviewScreen.status_write`) marking gold done after y (`ask_done`): made as asked, in one
    write with the check (`review_done.done_as_asked`), or `Refused` saying what changed since (`since_asked`); None
    for any other (no y since the last d, or not done)."""
    asked, app = screen.asked, screen.review_app
    if asked is None or status is not Status.DONE:
        return None

    def mark_done(article_id: str, annotator: str, status: Status, reason: str | None = None) -> Edit:
        from annotator.review_done import OpenChanged, done_as_asked

        def mark() -> Edit:
            return app.store.set_status(article_id, annotator, status, reason=reason)

        try:
            return done_as_asked(app.store, article_id, app.annotators_for(article_id), asked, mark)
        except OpenChanged as changed:
            raise Refused(since_asked(screen, changed)) from None

    return mark_done


def since_asked(screen: ReviewScreen, changed: OpenChanged) -> str:
    """What changed since d asked, and what is open now, the fullest that fits 2 rows (`review_shown.kept`): "since d
    asked, disagreement 1/2 ('Anna' at 8:12) was settled by lead, with bob's version; 1 is open now: press d again"."""
    from annotator.tui.screens.review_shown import FORMS, names, said_by

    state, text = changed.state, screen.model.text
    settled, opened, gone = changed.changed()
    ways = [
        *([f"{names(state, i, text)[n]} was {said_by(by, how)}" for n, how, _ in FORMS]
          for i in settled if (by := state.settled_in[i]) is not None),
        *([f"{names(state, i, text)[n]} is open" for n, _, _ in FORMS] for i in opened),
        *([[f"{counted(gone, 'disagreement')} it showed {'is' if gone == 1 else 'are'} no longer there"]] if gone else []),
    ]  # fmt: skip
    more = f" (and {counted(len(ways) - 1, 'other change')})" if len(ways) > 1 else ""
    key = key_name(screen.annotator_app.keymap.get("done", "d").split(",")[0])
    now = len(state.open)
    again = f"press {key} again" + ("" if now else " to mark gold done")
    open_now = "none is" if not now else f"{now} {'is' if now == 1 else 'are'}"
    lines = [
        f"since {key} asked, {what}{more}; {open_now} open now: {again}"
        for what in (ways[0] if ways else [str(changed)])
    ]
    return screen.fitted(lines, ("Not done: ", ""))

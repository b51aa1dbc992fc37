"""A key pressed on an article that changed under the screen is not lost.

Another window may have changed this annotation, or `annotator suggest --all` recomputed the article's
suggestions (new ids) since the screen showed it: the Store then refuses the edit (`Conflict`). An editing key
is marked `@retried(...)`: the article is reloaded, the cursor, selection and current item are put back on what
they were (the same kind of item at the same offsets, label and speaker), and the key acts again, once, when it
still means the same thing; else nothing is done and the screen says why in one line. What "the same thing" is
depends on the key: one that acts on the current item needs that item still there; accept all (and done, which
may accept them all) needs the same pending suggestions, and neither acts once another window marked the article
done; undo and redo act on the history, which a reload does not change; a mark (`d`'s leave, `S`, `F`) is made
again, as the status code writes nothing when the mark is there already ("Already done"). The same holds when the screen noticed the change first (its tick or the focus coming
back, `ArticleScreen.catch_up`) and that moved the highlight off the item the person saw: the next editing key on
the current item is not applied, and one line says what is highlighted now (a newcomer's trial: the key came
right after the tick and acted on an item the screen had never shown highlighted). A review's pick acts on the
disagreement shown (`review_shown`): it needs that one still there and settled as it was shown, and the screen
reading gold again may move the highlight off it (`ArticleScreen.moved_by_reload`): then no editing key acts next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from annotator.errors import Conflict
from annotator.locking import locked
from annotator.tui.items import Identity, Item, ItemKey, highlight_moved, identity, pending_moved
from annotator.tui.model import ArticleModel
from annotator.tui.screens.in_view import brought_into_view, too_small
from annotator.vocabulary import Status

if TYPE_CHECKING:
    from annotator.tui.screens.annotate import AnnotateScreen
    from annotator.tui.screens.article import ArticleScreen

Meaning = Literal["current", "pending", "history", "status", "disagreement"]
Action = TypeVar("Action", bound=Callable[..., None])


class Reloaded(Exception):
    """An edit was refused because the article changed elsewhere: `retried` reloads it and acts again."""

    def __init__(self, conflict: Conflict) -> None:
        super().__init__(str(conflict))
        self.conflict = conflict


def same_item(model: ArticleModel, item: Item) -> Item | None:
    """The item of `model` that looks exactly like `item`, if any."""
    wanted = identity(item)
    found = [i for i in model.items.values() if identity(i) == wanted]
    return min(found, key=lambda i: i.id) if found else None


def pending_shown(model: ArticleModel) -> list[Identity]:
    return sorted(identity(i) for i in model.items.values() if i.pending)


@dataclass(frozen=True)
class Seen:
    """Where the screen was when the key was pressed, in offsets and items (not token indexes or ids)."""

    model: ArticleModel
    cursor: int
    selection: tuple[int, int] | None
    phrase_origin: int | None
    current: Item | None


def _seen(screen: ArticleScreen) -> Seen:
    model = screen.model
    origin = screen.phrase_origin
    return Seen(model, screen._offset(), screen._selection(),
                model.tokens[origin].start if origin is not None and origin < len(model.tokens) else None,
                model.get(screen.current))  # fmt: skip


def reload_in_place(screen: ArticleScreen) -> None:
    """Read the article again, the cursor, selection and current item kept on what they were (by offsets, and
    the same kind of item with the same words, label and speaker; else what the cursor is on)."""
    _reload(screen, _seen(screen))


def show_as_stored(screen: ArticleScreen, cause: str, key: bool) -> str:
    """Read the article again as `reload_in_place` does, after another process changed it (`cause`, as
    `changed_elsewhere` says it), and what to say. When that marked it done, that is what changed: the suggestions
    are no longer pending because it is done, and the keys that still work there act at once (trial 10: "LOCATION
    'Rome' is no longer suggested as it was", and O refused once). Else the next editing key on the current item
    (on the pending ones) is not applied when they moved (`retried`). `key`: asked before a key, not applied."""
    model = screen.model
    highlighted = model.get(screen.current) if screen.selection_start is None else None
    pending, status = pending_shown(model), model.status
    reload_in_place(screen)
    unapplied = "; the key was not applied: press it again" if key else ""
    if screen.model.status is Status.DONE and status is not Status.DONE:
        screen.highlight_unseen, screen.pending_unseen = None, None
        if not locked(Status.DONE, screen.annotator_app.annotator):  # gold: the next key was aimed at it not done
            screen.done_unseen = gold_done_since(screen)
            return f"Shown as stored now: {screen.done_unseen}{unapplied}"
        where = cause.removeprefix("the annotation was changed ")
        return f"Shown as stored now: the article was marked done {where} since it was shown here{'; O reopens it to change it'}{unapplied}"
    moved = screen.moved_by_reload()
    screen.highlight_unseen = moved or highlight_moved(highlighted, screen.model.get(screen.current))
    screen.pending_unseen = pending_moved(pending, pending_shown(screen.model))
    if moved is not None and cause.startswith("the annotation was changed "):  # the screen's words say who changed it
        return f"Shown as stored now: {moved}{unapplied}"  # (the review's: 4 rows at 80 columns with the cause)
    said = screen.said_by_reload()  # the review's: a disagreement not shown that an undo reopened, and who undid it
    if said is not None and moved is None and cause.startswith("the annotation was changed "):
        return f"Shown as stored now: {said}{unapplied}"
    changes = f"; {screen.highlight_unseen}" if screen.highlight_unseen else ""  # (the header counts the pending)
    return f"Shown as stored now: {cause} since it was shown here{changes}{unapplied}"


def gold_done_since(screen: ArticleScreen) -> str:
    """Gold shown not done was marked done since, by another reviewer (a newcomer's re-trial: lead2's pick went into
    gold lead had just marked done): the review has no O, gold staying open to it, so a key pressed again changes
    it; the key aimed at it not done does not (`retried`)."""
    from annotator.gold_settled import marked_done

    return f"gold was marked done {marked_done(screen.annotator_app.store, screen.article_id)} since it was shown here"


def _reload(screen: ArticleScreen, seen: Seen) -> None:
    """Read the article again and put the cursor, selection and current item back where they were."""
    screen.load(screen.article_id)
    model = screen.model
    if not model.tokens or screen.moved_by_reload() is not None:  # the screen moved the highlight itself, and says so
        return
    screen.cursor = model.token_index(seen.cursor)
    if seen.selection is not None:
        first, last = model.token_index(seen.selection[0]), model.token_index(seen.selection[1] - 1)
        screen.selection_start = first if screen.cursor == last else last
        screen.cursor = last if screen.cursor == last else first
        screen.current = None
    else:
        found = same_item(model, seen.current) if seen.current is not None else None
        screen.current = found.key if found is not None else screen._under_cursor()
    if seen.phrase_origin is not None:
        screen.phrase_origin = model.token_index(seen.phrase_origin)
    screen._redraw()


def _map(model: ArticleModel, old: ArticleModel, value: object) -> object:
    """An argument of the action (an item or an item key) as the reloaded model has it; `_GONE` if it has none."""
    if isinstance(value, Item):
        return same_item(model, value) or _GONE
    if isinstance(value, tuple) and len(value) == 2 and value[0] in ("span", "pending", "rejected"):
        item = old.get(value)
        found = same_item(model, item) if item is not None else None
        return found.key if found is not None else _GONE
    return value


_GONE = object()


def _changed(screen: AnnotateScreen, seen: Seen, meaning: Meaning, args: tuple[Any, ...]) -> str | None:
    """Why the key would not mean the same thing on the reloaded article, or None when it would."""
    model = screen.model
    if meaning in ("history", "status"):
        return None
    if (moved := screen.moved_by_reload()) is not None:
        return moved
    if meaning == "disagreement":  # the action finds its disagreement again itself
        return None
    if any(_map(model, seen.model, a) is _GONE for a in args):
        return "what it acted on is no longer as it was shown"
    if meaning == "pending" and pending_shown(model) != pending_shown(seen.model):
        return "the pending suggestions are not those it was shown"
    if seen.current is not None and seen.selection is None and same_item(model, seen.current) is None:
        return highlight_moved(seen.current, model.get(screen.current))
    return None


#: What to do after a key aimed at what was shown before the screen showed the change (`moved_unseen`).
AGAIN = "press the key again to act on it"


def moved_unseen(meaning: Meaning, moved: str) -> str:
    """Why an editing key pressed right after the screen showed an article changed elsewhere, which moved the
    highlight or changed the pending suggestions (`ArticleScreen.catch_up`), is not applied: it was aimed at what
    was shown before."""
    if meaning == "pending":
        return (
            f"the pending suggestions changed when the article was shown as stored ({moved}); press the key again "
            "to act on them"
        )
    return f"the highlight moved when the article was shown as stored: {moved}; {AGAIN}"


#: How a review changes gold another reviewer marked done since the screen showed it (`gold_done_since`).
AGAIN_ON_DONE = "press the key again to change it"

#: The names of the actions marked `retried`: the Store checks what they were shown when they write, so the screen
#: does not read the article again before them (`ArticleScreen.catch_up`).
RETRIED: set[str] = set()


def edits_through_retried(action: Action) -> Action:
    """A key's action that edits through a `retried` method (the review's picks): the screen does not read the
    article again before it either."""
    RETRIED.add(action.__name__)
    return action


def retried(meaning: Meaning) -> Callable[[Action], Action]:
    """An editing key that acts again after a reload when it still means the same thing (see the module)."""

    def decorate(action: Action) -> Action:
        RETRIED.add(action.__name__)

        @wraps(action)
        def run(screen: AnnotateScreen, *args: Any, **options: Any) -> None:
            if screen.retrying is not None:  # inside another retried action: the outer one reloads
                return action(screen, *args, **options)
            if meaning == "current" and screen.refused_on_done():  # before it asks or says anything (`locking`)
                return None
            if meaning == "current" and brought_into_view(screen, AGAIN):  # the wheel scrolled it away (`in_view`)
                return None
            if meaning in ("pending", "status") and too_small(screen):  # on an article the window does not show
                return None
            marks_done = meaning == "status" and args[:1] == (Status.DONE,)  # done already: "Already done"
            unseen = {"current": screen.highlight_unseen, "pending": screen.pending_unseen,
                      "disagreement": screen.highlight_unseen}.get(meaning)  # fmt: skip
            done_unseen = screen.done_unseen if meaning != "history" and not marks_done else None
            screen.highlight_unseen, screen.pending_unseen, screen.done_unseen = None, None, None
            if done_unseen is not None:  # gold marked done elsewhere, shown just before the key (`show_as_stored`)
                screen.say(f"Not done: {done_unseen}; {AGAIN_ON_DONE}", "bold red")
                return None
            if unseen is not None:  # aimed at what was shown before the screen showed the change (`catch_up`)
                own = unseen == screen.moved_by_reload()  # the review's says what moved and what is highlighted now
                screen.say(f"Not done: {f'{unseen}; {AGAIN}' if own else moved_unseen(meaning, unseen)}", "bold red")
                return None
            seen = _seen(screen)
            screen.retrying = ""
            try:
                action(screen, *args, **options)
                return
            except Reloaded as reloaded:
                conflict = reloaded.conflict
            finally:
                screen.retrying = None
            _reload(screen, seen)
            became_done = screen.model.status is Status.DONE and seen.model.status is not Status.DONE
            if meaning != "history" and became_done and not marks_done:
                where = conflict.cause.removeprefix("the annotation was changed ")  # the lock is the news (trial 10)
                shut = locked(Status.DONE, screen.annotator_app.annotator)
                said = f"the article was marked done {where}; O reopens it to change it" if shut else ""
                screen.say(f"Not done: {said or f'{gold_done_since(screen)}; {AGAIN_ON_DONE}'}", "bold red")
                return
            why = _changed(screen, seen, meaning, args)
            if why is not None:
                screen.say(f"Not done: {conflict.cause}, and {why}", "bold red")
                return
            mapped = tuple(_map(screen.model, seen.model, a) for a in args)
            screen.retrying = f" (after reloading: {conflict.cause})"
            try:
                action(screen, *mapped, **options)
            except Reloaded as again:  # changed once more meanwhile: say so, and leave it to the person
                screen.load(screen.article_id)
                screen.say(f"Not done: {again.conflict}; it is reloaded with those changes: try again", "bold red")
            finally:
                screen.retrying = None

        return run  # type: ignore[return-value]

    return decorate


__all__ = [
    "RETRIED",
    "ItemKey",
    "Reloaded",
    "edits_through_retried",
    "reload_in_place",
    "retried",
    "same_item",
    "show_as_stored",
]

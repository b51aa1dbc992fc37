"""The disagreement a review screen shows, kept as gold is read again (the screen's tick, the focus coming back, a
key the store refused because gold changed elsewhere), and what became of it when another reviewer settled it
meanwhile. A team lead's trial, two reviewers on one article: lead picked the disagreement both were looking at;
lead2's tick moved her screen on to the next one, and her next pick key, aimed at what she had been looking at,
was stored there as her decision (and a pick 0.3 s after the other's silently replaced it).

The disagreement shown stays shown while it is there and settled as it was shown. One that was open and another
reviewer settled gives way to the next one still open, as on the screen that settled it; one settled anew stays.
Either way the key that writes next is not applied (`reloading.retried`), and one line names the disagreement, who
settled it and what is highlighted now: it was aimed at what the screen showed. An undo or redo shows the
disagreement it changes (`after_undo`); an undo in another window that reopened one is named, with who undid it, the
one shown or not (`reopened`, `elsewhere_reopened`: a re-trial said only that the annotation was changed).

The annotators' versions are read again too, when one of them changed (a newcomer's re-trial: `annotator merge`
brought bob's newer work, and the screen said nothing; after the next key its panel counted a disagreement more, and
a pick took bob's version as the screen had read it, which he no longer had): at the tick, saying whose and by
what, and before the screen changes gold (`versions_checked`); the disagreement shown stays, and a key aimed at it
is not applied when its versions changed. Where g took the agreed spans out, an undo with nothing left says that
g puts them back (`undo_with_g`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any

from annotator.errors import Conflict
from annotator.literal import quoted
from annotator.store.nothing_to import NothingTo
from annotator.tui.screens.review_fitted import ROOM, Fitted
from annotator.vocabulary import Status
from annotator.wording import clipped, elided, whose

if TYPE_CHECKING:
    from annotator.gold import ReviewState
    from annotator.gold_settled import Settling
    from annotator.metrics.consensus import Disagreement
    from annotator.rows import Edit, SpanRow
    from annotator.store import Store
    from annotator.tui.screens.review import ReviewScreen

Place = tuple[str, int, int]


@dataclass(frozen=True)
class Shown:
    """The disagreement a screen showed: its place (layer, start, end), how a line names it (`names`), the change of
    gold that had settled it then (None: open) and who made it (`by`), and the annotators' versions of it
    (`_versions`); and every disagreement settled then, by place: the change and who made it (`settled`)."""

    place: Place
    names: tuple[str, ...]
    settled_in: int | None
    versions: tuple[tuple[str, tuple[object, ...]], ...]
    by: str | None = None
    settled: tuple[tuple[Place, int, str], ...] = ()


#: Who undid a change of gold, when its undo names them (a reviewer), and where (" in another window", " by
#: `annotator merge`"), for a change's event id (`gold_settled.undone_by`).
Undone = Callable[[int], tuple[str | None, str]]


def _versions(disagreement: Disagreement[SpanRow]) -> tuple[tuple[str, tuple[object, ...]], ...]:
    """Each annotator's version of a disagreement, to compare: its spans' offsets, labels and speakers."""
    return tuple((name, tuple((s.start, s.end, s.label, s.speaker) for s in spans))
                 for name, spans in sorted(disagreement.versions.items()))  # fmt: skip


def named(state: ReviewState, index: int, text: str, short: bool = False, offsets: bool = True) -> str:
    """A disagreement in a message: "disagreement 1/11 ('Anna' at 3:7)"; `short`: "1/11 ('Anna' at 3:7)", after
    another in one line. Long words are cut short ('the Harwick … directors'): the line names two of them and
    wrapped onto 4 rows at 80 columns (a newcomer's re-trial)."""
    disagreement = state.disagreements[index]
    words = elided(text[disagreement.start : disagreement.end], 14, 10)
    where = f"{quoted(words)} at {disagreement.start}:{disagreement.end}" if offsets else quoted(words)
    return f"{'' if short else 'disagreement '}{index + 1}/{len(state.disagreements)} ({where})"


def shown(state: ReviewState | None, index: int | None, text: str) -> Shown | None:
    """The disagreement the screen shows now, if any."""
    if state is None or index is None or index >= len(state.disagreements):
        return None
    disagreement, settling = state.disagreements[index], state.settled_in[index]
    place = (disagreement.layer, disagreement.start, disagreement.end)
    settled = tuple(((d.layer, d.start, d.end), s.event_id, s.who)
                    for d, s in zip(state.disagreements, state.settled_in, strict=True) if s is not None)  # fmt: skip
    return Shown(place, names(state, index, text), settling.event_id if settling else None, _versions(disagreement),
                 settling.who if settling else None, settled)  # fmt: skip


def names(state: ReviewState, index: int, text: str) -> tuple[str, ...]:
    """How a line may name a disagreement, fullest first: "disagreement 1/3 ('Anna' at 8:12)", without the offsets,
    "1/3 ('Anna')", "disagreement 1/3"."""
    total = len(state.disagreements)
    return (named(state, index, text), named(state, index, text, offsets=False),
            named(state, index, text, short=True, offsets=False), f"disagreement {index + 1}/{total}")  # fmt: skip


def _fitted(forms: list[str], room: int) -> Fitted:
    """The first of `forms` (fullest first) that the refusal of a key says in two rows, else the last; fitted again
    when the width changes (`review_fitted`)."""
    return Fitted(forms, room)


def said_by(settling: Settling, how: int, anew: bool = False) -> str:
    """Who settled a disagreement, for a line: with whose version (`how` 0), without it (1), the name cut short (2)."""
    said = settling.said() if how == 0 else settling.said().split(", with ")[0]
    if how == 2 and settling.reviewer is not None:
        said = said.replace(settling.reviewer, clipped(settling.reviewer, 20))
    return said.replace("settled", "settled anew", 1) if anew else said


#: How a line names what became of the disagreement shown, fullest first (`_fitted`): which of its names (`Shown`),
#: how it says who settled it (`said_by`), and whether it names the one highlighted now by its words too.
FORMS = ((0, 0, True), (0, 0, False), (1, 0, False), (2, 0, False), (1, 1, False), (2, 1, False), (3, 1, False),
         (3, 2, False))  # fmt: skip


#: What a line says before what the screen showed as stored (`reloading.show_as_stored`), fitted with it.
AS_STORED = ("Shown as stored now: ", "")


def _nobody(_event_id: int) -> tuple[str | None, str]:
    return None, "in another window"


def kept(
    before: Shown | None, state: ReviewState, text: str, room: int = ROOM, undone: Undone = _nobody
) -> tuple[int | None, Fitted | None, Fitted | None]:
    """The disagreement to show once gold is read again (`state`), `before` shown until then; when that is not the
    one shown as it was, what became of it, in words, the fullest that fits (`_fitted`; None when it is: a key there
    means what it meant); and else, what an undo elsewhere reopened (`elsewhere_reopened`), which the key does not
    act on. `undone`: who undid a change of gold, and where."""
    if before is None:
        return state.open[0] if state.open else (0 if state.disagreements else None), None, None
    index, moved = _kept(before, state, text, room, undone)
    return index, moved, None if moved is not None else elsewhere_reopened(before, state, text, room, undone)


def _kept(before: Shown, state: ReviewState, text: str, room: int, undone: Undone) -> tuple[int | None, Fitted | None]:
    """`kept`'s disagreement to show, and what became of the one shown when it is not as shown."""
    first = state.open[0] if state.open else (0 if state.disagreements else None)
    called, places = before.names, [(d.layer, d.start, d.end) for d in state.disagreements]
    if before.place not in places:  # gold settled against all there, or a place gold was unlike all is gone
        index = next((i for i in state.open if state.disagreements[i].end > before.place[1]), first)
        gone = [f"{called[n]} is no longer there{_now(state, index, text, words)}" for n, _, words in FORMS]
        return index, _fitted(gone, room)
    here = places.index(before.place)
    then, read = dict(before.versions), dict(_versions(state.disagreements[here]))
    if changed := [name for name in sorted(then.keys() | read.keys()) if then.get(name) != read.get(name)]:
        return here, _fitted([f"{name}: {whose(changed, 'version')} changed" for name in called], room)
    settling = state.settled_in[here]
    if settling is None and before.settled_in is not None:  # shown settled, open again: another window's undo
        return here, _fitted(reopened(called, before.by or "a command", undone(before.settled_in)), room)
    if settling is None or settling.event_id == before.settled_in:  # as shown
        return here, None
    if before.settled_in is not None:  # a decision changed under the screen: it stays, for the reviewer to see
        return here, _fitted([f"{called[n]} was {said_by(settling, how, anew=True)}" for n, how, _ in FORMS], room)
    later = [i for i in state.open if i > here]
    index = later[0] if later else (state.open[0] if state.open else here)

    def now(words: bool) -> str:
        return _now(state, index, text, words) if index != here else "" if state.open else "; none is open now"

    return index, _fitted([f"{called[n]} was {said_by(settling, how)}{now(words)}" for n, how, words in FORMS], room)


def elsewhere_reopened(before: Shown, state: ReviewState, text: str, room: int, undone: Undone) -> Fitted | None:
    """What a line says of a disagreement other than the one shown, settled when the screen showed it and open now
    (a re-trial: lead undid her decision on Anna, and lead2, on Emil, was told only that the annotation was changed in
    another window), named as `reopened` names the one shown; and how many more, if any; None when none is."""
    then = {place: (event_id, by) for place, event_id, by in before.settled}
    places = [(d.layer, d.start, d.end) for d in state.disagreements]
    found = [i for i in state.open if places[i] in then]
    if not found:
        return None
    event_id, by = then[places[found[0]]]
    more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
    forms = reopened(names(state, found[0], text), by, undone(event_id))
    return Fitted([f"{form}{more}" for form in forms], room, AS_STORED)


def reopened(called: tuple[str, ...], whom: str, undone: tuple[str | None, str]) -> list[str]:
    """What a line says of a disagreement shown settled and open now, fullest first (a re-trial: lead undid her
    decision, and lead2's screen said "nothing is highlighted now" with it highlighted, open again): whose decision
    was undone and who undid it, as the undo's event names them (`undone`: who, None when it names nobody, as a
    script's undo or an older release's, and where), then without where, then the names cut short."""
    who, where = undone
    forms = []
    for short in (False, True):
        decided, undid = (clipped(whom, 20), who and clipped(who, 20)) if short else (whom, who)
        said = (
            f"{decided}'s decision was undone" if undid is None
            else f"{undid} undid their decision" if who == whom
            else f"{decided}'s decision was undone by {undid}"
        )  # fmt: skip
        forms += [f"{name} was reopened: {said}{place}" for place in (f" {where}", "") for name in called]
    return forms


def _now(state: ReviewState, index: int | None, text: str, words: bool = True) -> str:
    """What is highlighted now, named with its words, or only by its number."""
    if index is None:
        return "; no disagreement is left"
    return (
        f"; highlighted now: {named(state, index, text, True) if words else f'{index + 1}/{len(state.disagreements)}'}"
    )


def settled(state: ReviewState | None) -> dict[Place, str | None]:
    """Who each disagreement (by layer and region) is settled by, as the review stands."""
    if state is None:
        return {}
    return {(d.layer, d.start, d.end): state.settled_by[i] for i, d in enumerate(state.disagreements)}


def undo_said(screen: ReviewScreen, was: dict[Place, str | None], edit: Edit) -> str:
    """What the line of an undo or redo (`was`: `settled` before it) says: its message; of one that changed no span
    of gold (a pick of an empty version), the disagreement it opened again or settled again too (it said only
    "undid adjudicate: in progress -> to do", where the screen's other undo lines name what they changed)."""
    review = screen.review
    if review is None or edit.spans or edit.removed:
        return edit.message
    now = settled(review)
    changed = [i for i, key in enumerate(now) if was.get(key) != now[key]]
    if not changed:
        return edit.message
    settling, called = review.settled_in[changed[0]], names(review, changed[0], screen.model.text)
    if settling is None:
        forms = [f"{name} is open again" for name in called]
    else:  # fitted to the status line's width as the screen's other lines (with long names it took 3 rows at 80)
        again = [(called[n], said_by(settling, how).replace("settled", "settled again", 1)) for n, how, _ in FORMS]
        forms = list(dict.fromkeys(f"{name} is {said}" for name, said in again))
    return f"{edit.message}; {screen.fitted(forms, (f'{edit.message}; ', ''))}"


def after_undo(screen: ReviewScreen, was: dict[Place, str | None]) -> None:
    """After an undo or redo (`was`: `settled` before it), show the disagreement it opened again or settled again
    (the one whose settling it changed), else the one where it went: not the one a pick had moved on to (a
    newcomer's trial)."""
    review = screen.review
    if review is None or not review.disagreements:
        return
    now = settled(review)
    changed = [i for i, key in enumerate(now) if was.get(key) != now[key]]
    offset = screen._offset() if screen.model.tokens else 0
    here = [i for i, d in enumerate(review.disagreements) if d.start <= offset < d.end]
    if changed or here:
        screen.index = (changed or here)[0]
        if changed:  # what it reopened or settled again is current, not a span around it (trial 39b)
            screen._onto_disagreement(review.disagreements[screen.index])
            screen.panel.point(screen.model, screen.current, screen._offset())
        screen._show_panel()
        screen.view.set_marks(screen._marks())  # its region in rose; the status line keeps what the undo said


def versions(store: Store, article_id: str, annotators: list[str]) -> dict[str, int]:
    """The annotators' versions of the article as a screen reads them: their newest events."""
    return {name: store.version(article_id, name) for name in annotators}


def versions_changed(store: Store, article_id: str, read: dict[str, int]) -> str | None:
    """Whose version changed since the screen read them (`read`), and by what: "bob's annotation was changed by
    `annotator merge`", as a gold change is said; None when none did."""
    now = versions(store, article_id, list(read))
    changed = [name for name in read if now[name] != read[name]]
    if not changed:
        return None
    return f"{whose(changed, 'annotation')} changed {store.made(max(now[name] for name in changed))}"


def versions_checked(screen: ReviewScreen, operation: Callable[..., Edit]) -> Callable[..., Edit]:
    """A change of gold that first raises `Conflict` when an annotator's version changed since the screen read them
    (a pick takes a version as the screen read it; the panel's numbers would shift under an edit by hand): the
    key's `retried` reads them again and acts on what is shown, when it is still as shown."""

    @wraps(operation)
    def checked(*args: Any, **kwargs: Any) -> Edit:
        store = screen.review_app.store
        if (changed := versions_changed(store, screen.article_id, screen.versions_read)) is not None:
            raise Conflict(f"{changed} since it was shown here, so nothing was written", cause=changed)
        return operation(*args, **kwargs)

    return checked


def undo_with_g(screen: ReviewScreen, undo: Callable[..., Edit]) -> Callable[..., Edit]:
    """Undo, whose line, where it has nothing to undo and the agreed spans are out of gold, says that g puts them
    back (`review_agreed.agreed_back`): g took them out as an undo, and no u brings them back."""
    from annotator.review_agreed import agreed_back

    @wraps(undo)
    def undone(*args: Any, **kwargs: Any) -> Edit:
        try:
            return undo(*args, **kwargs)
        except NothingTo as nothing:
            back = agreed_back(screen.review) if screen.review is not None else ""
            if not back:
                raise
            raise NothingTo(f"{nothing}; {back}") from None

    return undone


def read_again(screen: ReviewScreen, key: bool) -> bool:
    """Show the article as stored when an annotator's version changed since the screen read them, as
    `ArticleScreen.catch_up` does when gold did; True when it did."""
    from annotator.tui.screens.reloading import show_as_stored

    cause = versions_changed(screen.review_app.store, screen.article_id, screen.versions_read)
    if cause is None:
        return False
    said = show_as_stored(screen, cause, key)  # a change that made the annotators agree put that into gold (F9)
    agreed = f"; {screen.agreed_said[0].lower()}{screen.agreed_said[1:]}" if screen.agreed_said else ""
    screen.say(f"{said}{agreed}", "yellow")
    return True


def all_settled(screen: ReviewScreen) -> str:
    """Every disagreement settled: what d does, or that gold is done already (trial 37b: a re-review of done gold
    still said d would mark it done)."""
    return "all settled, gold done" if screen.model.status is Status.DONE else "all settled: d marks gold done"


def next_open(screen: ReviewScreen) -> str:
    """After a decision, the next disagreement still open after the one shown; after the last, the first still open
    before it, said (trial 31: a silent wrap from 3/3 to 2/3 made the next keys overwrite a pick); with none open,
    stay and say so. What it says, for the pick's message."""
    review = screen.review
    if review is None or not review.open:
        screen._show_disagreement()
        return f"; {all_settled(screen)}" if review is not None and review.disagreements else ""
    here = screen.index or 0
    later = [i for i in review.open if i > here]
    screen.index = later[0] if later else review.open[0]
    screen._show_disagreement()
    if later:
        return ""
    return f"; back to {screen.index + 1}/{len(review.disagreements)}, the first still open"

"""Gold marked done with disagreements left open, as a reviewer answered the question d asks then (trial 22: y marks
gold done without them). The answer is about the disagreements open as the question showed them: another reviewer may
settle one, or an annotator's newer version open one, before the answer comes (a team lead's trial: y marked gold done
without a word after the other reviewer had settled the one left open). The write checks, in its transaction, that
the open ones are still those, as a pick checks the versions it takes (`gold_drift.refuse_unless_as_read`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.errors import Refused
from annotator.gold import ReviewState, review_state
from annotator.gold_settled import Place
from annotator.rows import Edit
from annotator.store import Store


def open_places(state: ReviewState) -> tuple[Place, ...]:
    """The disagreements open in this review, by place (layer, start, end): what a question about them showed."""
    return tuple((d.layer, d.start, d.end) for d in (state.disagreements[i] for i in state.open))


class OpenChanged(Refused):
    """The disagreements open are not those the question showed (`asked`): nothing was written. `state` is the
    review as the write found it, for a screen to say what changed."""

    def __init__(self, state: ReviewState, asked: tuple[Place, ...]) -> None:
        super().__init__("the disagreements open are not those it asked about, so nothing was written")
        self.state, self.asked = state, asked

    def changed(self) -> tuple[list[int], list[int], int]:
        """What changed since the question: the disagreements it showed open that are settled now, those open now
        it did not show (indexes into `state`), and how many it showed are no longer there."""
        places = [(d.layer, d.start, d.end) for d in self.state.disagreements]
        now = open_places(self.state)
        settled = [places.index(p) for p in self.asked if p in places and p not in now]
        opened = [places.index(p) for p in now if p not in self.asked]
        return settled, opened, sum(p not in places for p in self.asked)


def done_as_asked(
    store: Store, article_id: str, annotators: Sequence[str], asked: tuple[Place, ...], mark: Callable[[], Edit]
) -> Edit:
    """`mark` gold done (`Store.set_status`, as a screen calls it) in one write with the check that the disagreements
    open are still those `asked` about, read in it; else raise `OpenChanged`, and nothing is written."""
    with store.write():
        state = review_state(store, article_id, annotators)
        if open_places(state) != asked:
            raise OpenChanged(state, asked)
        return mark()

"""The review screen: the annotate screen on gold, plus the annotators' disagreements and keys to settle them.

On opening an article whose gold is not done, the spans all annotators agree on go into gold as one event
(g takes them back, or puts them back); so do those they come to agree on later, where nothing of gold was decided,
when the screen reads the article again (`gold.open_for_review`). Each disagreement shows who has what; a key (a, b, c, ...) picks that
annotator's version into gold as an event naming the annotator and the reviewer; or the reviewer edits gold
with the usual annotation keys. j / k move between disagreements, tab / shift+tab between the open ones; d
marks gold done (asking first while disagreements are open).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType

from annotator.errors import AnnotatorError, Refused
from annotator.rows import ArticleRows
from annotator.tui.bindings import key_name
from annotator.tui.model import ArticleModel
from annotator.tui.screens import app_as
from annotator.tui.screens.annotate import AnnotateScreen, Worded
from annotator.tui.screens.in_view import disagreement_brought_into_view, too_small
from annotator.tui.screens.reloading import AGAIN, edits_through_retried, retried
from annotator.tui.screens.review_done import ask_done, marked_as_asked
from annotator.tui.screens.review_fitted import RefittingScreen
from annotator.tui.screens.review_keys import PICK_KEYS, PUT_ASIDE, REVIEW_BINDINGS
from annotator.tui.screens.review_shown import all_settled, next_open
from annotator.tui.widgets.article_view import Marks
from annotator.tui.widgets.disagreements import DisagreementPanel
from annotator.tui.widgets.info import Legend
from annotator.tui.widgets.span_panel import SpanPanel
from annotator.versions import reviewer_among
from annotator.vocabulary import Status

if TYPE_CHECKING:
    from annotator.gold import ReviewState
    from annotator.gold_settled import Place
    from annotator.metrics.consensus import Disagreement
    from annotator.rows import Edit, SpanRow
    from annotator.tui.items import ItemKey
    from annotator.tui.review import ReviewApp

# The adjudication functions (and pydantic with them) are imported where used: the keymap check reads this
# screen's keys at start-up.


class ReviewScreen(RefittingScreen):
    """Settle one article's disagreements into gold; the reviewer edits annotator "gold" with the usual keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(b for b in AnnotateScreen.BINDINGS if getattr(b, "id", None) not in PUT_ASIDE),
        *REVIEW_BINDINGS,
    ]
    #: Keys the key line leaves out, in this order, where it is too narrow for all (80 columns; trial 24): gold has no
    #: suggestions to accept; the help lists them all.
    #: g goes last, for V where the versions are cut (its key shows only then).
    KEYBAR_SPARE: ClassVar[tuple[str, ...]] = ("accept", "speaker", "reject", "agreed")
    #: The disagreements open that y marked gold done without, until the next d (`review_done`).
    asked: tuple[Place, ...] | None = None
    #: Keys whose meaning differs here, for the help screen.
    HELP_EXTRA: ClassVar[list[tuple[str, str]]] = [
        ("tab, shift+tab", "next / previous disagreement still open (then what is left to decide)")
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Skip and flag are an annotator's keys: gold is settled, not put aside (and F sits by f, a pick)."""
        if action == "finish" and parameters != ("done",):
            return False
        if action == "more_versions":  # in the key line only while the panel cannot show every version
            return self.disputes.cut
        return super().check_action(action, parameters)

    def on_disagreement_panel_cut(self, _message: DisagreementPanel.Cut) -> None:
        self.refresh_bindings()

    def action_more_versions(self) -> None:
        self.disputes.page()

    def action_finish(self, status: str) -> None:
        """d with disagreements still open asks first (`review_done`); in a window too small, neither (`in_view`)."""
        if too_small(self):
            return
        self.asked = None
        state = self._refresh_review()
        if status != Status.DONE or not state.open:
            super().action_finish(status)
            return
        ask_done(self, state, lambda: super(ReviewScreen, self).action_finish(status))

    def status_write(self, status: Status) -> Callable[..., Edit]:
        """After y, gold is marked done only with the disagreements open y was asked about (`marked_as_asked`)."""
        return marked_as_asked(self, status) or super().status_write(status)

    def __init__(self, article_id: str) -> None:
        super().__init__(article_id)
        self.review: ReviewState | None = None
        self.index: int | None = None
        self.told_own: str | None = None  # the article whose opening said the reviewer is one of its annotators
        self.versions_read: dict[str, int] = {}  # the annotators' versions when the article was read
        self.agreed_said = ""  # what the last reading of the article put into gold of what all agree on
        self.agreed_line = ""  # the panel's line of the agreed spans as last read (`review_agreed`)

    @property
    def review_app(self) -> ReviewApp:
        from annotator.tui.review import ReviewApp  # loaded by now: that module imports this screen

        return app_as(self, ReviewApp)

    def side_widgets(self) -> ComposeResult:
        yield Legend(id="legend")
        yield DisagreementPanel(id="disputes")
        yield SpanPanel(id="spans")

    def on_mount(self) -> None:
        """Runs before the annotate screen's own `on_mount` (Textual calls both), which loads the article."""
        self.disputes = self.query_one(DisagreementPanel)
        self.disputes.more_key = key_name(self.annotator_app.keymap.get("more_versions", "V").split(",")[0])

    # -- loading ----------------------------------------------------------------------------------------------

    def load(self, article_id: str) -> None:
        from annotator.gold import open_for_review
        from annotator.gold_settled import undone_by
        from annotator.tui.screens.review_shown import kept, shown, versions

        app, again = self.review_app, article_id == self.article_id and hasattr(self, "model")
        self.versions_read = versions(app.store, article_id, app.annotators_for(article_id))  # read before the state
        before = shown(self.review, self.index, self.model.text) if again else None  # kept as gold is read again
        app.store.watch(article_id, app.annotator)  # gold is read below: the agreed spans go in on it as stored
        try:
            edit = open_for_review(app.store, article_id, app.annotators_for(article_id), app.reviewer)
            message = f"Agreed spans into gold: {edit.message}" if edit else ""
        except AnnotatorError as error:
            message = f"Agreed spans not taken: {error}"
        self.agreed_said = message  # a reload says it after what changed (`review_shown.read_again`)
        self.review, self.index = None, None
        super().load(article_id)
        self.sub_title = self.app.sub_title = (
            f"gold, reviewed by {app.reviewer} · {(self.sub_title or '').split(' · ', 1)[-1]}"
        )
        width = self.status_line.content_region.width  # what it says of a change there fits 2 rows
        undone = partial(undone_by, app.store, article_id)
        self.index, self.moved, self.noted = kept(before, self._refresh_review(), self.model.text, width, undone)
        self._show_disagreement()
        narrowed, app.narrowed_line = app.narrowed_line, ""  # once, on the first article
        keys, annotators = self._pick_keys(), app.annotators_for(article_id)
        own = "" if self.told_own == article_id else reviewer_among(app.reviewer, annotators, keys)
        self.told_own = article_id  # said once as it opens, not again as it is reloaded
        said = " · ".join(part for part in (narrowed, own, message) if part)
        if said:
            self.say(said, "bold" if narrowed or own else "green")

    def catch_up(self, key: bool = False) -> bool:
        """Gold as stored, or else the annotators' versions when one changed (`review_shown.read_again`)."""
        from annotator.tui.screens.review_shown import read_again

        fresh = self.review_app.store.data_version() != self._caught_up
        return super().catch_up(key) or (fresh and read_again(self, key))

    def article_model(self, rows: ArticleRows) -> ArticleModel:
        """Gold without the model's suggestions: the versions to choose from are the annotators'."""
        return ArticleModel(replace(rows, suggestions=[]))

    def _refresh_review(self) -> ReviewState:
        from annotator.gold import review_state
        from annotator.review_agreed import agreed_line

        app = self.review_app
        self.review = state = review_state(app.store, self.article_id, app.annotators_for(self.article_id))
        self.agreed_line = agreed_line(state)
        if self.index is not None and self.index >= len(state.disagreements):  # a pick settled gold against all
            self.index = len(state.disagreements) - 1 if state.disagreements else None
        self._show_panel()
        return state

    def _show_panel(self) -> None:
        if self.review is None:
            return
        done = self.model.status is Status.DONE
        annotators = self.review_app.annotators_for(self.article_id)
        self.disputes.show(self.review, self.agreed_line, self.index, annotators, PICK_KEYS, self.model.text, done)

    def _show_disagreement(self) -> None:
        """Point at the current disagreement: its region marked and in view, the panel showing it, the cursor on its
        first word and gold's span of its layer there current (the first), else nothing: never a span of the other
        layer around it (trial 39b: the agreed quote around an entity disagreement became current, drawn over the
        rose, and x removed the whole quote)."""
        self.selection_start = None
        if self.review is not None and self.index is not None and self.review.disagreements:
            self._onto_disagreement(self.review.disagreements[self.index])
        else:
            self.current = self._under_cursor()
        self._show_panel()
        self._redraw()

    def _onto_disagreement(self, disagreement: Disagreement[SpanRow]) -> None:
        """The cursor on the disagreement's first word, or on gold's first span of its layer there, which is current;
        with none, nothing is current (the pick keys act on the disagreement, the label keys add a phrase)."""
        entities, quotes = self.model.overlapping(disagreement.start, disagreement.end)
        there = min(quotes if disagreement.layer == "quote" else entities, key=lambda i: i.order, default=None)
        self.cursor = self.model.token_index(max(disagreement.start, there.start if there else 0))
        self.current = there.key if there else None

    def _marks(self) -> Marks:
        """The disagreement in its own look, not the current item's (trial 23: drawn black on white, it looked like
        what the label keys act on, while they add the phrase under the cursor)."""
        marks = super()._marks()
        if self.review and self.review.disagreements and self.index is not None:
            disagreement = self.review.disagreements[self.index]
            marks.disputed = (disagreement.start, disagreement.end)
        return marks

    def nothing_current(self) -> str:
        """With nothing of gold current: the pick keys for the disagreement (once all are settled, that they are and
        what d does), then what the label keys add."""
        if self.review is None or self.index is None or not self.review.disagreements:
            return super().nothing_current()
        if not self.review.open:  # nothing left to pick (trial 34: it still asked for a pick)
            return f"{all_settled(self)} · {self._what_keys_add()} · j/k: disagreements · ?: help"
        return (
            f"{'/'.join(self._pick_keys())} pick a version of the disagreement (marked in rose)"
            f" · {self._what_keys_add()} · j/k: disagreements · ?: help"
        )

    def _pick_keys(self) -> list[str]:
        """The pick key of each of this article's annotators, in their order, as the keymap has them."""
        keymap, count = self.annotator_app.keymap, len(self.review_app.annotators_for(self.article_id))
        return [key_name(keymap.get(f"pick_{i + 1}", key).split(",")[0]) for i, key in enumerate(PICK_KEYS[:count])]

    def action_reject(self) -> None:
        """x with nothing current at a disagreement: gold has no span of its layer there, and x says so rather than
        "no span under the cursor" where gold's quote around it is (trial 39b: x removed that quote)."""
        review, index = self.review, self.index
        if (
            self.current is None
            and self.selection_start is None
            and review
            and review.disagreements
            and index is not None
        ):
            what = "quote" if review.disagreements[index].layer == "quote" else "entity span"
            where = f"disagreement {index + 1}/{len(review.disagreements)}"
            keys = "/".join(self._pick_keys())
            self.say(f"Nothing removed: gold has no {what} at {where} ({keys} pick a version)", "yellow")
            return
        super().action_reject()

    # -- committing -------------------------------------------------------------------------------------------

    def _commit(
        self, operation: Callable[..., Edit], *args: object, as_it_stands: str = "", **kwargs: object
    ) -> Edit | None:
        """Every change to gold (a pick, or an edit by hand) also updates the review's progress, and is refused when
        an annotator's version changed since the screen read them (`review_shown.versions_checked`)."""
        from annotator.tui.screens.review_shown import versions_checked

        edit = super()._commit(versions_checked(self, operation), *args, as_it_stands=as_it_stands, **kwargs)
        if edit is not None:
            self._refresh_review()
        return edit

    def _after(self, edit: Edit | None, current: ItemKey | None, **kwargs: Any) -> None:
        """An edit at the disagreement shown (the cursor still in its region) leaves what is current the
        disagreement's, as on reaching it: gold's span of its layer there, else nothing; never a span of the other
        layer around it (trial 39c: after x removed gold's LOCATION inside an agreed quote, the quote became current
        and a second x removed it)."""
        super()._after(edit, current, **kwargs)
        review, index = self.review, self.index
        if edit is None or review is None or index is None or not review.disagreements or not self.model.tokens:
            return
        disagreement = review.disagreements[index]
        item = self.model.get(self.current)
        if not disagreement.start <= self._offset() < disagreement.end:
            return
        if item is not None and item.is_quote == (disagreement.layer == "quote"):
            return
        self._onto_disagreement(disagreement)
        self.view.set_marks(self._marks())
        self.panel.point(self.model, self.current, self._offset())

    def _next_candidate(self, edit: Edit | None) -> None:
        """A label key by hand stays on the span it added: the pass's next `;` stop is a word no annotator marked
        (trial s51 t5: "next: 1/2 add 'a leader'" beside the disagreement just settled); tab goes on."""
        return None

    def _undo_redo(self, operation: Callable[..., Edit], note: str = "", words: Worded | None = None) -> None:
        """Undo or redo, and show the disagreement it opened or settled again (`review_shown.after_undo`, `undo_said`);
        an undo with nothing left says where g puts the agreed spans back (`undo_with_g`)."""
        from annotator.tui.screens.review_shown import after_undo, settled, undo_said, undo_with_g

        was, undo = settled(self.review), self.review_app.store.undo
        operation = undo_with_g(self, operation) if operation == undo else operation
        super()._undo_redo(operation, note, words or partial(undo_said, self, was))
        after_undo(self, was)

    @edits_through_retried
    def action_pick(self, index: int) -> None:
        app, review = self.review_app, self.review
        if review is None or self.index is None or not review.disagreements:
            self.say("No disagreement here to settle", "yellow")
            return
        annotators = app.annotators_for(self.article_id)
        if index >= len(annotators):
            self.say(f"There are {len(annotators)} annotators: keys {PICK_KEYS[: len(annotators)]}")
            return
        disagreement = review.disagreements[self.index]
        if disagreement_brought_into_view(self, disagreement.start, disagreement.end, AGAIN):  # the wheel moved it
            return
        self._pick((disagreement.layer, disagreement.start, disagreement.end), annotators[index])

    @retried("disagreement")  # after a reload it finds the disagreement again, if it is there as shown
    def _pick(self, region: tuple[str, int, int], name: str) -> None:
        """Pick `name`'s version of the disagreement over `region` (layer, start, end) into gold: found by its
        region, so that after a reload (which opens on the first open disagreement) it is the one shown."""
        app, review = self.review_app, self.review
        found = [i for i, d in enumerate(review.disagreements) if (d.layer, d.start, d.end) == region] if review else []
        if review is None or not found:
            self.say(f"Not done: that disagreement is no longer there{self.retrying or ''}", "bold red")
            return
        self.index = found[0]
        disagreement = review.disagreements[self.index]

        def pick(article_id: str, _gold: str) -> Edit:
            from annotator.gold import pick_version

            edit = pick_version(app.store, article_id, disagreement, name, app.reviewer)
            if edit is None:
                raise Refused("nothing changed")
            return edit

        edit = self._commit(pick)
        if edit is None:
            return
        went = next_open(self)
        self.say(f"{name}'s version into gold: {edit.message}{went}{self.retrying or ''}", "green")

    def action_disagreement(self, step: int) -> None:
        review, self.search_match = self.review, None  # a move of the person's own: the cursor is the search's place
        if review is None or not review.disagreements:
            self.say("No disagreements in this article", "yellow")
            return
        self.index = ((self.index or 0) + step) % len(review.disagreements) if self.index is not None else 0
        self._show_disagreement()

    def action_next_needing(self, step: int) -> None:
        """tab / shift+tab: the next (previous) disagreement still open; with none open, what the annotate screen
        has left to decide (a quote without its speaker)."""
        review, self.search_match = self.review, None  # a move of the person's own: the cursor is the search's place
        if review is None or not review.open:
            super().action_next_needing(step)
            return
        here = self.index if self.index is not None else -1
        if step > 0:
            later = [i for i in review.open if i > here]
            self.index = later[0] if later else review.open[0]
        else:
            earlier = [i for i in review.open if i < here]
            self.index = earlier[-1] if earlier else review.open[-1]
        self._show_disagreement()

    @edits_through_retried
    def action_agreed(self) -> None:
        if too_small(self):  # gold's agreed spans are not taken out or put back unseen (re-trial s60 t22 F1)
            return
        if self.review is not None:
            self._agreed(take_out=self.review.agreed_event is not None)

    @retried("history")  # what it means is in its argument: after a reload the same direction, or nothing
    def _agreed(self, take_out: bool) -> None:
        """Take the agreed spans out of gold, or put them back: the direction the screen showed when g was pressed,
        so that a reload after another window did it already does not turn the key into its opposite."""
        app, review = self.review_app, self.review
        if review is None:
            return
        if (review.agreed_event is not None) != take_out:
            where = "out of" if take_out else "in"
            self.say(f"Not done: the agreed spans are {where} gold already{self.retrying or ''}", "bold red")
            return

        def toggle(article_id: str, _gold: str) -> Edit:
            from annotator.gold import accept_agreed, take_back_agreed

            if take_out:
                return take_back_agreed(app.store, article_id)
            edit = accept_agreed(app.store, article_id, app.annotators_for(article_id), app.reviewer)
            if edit is None:
                raise Refused("no agreed spans to put into gold (or they are there already)")
            return edit

        edit = self._commit(toggle)
        if edit is not None:
            self._show_disagreement()
            said = "Agreed spans taken out of gold" if take_out else f"Agreed: {edit.message}"
            self.say(said + (self.retrying or ""), "green")

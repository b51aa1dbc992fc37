"""The editing side of the article screen: every edit goes through the Store, which commits it with its event before
returning, and only then is it mirrored on the screen (`EditingScreen._commit`, `_after`); and the keys that end
work on an article (done, skip, flag) or comment on it. `AnnotateScreen` adds the span keys on top.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from annotator import quotations
from annotator.errors import AnnotatorError, Conflict, Unchanged
from annotator.literal import quoted
from annotator.locking import locked
from annotator.store.nothing_to import NothingTo
from annotator.store.screen_events import ElsewhereSince
from annotator.tui.bindings import DONE_KEY_BAR
from annotator.tui.failures import said
from annotator.tui.items import Item, ItemKey
from annotator.tui.layout import display
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.screens.in_view import too_small
from annotator.tui.screens.reloading import Reloaded, retried
from annotator.vocabulary import Status
from annotator.wording import DONE_LOCKED, clipped, counted, flag_taken_off, left_on_done, them

if TYPE_CHECKING:
    from annotator.rows import Edit


class EditingScreen(ArticleScreen):
    """An article screen whose keys commit edits through the Store."""

    #: None outside an editing key; inside one (`reloading.retried`), what its message adds ("" the first time).
    retrying: str | None = None
    #: (marked, opened, status): `d` (`S`, `F`) marked the article `marked` with `status` and opened `opened` in
    #: its place; the first `u` there goes back to undo that mark (`Store.undo_goes_back`). Any other article
    #: opened forgets it; reading this one again as stored does not.
    left_done: tuple[str, str, Status] | None = None
    #: (article, status): the article that first `u` went back to, and the mark it undid: a redo there that marks
    #: it so again goes on, as `d` did.
    went_back: tuple[str, Status] | None = None
    #: The done article whose suggestions left undecided opening it said (not again as it is reloaded).
    told_left: str | None = None

    def load(self, article_id: str) -> None:
        again = article_id == self.article_id  # read again as stored: the marks still hold
        super().load(article_id)
        if not again:  # `_finished` and `u` set them again after opening one (a re-trial: the top window's
            self.left_done, self.went_back = None, None  # focus back showed another's change and forgot the d)
        left = self.model.left_undecided  # said at once, not only by tab (a newcomer's finding)
        if (moved := self.annotator_app.store.moved_away(article_id, self.annotator_app.annotator)) is not None:
            self.say(moved, "yellow")  # not an empty to-do of this name's: a rename took its work
        elif left and self.told_left != article_id:
            self.say(left_on_done(left), "yellow")
        self.told_left = article_id if left else None

    # -- committing through the Store ------------------------------------------------------------------------

    def _commit(
        self, operation: Callable[..., Edit], *args: object, as_it_stands: str = "", **kwargs: object
    ) -> Edit | None:
        """Run one Store edit; mirror it only once it is committed, or explain why it was refused (and, with
        `as_it_stands`, what the item the key acted on is now: a key pressed again after one that changed it)."""
        if self.refused_on_done(getattr(operation, "__name__", "")):
            return None
        try:
            edit = operation(self.article_id, self.annotator_app.annotator, *args, **kwargs)
        except NothingTo as nothing:  # undo or redo with nothing here: where to look, as a hint (Store.undo)
            self.say(f"{str(nothing)[:1].upper()}{str(nothing)[1:]}", "yellow")
            return None
        except ElsewhereSince as elsewhere:  # another window's change on top: not this one's to take back
            reloaded = "; shown as stored now" if self.retrying is not None else ""
            frame = (f"Not {'redone' if elsewhere.redo else 'undone'}: ", reloaded)
            self.say(f"{frame[0]}{self.fitted(elsewhere.forms, frame)}{frame[1]}", "bold red")
            return None
        except Unchanged as unchanged:  # its outcome is there already (a pick of gold's version): a hint
            self.say(str(unchanged), "yellow")
            return None
        except AnnotatorError as error:
            reloaded = ""
            if isinstance(error, Conflict) and self.retrying is not None:
                raise Reloaded(error) from None  # the key's `retried` reloads and acts again
            if isinstance(error, Conflict):  # another window changed this annotation: show its changes now
                self.load(self.article_id)
                reloaded = "; it is reloaded with those changes: try again"
            self.say(f"Not done: {error}{reloaded or (f'; {as_it_stands}' if as_it_stands else '')}", "bold red")
            return None
        self._where_removed = [(item.start, item.end) for i in edit.removed if (item := self.model.get(("span", i)))]
        changed = self.model.apply(edit)
        self.view.refresh_ranges(changed)
        self.legend.show(self.model)
        self.refresh_header()
        return edit

    def fitted(self, forms: Sequence[str], frame: tuple[str, str]) -> str:
        """Of `forms`, ways to say a line's words inside `frame` (fullest first), the one said: the fullest here; a
        screen that fits lines to its status line's width chooses by it (`review_fitted`)."""
        return forms[0]

    def refused_on_done(self, operation: str = "") -> bool:
        """Whether the Store write `operation` is refused here, the article being the annotator's done work
        (`annotator.locking`); then it says so, and how to go on. A key acting on the current item asks it first with
        no `operation` (`reloading.retried`), before it asks or says anything else: `{` on a done article's one-word
        span had said to remove it with x, and s had opened the speaker choice."""
        if not locked(self.model.status, self.annotator_app.annotator, operation):
            return False
        self.say(DONE_LOCKED, "yellow")
        return True

    @property
    def key_bar(self) -> tuple[str, ...] | None:
        """The binding ids the key bar shows in place of the shown ones (`KeyBar`): on a done article, what works
        there, as the status line offers O there; None elsewhere."""
        model = getattr(self, "model", None)  # none before the article is loaded
        return DONE_KEY_BAR if model is not None and locked(model.status, self.annotator_app.annotator) else None

    def _after(
        self,
        edit: Edit | None,
        current: ItemKey | None,
        *,
        decided: Item | None = None,
        advance_to: tuple[int, ItemKey | None] | None = None,
        made_quote: bool = False,
        note: str = "",
        name_next: str = "",
    ) -> None:
        """Show a committed edit: `current` becomes the current item (in view); after a decision on the suggestion
        `decided`, the next item still needing a decision does, when auto-advance is on; `advance_to`: the cursor
        goes on to that token (the next place `;` stops at, or the item with it still to decide) instead.
        `made_quote`: `current` is a quote the key made or gave a speaker, and the cursor goes to its start, where
        what it is on is current (`_onto_start`). `note`: said after the edit's own message. `name_next`: said, with
        the item auto-advance goes on to ("; next: the suggestion ACTOR 'Leeds', still to decide"), where the person
        may expect another one current."""
        if edit is None:
            return
        self.current = current if current in self.model.items else None
        self.selection_start, self.phrase_origin, self.goal_column = None, None, None
        message = edit.message + note + (self.retrying or "")
        if self.speaker_check is not None and self.speaker_check[0] != current:
            self.speaker_check = None
        if decided is not None and self.annotator_app.settings.auto_advance:
            new = self.model.get(self.current)
            following = self.model.next_needing((new or decided).order, decided.start, 1, inclusive=True)
            if following is not None:
                self.current = following.key
                message += f"{name_next}; next: {self.still_to_decide(following)}" if name_next else ""
            elif self.model.pending_count == 0:
                message += "; nothing is left to decide: d marks the article done"
        self.just_added = None
        if advance_to is not None:
            self.just_added = (current, advance_to[0]) if current is not None else None
            self.cursor, self.current = advance_to
        item = self.model.get(self.current)
        if item is not None and made_quote:
            item = self._onto_start(item)
        elif item is not None:
            self.cursor = self.model.token_index(item.start)
        elif self._where_removed and advance_to is None:
            self.cursor = self.model.token_index(self._where_removed[0][0])
        if item is None:  # at a stop of `;` the words there, never the quote around them (trial 21)
            self.current = self._under_cursor(quotes=advance_to is None)
        if advance_to is not None and item is not None:  # what is to decide there, and the keys for it
            message += f"; next: {self.still_to_decide(item)} ({self.keys_on(item)}; `,` goes back to the span added)"
        elif advance_to is not None:  # what the next digit adds there: this line stays until the next key
            around = self.model.get(self.current)
            message += f"; next: {self._what_keys_add(quote=around is None)} (`,` goes back to the span added)"
        self.view.set_marks(self._marks())
        self.view.follow(self._offset())
        self.panel.point(self.model, self.current, self._offset())
        self.say(message, "green")

    def _onto_start(self, quote: Item) -> Item | None:
        """Put the cursor on a quote's first word and make what it is on current, as a move there does: an entity
        that starts the quote before the quote (trials 19-20: after 4 the quote stayed current over "Israel", and
        enter acted on the quote), so the highlighted item is the one the keys act on."""
        self.cursor = self.model.token_index(quote.start)
        self.current = self._under_cursor()
        return self.model.get(self.current)

    def _quote_selection(self) -> tuple[tuple[int, int] | None, str]:
        """The selection's characters for a QUOTE, without the quotation marks at its edges (None: only marks),
        and what to say when it had some ("its quotation mark" when one was: the opening one alone selected)."""
        low, high = sorted((self.selection_start or 0, self.cursor))
        inside = quotations.without_marks(self.model.text, self.model.tokens, low, high)
        if inside is None:
            return None, ""
        marks = inside[0] - low + high - inside[1]
        left_out = {0: "", 1: "; its quotation mark left out: a quote is the words between the marks"}.get(
            marks, "; its quotation marks left out: a quote is the words between them"
        )
        return self.model.token_range(*inside), left_out

    def _new_span(self, edit: Edit | None) -> ItemKey | None:
        return ("span", edit.spans[0].id) if edit and edit.spans else None

    # -- ending work on the article -------------------------------------------------------------------------

    def action_finish(self, status: str) -> None:
        """Mark the article done (asking first while suggestions are pending), skipped (asking first, unless it is
        skipped already), or flagged (asking for an optional reason), and open the next one still to do; not on an
        article the window is too small to show (`in_view`: before a prompt, whose answer would act unseen)."""
        if too_small(self):
            return
        pending, speakerless = self.model.pending_count, self.model.speakerless
        if status == Status.DONE and (pending or speakerless):
            from annotator.tui.screens.prompts import DonePrompt

            self.app.push_screen(DonePrompt(pending, speakerless), self._done_chosen)
            return
        who = self.annotator_app.annotator
        if status == Status.SKIPPED and self.annotator_app.store.status(self.article_id, who) is Status.SKIPPED:
            self._finish(status)  # writes nothing and says "Already skipped", as d on a done article: no question
            return
        if status == Status.SKIPPED:
            from annotator.tui.screens.prompts import SkipPrompt

            self.app.push_screen(
                SkipPrompt(pending), lambda skip: self._finish(status) if skip else self.say("Not skipped", "dim")
            )
            return
        if status == Status.FLAGGED:
            from annotator.tui.screens.prompts import TextPrompt

            # the reason it has, so that enter keeps it (a re-trial: the prompt opened empty and enter cleared it)
            reason = self.annotator_app.store.flag_reason(self.article_id, self.annotator_app.annotator)
            prompt = TextPrompt("Flag this article: why? (optional; enter flags it, escape cancels)", "flag_reason")
            prompt.value = reason or ""
            self.app.push_screen(prompt, lambda reason: None if reason is None else self._finish(status, reason))
            return
        self._finish(status)

    @said
    @retried("pending")
    def action_reopen(self) -> None:
        """O: a done (skipped, flagged) article in progress again; the suggestions left undecided when it was marked
        done are pending again, as `stats` and the README say reopening does (newcomer 42k: no key did it)."""
        if self.model.status not in (Status.DONE, Status.SKIPPED, Status.FLAGGED):
            self.say("Not reopened: this article is not marked done, skipped or flagged", "yellow")
            return
        store, flagged = self.annotator_app.store, self.model.status is Status.FLAGGED
        reason = store.flag_reason(self.article_id, self.annotator_app.annotator) if flagged else None
        flag = flag_taken_off(quoted(reason) if reason else None) if flagged else ""
        edit = self._commit(store.set_status, Status.IN_PROGRESS)
        if edit is None:
            return
        pending = self.model.pending_count
        again = f", {counted(pending, 'suggestion')} pending again (tab goes to {them(pending)})" if pending else ""
        # said in place of the edit's own "marked in_progress": one message in the log (a fresh clone's trial: two)
        self._after(replace(edit, message=f"Reopened: in progress again{again}{flag}"), self.current)

    @said
    def _done_chosen(self, choice: str | None) -> None:
        if choice == "accept":
            self._accept_and_finish()
        elif choice == "leave":  # marked done in another window meanwhile: "Already done" (a re-trial)
            self._finish(Status.DONE)
        else:
            self.say("Not marked done", "dim")

    @retried("pending")
    def _accept_and_finish(self) -> None:
        edit = self._commit(lambda article, who: self.annotator_app.store.accept_all(article, who, done=True))
        if edit is None:
            return
        if edit.status is not Status.DONE:
            self._after(edit, self.current)
            self.say(f"{edit.message}: not marked done, {self.model.pending_count} still pending", "yellow")
            return
        self._finished(Status.DONE, accepted=edit.message)

    @said
    @retried("status")
    def _finish(self, status: str, reason: str | None = None) -> None:
        edit = self._commit(self.status_write(Status(status)), Status(status), reason=reason or None)
        if edit is not None:  # the store's words past the mark: the reason given, or the one taken off
            self._finished(status, already=not edit.event_id, said=edit.message.removeprefix(f"marked {status}"))

    def status_write(self, status: Status) -> Callable[..., Edit]:
        """The Store write that marks the article `status` (d, S, F): `Store.set_status`; the review screen's, after
        y, also checks what y was asked about (`review_done.marked_as_asked`)."""
        return self.annotator_app.store.set_status

    def _finished(
        self, status: str, accepted: str = "", redone: str = "", already: bool = False, said: str = ""
    ) -> None:
        """Say the article is marked (`redone`: by a redo, which says so; `already`: it was, and nothing was written,
        so `u` after it does not go back to it) and open the next one to do."""
        title = display(self.model.title) or self.article_id
        title = clipped(title, 59) if len(title) > 60 else title  # a toast; the message log keeps it whole too
        undecided = self.model.left_undecided or self.model.pending_count  # done: none pending; skipped, flagged: all
        left = f", {undecided} left undecided" if undecided else ""
        head = f"{redone}, on {quoted(title)}; the next one to do is open" if redone else f"Marked: {title}: {status}"
        head = f"Already {status}: {title}" if already else head + said
        done = f"{head}{left}" + (f" ({accepted})" if accepted else "")
        self.annotator_app.log_message(done)
        marked = self.article_id
        next_id = self.annotator_app.next_article(self.article_id, 1, to_do=True)
        if next_id is None:  # on the list's own line: a toast stood over its titles (at 80x24) or counts
            self.save_cursor()
            self.annotator_app.show_articles(f"{done}. {self.annotator_app.none_left()}: every status is below.")
            return
        self.load(next_id)
        self.left_done = None if already else (marked, next_id, Status(status))
        self.status_line.say(done, "green")  # on the next article's status line, until a key says otherwise

    def action_comment(self) -> None:
        from annotator.tui.screens.prompts import TextPrompt

        if too_small(self):  # a comment on an article the window does not show (re-trial s60 t22 F2)
            return

        count = len(self.annotator_app.store.comments(self.article_id))
        prompt = TextPrompt(f"Comment on this article ({count} so far; enter saves, escape cancels)", "comment")
        self.app.push_screen(prompt, self._commented)

    @said
    def _commented(self, text: str | None) -> None:
        if not text:
            self.say("No comment added", "dim")
            return
        try:
            self.annotator_app.store.add_comment(self.article_id, self.annotator_app.annotator, text)
        except AnnotatorError as error:
            self.say(f"Not done: {error}", "bold red")
            return
        self.legend.show(self.model)
        self.say("Comment saved", "green")

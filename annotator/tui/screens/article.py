"""The article screen: one article for one annotator, shown with its token cursor, selection and current item
(moved by the keys of `CursorScreen`, and by the mouse here), the side panel, the title and status lines, and
the article list, help and quit. It changes nothing: `AnnotateScreen` adds the edits (and the key bindings of
both).

There is exactly one current thing: the selection when there is one, else the item the cursor is on (an entity
before the quote around it; tab, the span keys and a click may pick a quote or another item starting there),
else nothing, and then the cursor's token is drawn. Every key that acts acts on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from annotator.errors import AnnotatorError
from annotator.literal import quoted
from annotator.locking import locked
from annotator.tui.failures import said
from annotator.tui.items import Item
from annotator.tui.layout import display
from annotator.tui.model import ArticleModel
from annotator.tui.preview import keys_on, selected, selection_keys, what_keys_add
from annotator.tui.preview import shortened as _shortened
from annotator.tui.screens import app_as
from annotator.tui.screens.cursor import CursorScreen
from annotator.tui.screens.in_view import fits_again
from annotator.tui.widgets.article_view import ArticleView, Marks
from annotator.tui.widgets.bars import KeyBar, TitleBar
from annotator.tui.widgets.info import Legend, StatusLine
from annotator.tui.widgets.span_panel import SpanPanel, describe
from annotator.vocabulary import Status
from annotator.wording import DONE_HINT

if TYPE_CHECKING:
    from annotator.rows import ArticleRows
    from annotator.tui.app import AnnotatorApp

CURSOR_SAVE_SECONDS = 2.0
WIDE_SCREEN = 110  # columns from which the side panel is wide
SIDE_WIDTHS = (28, 40)  # narrow, wide (at least: a third of a wider screen, `side_width`)
SIDE_MOST = 80


def side_width(screen: int) -> int:
    """The side panel's columns on a screen `screen` columns wide: narrow below `WIDE_SCREEN`, then wide, or a
    third of the screen up to `SIDE_MOST` (trial 22: at 200 columns 40 cut every quote's row after a word or two,
    beside 160 columns of article)."""
    if screen < WIDE_SCREEN:
        return SIDE_WIDTHS[0]
    return min(max(SIDE_WIDTHS[1], screen // 3), SIDE_MOST)


class ArticleScreen(CursorScreen):
    """Read one article: where the cursor, the selection and the current item are, and what they show."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id
        self.speaker_candidate: Item | None = None  # highlighted while the speaker screen is up
        self.header: tuple[str, str, str] | None = None  # the title bar's (left, middle, right)
        self._where_removed: list[tuple[int, int]] = []  # where the spans the last edit removed were
        self._cursor_saved = -1
        # the title bar's place in the order, and for which article and database version (another process may
        # have ingested articles since)
        self._place: str = ""
        self._placed: tuple[str, int, Status | None] = ("", -1, None)
        self._unreadable = ""  # the last "cannot be read" said by the periodic read
        self._caught_up = -1  # the database's data version when the article was last read (`catch_up`)
        self._notices: list[Text] | None = []  # notices that came before the status line was there (`notice`)
        #: what became of the highlighted item when `catch_up` showed the article as stored, until the next key
        self.highlight_unseen: str | None = None
        self.pending_unseen: str | None = None  # how the pending suggestions changed then
        self.done_unseen: str | None = None  # gold marked done elsewhere then, said by the review's next key

    @property
    def annotator_app(self) -> AnnotatorApp:
        from annotator.tui.app import AnnotatorApp  # loaded by now: that module imports this screen

        return app_as(self, AnnotatorApp)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="body"):
            yield ArticleView(id="article")
            with Vertical(id="side"):
                yield from self.side_widgets()
        yield StatusLine(id="status")
        yield KeyBar()

    def side_widgets(self) -> ComposeResult:
        """What the side panel holds; the review screen adds its disagreements."""
        yield Legend(id="legend")
        yield SpanPanel(id="spans")

    def _fit_side(self, width: int) -> None:
        """The side panel's width for this screen width (set directly: a breakpoint class restyles every widget)."""
        self.side.styles.width = side_width(width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_side(event.size.width)
        self.call_after_refresh(fits_again, self)  # once the view has its new size

    def on_mount(self) -> None:
        self.side = self.query_one("#side")
        self._fit_side(self.app.size.width)
        self.view = self.query_one(ArticleView)
        self.panel = self.query_one(SpanPanel)
        self.legend = self.query_one(Legend)
        self.status_line = self.query_one(StatusLine)
        self.load(self.article_id)
        waiting, self._notices = self._notices or [], None
        for notice in waiting:
            self.status_line.say(notice)
        self.set_interval(CURSOR_SAVE_SECONDS, self._tick)

    @said
    def _tick(self) -> None:
        """Now and then: save the cursor, and show the article's place anew if another process changed the
        database (it ingested articles: "article 1 of 1" would stay until the next article), and the article as
        stored if that change was to it (`catch_up`): a window nobody touches shows what another window did, and
        a pack made of this annotator's articles meanwhile."""
        self.save_cursor()
        try:
            changed = self._placed[:2] != (self.article_id, self.annotator_app.store.data_version())
        except AnnotatorError as error:  # the file was damaged or overwritten under the screen: say so once
            if self._unreadable != str(error):
                self._unreadable = str(error)
                self.say(f"Not read: {error}", "bold red")
            return
        if changed and not (self.app.screen is self and self.catch_up()):
            self.refresh_header()
        if changed and (packed := self.annotator_app.packed_anew()) is not None:  # `pack` run meanwhile
            self.annotator_app.log_message(packed)  # as at opening (`open_first_article`)
            self.annotator_app.notify(packed, title="Packed", severity="warning")

    def load(self, article_id: str) -> None:
        """Show an article where this annotator left it, or, opened for the first time, on the first item that
        needs a decision; remember it as the one opened last."""
        store, who = self.annotator_app.store, self.annotator_app.annotator
        if hasattr(self, "model"):
            self.save_cursor()
        rows = store.view(article_id, who)
        self.article_id = article_id
        self.model = self.article_model(rows)
        self.model.show_rejected(self.annotator_app.showing_rejected)
        self.cursor = self.model.token_index(rows.cursor) if self.model.tokens else 0
        self.selection_start, self.current, self.goal_column, self.phrase_origin = None, None, None, None
        self.search_match, self.just_added = None, None  # the last article's places: none of them is here
        self.highlight_unseen, self.pending_unseen, self.done_unseen = None, None, None
        first = self.model.next_needing(None, 0, 1) if rows.opened_at is None else None
        if first is not None:
            self.cursor, self.current = self.model.token_index(first.start), first.key
        else:
            self.current = self._under_cursor()
        self.sub_title = f"{who} · {display(rows.title)}"  # the header must not send its escapes
        self.view.show(self.model, self._marks())
        self.view.follow(self._offset())
        self.legend.show(self.model)
        store.save_cursor(article_id, who, self._offset())
        self.annotator_app.article_opened(article_id)  # a session of its own, for `stats`' time spent
        self._cursor_saved = self._offset()
        self._caught_up = store.data_version()
        self._update_side()
        self.refresh_header()

    def moved_by_reload(self) -> str | None:
        """What reading the article again moved the highlight off, beyond the current item (`reloading`), in words;
        None here. The review screen's disagreement that another reviewer settled meanwhile (`review_shown`)."""
        return None

    def said_by_reload(self) -> str | None:
        """What reading the article again found changed, in the screen's words, not moving the highlight; None here."""
        return None

    def article_model(self, rows: ArticleRows) -> ArticleModel:
        """The model of the article being opened: spans and suggestions (the review screen shows no suggestions)."""
        return ArticleModel(rows)

    def save_cursor(self) -> None:
        offset = self._offset()
        if offset != self._cursor_saved:
            self.annotator_app.store.save_cursor(self.article_id, self.annotator_app.annotator, offset)
            self._cursor_saved = offset

    @said
    def on_screen_resume(self) -> None:
        self.app.sub_title = self.sub_title or ""
        self.refresh_header()
        self.catch_up()

    def catch_up(self, key: bool = False) -> bool:
        """Show the article as stored if another process changed this annotation or its suggestions since this
        screen showed it (an undo in another window of an accept made here), the cursor and current item kept on
        what they were, and say so; True when it did. Asked before a key that reads the screen and when the window
        gets the focus back (trial 26); a cheap `PRAGMA data_version` as a rule, the annotation's versions only
        after another process wrote to the file."""
        app = self.annotator_app
        version = app.store.data_version()
        if version == self._caught_up:
            return False
        self._caught_up = version
        cause = app.store.changed_elsewhere(self.article_id, app.annotator)
        if cause is None:
            return False
        from annotator.tui.screens.reloading import show_as_stored

        said = show_as_stored(self, cause, key)
        if (moved := app.store.moved_away(self.article_id, app.annotator)) is not None:  # a rename: say it
            said = f"Shown as stored now: {moved}{'; the key was not applied' if key else ''}"
        self.say(said, "yellow")
        return True

    def refresh_header(self) -> None:
        """The title bar: database file, this article's place in the order, what is left to decide."""
        app = self.annotator_app
        # read once per article opened, outside change and status (review's "gold done"), not on every edit
        placed = (self.article_id, app.store.data_version(), self.model.status)
        if self._placed != placed:
            self._place, self._placed = app.article_place(self.article_id), placed
            self.query_one(KeyBar).refresh()  # a done article's keys are others (`key_bar`)
        pending = self.model.pending_count
        shut = locked(self.model.status, app.annotator)  # said where a person looks first: here, the panel's hint
        self.panel.show_locked(shut)
        done = "done" if shut else ""
        self.header = (f"{app.who} · {app.db_name}", display(self.model.title) or self.article_id,
                       " · ".join(p for p in (self._place, done, f"{pending} pending" if pending else "") if p))  # fmt: skip
        self.query_one(TitleBar).refresh()

    def say(self, message: str | Text, style: str = "") -> None:
        """An outcome on the status line (wrapped, never cut), kept in the message log (M)."""
        self.annotator_app.log_message(str(message))
        self.status_line.say(message if isinstance(message, Text) else Text(message, style=style))

    def hint(self, message: str | None) -> None:
        self.status_line.ask(message)

    def notice(self, message: str, style: str) -> None:
        """A notice of the app (`AnnotatorApp.notify`) on the status line, not kept in the log (what raised it keeps
        what matters there); before the article is loaded, once it is."""
        if self._notices is not None:
            self._notices.append(Text(message, style=style))
            return
        self.status_line.say(Text(message, style=style))

    def _marks(self) -> Marks:
        model, item = self.model, self.model.get(self.current)
        marks = Marks(selection=self._selection())
        if model.tokens:
            token = model.tokens[min(self.cursor, len(model.tokens) - 1)]
            marks.cursor = (token.start, token.end)
            # inside a current quote the label keys act on the word under the cursor: it is drawn too
            marks.show_cursor = (item is None or item.is_quote) and marks.selection is None
            marks.cursor_over_current = item is not None and item.is_quote
        if item is not None and marks.selection is None:
            marks.current = (item.start, item.end)
            if item.is_quote and item.speaker:
                marks.speakers.append(item.speaker)
        if self.speaker_candidate is not None:
            marks.speakers = [(self.speaker_candidate.start, self.speaker_candidate.end)]
        return marks

    def _update_side(self) -> None:
        self.panel.point(self.model, self.current, self._offset())
        if self.speaker_candidate is not None:
            return
        item = self.model.get(self.current)
        shut = locked(self.model.status, self.annotator_app.annotator)  # no key offered that would be refused
        if self.selection_start is not None:
            start, end = self._selection() or (0, 0)
            keys = DONE_HINT if shut else selection_keys(self.model, start, end, self.annotator_app.keymap)
            self.status_line.say(f"Selected {selected(self.model.text[start:end])}: {keys}", "dim")
        elif item is not None:
            line = describe(item, self.model, self.app.current_theme.dark)
            keys = DONE_HINT if shut else self.keys_on(item)
            line.append(f"  ({keys})" if keys else "", "dim")
            made = self.model.suggester_of(item)  # a trained pipeline's (after `suggest --model`): named; the
            line.append(f" · suggested by {made}" if "@" in made else "", "dim")  # shipped one's would cost a row at 80
            self.status_line.say(line)
        else:
            self.status_line.say(self.nothing_current(), "dim")

    def nothing_current(self) -> str:
        """The status line with nothing current: what the label keys add at the cursor, and where to go."""
        if locked(self.model.status, self.annotator_app.annotator):
            return f"{DONE_HINT[:1].upper()}{DONE_HINT[1:]} · ?: help"
        return f"{self._what_keys_add()} · tab: next to decide · v: select · ?: help"

    def keys_on(self, item: Item) -> str:
        """What the keys do on an item when it is current (`preview.keys_on`)."""
        return keys_on(self.model, item, self.cursor, self.annotator_app.keymap)

    def still_to_decide(self, item: Item) -> str:
        """An item still needing a decision, named for the status line ("the suggestion LOCATION 'Lagos' at 12:17,
        still to decide"; a long quote shortened in the middle): where it is, as one of two with its words (re-trial
        41r: "next: the suggestion ACTOR 'Eastfield'", and two were pending)."""
        words = f"{quoted(_shortened(item.text, 60))} at {item.start}:{item.end}"
        if item.pending:
            return f"the suggestion {item.label.value} {words}, still to decide"
        return f"the {item.label.value} {words}, which has no speaker yet"

    def _what_keys_add(self, quote: bool = True) -> str:
        """What the label keys would add at the cursor (`preview.what_keys_add`)."""
        return what_keys_add(self.model, self.cursor, self.annotator_app.keymap, quote)

    def _redraw(self, follow: bool = True) -> None:
        self.view.set_marks(self._marks())
        if follow:
            self.view.follow(self._offset())
        self._update_side()

    # -- what is shown -----------------------------------------------------------------------------------------

    def action_toggle_rejected(self) -> None:
        app = self.annotator_app
        app.showing_rejected = not app.showing_rejected
        changed = self.model.show_rejected(app.showing_rejected)
        self.view.refresh_ranges(changed)
        if self.model.get(self.current) is None:
            self.current = self._under_cursor() if self.selection_start is None else None
        count = len([i for i in self.model.items.values() if i.rejected])
        shown = f"Rejected suggestions shown, dimmed and struck through ({count}): enter on one takes it back"
        self.say(shown if app.showing_rejected else "Rejected suggestions hidden", "green")
        self.view.set_marks(self._marks())
        self.panel.point(self.model, self.current, self._offset())

    def action_messages(self) -> None:
        from annotator.tui.screens.messages import MessagesScreen

        self.app.push_screen(MessagesScreen(self.annotator_app.messages))

    # -- leaving the article ------------------------------------------------------------------------------

    def action_article(self, step: int) -> None:
        """n / p: the next (previous) article, going round past the last (first), which the status line says
        (newcomer 42k: `article 17 of 17` became `1 of 17` without a word)."""
        from annotator.store.listing import place

        app = self.annotator_app
        next_id = app.next_article(self.article_id, step)
        if next_id is None or next_id == self.article_id:
            return
        here, there = place(app.store, app.annotator, self.article_id), place(app.store, app.annotator, next_id)
        self.load(next_id)
        if here is None or there is None:
            return
        order = (not here[2], here[0]), (not there[2], there[0])  # assigned ones first
        if (order[1] <= order[0]) if step > 0 else (order[1] >= order[0]):
            key, way = (
                ("n", "past the last article, the first") if step > 0 else ("p", "before the first article, the last")
            )
            self.say(f"{key} went round: {way} again ({app.article_place(next_id)})", "yellow")

    def action_articles(self) -> None:
        self.save_cursor()
        self.annotator_app.show_articles()

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self.save_cursor()
        self.app.exit()

    # -- mouse ------------------------------------------------------------------------------------------------

    def on_span_panel_chosen(self, message: SpanPanel.Chosen) -> None:
        self.highlight_unseen, self.pending_unseen = None, None  # chosen by the person: seen
        self._go_to(self.model.get(message.key))

    def on_article_view_pointed(self, message: ArticleView.Pointed) -> None:
        self.highlight_unseen, self.pending_unseen = None, None
        if not self.model.tokens:
            return
        token = self.model.token_index(message.offset)
        if message.drag:
            if token == self.cursor and self.selection_start is None:
                return
            if self.selection_start is None:
                self.selection_start = self.cursor
            self.cursor, self.current = token, None
        else:
            self.cursor, self.selection_start = token, None
            item = self.model.item_at(message.offset)
            self.current = item.key if item else None
        self.goal_column, self.phrase_origin, self.search_match = None, None, None  # a click: the search's place
        self._redraw(follow=False)

"""The article list: this annotator's articles (assigned ones first) with their status, progress, a status
filter and a title search.

It reads only what it shows: the app gives the row keys of the filter (`annotator.store.listing.row_keys`,
one int an article), the rows on screen are fetched a page at a time, and the counts come from SQL. So a
database of 100,000 articles opens its list as fast as one of a hundred. In the review app the rows are the
articles up for review, with gold's status and no pending column (gold takes no suggestions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input, Static

from annotator.errors import AnnotatorError
from annotator.literal import quoted
from annotator.store.listing import Counts, ListFilter
from annotator.tui.failures import said
from annotator.tui.layout import display
from annotator.tui.screens import app_as, article
from annotator.tui.screens.typed import HoldsAfterItsLine, TypedInto
from annotator.tui.widgets.article_rows import ArticleRows
from annotator.tui.widgets.bars import KeyBar, TitleBar
from annotator.vocabulary import Status
from annotator.wording import status_words

if TYPE_CHECKING:
    from annotator.tui.app import AnnotatorApp

FILTERS: list[Status | None] = [None, *Status]
BAR_WIDTH = 40
NONE_LEFT = "No article is left to do"  # the start of the note `d` brings the list up with (`listing.none_left`)


class ArticleListScreen(HoldsAfterItsLine, Screen[None]):
    """Pick an article; enter opens it, escape goes back to the one that was open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="list_open", tooltip="open the article under the cursor"),
        Binding("escape", "back", "Back", id="list_back", tooltip="back to the article that was open"),
        Binding("f", "filter", "Filter status", id="filter_status", tooltip="filter the list by status"),
        # priority: / opens the search as it arrives, so letters typed right after it reach the search box, not
        # the list (where q quits); check_action leaves a / to the search box once it has the focus
        Binding("slash", "search", "Search titles", id="list_search", priority=True, tooltip="search the titles"),
        Binding("question_mark", "help", "Help", id="list_help", tooltip="this help"),
        Binding("q", "quit", "Quit", id="list_quit", tooltip="quit (everything is saved already)"),
    ]

    def __init__(self, note: str = "") -> None:
        super().__init__()
        self.note = note  # what brought the list up ("No article is left to do"), on a line of its own
        self.filter_index = 0
        self.title_search = ""
        self._resumed = False
        self._counts: Counts | None = None
        self.header_lines = 1  # the counts line's rows: 2 where the search does not fit beside the counts
        self._read_at = -1  # the database's data version when the list last read it (`_tick`)
        self._unreadable = ""  # the last "cannot be read" said by the tick

    @property
    def annotator_app(self) -> AnnotatorApp:
        from annotator.tui.app import AnnotatorApp  # loaded by now: that module imports this screen

        return app_as(self, AnnotatorApp)

    def compose(self) -> ComposeResult:
        app = self.annotator_app
        yield TitleBar()
        yield Static(id="progress-label")
        yield Static(id="progress")
        yield Static(id="list-note")
        yield Input(placeholder="words in the title … (enter: to the list, escape: clear)", id="search")
        yield Static(id="list-heading")
        yield ArticleRows(app.list_rows, pending_column=app.list_pending_column, id="articles")
        yield KeyBar()

    @property
    def rows(self) -> ArticleRows:
        return self.query_one(ArticleRows)

    @said
    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        self.say(self.note)
        self.reload(cursor_on=self._open_article(), refresh=True)
        self.rows.focus()
        self.call_after_refresh(
            lambda: self.run_worker(self.annotator_app.list_prefetch, thread=True, exit_on_error=False)
        )
        self._read_at = self.annotator_app.store.data_version()
        self.set_interval(article.CURSOR_SAVE_SECONDS, self._tick)

    @said
    def _tick(self) -> None:
        """On the article screen's tick: read the list again when another process wrote to the database (trial s46,
        F10: a list left open said "No article is left to do" while `ingest` and `assign` had given its annotator
        more), the highlight kept on its article. One `PRAGMA data_version` while nothing changed."""
        if self.app.screen is not self:  # under help: it reads the list again when it comes back
            return
        try:
            version = self.annotator_app.store.data_version()
        except AnnotatorError as error:  # the file damaged or overwritten under the list: said once
            if self._unreadable != str(error):
                self._unreadable = str(error)
                self.say(f"Not read: {error}", "bold red")
            return
        if version != self._read_at:
            self._read_at = version
            self.catch_up()

    def catch_up(self) -> None:
        """Show the list as stored now, the cursor on the article it was on; a note that no article is left to do
        names the one to do now, if any."""
        highlighted = self.rows.current if self.rows.keys else None
        self.reload(cursor_on=highlighted.id if highlighted is not None else None, refresh=True)
        if self.note.split(". ")[-1].startswith(NONE_LEFT):
            anchor = self._open_article() or (highlighted.id if highlighted is not None else "")
            next_id = self.annotator_app.next_article(anchor, 1, to_do=True)
            if next_id is not None:
                from annotator.store.listing import rowid_of

                key = rowid_of(self.annotator_app.store, next_id)
                row = self.annotator_app.list_rows([key]).get(key) if key is not None else None
                title = quoted(row.title if row is not None and row.title else next_id)
                self.note = f"Work came in meanwhile (another process): {title} is to do"
                self.say(self.note)

    def _open_article(self) -> str | None:
        """The article the annotate screen under this list shows, if any."""
        from annotator.tui.screens.annotate import AnnotateScreen

        return next((s.article_id for s in self.app.screen_stack if isinstance(s, AnnotateScreen)), None)

    @said
    def on_screen_resume(self) -> None:
        self.app.sub_title = f"{self.annotator_app.annotator} · articles"
        if self._resumed:  # back from help: an article may have changed meanwhile (not on first showing)
            self._read_at = self.annotator_app.store.data_version()
            self.reload(refresh=True)
        self._resumed = True

    def wanted(self) -> ListFilter:
        return ListFilter(status=FILTERS[self.filter_index], title=self.title_search)

    def reload(self, cursor_on: str | None = None, refresh: bool = False) -> None:
        """Show the filter's rows and the counts; `refresh`: read the statuses again (an article may have
        changed while it was open)."""
        app = self.annotator_app
        keys = app.list_keys(self.wanted(), refresh)
        cursor_key = None
        if cursor_on is not None:
            from annotator.store.listing import rowid_of

            cursor_key = rowid_of(app.store, cursor_on)
        self.rows.show(keys, cursor_key)
        if refresh or self._counts is None:
            self._counts = app.list_counts()
            self._show_bar(self._counts)
        self._show_counts(self._counts, len(keys))

    def on_article_rows_resized(self, event: ArticleRows.Resized) -> None:
        self.query_one("#list-heading", Static).update(self.rows.heading(event.width))

    def _show_bar(self, counts: Counts) -> None:
        share = counts.done / counts.total if counts.total else 0.0
        filled = round(BAR_WIDTH * share)
        bar = Text("━" * filled, style="green")
        bar.append("━" * (BAR_WIDTH - filled), style="dim")
        bar.append(f" {share:4.0%}")
        self.query_one("#progress", Static).update(bar)

    def _show_counts(self, counts: Counts, shown: int) -> None:
        over = self.annotator_app.list_scope(counts)
        wanted = FILTERS[self.filter_index]
        showing = status_words(wanted.value) if wanted else "all"
        if self.title_search:
            *others, last = map(repr, self.title_search.split())
            showing += f", titles with {', '.join(others) + ' and ' if others else ''}{last}"
        in_progress = counts.by_status.get(Status.IN_PROGRESS, 0)
        done = f"{counts.done} of {counts.total} {over} done · {in_progress} in progress"
        showing = f"showing {shown}: {showing} (f, /)"
        label = self.query_one("#progress-label", Static)
        fits = len(done) + 3 + len(showing) <= max(self.app.size.width - 2, 0)  # its padding: app.tcss
        lines = 1 if fits else 2  # trial 31: at 80 columns a title search cut "(f, /)"; the rest on a line of its own
        label.styles.height = lines
        label.update(
            Text(done + (" · " if fits else "\n") + showing, no_wrap=True, overflow="ellipsis"),
            layout=lines != self.header_lines,  # a layout of the whole screen only when the header's height changes
        )
        self.header_lines = lines

    def drawn(self) -> bool:
        """Whether the rows on screen are read (for the benchmark: the list is up)."""
        return not self.rows.keys or self.rows.current is not None

    def say(self, message: str, style: str = "bold yellow") -> None:
        """A message on the list's own line under its counts (none: the line is gone), where a toast would stand
        over the titles and statuses it speaks of; stored text in it is shown literally."""
        line = self.query_one("#list-note", Static)
        line.update(Text(display(message), style=style))
        line.display = bool(message)

    def summary(self) -> str:
        """One line saying what the list shows (for the benchmark and tests)."""
        label = self.query_one("#progress-label", Static).render()
        return str(label)

    # -- keys ---------------------------------------------------------------------------------------------------

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The search key is a letter of the search while the search box has the focus."""
        return action != "search" or not self.line_has_focus()

    def line_has_focus(self) -> bool:
        """Whether the search box has the focus: the keys after its enter or escape wait for the list (`_search_closed`)."""
        search = self.query("#search")  # nothing before the screen is composed; the focus given, not yet told
        return bool(search) and self.focused is search.first()

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        self.set_focus(search)  # now, not after the keys already waiting (as focus() would)

    @on(Input.Changed, "#search")
    @said
    def _search_changed(self, event: Input.Changed) -> None:
        self.title_search = event.value.strip()
        self.rows.cursor = 0  # on the first match, not wherever the cursor was (newcomer 42t opened a later one)
        self.reload()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self._search_closed()

    def _search_closed(self) -> None:
        """The search closed: the list has the focus now (not after the keys waiting, as focus() would give it), and
        the keys typed after the search's enter or escape, held till then, go on to it."""
        self.set_focus(self.rows)
        self.app.post_message(TypedInto.Closed(self.closing))

    def action_open(self) -> None:
        self.rows.choose()

    @said
    def on_article_rows_chosen(self, event: ArticleRows.Chosen) -> None:  # enter, or a click
        self.annotator_app.open_article(event.article_id)

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:  # escape first closes the search (and shows every title again)
            typed_in = search.has_focus
            search.value = ""
            search.display = False
            self._search_closed() if typed_in else self.set_focus(self.rows)
            return
        open_now = self._open_article()
        if open_now is not None:
            self.annotator_app.open_article(open_now)

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        own = [b for b in self.BINDINGS if isinstance(b, Binding)]
        self.app.push_screen(HelpScreen(("The article list", own)))

    def action_quit(self) -> None:
        self.app.exit()

"""The article list: every article with its status for this annotator, overall progress, a status filter."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static

from annotator.tui.layout import display
from annotator.tui.screens import app_as
from annotator.tui.widgets.bars import KeyBar, TitleBar
from annotator.vocabulary import Status

if TYPE_CHECKING:
    from annotator.rows import ArticleSummary
    from annotator.tui.app import AnnotatorApp

FILTERS: list[Status | None] = [None, *Status]
STATUS_NAMES = {Status.TODO: "to do", Status.IN_PROGRESS: "in progress", Status.DONE: "done",
                Status.SKIPPED: "skipped", Status.FLAGGED: "flagged"}  # fmt: skip


class ArticleListScreen(Screen[None]):
    """Pick an article; enter opens it, escape goes back to the one that was open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", show=False, id="list_back"),
        Binding("f", "filter", "Filter status", id="filter_status"),
        Binding("question_mark", "help", "Help", id="list_help"),
        Binding("q", "quit", "Quit", id="list_quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_index = 0
        self.summaries: list[ArticleSummary] = []

    @property
    def annotator_app(self) -> AnnotatorApp:
        from annotator.tui.app import AnnotatorApp  # loaded by now: that module imports this screen

        return app_as(self, AnnotatorApp)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="progress-label")
        yield ProgressBar(id="progress", show_eta=False)
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Status", key="status", width=12)
        table.add_column("Title", key="title")
        table.add_column("Chars", key="chars")
        table.add_column("Spans", key="spans")
        table.add_column("Pending", key="pending")
        self.reload()
        open_now = self._open_article()
        ids = [row.key.value for row in table.ordered_rows]
        if open_now in ids:
            table.move_cursor(row=ids.index(open_now))

    def _open_article(self) -> str | None:
        """The article the annotate screen under this list shows, if any."""
        from annotator.tui.screens.annotate import AnnotateScreen

        return next((s.article_id for s in self.app.screen_stack if isinstance(s, AnnotateScreen)), None)

    def on_screen_resume(self) -> None:
        self.app.sub_title = f"{self.annotator_app.annotator} · articles"
        if self.is_mounted:
            self.reload()

    def reload(self) -> None:
        """Read the summaries again (an article may have changed while it was open)."""
        app = self.annotator_app
        self.summaries = app.store.summaries(app.annotator)
        done = sum(1 for s in self.summaries if s.status is Status.DONE)
        bar = self.query_one(ProgressBar)
        bar.update(total=max(len(self.summaries), 1), progress=done)
        wanted = FILTERS[self.filter_index]
        shown = STATUS_NAMES[wanted] if wanted else "all"
        self.query_one("#progress-label", Static).update(
            Text(f"{done} of {len(self.summaries)} articles done · showing: {shown} (f to change)")
        )
        table = self.query_one(DataTable)
        selected = table.cursor_row
        table.clear()
        for summary in self.summaries:
            if wanted is None or summary.status is wanted:
                title = Text(display(summary.title), no_wrap=True, overflow="ellipsis")
                if summary.flag_reason:  # why it was flagged, and comments, after the title
                    title.append(f"  [flagged: {display(summary.flag_reason)}]", "yellow")
                if summary.comments:
                    title.append(f"  [{summary.comments} comment{'s' * (summary.comments != 1)}]", "dim")
                table.add_row(
                    STATUS_NAMES[summary.status],
                    title,
                    str(summary.chars),
                    str(summary.spans),
                    str(summary.pending),
                    key=summary.id,
                )
        if table.row_count:
            table.move_cursor(row=min(selected, table.row_count - 1))

    def action_filter(self) -> None:
        self.filter_index = (self.filter_index + 1) % len(FILTERS)
        self.reload()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:  # enter, or a click
        if event.row_key.value is not None:
            self.annotator_app.open_article(event.row_key.value)

    def action_back(self) -> None:
        open_now = self._open_article()
        if open_now is not None:
            self.annotator_app.open_article(open_now)

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit()

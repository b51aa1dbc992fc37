"""The Textual application and its factory, used by the CLI and the tests alike."""

from __future__ import annotations

import asyncio
import gc
import io
import signal
import sqlite3
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from textual import events
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen

from annotator.store import Store
from annotator.store.new_names import given_problem, new_name_notice
from annotator.store.sessions import Sitting
from annotator.tui.failures import STORE_ERRORS, crash_line, said
from annotator.tui.keymap import THEMES, Settings, default_path, load_keymap
from annotator.tui.layout import display
from annotator.tui.listed import ListedArticles
from annotator.tui.screens.annotate import AnnotateScreen
from annotator.tui.screens.article import ArticleScreen
from annotator.tui.screens.cursor import CursorScreen
from annotator.tui.screens.mouse_order import MouseOrderApp
from annotator.tui.screens.opening import JUMP_HOLD_SECONDS, caught_up_before, jump_key
from annotator.tui.screens.reloading import RETRIED
from annotator.tui.screens.speaker import SpeakerScreen

if TYPE_CHECKING:
    from collections.abc import Mapping

    from textual.actions import ActionParseResult
    from textual.dom import DOMNode

    from annotator.store.rowkeys import ArticleKeys

MESSAGES_KEPT = 500
#: A notice said on an article's status line, styled as its toast would have been.
NOTICE_STYLES: dict[SeverityLevel, str] = {"information": "", "warning": "yellow", "error": "bold red"}
#: The exit status of an app closed by a SIGTERM or a SIGHUP (that of a process ended by it), by signal.
CLOSING = {signal.SIGTERM: 128 + signal.SIGTERM, signal.SIGHUP: 128 + signal.SIGHUP}


class AnnotatorApp(ListedArticles, MouseOrderApp):
    """Annotate articles as one annotator; the list screen is the base, an article opens over it."""

    CSS_PATH = "app.tcss"
    TITLE = "annotator"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, store: Store, annotator: str, settings: Settings | None = None, *, created: bool = False
    ) -> None:
        super().__init__()
        self.store = store
        self.annotator = annotator
        self.settings = settings or Settings()
        self.keymap = self.settings.keys
        self.theme = THEMES[self.settings.theme]
        self.sub_title = annotator
        self.db_name = store.path.name if store.path else ""
        self.created = created  # the database file did not exist before this app opened it
        self.showing_rejected = False
        self.messages: list[tuple[str, str]] = []  # (time, message), for the message log (M)
        self._collecting = False
        self._keys: ArticleKeys | None = None
        self.sitting = Sitting(store)  # the session of the article shown, for `stats`' time spent
        self._toasts = False  # a toast may be showing: the next key clears it
        self._failed = ""  # the last store error said (`store_failed`)
        self._asked = False  # the name was typed into the "who is annotating?" screen, not given with --annotator
        # What Textual prints when the app ends on an exception (a traceback) is kept, for `crash` to file it
        self.error_console = Console(file=io.StringIO(), markup=False, highlight=False, width=100)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice of the app (screens' and widgets' `notify` come here). Over an article it is said on the
        article's status line, where the screen says every outcome: a toast stood over the text (at 80x24 over
        the cursor's line, for seconds), and the status line keeps it until a key, as a toast went at the first.
        On the article list, on the list's own line under its counts. Elsewhere a toast. Message and title are
        shown literally: they carry stored text (titles, span texts, errors quoting both), so they are never read
        as markup (`[/x]` would raise, `[Update]` would vanish) and their control characters are made visible.
        """
        article = self.article_in_view()
        if article is not None:
            article.notice(f"{title}: {message}" if title else message, NOTICE_STYLES[severity])
            return
        from annotator.tui.screens.article_list import ArticleListScreen

        if isinstance(self.screen, ArticleListScreen):  # on its own line: a toast would stand over the titles
            self.screen.say(f"{title}: {message}" if title else message, NOTICE_STYLES[severity] or "bold yellow")
            return
        super().notify(display(message), title=display(title), severity=severity, timeout=timeout, markup=False)
        self._toasts = True

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (Textual's choice: a reflex should not end a session); say which key does, in plain
        words: Textual's own notice is written in markup, and every notice here is shown literally."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"ctrl+c does not quit: press {key} to quit (everything is saved already)")
                return

    def article_in_view(self) -> ArticleScreen | None:
        """The article screen showing, alone or under modal screens (the speaker choice, the search line)."""
        for screen in reversed(self.screen_stack):
            if not isinstance(screen, ModalScreen):
                return screen if isinstance(screen, ArticleScreen) else None
        return None

    async def on_event(self, event: events.Event) -> None:
        """The first key clears every toast (and still does what it does): a notice is read by then, and its
        message stays in the status line or the message log (M)."""
        if self._toasts and isinstance(event, events.Key) and not event.is_forwarded:
            self._toasts = False
            self.clear_notifications()
        if isinstance(event, events.Key) and not event.is_forwarded and self._after_line is None:
            screen = self.screen  # the key after t or T is the jump's character, before any binding (even priority)
            if isinstance(screen, (CursorScreen, SpeakerScreen)):
                if screen.jump_character(event):
                    return
                if jump_key(screen, event.key):  # in the order typed (re-trial 42s: `x T f` jumped before x acted);
                    await super().on_event(event)  # the keys read after it wait until it has acted, the first
                    self.hold_until_back(event, JUMP_HOLD_SECONDS, acted=True)  # then the jump's character
                    return
        await super().on_event(event)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key and action: a store error is said in one line and the app goes on (`tui.failures`). A key of
        the article screen that reads what it shows is not applied when another process changed the article since
        (`ArticleScreen.catch_up` shows it as stored first): it was aimed at what the screen showed. An editing key
        goes on: the Store refuses it on a changed annotation, and it acts again after the reload when it still
        means the same thing (`reloading.retried`); so does t or T, after the article is shown as stored
        (`opening.caught_up_before`)."""
        try:
            screen = self._reading_key_of(action, default_namespace)
            if screen is not None and caught_up_before(screen, action, self.store_failed):
                return self.not_run(action)  # no screen opens: the keys held after it go on now
            if screen is not None:  # a key that reads the screen: what it shows after is what the person sees
                screen.highlight_unseen, screen.pending_unseen, screen.done_unseen = None, None, None
            return await super().run_action(action, default_namespace, namespaces)
        except STORE_ERRORS as error:
            self.store_failed(error)
            return True

    def _reading_key_of(self, action: str | ActionParseResult, namespace: DOMNode | None) -> ArticleScreen | None:
        """The article screen showing (no other screen over it) that a key's action is for, unless the action edits
        (`reloading.RETRIED`)."""
        if self.screen is not namespace or not isinstance(action, str) or f"action_{action.split('(')[0]}" in RETRIED:
            return None
        return namespace if isinstance(namespace, ArticleScreen) else None

    @said
    def on_app_focus(self, event: events.AppFocus) -> None:
        """The window has the focus back: the article as stored, if another process changed it meanwhile."""
        screen = self.article_in_view()
        if screen is not None and screen is self.screen:
            screen.catch_up()

    def store_failed(self, error: Exception, again: bool = True) -> None:
        """A store error as one line: on the article screen's status line or the list's own, else in a toast;
        always in the log (M). `again` False: not when it is the line said last (a widget that reads as it draws fails on every frame)."""
        line = str(self.store.unreadable(error) if isinstance(error, sqlite3.Error) else error)
        if not again and line == self._failed:
            return
        self._failed = line
        if isinstance(self.screen, ArticleScreen):  # its status line keeps the log too
            self.screen.say(f"Not done: {line}", "bold red")
            return
        self.log_message(f"Not done: {line}")
        self.notify(line, title="Not done", severity="error")  # on the list, its own line (`notify`)

    def crash(self) -> str | None:
        """After `run()`: None if the app ended normally, else the one line saying why it stopped (its traceback
        kept in a file the line names)."""
        if not self.return_code or self.return_code in CLOSING.values():
            return None
        shown = self.error_console.file
        return crash_line(self._exception, shown.getvalue() if isinstance(shown, io.StringIO) else "")

    @property
    def who(self) -> str:
        """Whose annotation the screens show, as the title bar names it."""
        return self.annotator

    def log_message(self, message: str) -> None:
        """Keep a message for the log (M): the status line shows only the last one."""
        self.messages.append((time.strftime("%H:%M:%S"), message))
        del self.messages[:-MESSAGES_KEPT]

    def on_load(self) -> None:
        # Start-up allocates many long-lived objects (styles, widgets, the article's rows); the cyclic garbage
        # collector would walk them several times before the first frame for nothing. It is back on after it.
        self._collecting = gc.isenabled()
        gc.disable()

    def on_mount(self) -> None:
        if threading.current_thread() is threading.main_thread():  # the only one that may take signals
            # A SIGTERM or SIGHUP (the terminal closed) closes the app as quitting does (the terminal restored, if
            # it is still there); every edit is already committed. One SIGHUP ignored (`nohup`) stays ignored.
            for number, code in CLOSING.items():
                if signal.getsignal(number) is not signal.SIG_IGN:
                    asyncio.get_running_loop().add_signal_handler(number, self.exit, None, code)
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.annotator:
            self.open_first_article()
            return
        from annotator.store.assignments import assignees
        from annotator.tui.screens.who import WhoScreen

        who = WhoScreen(assignees(self.store), lambda name: given_problem(self.store, name))
        self.push_screen(who, self._annotator_chosen)

    def _annotator_chosen(self, name: str | None) -> None:
        """A served session's answer to "who is annotating?"."""
        if not name:
            self.exit()
            return
        self.annotator = name
        self.sub_title = name
        self._asked = True
        self.open_first_article()

    def open_first_article(self) -> None:
        """The article this annotator had open last, else their first assigned article still to do, else the
        first one; the list when there is none."""
        from annotator.store.listing import first_article

        notices: list[tuple[str, str]] = []
        if self.store.notice:  # a database this user may not write: viewing only, and every edit says so
            notices.append(("Read-only", self.store.notice))
        if self.created:  # a mistyped --db makes a new file: say so at once
            notices.append(("New database", f"{self.db_name} did not exist: a new database was created with the "
                            "seed article. If you meant another file, quit (q) and give its name with --db."))  # fmt: skip
        hint = (
            "quit (q) and open it again as that name" if self._asked else "quit (q) and give that name with --annotator"
        )
        new_name = new_name_notice(self.store, self.annotator, hint)
        if new_name is not None:  # a mistyped --annotator: say so at once, as for a mistyped --db
            notices.append(("New annotator", new_name))
        if (packed := self.packed_anew()) is not None:  # trial 39b: a pack out, work here too
            notices.append(("Packed", packed))
        for _, message in notices:
            self.log_message(message)
        article_id = first_article(self.store, self.annotator)
        if article_id is None:  # said on the list's own line, not over its titles
            self.show_articles(" · ".join(message for _, message in notices))
            return
        self.open_article(article_id)
        if notices:  # on the article's status line (`notify`), not over its text
            self.notify(" · ".join(f"{title}: {message}" for title, message in notices), severity="warning")

    _packed: str | None = None  # the pack notice last given (`packed_anew`)

    def packed_anew(self) -> str | None:
        """The pack notice (`store.pack.packed_out`) when it is not the one last given: at opening, and when another
        process changed the file (the article screen's tick: a pack made, or merged back, meanwhile)."""
        from annotator.store.pack import packed_out

        packed = packed_out(self.store, self.annotator)
        new, self._packed = packed != self._packed, packed
        return packed if new else None

    def on_ready(self) -> None:
        self._started()

    def _started(self) -> None:
        """The first frame is drawn (Textual's Ready): collect garbage again, but never scan what start-up built.

        It lives as long as the app, and a full collection over it took about 25 ms, a pause inside whichever
        keystroke it fell on.
        """
        if self._collecting:
            self._collecting = False
            gc.freeze()
            gc.enable()

    def show_articles(self, note: str = "") -> None:
        """The article list, over the article (imported only now: start-up does not need it); `note`, what brought
        it up, on its own line (a toast would stand over the titles)."""
        from annotator.tui.screens.article_list import ArticleListScreen

        self.push_screen(ArticleListScreen(note))

    def article_screen(self, article_id: str) -> AnnotateScreen:
        """The screen an article opens in (the review app's is the review screen)."""
        return AnnotateScreen(article_id)

    def open_article(self, article_id: str) -> None:
        """Open an article in the article screen, leaving the list (or any screen over it) if it is showing."""
        screen = next((s for s in self.screen_stack if isinstance(s, AnnotateScreen)), None)
        while screen is not None and self.screen is not screen:
            self.pop_screen()
        if screen is None:
            self.push_screen(self.article_screen(article_id))
        else:
            screen.load(article_id)

    def next_article(self, article_id: str, step: int, to_do: bool = False) -> str | None:
        """The article after (or before) this one, wrapping; with `to_do`, the next one still to annotate. The
        order: this annotator's assigned articles first, then the others in ingest order (SQL: a database of
        100,000 articles costs a step no more than one of ten)."""
        from annotator.store.listing import next_article

        return next_article(self.store, self.annotator, article_id, step, to_do)

    def none_left(self) -> str:
        """What the list says when `d` finds no article left to do (`listing.none_left`)."""
        from annotator.store.listing import none_left

        return none_left(self.store, self.annotator)

    def article_place(self, article_id: str) -> str:
        """Where this article stands in the order n, p and d go through, for the title bar."""
        from annotator.store.listing import place

        found = place(self.store, self.annotator, article_id)
        if found is None:
            return ""
        number, total, assigned, others = found
        return f"{'assigned ' if assigned else 'article '}{number} of {total}{', assigned to others' if others else ''}"

    def article_opened(self, article_id: str) -> None:
        """Record the article a screen shows as opened, for `stats`' time spent (`store.sessions.Sitting`)."""
        self.sitting.shows(article_id, self.annotator, self.store.reviewer)

    def on_unmount(self) -> None:
        self._started()
        gc.unfreeze()  # what the app built may go now (in tests, the next app starts in the same process)
        try:
            self.sitting.leaves()
        finally:
            self.store.close()


def make_app(
    db_path: str | Path, annotator: str, *, keymap_path: Path | bool | None = True, created: bool = False
) -> AnnotatorApp:
    """Open the database and build the app; `keymap_path` True looks the keymap up, False or None uses none.
    `created`: the caller has just made the database file (a new file is noticed here too)."""
    path = default_path() if keymap_path is True else (keymap_path or None)
    settings = load_keymap(path)
    created = created or not Path(db_path).exists()
    return AnnotatorApp(Store.open(db_path).as_screen(), annotator, settings, created=created)

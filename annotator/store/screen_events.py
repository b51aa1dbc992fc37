"""Whose an event is, for undo and redo on a screen: this screen's own, one from before it opened, or one made
in another window (or by a command) since.

Undo and redo go per article, on the log all windows share (`history`). With two windows open as the same
annotator on one article, `u` in one took back the other's last change, saying only "undid ...": a person
expects `u` to take back what they did there, as a Prodigy or Label Studio tab's undo does (its own history,
never another tab's). A Store a screen opens (`as_screen`) remembers the events it wrote and the last event
there was when it opened; `History` then acts only on the screen's own changes and on those from before it
opened (the log survives restarts: the last session's changes stay undoable, and the message says whose they
were), and refuses, writing nothing, when the last change (or undo) of the article is another window's since.
A Store no screen opened (commands, tests) acts on the history as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

from annotator.errors import CHANGED_ELSEWHERE, Conflict, Refused
from annotator.store.aliases import moved_away
from annotator.store.changes import Changes
from annotator.store.connection import Row
from annotator.wording import clipped

#: Actions only a command writes, never a screen.
_COMMANDS_ONLY = ("import", "merge")
#: The first and last id of the events a merge wrote to a pair, as its `merged` event names them (NULL where its
#: `after` is no JSON: `check` names that).
_MERGED_FIRST, _MERGED_LAST = (
    f"CASE WHEN json_valid(m.after) THEN json_extract(m.after, '$.events[{i}]') END" for i in (0, 1)
)


#: Where a screen's event was made when neither this screen nor a command made it.
ELSEWHERE = "in another window"


class ElsewhereSince(Refused):
    """Undo (`redo`: redo) on a screen whose last change (undo) on the article is another window's since it opened:
    nothing was written. `forms`: ways to say it, fullest first (the message), for a screen to choose the fullest
    that fits its status line (at 80 columns the whole took 3 rows, 4 with a long change)."""

    def __init__(self, forms: tuple[str, ...], redo: bool) -> None:
        super().__init__(forms[0])
        self.forms, self.redo = forms, redo


class ScreenEvents(Changes):
    """A Store's memory of the events its screen wrote, for `History`."""

    #: None: no screen opened this Store. Else the id of the last event there was when it opened.
    opened_after: int | None = None
    _own: set[int]
    _logging: tuple[int, ...] = ()

    def as_screen(self) -> Self:
        """This Store as a screen's: undo and redo act on its own changes and on those from before now."""
        row = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()
        self.opened_after, self._own = int(row[0]), set()
        return self

    def _log(
        self, article_id: str, annotator: str, action: str, old: Row, new: Row, target: int | None, now: str
    ) -> int:
        event_id = super()._log(article_id, annotator, action, old, new, target, now)
        self._logging += (event_id,)
        return event_id

    @contextmanager
    def _editing(self, article_id: str, annotator: str) -> Iterator[None]:
        """As `Changes._editing`; the events it logged are this screen's once committed (a rolled-back id may
        be handed out again, to another window)."""
        self._logging = ()
        try:
            with super()._editing(article_id, annotator):
                yield
            if self.opened_after is not None:
                self._own.update(self._logging)
        except Conflict as conflict:  # named as `changed_elsewhere` names it: a command, when one changed it
            if conflict.cause != CHANGED_ELSEWHERE:
                raise
            made = self.made(self.version(article_id, annotator))
            raise Conflict(
                str(conflict).replace("in another window", made, 1), f"the annotation was changed {made}"
            ) from None
        finally:
            self._logging = ()

    def whose(self, event_id: int) -> str | None:
        """Where the event was made, when it is not this screen's to undo or redo: "in another window", or "by
        `annotator <command>`"; None when it is (its own, or from before it opened, or no screen's Store)."""
        if self.opened_after is None or event_id <= self.opened_after or event_id in self._own:
            return None
        return self.made(event_id)

    def made(self, event_id: int) -> str:
        """ "by `annotator <command>`" when a command wrote the event (`annotator merge` when a merge brought it here,
        as its `merged` event says; `annotator rename-annotator` for a rename's, which names it `renamed`, its
        actions those of merge and import (re-trial s54 t8 R2); else its `command`, or an action only a command
        writes), else "in another window"."""
        sql = (
            "SELECT e.action, json_extract(e.after, '$.command'), EXISTS (SELECT 1 FROM events m WHERE m.article_id "
            "= e.article_id AND m.annotator = e.annotator AND m.action = 'merged' AND m.id > e.id AND "
            f"e.id BETWEEN {_MERGED_FIRST} AND {_MERGED_LAST}), "
            "CASE WHEN json_valid(e.after) THEN json_type(e.after, '$.renamed') END FROM events e WHERE e.id = ?"
        )
        action, command, merged, renamed = self.conn.execute(sql, [event_id]).fetchone() or (None, None, 0, None)
        command = command if isinstance(command, str) else action if action in _COMMANDS_ONLY else None
        renaming = renamed == "object" and action in _COMMANDS_ONLY  # an undo or redo of it holds the same data
        command = "merge" if merged else "rename-annotator" if renaming else command
        return f"by `annotator {command.removeprefix('annotator ')}`" if command else ELSEWHERE

    def made_by(self, event_id: int, clip: int = 0) -> str:
        """As `made`, "in another window" with who made the event there, where it names them (a review screen's
        events name the reviewer who pressed the key, its undo and redo too): "by lead in another window"; `clip`:
        the name cut to that many characters, for a line that must be short."""
        sql = "SELECT CASE WHEN json_valid(after) THEN json_extract(after, '$.reviewer') END FROM events WHERE id = ?"
        made, found = self.made(event_id), self.conn.execute(sql, [event_id]).fetchone()
        reviewer = found[0] if found else None
        if not (isinstance(reviewer, str) and reviewer and made == ELSEWHERE):
            return made
        return f"by {clipped(reviewer, clip) if clip else reviewer} {made}"

    def changed_elsewhere(self, article_id: str, annotator: str) -> str | None:
        """As `Changes.changed_elsewhere`, naming the command that made the last change when one did (trial 10: the
        refresh after `annotator accept` said "changed in another window")."""
        cause = super().changed_elsewhere(article_id, annotator)
        if cause != CHANGED_ELSEWHERE:
            return cause
        return f"the annotation was changed {self.made(self.version(article_id, annotator))}"

    def moved_away(self, article_id: str, annotator: str) -> str | None:
        """What the screen says where a rename took `annotator`'s work on the article away (`aliases.moved_away`):
        shown as stored, it looked like an untouched to-do of theirs, with nothing said until a key was refused."""
        return moved_away(self.conn, article_id, annotator)

    def before_opened(self, event_id: int) -> bool:
        """Whether a screen's undo (redo) acts on a change (undo) made before it opened: its message says so."""
        return self.opened_after is not None and event_id <= self.opened_after and event_id not in self._own

    def last_applying(self, article_id: str, annotator: str, event_id: int, redo: bool) -> int:
        """The event that last put `event_id`'s change in effect (itself, or a redo of it); with `redo`, the undo
        that last took it back."""
        sql = (
            "SELECT MAX(id) FROM events WHERE article_id = ? AND annotator = ? AND action = 'undo' AND target = ?"
            if redo
            else "SELECT MAX(id) FROM events WHERE article_id = ? AND annotator = ? AND (id = ? OR "
            "(action = 'redo' AND target = ?))"
        )
        params = [article_id, annotator, event_id] + ([] if redo else [event_id])
        found = self.conn.execute(sql, params).fetchone()
        return int(found[0]) if found and found[0] is not None else event_id

"""Why undo or redo has nothing to act on here, in one line (`History`). Undo and redo go per article, on the log all
windows share, so the reason is read from the log: what left nothing to redo (a change after the undo, made here,
in another window or by a command; a redo of every undo), or the article where an undo (a change) waits. A redo
waiting in another window is not this one's (`screen_events`): it is not named as if ctrl+r could take it.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.errors import Refused
from annotator.literal import quoted
from annotator.store.reads import NOT_EDITS
from annotator.store.screen_events import ScreenEvents
from annotator.store.stacks import stacked


class NothingTo(Refused):
    """Undo or redo with nothing to act on in this article: a hint where to look, not a failure."""


class NothingExplained(ScreenEvents):
    """Why undo or redo has nothing to act on in an article (`NothingTo`)."""

    def _nothing_to(self, article_id: str, annotator: str, redo: bool, undone_here: bool = False) -> NothingTo:
        """Why there is nothing to undo (or redo) on this article, in one line: undo and redo go per article, so
        it names the article where there is, changed (or undone) last (newcomers' trials: after an undo on
        another article "nothing to redo" read as if that undo were lost; on a fresh first article "nothing to
        undo in this article (... p opens the one before)" pointed at an article that is not there); a redo, what
        left nothing to redo here when that came later (`_why_no_redo`)."""
        if redo:
            here = "nothing to redo on this article"
        elif undone_here:
            here = "nothing to undo on this article: every change made here is undone already"
        else:
            here = "nothing to undo on this article yet"
        if undone_here:
            return NothingTo(here)
        stacks: dict[str, list[tuple[int, str]]] = {}
        for event_id, action, other in self.conn.execute(
            "SELECT id, action, article_id FROM events WHERE annotator = ? AND article_id != ? ORDER BY id",
            [annotator, article_id],
        ):
            stacks.setdefault(other, []).append((event_id, action))
        # the article whose last event leaves something to redo (undo), the latest first
        waiting = [(rows[-1][0], other) for other, rows in stacks.items() if stacked(rows)[1 if redo else 0]]
        if redo:
            return self._why_no_redo(article_id, annotator, here, waiting, stacks)
        if not waiting:
            return NothingTo(here)
        return NothingTo(f"{here}: undo goes per article, and your last change is on {self._named(max(waiting)[1])}")

    def _why_no_redo(
        self,
        article_id: str,
        annotator: str,
        here: str,
        waiting: list[tuple[int, str]],
        stacks: dict[str, list[tuple[int, str]]],
    ) -> NothingTo:
        """Nothing to redo here, and why, from the latest fact: the article where this window's undo waits; an undo
        waiting elsewhere that another window made; what ended the redo here (a change after the undo, or a redo of
        the last undo); or nothing here was undone."""
        facts: list[tuple[int, str]] = []
        for _, other in waiting:  # the undo each redo waiting elsewhere would redo: this window's, or not
            undo = self.last_applying(other, annotator, stacked(stacks[other])[1][-1], redo=True)
            mine = self.whose(undo) is None
            facts.append((undo, f"{here}: redo goes per article, and your last undo is on {self._named(other)}"
                          if mine else "nothing to redo in this window: the last undo was made in another window"))  # fmt: skip
        rows = self.conn.execute(
            "SELECT id, action FROM events WHERE article_id = ? AND annotator = ? ORDER BY id", [article_id, annotator]
        )
        ended = redo_ended(rows)
        if ended is not None:
            facts.append((ended[0], f"{here}: {self._ended_by(*ended)}"))
        if not facts:
            return NothingTo(f"{here}: nothing on it was undone")
        return NothingTo(max(facts)[1])

    def _ended_by(self, event_id: int, redone: bool) -> str:
        """What left nothing to redo: `event_id`, a redo of the last undo (`redone`) or a change after it."""
        where = self.whose(event_id) or self.made(event_id)
        elsewhere = where if where.startswith("by ") or self.whose(event_id) else None
        if redone:
            return f"the last undo was redone {elsewhere}" if elsewhere else "every undo on it is redone already"
        return f"a change made {elsewhere} ended it" if elsewhere else "the change after your undo ended it"

    def _named(self, article_id: str) -> str:
        """An article as a hint names it: its title (else its id), clipped at 40 characters, quoted."""
        title = self.conn.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()
        name = (title[0] if title and title[0] else article_id).strip()
        return quoted(name if len(name) <= 40 else name[:40].rstrip() + "…")


def redo_ended(events: Iterable[tuple[int, str]]) -> tuple[int, bool] | None:
    """The event that last left nothing to redo where there was something, after one article's (event id,
    action), oldest first: (its id, whether it was a redo, not a change); None when nothing was ever undone."""
    done = undone = 0
    ended: tuple[int, bool] | None = None
    for event_id, action in events:
        if action in NOT_EDITS or (action == "undo" and not done) or (action == "redo" and not undone):
            continue  # a stray undo or redo acts on nothing (`stacked`)
        if action == "undo":
            done, undone = done - 1, undone + 1
        elif action == "redo":
            done, undone = done + 1, undone - 1
            ended = (event_id, True) if not undone else ended
        else:
            ended = (event_id, False) if undone else ended
            done, undone = done + 1, 0
    return ended

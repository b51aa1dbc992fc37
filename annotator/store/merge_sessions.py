"""The screens' sessions a merge carries (`store.sessions`): `stats` counts time spent only inside them, so work done
in a pack and merged back without them fell back to the rule without sessions, and the time between two short
sittings in the pack counted as work again.

A session comes with the work it timed: for every article the merge carries (its id here, as merge maps it), of
every name, but for the annotators whose work on it the merge left out (a conflict, work past the text two files
share, a rename's copy kept apart): their events did not come, and an opening alone would count time that no action
here shows. A session row already here (same article, annotator, reviewer and opening moment) is not doubled, so
merging the same file twice adds nothing; where ours has no end and theirs has (a screen open on the pack at the
first merge, quit since), ours takes theirs. A session stays under the name it was opened as, as the events it
times do (`rename-annotator` moves work as new events and leaves the old name's events as history, so the sessions
stay with them; a pack's work that a rename here moves, `merge_renames.assignment_moved`, too). A name the other
file's checks did not read (`names.stored_names`: every name of its work, events, reviewers) is not brought: no
session row names someone the merge never looked at. A file of an older schema has no table, and brings none."""

from __future__ import annotations

import sqlite3

from annotator.store.connection import Connection
from annotator.store.names import stored_names
from annotator.store.sessions import has_table
from annotator.vocabulary import MODEL_PREFIX

_HERE = "SELECT id, closed_at FROM sessions WHERE article_id = ? AND annotator = ? AND reviewer IS ? AND opened_at = ?"


class CarriedSessions:
    """The pairs (their article id, annotator) whose work a merge of one file left out: their sessions stay there."""

    def __init__(self) -> None:
        self.left: set[tuple[str, str]] = set()

    def leave(self, their_article: str, annotator: str) -> None:
        self.left.add((their_article, annotator))

    def carry(self, store: Connection, source: sqlite3.Connection, ours: dict[str, str]) -> int:
        """Bring the other file's sessions of the articles carried (`ours`: their id -> ours) into `store`, inside
        the merge's transaction; how many rows were added (an end given to one of ours not counted)."""
        if not has_table(source):
            return 0
        checked = {name for _, name, _, problem in stored_names(source) if problem is None}
        sql = "SELECT article_id, annotator, reviewer, opened_at, closed_at FROM sessions ORDER BY id"
        added = 0
        for article, who, reviewer, opened_at, closed_at in source.execute(sql):
            here = ours.get(article) if isinstance(article, str) else None
            if here is None or (article, who) in self.left or who not in checked or who.startswith(MODEL_PREFIX):
                continue
            if reviewer is not None and reviewer not in checked:
                continue
            found = store.conn.execute(_HERE, [here, who, reviewer, opened_at]).fetchone()
            if found is None:
                store.conn.execute(
                    "INSERT INTO sessions (article_id, annotator, reviewer, opened_at, closed_at) VALUES (?, ?, ?, ?, ?)",
                    [here, who, reviewer, opened_at, closed_at],
                )
                added += 1
            elif found[1] is None and closed_at is not None:
                store.conn.execute("UPDATE sessions SET closed_at = ? WHERE id = ?", [closed_at, found[0]])
        return added

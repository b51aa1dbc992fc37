"""One story under two ids whose texts differ only in white space at their end: a `.txt` file ingested by one
person, the JSONL a script made of it (`.rstrip()`ed, as most scripts do) by another (newcomer trial F4: merged,
the two were two articles, and `agreement` found none done by both). `ingest` does not store such a text again and
says so, naming the stored article and how the texts differ (`differ.where_texts_differ`: "only a trailing newline
differs ...").
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.literal import quoted
from annotator.vocabulary import content_hash


def trimmed_hash(text: str) -> str:
    """A hash of the text without the white space at its end: equal for texts that differ only there."""
    return hashlib.sha256(text.rstrip().encode("utf-8")).hexdigest()


@dataclass
class StoredEnds:
    """Stored articles by the hash of their text without its ending white space (`trimmed_hash`), read from the
    database the first time one is asked for (one read of every text: only an article not stored otherwise asks)."""

    conn: sqlite3.Connection
    by_trimmed: dict[str, list[tuple[str, str]]] | None = field(default=None)  # hash -> [(id, content hash)]

    def holding(self, text: str, besides: Iterable[str] = ()) -> str | None:
        """The first stored article (in ingest order) whose text equals `text` but for white space at its end, and
        is not `text` itself; None when none does, or only those of `besides`."""
        if self.by_trimmed is None:
            self.by_trimmed = {}
            for article_id, stored in self.conn.execute("SELECT id, text FROM articles ORDER BY rowid"):
                self.add(str(article_id), str(stored))
        exact, left_out = content_hash(text), set(besides)
        found = self.by_trimmed.get(trimmed_hash(text), [])
        return next(
            (article_id for article_id, digest in found if digest != exact and article_id not in left_out), None
        )

    def add(self, article_id: str, text: str) -> None:
        """An article stored since the first read (a merge's, for the next file's articles to find it)."""
        if self.by_trimmed is not None:
            self.by_trimmed.setdefault(trimmed_hash(text), []).append((article_id, content_hash(text)))


@dataclass(frozen=True)
class EndsAside:
    """An article of the input (`source`: a file, line or database; `given`: its id there) whose text is that of
    the stored article `stored_id` but for white space at its end (`differs` says how): not stored again; a merge
    puts its work on the stored one."""

    source: str
    given: str
    stored_id: str
    title: str
    differs: str


def but_for_its_end(alike: EndsAside) -> str:
    """What `ingest` and `merge` say of such an article after naming the stored one: "but for white space at its
    end (only a trailing newline differs: the stored text has one more)"."""
    return f"but for white space at its end ({alike.differs})"


def stored_named(alike: EndsAside) -> str:
    """The stored article: "article ID 'TITLE'"."""
    return f"article {alike.stored_id} {quoted(alike.title)}"

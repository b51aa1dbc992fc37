"""One story under two ids whose texts differ only in white space at their end: a `.txt` file ingested by one
person, the JSONL a script made of it (`.rstrip()`ed, as most scripts do) by another (newcomer trial F4: merged,
the two were two articles, and `agreement` found none done by both). `ingest` does not store such a text again and
`merge` puts the other file's work on the article stored here; both say so, naming the stored article and how the
texts differ (`differ.where_texts_differ`: "only a trailing newline differs ...").

Offsets are the same in both texts up to where they part (`shared_length`), so work of one lies on the other as it
is, but for a span or suggestion past that place, which `past_shared` names (the other file's work then stays out,
a conflict: it is never dropped unsaid).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.differ import where_texts_differ
from annotator.literal import quoted
from annotator.store.connection import Row
from annotator.store.reads import Reader
from annotator.vocabulary import content_hash


def trimmed_hash(text: str) -> str:
    """A hash of the text without the white space at its end: equal for texts that differ only there."""
    return hashlib.sha256(text.rstrip().encode("utf-8")).hexdigest()


def shared_length(one: str, other: str) -> int:
    """How many characters two texts share from their start (all of the shorter's, for texts equal but for white
    space at the end, less what differs of that white space)."""
    stem = len(one.rstrip())
    at = next((i for i, (a, b) in enumerate(zip(one[stem:], other[stem:], strict=False)) if a != b), None)
    return stem + (min(len(one), len(other)) - stem if at is None else at)


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


@dataclass(frozen=True)
class PastShared:
    """One annotator's work, in a merged file, on an article whose text is one stored here but for white space at
    its end, left out: a span or suggestion of it lies past the characters the two texts share (`why`)."""

    source: str
    given: str
    stored_id: str
    title: str
    annotator: str
    why: str


def past_shared(conn: sqlite3.Connection, article_id: str, annotator: str, shared: int) -> str | None:
    """What of an annotator's work on an article of another file (its spans and speakers now and in every event of
    theirs, the suggestions they decided on or took) lies past the first `shared` characters, in a few words, or
    None when all of it lies inside them."""
    rows: list[dict[str, object]] = [
        dict(zip(("start", "end", "speaker_start", "speaker_end", "label", "suggestion_id"), row, strict=True))
        for row in conn.execute(
            'SELECT start, "end", speaker_start, speaker_end, label, suggestion_id FROM spans '
            "WHERE article_id = ? AND annotator = ?",
            [article_id, annotator],
        )
    ]
    chosen = {row[0] for row in conn.execute(
        "SELECT suggestion_id FROM decisions WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    )}  # fmt: skip
    for before, after in conn.execute(
        "SELECT before, after FROM events WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ):
        for change in (json.loads(before or "{}"), json.loads(after or "{}")):
            rows += change.get("spans", []) if isinstance(change, dict) else []
            chosen |= (
                {d.get("suggestion_id") for d in change.get("decisions", [])} if isinstance(change, dict) else set()
            )
    chosen |= {row.get("suggestion_id") for row in rows}
    for row in rows:
        if (found := _past(row, shared, "span")) is not None:
            return found
    for row in conn.execute(
        'SELECT id, start, "end", speaker_start, speaker_end, label FROM suggestions WHERE article_id = ?', [article_id]
    ):
        named = dict(zip(("id", "start", "end", "speaker_start", "speaker_end", "label"), row, strict=True))
        if named["id"] in chosen and (found := _past(named, shared, "suggestion")) is not None:
            return found
    return None


def _past(row: dict[str, object], shared: int, what: str) -> str | None:
    """`its span QUOTE at 40:52 ends past ...` when the row (or its speaker) ends past `shared` characters."""
    for start, end, whose in (("start", "end", ""), ("speaker_start", "speaker_end", "'s speaker")):
        at, to = row.get(start), row.get(end)
        if isinstance(at, int) and isinstance(to, int) and to > shared:
            return f"its {what} {row.get('label')}{whose} at {at}:{to} ends past the {shared} characters the two texts share"
    return None


def but_for_its_end(alike: EndsAside) -> str:
    """What `ingest` and `merge` say of such an article after naming the stored one: "but for white space at its
    end (only a trailing newline differs: the stored text has one more)"."""
    return f"but for white space at its end ({alike.differs})"


def stored_named(alike: EndsAside) -> str:
    """The stored article: "article ID 'TITLE'"."""
    return f"article {alike.stored_id} {quoted(alike.title)}"


def merged_alike(reader: Reader, source: str, row: Row, stored_id: str) -> EndsAside:
    """An article of the file `source` merges from (its row there) whose text is the stored `stored_id`'s but for
    white space at its end, as `but_for_its_end` says it."""
    stored = reader.article(stored_id)
    differs = where_texts_differ(stored.text, str(row["text"]), ("stored", "other file's"))
    return EndsAside(source, str(row["id"]), stored_id, stored.title, differs)

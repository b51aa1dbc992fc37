"""Offline packs: one annotator's assigned articles in a database of their own, to annotate anywhere.

`pack(store, "bob", "bob.db")` writes a new database with bob's assigned articles, their suggestions, bob's
assignments and whatever bob has already done on them (spans, decisions, status, events), and nothing of
anyone else's work (annotators stay blind to each other). Rows keep their ids. Bob annotates the pack with the
ordinary TUI; `annotator merge bob.db` brings the work back (articles match by content, so nothing is
duplicated).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.places import Note, PlaceError, leading, regular_target
from annotator.store.assignments import assigned, assignees, record_event
from annotator.store.content import content_problems
from annotator.store.edits import Store
from annotator.store.merge_rows import reserve_span_ids
from annotator.store.opening import new_database
from annotator.store.pipelines import carry_learned, learned_rows
from annotator.store.reads import Reader
from annotator.vocabulary import utc_now

#: (table, rows of it that go into bob's pack); `:who` is the annotator, `mine` the pack's articles.
MINE = "SELECT article_id FROM src.assignments WHERE annotator = :who"
COPIED = (
    ("articles", f"id IN ({MINE})"),
    ("suggestions", f"article_id IN ({MINE})"),
    ("assignments", "annotator = :who"),
    ("annotations", f"annotator = :who AND article_id IN ({MINE})"),
    ("spans", f"annotator = :who AND article_id IN ({MINE})"),
    ("decisions", f"annotator = :who AND article_id IN ({MINE})"),
    ("events", f"annotator = :who AND article_id IN ({MINE})"),
)


@dataclass(frozen=True)
class PackReport:
    articles: int
    suggestions: int
    events: int


def _record(reader: Reader, annotator: str, out: Path) -> None:
    """A `pack` event for each packed article in the database packed (no edit: `reads.NOT_EDITS`), so that
    `ingest --changed-text replace` counts it possibly started: work in the pack is unknown here. Its `command`
    tells time-spent statistics it is no screen action."""
    if not isinstance(reader, Store):
        return
    now = utc_now()
    with reader.write():
        for article_id in assigned(reader, annotator):
            record_event(
                reader, article_id, annotator, "pack", {}, {"pack": str(out), "command": "annotator pack"}, now
            )


def packed_out(reader: Reader, annotator: str) -> str | None:
    """The notice for opening a team database as someone whose articles are out in a pack: their last `pack` here,
    with no event of theirs since (none merged back, none made here); None otherwise, and in a pack itself (its
    articles assigned to one annotator). Work on both sides conflicts at the merge (team trial 39b)."""
    if len(reader.assignees()) < 2:
        return None
    # read at start-up: through their assigned articles (events are indexed by article and annotator), never a
    # scan of the whole event log; a pack holds exactly those articles
    mine = "FROM events e JOIN assignments s ON e.article_id = s.article_id AND e.annotator = s.annotator"
    row = reader.conn.execute(
        f"SELECT e.at, json_extract(e.after, '$.pack') {mine} WHERE s.annotator = ? AND e.action = 'pack' "
        "ORDER BY e.at DESC, e.id DESC LIMIT 1",
        [annotator],
    ).fetchone()
    if row is None:
        return None
    since = reader.conn.execute(
        f"SELECT 1 {mine} WHERE s.annotator = ? AND e.action != 'pack' AND e.at > ? LIMIT 1", [annotator, row[0]]
    ).fetchone()
    if since is not None:
        return None
    out = row[1] or "its file"  # stored text, shown literally by the screen as every message is
    return (
        f"{annotator}'s articles are out in a pack ({out}, made by `annotator pack`): work on them here "
        f"conflicts with the pack's when it is merged back (annotator merge {out}); merge it first"
    )


def pack(reader: Reader, annotator: str, out: str | Path, note: Note = None) -> PackReport:
    """Write `annotator`'s pack to `out`, a new file (an existing one is never touched); `note` hears of leftovers
    beside it. The pack is built under a temporary name beside `out` and linked into place only when complete,
    so a failed or interrupted pack leaves nothing, and removes nothing it did not make (a link or file at `out`
    stays as it was)."""
    out = Path(out)
    if not assigned(reader, annotator):
        names = ", ".join(assignees(reader)) or "nobody: run `annotator assign` first"
        raise AnnotatorError(f"no article is assigned to {annotator!r} (assigned: {names})")
    try:
        target, found = regular_target(out)
    except PlaceError as error:
        raise AnnotatorError(str(error).replace("nothing was written to it", "it was left as it is")) from None
    if found is not None or os.path.lexists(out):
        raise AnnotatorError(
            f"{leading(out, target)}: already exists; a pack is always a new file (choose another name)"
        )
    if reader.path is None:
        raise AnnotatorError("the database to pack has no file")
    stored = content_problems(reader.conn)
    if stored:  # trial 30: a pack copied text that is not UTF-8, which then failed every command there
        raise AnnotatorError(
            f"{reader.path}: {stored[0]}; no pack was written (annotator check --db {reader.path} lists every problem)"
        )
    temporary = new_database(target, out, note)
    try:
        with Store.open(temporary.path, create=False) as packed:
            packed.conn.execute("ATTACH DATABASE ? AS src", [str(reader.path.resolve())])
            with packed.write():
                for table, where in COPIED:
                    info = packed.conn.execute(f"PRAGMA main.table_info({table})")
                    columns = ", ".join(f'"{row[1]}"' for row in info)
                    packed.conn.execute(
                        f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM src.{table} WHERE {where} "
                        "ORDER BY rowid",
                        {"who": annotator},
                    )
                # the copied events name span ids up to the source's sequence (a span removed, or another's
                # deleted since): none may be handed out again in the pack, as AUTOINCREMENT guarantees
                sequence = packed.conn.execute("SELECT seq FROM src.sqlite_sequence WHERE name = 'spans'").fetchone()
                if sequence:
                    reserve_span_ids(packed, int(sequence[0]))
            packed.conn.execute("DETACH DATABASE src")
            carry_learned(packed, learned_rows(reader.conn))  # what the pipelines of its suggestions learned
            report = PackReport(packed.count("articles"), packed.count("suggestions"), packed.count("events"))
        temporary.sync()
        if not temporary.link_into_place():
            raise AnnotatorError(
                f"{out}: created by another process while the pack was written; it was left as it is (choose another "
                "name)"
            )
        _record(reader, annotator, out)
    finally:
        temporary.discard()
        temporary.close()
    return report

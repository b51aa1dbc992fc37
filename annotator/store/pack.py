"""Offline packs: one annotator's assigned articles in a database of their own, to annotate anywhere.

`pack(store, "bob", "bob.db")` writes a new database with bob's assigned articles, their suggestions, bob's
assignments and whatever bob has already done on them (spans, decisions, status, events, sessions), and nothing of
anyone else's work (annotators stay blind to each other). Rows keep their ids. Bob annotates the pack with the
ordinary TUI; `annotator merge bob.db` brings the work back (articles match by content, so nothing is
duplicated).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.literal import quoted, storable
from annotator.places import Note, PlaceError, from_here, leading, regular_target
from annotator.store.assignments import assigned, assignees, record_event
from annotator.store.connection import db_option
from annotator.store.content import content_problems
from annotator.store.edits import Store
from annotator.store.merge_rows import reserve_span_ids
from annotator.store.opening import new_database
from annotator.store.packs_out import earlier_packs, json_text, packs_of
from annotator.store.pipelines import carry_learned, learned_rows
from annotator.store.reads import NOT_EDITS, Reader
from annotator.store.sessions import has_table
from annotator.vocabulary import parse_timestamp, utc_now

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
#: The screens' sessions of the work packed (`store.sessions`): `stats` in the pack counts its time as here; the
#: merge back brings none of them twice (`merge_sessions`). None from a file of an older schema read as it is.
SESSIONS = ("sessions", f"annotator = :who AND article_id IN ({MINE})")


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
                reader,
                article_id,
                annotator,
                "pack",
                {},
                {"pack": storable(os.path.abspath(out)), "command": "annotator pack"},  # named from anywhere
                now,
            )


def packed_pairs(reader: Reader) -> set[tuple[str, str]]:
    """The (article, annotator) pairs out in a pack made here: a `pack` event after the pair's last `assign`."""
    sql = """SELECT DISTINCT p.article_id, p.annotator FROM events p WHERE p.action = 'pack' AND p.id > COALESCE(
                 (SELECT MAX(a.id) FROM events a WHERE a.article_id = p.article_id AND a.annotator = p.annotator
                  AND a.action = 'assign'), 0)"""
    return {(row[0], row[1]) for row in reader.conn.execute(sql)}


def pack_file(reader: Reader, article_id: str, annotator: str) -> str | None:
    """The file an annotator's pack holding this article was written to, from here (`places.from_here`: its event
    keeps the whole path; "" where it names none), while that pack is out (`packed_pairs`: no `assign` since); None otherwise. What `adjudicate
    --auto` tells a lead to merge before settling without them: by the pair's events, indexed, not a scan."""
    row = reader.conn.execute(
        f"""SELECT p.id, {json_text("p.after", "$.pack")} FROM events p WHERE p.article_id = :article
            AND p.annotator = :who AND p.action = 'pack' AND p.id > COALESCE((SELECT MAX(a.id) FROM events a
            WHERE a.article_id = :article AND a.annotator = :who AND a.action = 'assign'), 0)
            ORDER BY p.id DESC LIMIT 1""",
        {"article": article_id, "who": annotator},
    ).fetchone()
    return None if row is None else from_here(row[1]) if isinstance(row[1], str) else ""


def record_merged_back(
    store: Store,
    source: Path,
    written: dict[tuple[str, str], tuple[int, int] | None],
    kept: Mapping[tuple[str, str], object] | None = None,
    packs: Collection[tuple[str, str]] = (),
) -> None:
    """A `merged` event (no edit: `reads.NOT_EDITS`) for each packed-out pair a merge of `source` read back, with the
    ids of the events the merge wrote to it (`events`: first and last), so that `packed_out` tells the pack's work
    brought back from work done here, and says when the pack was last merged back; and for each other pair it copied
    events to, so that a screen open on it names them as the merge's (`screen_events.made`). A pair that took
    nothing from this file, merged back before since its pack was made (the pack `packs_out` takes it for: the one
    written to it, else the newest), gets none: merging twice changes nothing. Another pack's merge is not this
    one's: with two packs out, the second merged back with nothing new was still out (re-trial s56 t13 G2). A pair
    whose assignment this merge `kept` although the file took it back gets one naming that take-back (`take_back`:
    `merge_assignments.take_back_as_there` reads it, so a merge again does not say it again). A pair whose pack
    `source` is not (`packs`: the pairs it holds the packed assignment of, `packs_out.holds_the_pack`) gets one only
    for what it wrote there, saying it read no pack back (`read_back`: false), which `packs_out` then takes for no
    pack's merge: a pack renamed to another's name and merged ended that other annotator's pack, still out (s60).
    Inside the merge's transaction."""
    now, file = utc_now(), storable(os.path.abspath(source))
    pack, merged = json_text("p.after", "$.pack"), json_text("m.after", "$.file")
    again = f"""SELECT 1 FROM events m WHERE m.article_id = :article AND m.annotator = :who AND m.action = 'merged'
                    AND {merged} = :file AND m.id > COALESCE(
                        (SELECT MAX(p.id) FROM events p WHERE p.article_id = :article AND p.annotator = :who
                         AND p.action = 'pack' AND {pack} = :file),
                        (SELECT MAX(p.id) FROM events p WHERE p.article_id = :article AND p.annotator = :who
                         AND p.action = 'pack'))"""
    kept = kept or {}
    for article_id, annotator in {**written, **dict.fromkeys(kept)}:
        ids = written.get((article_id, annotator))
        # "file": the whole path read, as a `pack` event names its file, so the merge is told as that pack's
        after: dict[str, object] = {"source": str(source), "file": file, "command": "annotator merge"}
        if (article_id, annotator) not in packs:
            after["read_back"] = False
        if (article_id, annotator) in kept:
            after["take_back"] = kept[article_id, annotator]
        if ids is not None and ids[1] >= ids[0]:
            after["events"] = list(ids)
        elif "take_back" in after:
            pass
        elif store.conn.execute(again, {"article": article_id, "who": annotator, "file": file}).fetchone():
            continue
        record_event(store, article_id, annotator, "merged", {}, after, now)


def _shown_moment(at: str) -> str:
    """A stored moment to the minute, in UTC; the stored text as it is when it names no moment."""
    try:
        return parse_timestamp(at).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return at


def packed_out(reader: Reader, annotator: str) -> str | None:
    """The notice for opening a team database as someone whose articles are out in a pack: their last `pack` here,
    with no edit of theirs made here since (events a merge brought back, which its `merged` events name, are the
    pack's work, not this database's); None otherwise, and in a pack itself (its articles assigned to one
    annotator). Work on both sides conflicts at the merge (team trial 39b); a pack can be merged back again and
    again, so a merge does not end the notice (a newcomer's trial): it says when the last one was, of the pack
    it names (`packs_out`: a merge of an earlier pack is named as that pack's, F3)."""
    if len(reader.assignees()) < 2:
        return None
    packs = packs_of(reader, annotator)  # read at start-up: through their assigned articles, never a scan
    if not packs:
        return None
    newest = packs[-1]
    packed = newest.made
    out = from_here(newest.file) if newest.file else "its file"  # stored text, shown literally as every message is
    mine = "FROM events e JOIN assignments s ON e.article_id = s.article_id AND e.annotator = s.annotator"
    marks = ", ".join("?" * len(NOT_EDITS))
    first, last = json_text("m.after", "$.events[0]"), json_text("m.after", "$.events[1]")
    brought = (
        "SELECT 1 FROM events m WHERE m.article_id = e.article_id AND m.annotator = e.annotator "
        f"AND m.action = 'merged' AND m.id > ? AND e.id BETWEEN {first} AND {last}"
    )
    here = reader.conn.execute(
        f"SELECT 1 {mine} WHERE s.annotator = ? AND e.id > ? AND e.action NOT IN ({marks}) AND NOT EXISTS "
        f"({brought}) LIMIT 1",
        [annotator, packed, *sorted(NOT_EDITS), packed],
    ).fetchone()
    if here is not None:  # they chose to work here, warned when the screen opened
        return None
    merged = newest.merged_since_made()
    if merged:
        return (
            f"{annotator}'s articles are out in a pack ({out}, made by `annotator pack`), last merged back at "
            f"{_shown_moment(merged[-1][1])}: work in it since then conflicts with work on them here when it is "
            f"merged again (annotator merge {out}); merge it first"
        )
    # another pack's merge since this one was made (F3): its work is not in this pack, which it conflicts with
    others = [(merge, pack.file) for pack in packs[:-1] for merge in pack.merges if merge[0] > packed]
    if others:
        (_, at), file = max(others)
        other = from_here(file) if file else "an earlier pack"
        return (
            f"{annotator}'s articles are out in a pack ({out}, made by `annotator pack`), not merged back yet; "
            f"{other}, a pack made before it, was merged back at {_shown_moment(at)}: work in {out} conflicts with "
            f"what that merge brought, and with work on them here, when it is merged (annotator merge {out})"
        )
    return (
        f"{annotator}'s articles are out in a pack ({out}, made by `annotator pack`): work on them here "
        f"conflicts with the pack's when it is merged back (annotator merge {out}); merge it first"
    )


def _refusal(reader: Reader, annotator: str, out: str | Path) -> Path:
    """Refuse a pack that cannot be made, changing nothing (an older release's file stays as it was: only a write
    upgrades it). The file to link the pack to, otherwise."""
    out = Path(out)
    if not assigned(reader, annotator):
        names = ", ".join(assignees(reader)) or f"nobody: run `annotator assign{db_option(reader.path)}` first"
        from annotator.store.aliases import renamed_line

        raise AnnotatorError(
            renamed_line(reader.conn, annotator) or f"no article is assigned to {quoted(annotator)} (assigned: {names})"
        )
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
    return target


def pack(reader: Reader, annotator: str, out: str | Path, note: Note = None) -> PackReport:
    """Write `annotator`'s pack to `out`, a new file (an existing one is never touched); `note` hears of leftovers
    beside it. The pack is built under a temporary name beside `out` and linked into place only when complete,
    so a failed or interrupted pack leaves nothing, and removes nothing it did not make (a link or file at `out`
    stays as it was)."""
    out = Path(out)
    target = _refusal(reader, annotator, out)
    assert reader.path is not None  # refused otherwise
    earlier = earlier_packs(reader, annotator, from_here(storable(os.path.abspath(out))))  # before this one is recorded
    if isinstance(reader, Store):  # the pack copies the file's tables by this release's columns, through its path
        with reader.write(upgrade_alone=True):
            pass
    temporary = new_database(target, out, note)
    try:
        with Store.open(temporary.path, create=False) as packed:
            # the path's bytes (a BLOB SQLite reads as the name's text): a name that is not UTF-8 ("\udcff") attaches
            packed.conn.execute("ATTACH DATABASE ? AS src", [os.fsencode(reader.path.resolve())])
            with packed.write():
                for table, where in (*COPIED, *([SESSIONS] if has_table(reader.conn) else [])):
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
        for line in earlier:
            if note is not None:
                note(line)
    finally:
        temporary.discard()
        temporary.close()
    return report

"""An annotator's packs out and the merges that brought each back, from the `pack` and `merged` events here.

A pack is named by the whole path `pack` wrote it to (its `pack` events' "pack"); a merge by the whole path it read
(its `merged` events' "file"). A merge is the pack's whose file it read; one from a file no pack here was written to
(the pack moved before it came back, or an older release's `merged` event, which names no whole path) is taken as
the newest pack's of that article then. So the screen's notice names the merge of the pack it speaks of
(`pack.packed_out`), and `pack` says when an earlier pack of the same annotator is still out (`earlier_packs`): a
newcomer's trial (F3) stamped the newest pack with an earlier one's merge, and a second pack was made with no word of
the first. A `merged` event that says it read no pack back (`read_back`: false, work a merge wrote to the pair from
another file, `holds_the_pack`) is no pack's merge: bob's pack renamed alice there and merged ended alice's pack.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.places import from_here
from annotator.store.merge_source import empty, work
from annotator.store.opening import open_database
from annotator.store.reads import Reader, edited


@dataclass
class PackOut:
    """One pack of an annotator's: its file (whole path as stored), its latest `pack` event here, and the merges
    taken as its (`merged` events' ids and times, in order)."""

    file: str
    made: int
    merges: list[tuple[int, str]] = field(default_factory=list)

    def merged_since_made(self) -> list[tuple[int, str]]:
        return [merge for merge in self.merges if merge[0] > self.made]


def json_text(column: str, path: str) -> str:
    """SQL for a value inside a JSON column, NULL where the column holds no JSON (`check` names a damaged row)."""
    return f"CASE WHEN json_valid({column}) THEN json_extract({column}, '{path}') END"


def packs_of(reader: Reader, annotator: str, out_only: bool = False) -> list[PackOut]:
    """The annotator's packs made here, oldest first, each with the merges taken as its; `out_only`: only the events
    after each article's last `assign` (a pack whose articles were assigned again since is not out). Read through
    their assigned articles (events are indexed by article and annotator), never a scan of the whole event log."""
    rows = reader.conn.execute(
        f"""SELECT e.id, e.article_id, e.action, e.at, {json_text("e.after", "$.pack")},
                   {json_text("e.after", "$.file")}, {json_text("e.after", "$.read_back")}
            FROM events e JOIN assignments s ON e.article_id = s.article_id AND e.annotator = s.annotator
            WHERE s.annotator = ? AND e.action IN ('assign', 'pack', 'merged') ORDER BY e.id""",
        [annotator],
    ).fetchall()
    if out_only:
        last_assign = {row[1]: row[0] for row in rows if row[2] == "assign"}
        rows = [row for row in rows if row[0] > last_assign.get(row[1], 0)]
    packs: dict[str, PackOut] = {}
    newest: dict[str, PackOut] = {}  # by article: the pack a merge from a file no pack was written to is taken for
    for event_id, article, action, at, packed, merged_from, read_back in rows:
        if action == "pack":
            file = packed if isinstance(packed, str) else ""
            newest[article] = packs.setdefault(file, PackOut(file, event_id))
            newest[article].made = event_id
        elif action == "merged" and read_back != 0:  # (0: JSON's false) work written from another file
            pack = packs.get(merged_from) if isinstance(merged_from, str) else None
            pack = pack or newest.get(article)
            if pack is not None and (not pack.merges or pack.merges[-1][1] != at):  # one merge: one time
                pack.merges.append((event_id, str(at)))
    return sorted(packs.values(), key=lambda pack: pack.made)


#: A pair's last `assign` event: the assignment a pack made since carried away (`pack` copies events as they are).
_LAST_ASSIGN = """SELECT before, after, at FROM events WHERE article_id = ? AND annotator = ? AND action = 'assign'
                  ORDER BY id DESC LIMIT 1"""
#: Whether a file holds that event, as a pack copied it.
_HOLDS_ASSIGN = """SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action = 'assign' AND before IS ?
                   AND after IS ? AND at IS ? LIMIT 1"""


def holds_the_pack(
    here: sqlite3.Connection, article: str, annotator: str, there: sqlite3.Connection, their_article: str
) -> bool:
    """Whether the other file holds the assignment the annotator's pack of the article carried away from here: our last
    `assign` event of the pair, as `pack` copied it (so a copy or a move of the pack does, whatever its path; its path
    alone is not asked, as a pack comes back from anywhere). A file that gave the annotator the article itself does
    not: `rename-annotator bob alice` in bob's pack gives alice bob's place there, by an `assign` of its own, and
    reading that file is no merge back of alice's pack, still out (merge.py records none). True where the pair has no
    `assign` event here to tell by (an older release's assignment), as before."""
    ours = here.execute(_LAST_ASSIGN, [article, annotator]).fetchone()
    return ours is None or there.execute(_HOLDS_ASSIGN, [their_article, annotator, *ours]).fetchone() is not None


def _unmerged_work(reader: Reader, annotator: str, file: str) -> int | None:
    """How many of the annotator's articles a pack's file holds work on that is not here (so a merge of it would
    bring it, or conflict); None where the file is not there to read."""
    if not file or not os.path.isfile(file):
        return None
    try:
        connection = open_database(Path(file), read_only=True, create=False)
    except (AnnotatorError, OSError, sqlite3.Error):
        return None
    try:
        articles = [row[0] for row in connection.execute("SELECT article_id FROM assignments WHERE annotator = ?",
                                                         [annotator])]  # fmt: skip
        return sum(
            1
            for article in articles
            if work(connection, article, annotator) != work(reader.conn, article, annotator)
            and not (empty(work(connection, article, annotator)) and not edited(connection, article, annotator))
        )
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def earlier_packs(reader: Reader, annotator: str, out: str | Path) -> list[str]:
    """A line for each pack of the annotator's still out (made, not merged back since), for `pack` to say when it
    writes another to `out`: its file, and whether it holds work not here, which the new pack lacks (their work on
    the same article conflicts when both are merged back)."""
    lines = []
    for pack in packs_of(reader, annotator, out_only=True):
        if pack.merged_since_made():
            continue
        name = from_here(pack.file) if pack.file else "a file it does not name"
        said = f"{name}, an earlier pack of {annotator}'s, is still out (not merged back since it was made"
        unmerged = _unmerged_work(reader, annotator, pack.file)
        if unmerged is None:
            lines.append(
                f"{said}; its file is not there to read): work in it, if any, conflicts with work in {out} on the "
                "same articles when both are merged back"
            )
        elif unmerged:
            lines.append(
                f"{said}) and holds {annotator}'s work on {unmerged} article(s) that is not here: work in {out} on "
                f"them conflicts with it when both are merged back (annotator merge {name}, then make a new pack)"
            )
        else:
            lines.append(
                f"{said}), with no work in it yet that is not here: work in both it and {out} on the same articles "
                "conflicts when they are merged back"
            )
    return lines

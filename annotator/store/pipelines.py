"""What a trained pipeline learned from, recorded beside its stored suggestions (table `pipeline_learned`, migration
0005): `suggest --model FOLDER` records the text hashes and article ids the folder's meta.json names, under the
pipeline's hash (its suggestions are named `entities.v15@<hash>`), so `evaluate` leaves those articles out of a
score of the stored suggestions by default, as `evaluate --model FOLDER` does with the folder at hand. Nothing
recorded (suggestions a release before 0005 stored, or a pipeline whose folder does not say) is None, never "learned
nothing": `evaluate` then asks for the folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.store.connection import Connection


def has_table(conn: sqlite3.Connection) -> bool:
    """Whether the file has the table: one of an older schema read as it is (`READABLE_AS_IS`) has not."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pipeline_learned'")
    return found.fetchone() is not None


def learned_by(store: Connection, pipeline: str) -> frozenset[str] | None:
    """The text hashes and article ids recorded as learned by the pipeline of this hash; None when none is."""
    if not has_table(store.conn):
        return None
    rows = store.conn.execute("SELECT learned FROM pipeline_learned WHERE pipeline = ?", (pipeline,)).fetchall()
    return frozenset(learned for (learned,) in rows) or None


def record_learned(store: Connection, pipeline: str, learned: Iterable[str]) -> None:
    """Record what the pipeline of this hash learned from (its meta.json's text hashes and ids); what is recorded
    already stays (two folders of one hash add up: more is left out, never less). Writes nothing when all is."""
    new = set(learned) - (learned_by(store, pipeline) or frozenset())
    if not new:
        return
    with store.write():
        store.conn.executemany(
            "INSERT OR IGNORE INTO pipeline_learned (pipeline, learned) VALUES (?, ?)",
            [(pipeline, item) for item in sorted(new)],
        )


def learned_rows(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every (pipeline, learned) row of a file (`merge`'s other file, `pack`'s source); none in a file of an older
    schema, read as it is."""
    if not has_table(conn):
        return []
    return [(pipeline, learned) for pipeline, learned in conn.execute("SELECT pipeline, learned FROM pipeline_learned")]


def carry_learned(store: Connection, rows: list[tuple[str, str]]) -> None:
    """What another file records of pipelines' learning, added to this one's (`merge`, `pack`): the suggestions they
    bring keep what their pipeline learned, so `evaluate` leaves it out there too."""
    if rows:
        with store.write():
            store.conn.executemany("INSERT OR IGNORE INTO pipeline_learned (pipeline, learned) VALUES (?, ?)", rows)

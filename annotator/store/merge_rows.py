"""Writing another database's rows into this one, for `annotator.store.merge`: articles, an annotator's work,
events and comments as copied (ids already mapped to this database's), and a replacement of our work as one
undoable event. Every statement runs inside the merge's one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence

from annotator.rows import Edit
from annotator.store.aliases import renamed_to
from annotator.store.connection import SPAN_COLUMNS, Row, _json
from annotator.store.edits import Store
from annotator.store.merge_source import MergeSource


def article_by_hash(store: Store, digest: str) -> str | None:
    row = store.conn.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    return row[0] if row else None


def insert_article_row(store: Store, row: Row) -> None:
    """An article exactly as the other database stored it (id, tokens, ingest time)."""
    columns = ("id", "title", "text", "meta", "content_hash", "chars", "tokens", "ingested_at")
    store.conn.execute(
        f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [row[c] for c in columns],
    )


def take_finer_tokens(store: Store, article_id: str, theirs: str | None) -> bool:
    """Store the other file's tokens of an article here when they divide ours finer (each start and end of ours is
    one of theirs) and differ: an older release tokenized it here, with markup brackets glued to words (trial 22),
    and their spans may sit on boundaries ours lack. Every span and suggestion of both files then sits on tokens;
    coarser or other tokens leave ours as they are. Whether they were taken."""
    row = store.conn.execute("SELECT tokens FROM articles WHERE id = ?", [article_id]).fetchone()
    ours = row[0] if row else None
    if not ours or not theirs or ours == theirs:
        return False
    pairs = json.loads(theirs)
    starts, ends = {pair[0] for pair in pairs}, {pair[1] for pair in pairs}
    if not all(start in starts and end in ends for start, end in json.loads(ours)):
        return False
    store.conn.execute("UPDATE articles SET tokens = ? WHERE id = ?", [theirs, article_id])
    return True


def reserve_span_ids(store: Store, highest: int) -> None:
    """Span ids that copied events mention must never be handed out again, as AUTOINCREMENT guarantees."""
    updated = store.conn.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'spans'", [highest])
    if not updated.rowcount:
        store.conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('spans', ?)", [highest])


def insert_pair(store: Store, article_id: str, annotation: Row, spans: list[Row], decisions: list[Row]) -> None:
    """An annotator's current state on an article, as copied (ids already mapped to this database's)."""
    annotator = annotation["annotator"]
    store.conn.executemany(
        'INSERT INTO spans (id, article_id, annotator, start, "end", label, text, speaker_start, speaker_end, '
        "suggestion_id) VALUES (:id, :article_id, :annotator, :start, :end, :label, :text, :speaker_start, "
        ":speaker_end, :suggestion_id)",
        [{**{c: row[c] for c in SPAN_COLUMNS}, "article_id": article_id, "annotator": annotator} for row in spans],
    )
    store.conn.executemany(
        "INSERT OR REPLACE INTO decisions (suggestion_id, annotator, article_id, decision) VALUES (?, ?, ?, ?)",
        [[row["suggestion_id"], annotator, article_id, row["decision"]] for row in decisions],
    )
    store.conn.execute(
        "INSERT INTO annotations (article_id, annotator, status, cursor, started_at, updated_at, opened_at, "
        "flag_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, annotator) DO UPDATE SET "
        "status = excluded.status, cursor = excluded.cursor, started_at = excluded.started_at, "
        "updated_at = excluded.updated_at, flag_reason = excluded.flag_reason",
        [article_id, annotator, annotation["status"], annotation["cursor"], annotation["started_at"],
         annotation["updated_at"], annotation["opened_at"], annotation.get("flag_reason")],
    )  # fmt: skip


def copy_comments(store: Store, source: MergeSource, ours: dict[str, str]) -> int:
    """The other file's comments (on articles by their id here) that this one lacks (same article, author, time
    and text), in one read of each side and one statement; how many. One signed by a name renamed away here is
    signed by the name it went to (`aliases`), as the rename moved the comments here."""
    have = set(store.conn.execute("SELECT article_id, annotator, text, at FROM comments"))
    signed: dict[str, str] = {}  # a name renamed away here signs as the name it went to, as the rename moved them

    def signer(name: str) -> str:
        if name not in signed:
            signed[name] = renamed_to(store.conn, name) or name
        return signed[name]

    new = [
        row
        for row in dict.fromkeys(
            (ours[r["article_id"]], signer(r["annotator"]), r["text"], r["at"])
            for r in source.comments()
            if r["article_id"] in ours
        )
        if row not in have
    ]
    store.conn.executemany("INSERT INTO comments (article_id, annotator, text, at) VALUES (?, ?, ?, ?)", new)
    return len(new)


def next_event_id(store: Store) -> int:
    """The id the next event gets (never one the log has used, as AUTOINCREMENT guarantees)."""
    row = store.conn.execute(
        "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), "
        "COALESCE((SELECT MAX(id) FROM events), 0))"
    ).fetchone()
    return int(row[0]) + 1


def insert_event_rows(store: Store, article_id: str, rows: list[Row]) -> None:
    """Append copied events (ids given, before/after already remapped), in one statement."""
    store.conn.executemany(
        "INSERT INTO events (id, article_id, annotator, action, before, after, target, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [[row["id"], article_id, row["annotator"], row["action"], _json(row["before"]), _json(row["after"]),
          row["target"], row["at"]] for row in rows],
    )  # fmt: skip


def replace_work(
    store: Store,
    article_id: str,
    annotator: str,
    spans: list[Row],
    decisions: list[Row],
    status: str,
    note: str,
    flag_reason: str | None = None,
    unchecked: Sequence[str] = (),
    as_suggested: bool = False,
) -> Edit:
    """Replace this database's work with another's as one undoable "merge" event (before: ours, after: theirs),
    the reason of a flag with it. `unchecked`: the commands that alone wrote theirs (`store.unchecked`): the event
    names them, and `merge` as its command, so the work stays no person's here too. `as_suggested`: theirs is the
    model's suggestions unchanged there (`store.as_suggested`, A then d too): the event says so, as an import's."""

    def theirs(ours: list[Row], _next_id: int) -> tuple[Row, Row, str]:
        decided = store.decisions(article_id, annotator).items()
        old: Row = {
            "spans": ours,
            "decisions": [{"suggestion_id": suggestion, "decision": decision} for suggestion, decision in decided],
            "status": store.status(article_id, annotator).value,
            "flag_reason": store.flag_reason(article_id, annotator),
        }
        new = {"spans": spans, "decisions": decisions, "status": status, "flag_reason": flag_reason}
        said = ({"unchecked": list(unchecked)} if unchecked else {}) | ({"as_suggested": True} if as_suggested else {})
        return old, {**new, **said}, note

    edit = store.change(article_id, annotator, "merge", theirs, command="merge" if unchecked else None)
    assert edit is not None  # `theirs` always returns a change
    return edit

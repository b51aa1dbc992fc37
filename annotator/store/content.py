"""What a database stores that its own commands could never have written: text that is not UTF-8, tokens outside
their article's text or out of order, a text that is not the one its content hash was made from, suggestions and
spans whose offsets, text, label or speaker do not fit their article. Another program, a bug or tampering may
have put them there; read, they crash a command far from their cause (`export --format conll` on a token at -4:
KeyError; `accept` of a suggestion at 0:5000 clipped to the whole text; a title that is not UTF-8 stops every
query reading it, and SQLite's error quotes the raw bytes: trial 30), or travel unseen (an edited text merged
under its first text's hash: trial 39a). `check` names each (`annotator.store.verify`), and `merge` and `pack`
refuse a file holding one (`annotator.store.merge_source`, `annotator.store.pack`). One line a problem: the
table, the row, the value as Python writes it (control characters escaped, so nothing of it acts on a terminal; a byte that is
not UTF-8 shown as the byte, ⟨0xFF⟩).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from annotator.errors import found
from annotator.lookalike import python_quoted_bytes
from annotator.store.functions import calling, is_utf8, register
from annotator.store.kinds import kind_problems, speaker_problems, type_problems
from annotator.store.names import NAMING
from annotator.vocabulary import (
    CLOCK_TOLERANCE,
    Label,
    content_hash,
    future_problem,
    parse_timestamp,
    utc_timestamp,
)

#: How much of a value that is not UTF-8 a problem shows (escaped).
SHOWN_BYTES = 40
#: Columns `annotator.store.names` checks, UTF-8 included: every article id (referenced by every `article_id`) and
#: every annotator's name.
NAMED = frozenset([("articles", "id"), *((table, "annotator") for table in NAMING)])
_LABELS = ", ".join(f"'{label.value}'" for label in Label)


def _text_columns(db: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """(table, column) of every column of every table (FTS5's own tables aside: derived from the titles; the ids
    and names `names.name_problems` reads, which says what it finds of them)."""
    tables = db.execute(
        "SELECT CAST(name AS BLOB) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'title_search%' ORDER BY name"
    )
    for (stored,) in tables.fetchall():
        if not is_utf8(stored):  # a schema no migration made: `check` reports it first (`schema_problems`)
            continue
        table = bytes(stored).decode("utf-8")
        for row in db.execute(f'SELECT name FROM pragma_table_info("{table}")').fetchall():
            if (table, row[0]) not in NAMED:
                yield table, row[0]


def utf8_problems(db: sqlite3.Connection) -> list[str]:
    """Every column of every table holding text that is not UTF-8: one line each, for its first such row. SQLite
    stores whatever bytes it is given as text; Python's reading of such a value fails the whole query."""
    register(db, "annotator_is_utf8", 1, is_utf8, deterministic=True)
    problems = []
    for table, column in _text_columns(db):
        with calling():  # an interrupt inside the function is raised as itself, not as SQLite's error
            row = _first_not_utf8(db, table, column)
        if row is not None:
            rowid, stored, count = row
            more = f" (and {count - 1} other row(s))" if count > 1 else ""
            problems.append(
                f"table {table!r}, column {column!r}, rowid {rowid}{more}: not UTF-8 text: "
                f"{python_quoted_bytes(bytes(stored)[:SHOWN_BYTES])}{'...' if len(stored) > SHOWN_BYTES else ''}"
            )
    return problems


def _first_not_utf8(db: sqlite3.Connection, table: str, column: str) -> tuple[Any, ...] | None:
    """(rowid, value as bytes, how many) of the column's first row of text that is not UTF-8, or None."""
    row: tuple[Any, ...] | None = db.execute(
        f'SELECT rowid, CAST("{column}" AS BLOB), (SELECT COUNT(*) FROM "{table}" WHERE typeof("{column}") = '
        f'\'text\' AND NOT annotator_is_utf8(CAST("{column}" AS BLOB))) FROM "{table}" '
        f'WHERE typeof("{column}") = \'text\' AND NOT annotator_is_utf8(CAST("{column}" AS BLOB)) '
        "ORDER BY rowid LIMIT 1"
    ).fetchone()
    return row


def token_problems(db: sqlite3.Connection) -> list[str]:
    """Articles whose stored tokens are not pairs of offsets within the text, in order, none overlapping the one
    before (a token ends where it ends; the next starts at or after it)."""
    problems = []
    for article_id, length, stored in db.execute("SELECT id, length(text), tokens FROM articles ORDER BY rowid"):
        problem = _tokens_problem(stored, length)
        if problem:
            problems.append(f"table 'articles', article {found(article_id)}: tokens: {problem}")
    return problems


def hash_problems(db: sqlite3.Connection) -> list[str]:
    """Articles whose text is not the one their `content_hash` was made from, or not as long as their `chars` says: a text another program edited
    where no span or token shows it would travel under its first text's hash (`merge` finds articles by it, and
    an ingest of the first text would say "already stored": trial 39a). Every text is hashed, once."""
    problems = []
    width = len(content_hash(""))  # `content_hash`'s, of a blob's bytes too (a program may store one as text)
    rows = db.execute("SELECT id, text, content_hash, chars FROM articles ORDER BY rowid")
    for article_id, text, stored, chars in rows:
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        made = hashlib.sha256(data).hexdigest()[:width]
        where = f"table 'articles', article {found(article_id)}"
        if made != stored:
            problems.append(
                f"{where}: its text is not the one stored with it (the text's hash is {found(made)}, its "
                f"content_hash {found(stored)}): another program changed one of them"
            )
        length = len(text) if isinstance(text, str) else len(data.decode("utf-8", "replace"))
        if chars != length:  # the list's Chars column, and what merge copies with the text (attacker 39a)
            problems.append(
                f"{where}: chars is {chars if type(chars) is int else found(chars)}, but its text has {length} characters: another program changed "
                "one of them"
            )
    return problems


def _tokens_problem(stored: str | None, length: int) -> str | None:
    if stored is None:
        return None
    try:
        tokens = json.loads(stored)
    except ValueError:
        return f"not JSON: {found(stored)}"
    if not isinstance(tokens, list):
        return f"not a list of [start, end] pairs: {found(stored)}"
    last_end = 0
    for index, token in enumerate(tokens):
        if not (isinstance(token, list) and len(token) == 2 and all(type(o) is int for o in token)):
            return f"{json.dumps(token)} (token {index}) is not a [start, end] pair of offsets"
        start, end = token
        if not 0 <= start < end <= length:
            return f"{token} (token {index}) is not within the text's {length} characters"
        if start < last_end:
            return f"{token} (token {index}) overlaps or precedes the token before it"
        last_end = end
    return None


_WHY = {
    "offsets": "offsets {start}:{end} are not within the text's {length} characters",
    "label": "label {label!r} is none of " + _LABELS,
    "text": "its text {text} is not the article's {there} at {start}:{end}",
    "speaker on": "a speaker on its {label} span: only a QUOTE has one",
    "speaker": "speaker {speaker_start}:{speaker_end} is not within the text's {length} characters",
}
_KNOWN = frozenset(label.value for label in Label)
#: Labels that never carry a speaker.
_ENTITIES = _KNOWN - {Label.QUOTE.value}


def _offsets(start: object, end: object, length: int) -> bool:
    return type(start) is int and type(end) is int and 0 <= start < end <= length


def _misfit(row: tuple[Any, ...], text: str) -> str | None:
    """Which rule of `fit_problems` a suggestion or span breaks on its article's text, if any."""
    _, _, start, end, label, stored, speaker_start, speaker_end = row
    if not _offsets(start, end, len(text)):
        return "offsets"
    if label not in _KNOWN:
        return "label"
    if stored != text[start:end]:
        return "text"
    if speaker_start is not None and label != Label.QUOTE.value:
        return "speaker on"
    if (speaker_start, speaker_end) != (None, None) and not _offsets(speaker_start, speaker_end, len(text)):
        return "speaker"
    return None


def span_misfit(text: str, row: dict[str, Any]) -> str | None:
    """Why a span row (`SPAN_COLUMNS` keys) does not fit its article's `text`, in `fit_problems`' words, or None:
    what undo and redo ask of a span an event writes back (`annotator.store.event_fit`)."""
    values = (row["start"], row["end"], row["label"], row["text"], row["speaker_start"], row["speaker_end"])
    problem = _misfit((None, None, *values), text)
    return None if problem is None else _said(problem, text, *values)


def _said(problem: str, text: str, start: Any, end: Any, label: Any, stored: Any, speaker_start: Any,
          speaker_end: Any) -> str:  # fmt: skip
    there = text[start:end] if _offsets(start, end, len(text)) else ""
    return _WHY[problem].format(
        start=start, end=end, length=len(text), label=label, text=found(stored), there=found(there),
        speaker_start=speaker_start, speaker_end=speaker_end,
    )  # fmt: skip


def spans_fit(text: str, rows: Iterable[Sequence[Any]]) -> bool:
    """Whether every stored span, a (start, end, label, text, speaker_start, speaker_end) row, fits `text` by
    `fit_problems`' rules: what `export` asks of each record it writes, so the common span costs no call."""
    size = len(text)
    for start, end, label, stored, speaker_start, speaker_end in rows:
        if (
            type(start) is int and type(end) is int and 0 <= start < end <= size and stored == text[start:end]
            and label in _ENTITIES and speaker_start is None and speaker_end is None
        ):  # fmt: skip
            continue
        if _misfit((None, None, start, end, label, stored, speaker_start, speaker_end), text) is not None:
            return False
    return True


def fit_problems(db: sqlite3.Connection, tables: Sequence[str] = ("suggestions", "spans")) -> list[str]:
    """Suggestions and spans whose offsets fall outside their article's text, whose text is not the article's at
    their offsets, whose label is unknown, or whose speaker is no pair of offsets within the text (or is on
    another label than QUOTE): one line each. Each article's text is read once (SQLite's `substr` walks a long
    text from its start for every row)."""
    problems = []
    for table in tables:
        found_here: list[tuple[int, str]] = []
        sql = f"""SELECT id, article_id, start, "end", label, text, speaker_start, speaker_end FROM {table}
                  ORDER BY article_id, id"""
        text, text_of = "", None
        for row in db.execute(sql):
            if row[1] != text_of:
                text_of = row[1]
                found_text = db.execute("SELECT text FROM articles WHERE id = ?", [text_of]).fetchone()
                text = found_text[0] if found_text else ""
            problem = _misfit(row, text)
            if problem:
                row_id, article_id = row[0], row[1]
                why = _said(problem, text, *row[2:])
                found_here.append((row_id, f"table {table!r}, row {row_id} (article {found(article_id)}): {why}"))
        problems += [line for _, line in sorted(found_here)]
    return problems


#: `utc_timestamp`'s form as SQLite's GLOB reads it: most stored moments are in it, and SQL checks those itself.
_STORE_GLOB = (
    "-".join(["[0-9]" * 4, "[0-9]" * 2, "[0-9]" * 2]) + "T" + ":".join(["[0-9]" * 2] * 3) + "." + "[0-9]" * 6 + "Z"
)
#: What a stored moment must be, for a problem's line.
WRITTEN = "an ISO 8601 timestamp with a time zone, as 2026-12-01T10:00:00.000000Z"


def _moment_problem(stamp: object) -> str | None:
    """Why a stored moment is none annotator writes (`utc_timestamp`'s, or an ISO 8601 moment with a time zone as
    an older release stored a file's), or is later than now plus `CLOCK_TOLERANCE`; None when it is fine."""
    moment = _moment(stamp)
    if moment is None:
        return _no_moment(stamp)
    return future_problem(moment)


def _moment(stamp: object) -> datetime | None:
    try:
        return parse_timestamp(stamp) if isinstance(stamp, str) else None
    except ValueError:
        return None


def _no_moment(stamp: object) -> str:
    shown = f"{bytes(stamp)[:SHOWN_BYTES]!r}" if isinstance(stamp, bytes) else found(stamp)
    return f"{shown} is not a moment annotator writes ({WRITTEN})"


def moment_problems(db: sqlite3.Connection, *, future: bool = True) -> list[str]:
    """Moments no command of annotator's writes, in any column of a moment (`at`, `..._at`): text that names no
    moment ("yesterday", "2026-13-45T99:00", a number, an empty string, one without a time zone), and moments
    later than now plus `CLOCK_TOLERANCE` (a clock running fast where the file was written, or a forged stamp).
    One line each, for the first such row of a column (sqlite-utils' record of the migrations, which writes its
    own form and is never merged, aside). Import refuses both in a record (`parse_timestamp`,
    `future_problem`): merged, a moment that names none would be compared as none (an older decision taken as
    newer, trial 31), one in the future would stay newer than all later work, and this file's own export of
    either would be refused by import. SQL passes over a stamp in the store's form that names a real moment (its
    text is what its Julian day writes back) and, with `future`, is earlier than now plus `CLOCK_TOLERANCE` (the
    form is fixed width: text compares as the moments; a day's margin sent every stamp of the day to Python, as
    it did all of a fresh database's); Python reads the others."""
    limit = [utc_timestamp(datetime.now(UTC) + CLOCK_TOLERANCE)] if future else []
    problems = []
    for table, column in _text_columns(db):
        if (column != "at" and not column.endswith("_at")) or table == "_sqlite_migrations":
            continue
        stamp, head = f'"{column}"', f'substr("{column}", 1, 19)'
        written = (
            f"typeof({stamp}) = 'text' AND {stamp} GLOB ? AND substr({stamp}, 1, 4) != '0000' "
            f"AND strftime('%Y-%m-%dT%H:%M:%S', julianday({head})) = {head}" + (f" AND {stamp} < ?" if future else "")
        )
        kinds = f"""SELECT {stamp} FROM (SELECT DISTINCT {stamp} COLLATE BINARY AS {stamp} FROM "{table}" LIMIT -1)
                    WHERE {stamp} IS NOT NULL AND NOT ({written})"""
        if not any(_problem(value, future) for (value,) in db.execute(kinds, [_STORE_GLOB, *limit])):
            continue  # each value checked once (a batch's stamp is all its suggestions'; LIMIT -1 keeps SQLite
            # from checking every row before DISTINCT): the rows are read only for a value with a problem
        sql = f"""SELECT rowid, {stamp} FROM "{table}" WHERE {stamp} IS NOT NULL AND NOT ({written}) ORDER BY rowid"""
        for rowid, value in db.execute(sql, [_STORE_GLOB, *limit]):
            problem = _problem(value, future)
            if problem:
                problems.append(f"table {table!r}, column {column!r}, rowid {rowid}: {problem}")
                break
    return problems


def _problem(value: object, future: bool) -> str | None:
    return _moment_problem(value) if future else (None if _moment(value) else _no_moment(value))


def event_problems(db: sqlite3.Connection) -> list[str]:
    """Events whose `before` or `after` is no JSON object: what `stats`, `evaluate` and `export` read of them
    ended in a traceback (attacker 41a: an appended event whose `after` is 'garbage'; one at 'yesterday' is
    `moment_problems`', a comment stored as a blob `kinds.type_problems`'). Found in SQL, worded as `check` words
    them (`event_shapes.change_problem`)."""
    from annotator.store.event_shapes import change_problem

    problems = []
    valid = "typeof({0}) = 'text' AND json_valid({0}) AND json_type({0}) = 'object'"
    rows = db.execute(
        f"SELECT id, article_id, annotator, action, before, after FROM events WHERE NOT ({valid.format('before')} "
        f"AND {valid.format('after')}) ORDER BY id"
    )
    for event_id, article_id, annotator, action, before, after in rows:
        for column, stored in (("before", before), ("after", after)):
            problem = change_problem(action, column, stored)[1]
            if problem:
                problems.append(
                    f"table 'events', column {column!r}, event {event_id} (article {found(article_id)}, annotator "
                    f"{found(annotator)}, action {found(action)}): {problem}"
                )
    return problems


def stored_problems(db: sqlite3.Connection) -> list[str]:
    """What `content_problems` finds in a database whose text is all UTF-8 (`check` reports that apart)."""
    kinds = kind_problems(db) + type_problems(db)
    if kinds:  # the other checks read the texts as text
        return kinds
    return token_problems(db) + hash_problems(db) + fit_problems(db) + speaker_problems(db)  # events: `verify`'s


def content_problems(db: sqlite3.Connection) -> list[str]:
    """Everything stored that the database's own commands could not have written (see the module's docstring).
    Text that is not UTF-8 is reported alone: the other checks read that text."""
    return utf8_problems(db) or stored_problems(db)

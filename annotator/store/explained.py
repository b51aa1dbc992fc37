"""What the event log proves of an annotation's `updated_at` and `flag_reason`, and of the assignments, beside the
spans, decisions and status that `history.replay` rebuilds (`verify.replay_problems` compares all of them).

- `flag_reason` is written only with an event that names it (`Changes._apply`: a status set by hand, an accept all
  that marks the article done, an import, a merge, their undo and redo): the last such event's value, or none.
- `updated_at` is the moment of the annotator's last edit of the article (`Changes._commit` writes both with one
  `now`); an import stores its record's own stamp instead, which its event records (`Store.replace_annotation`).
  An import event of an earlier release did not: its stamp was refused if later than the import's moment plus
  `CLOCK_TOLERANCE`, the bound it is held to. No edit, no moment. Events that are no edits (`NOT_EDITS`) write
  neither column.
- An assignment is the row of the last `assign` event of its article and annotator when no `unassign` came after
  it: its position and batch as that event says, made at the event's moment, or for one a merge brought, at the
  moment its event records (`merge._merge_assignments`; an earlier release's merge recorded none: not later than
  the merge then, plus `CLOCK_TOLERANCE`, as the merge refused later ones). No assignment, and no `assign` event,
  names gold or a model (`names.assignee_problem`: `annotator assign` refuses them).

Each finding is one line naming the table, the column and the row (article and annotator), the value found (as
`errors.found` writes it: quoted, control characters escaped) and what the log says.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from annotator.errors import found
from annotator.rows import Event
from annotator.store.names import assignee_problem
from annotator.store.reads import NOT_EDITS
from annotator.vocabulary import CLOCK_TOLERANCE, parse_timestamp

#: The `by` of an `assign` event a merge wrote (`merge._merge_assignments`).
MERGED_BY = "merge of "


def shown(value: object) -> str:
    """A value found or given, as a finding shows it: text quoted and escaped (`errors.found`), a number as it is."""
    if value is None:
        return "none"
    return found(value) if isinstance(value, str) else repr(value)


def _row(table: str, column: str | None, article_id: str, annotator: str) -> str:
    """ "table 'assignments', column 'position', article 'a1', annotator 'bob'": where a finding is."""
    named = f", column {column!r}" if column else ""
    return f"table {table!r}{named}, article {article_id!r}, annotator {annotator!r}"


def annotation_problems(row: tuple[Any, ...] | None, article_id: str, annotator: str, events: list[Event]) -> list[str]:
    """Where the annotation's `flag_reason` and `updated_at` (`row`: (updated_at, flag_reason), None for no row)
    are not what `events` (the pair's, oldest first) give."""
    updated_at, flag_reason = row if row is not None else (None, None)
    edits = [event for event in events if event.action not in NOT_EDITS]
    reason = None
    for event in edits:
        if "flag_reason" in event.after:
            reason = event.after["flag_reason"]
    problems = []
    if flag_reason != reason:
        where = _row("annotations", "flag_reason", article_id, annotator)
        problems.append(f"{where}: {shown(flag_reason)}, but the event log says {shown(reason)}")
    why = _unexplained_moment(updated_at, edits[-1] if edits else None)
    if why:
        where = _row("annotations", "updated_at", article_id, annotator)
        problems.append(f"{where}: {shown(updated_at)}, which no event gives ({why})")
    return problems


def _unexplained_moment(updated_at: object, last: Event | None) -> str | None:
    """Why the last edit `last` does not give `updated_at`; None when it does."""
    if last is None:
        return None if updated_at is None else "the event log holds no edit of it"
    if last.action == "import" and "updated_at" in last.after:
        stamp = last.after["updated_at"]
        if _same_moment(updated_at, stamp if stamp is not None else last.at, recorded=stamp is not None):
            return None
        how = f"stamped {shown(stamp)}" if stamp is not None else f"at {shown(last.at)}"
        return f"its last edit, event {last.id}, was an import, {how}"
    if _same_moment(updated_at, last.at):
        return None
    if last.action != "import":
        return f"its last edit, event {last.id}, was at {shown(last.at)}"
    if _not_later(updated_at, last.at):  # an earlier release's import: the record's stamp, unrecorded
        return None
    return (
        f"its last edit, event {last.id}, was an import at {shown(last.at)}, which an earlier release did not "
        "record the stamp of but took none later than a day after it"
    )


def _moment(value: object) -> datetime | None:
    try:
        return parse_timestamp(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _same_moment(stored: object, given: object, recorded: bool = False) -> bool:
    """Whether the stored stamp is the one the log gives: the same text, or the same moment written otherwise (an
    older release wrote its file's offset; another program may write another). A stored value, or an event's `at`,
    that names no moment is `content.moment_problems`' finding, not this one's; a stamp an event `recorded` in its
    JSON is checked by nothing else, so it must name the stored moment."""
    if stored == given:
        return True
    mine, theirs = _moment(stored), _moment(given)
    if stored is None or theirs is None:
        return stored is not None and not recorded
    return mine is None or mine == theirs


def _not_later(stamp: object, at: str) -> bool:
    """Whether `stamp` names a moment no later than `at` plus `CLOCK_TOLERANCE` (what import and merge let in); a
    stored stamp or an `at` naming no moment is `content.moment_problems`' finding."""
    mine, then = _moment(stamp), _moment(at)
    if stamp is None:
        return False
    return mine is None or then is None or mine <= then + CLOCK_TOLERANCE


def assignment_problems(db: sqlite3.Connection, article_id: str, annotator: str, events: list[Event]) -> list[str]:
    """Where the pair's row of `assignments` is not what its last `assign` or `unassign` event in `events` leaves."""
    last = next((e for e in reversed(events) if e.action in ("assign", "unassign")), None)
    row = db.execute(
        "SELECT position, batch, assigned_at FROM assignments WHERE article_id = ? AND annotator = ?",
        [article_id, annotator],
    ).fetchone()
    where = _row("assignments", None, article_id, annotator)
    nobody = assignee_problem(annotator)  # gold, a model's name: no command assigns it an article
    if row is None:
        if last is not None and last.action == "assign":
            return [f"{where}: no row, but `assign` event {last.id} made it and no `unassign` event took it back"]
        assigning = next((e for e in events if e.action == "assign"), None)
        if nobody and assigning is not None:
            return [f"table 'events', event {assigning.id}, article {article_id!r}, annotator {annotator!r}: an `assign` "
                    f"event, but {nobody}"]  # fmt: skip
        return []
    problems = [f"{where}: {nobody}"] if nobody else []
    if last is None or last.action != "assign":
        return [*problems, f"{where}: no `assign` event made it"]
    made = last.after.get("assignment")
    made = made if isinstance(made, dict) else {}
    problems += [
        f"{_row('assignments', column, article_id, annotator)}: {shown(value)}, but its `assign` event says "
        f"{shown(made.get(column))}"
        for column, value in (("position", row[0]), ("batch", row[1]))
        if value != made.get(column)
    ]
    if "assigned_at" in made:
        given, fits = made["assigned_at"], _same_moment(row[2], made["assigned_at"], recorded=True)
    elif str(last.after.get("by", "")).startswith(MERGED_BY):  # an earlier release's merge recorded no moment
        given, fits = f"no later than {last.at}", _not_later(row[2], last.at)
    else:
        given, fits = last.at, _same_moment(row[2], last.at)
    if not fits:
        problems.append(
            f"{_row('assignments', 'assigned_at', article_id, annotator)}: {shown(row[2])}, but its `assign` event, "
            f"{last.id}, says {shown(given)}"
        )
    return problems

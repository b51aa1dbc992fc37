"""The JSON an event's `before` and `after` hold, as the commands write it, and what a file holds that they never
wrote (attacker's trial of stop 32: `after` = '[]', '"x"', 'null' or 'notjson' crashed `check` and `merge`
with a traceback).

Every action writes an object in each column (`{}` for nothing). Its keys, when there, are the rows an edit
replaced or wrote and what goes with them: `spans` (span rows, every `SPAN_COLUMNS` key: `history.replay`, undo
and redo write them back), `decisions` (a suggestion's id and `accepted` or `rejected`), `status` (a status),
`flag_reason` and an import's `updated_at` (text or null), `assignment` (an `assign` or `unassign`'s place:
position and batch, a merge's moment), and the names and notes of who and what wrote it (`by`, `reviewer`,
`source`, `command`, `pack`: text), and a decided `region` (layer, start, end). An adjudication names its
`source` and `reviewer` and the spans on both sides (`gold.decisions` reads them). An import or merge of work
commands alone wrote names them in `unchecked` (a list of text, read by `store.unchecked`, which reads anything
else there as the event's own `command`), and of work that was the model's suggestions unchanged says
`as_suggested` (true: `store.as_suggested` reads anything else as not said), and an import of a Label Studio answer
names the task and annotation it was in `origin` (`store.origins` reads anything but an object as none); the two
events of `rename-annotator` on an article name the move in `renamed` (from, to: `store.renaming`; undo reads anything
but two names as no rename), and so do its `unassign` and `assign` of the assignment it moved (a merge reads them,
`merge_renames.assignment_moved`: anything but the two names there is no rename). Other keys are left alone.

`check` (`verify.replay_problems`) names each event that breaks this, one line a column, instead of replaying its
annotation; `merge` refuses a file holding one (`merge_source`). The value is shown as `errors.found` writes it.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from annotator.errors import found
from annotator.rows import Event
from annotator.store.connection import SPAN_COLUMNS
from annotator.store.reads import NOT_EDITS
from annotator.vocabulary import Label, Status

#: How much of a JSON value inside an event a problem shows.
SHOWN_JSON = 60
_STATUSES = frozenset(status.value for status in Status)
_LABELS = frozenset(label.value for label in Label)
_DECISIONS = ("accepted", "rejected")
_NAMED = ("by", "reviewer", "source", "command", "pack")


def _json(value: object) -> str:
    written = json.dumps(value, ensure_ascii=True)
    return written if len(written) <= SHOWN_JSON else written[:SHOWN_JSON] + "..."


def _whole(value: object) -> bool:
    return type(value) is int


def _typed(key: str, value: object, fits: bool, what: str) -> str | None:
    return None if fits else f"{key!r} is {_json(value)}, not {what}"


def _span_problem(row: object) -> str | None:
    if not isinstance(row, dict):
        return "is not a JSON object"
    if "id" in row and not _whole(row["id"]):  # what replay and merge key a span by
        return _typed("id", row["id"], False, "a whole number")
    missing = [column for column in SPAN_COLUMNS if column not in row]
    if missing:
        return f"lacks {', '.join(map(repr, missing))}"
    return (
        _typed("start", row["start"], _whole(row["start"]), "a whole number")
        or _typed("end", row["end"], _whole(row["end"]), "a whole number")
        or _typed("label", row["label"], row["label"] in _LABELS, f"one of {', '.join(sorted(_LABELS))}")
        or _typed("text", row["text"], isinstance(row["text"], str), "text")
        or next(
            (
                _typed(column, row[column], False, "a whole number or null")
                for column in ("speaker_start", "speaker_end", "suggestion_id")
                if row[column] is not None and not _whole(row[column])
            ),
            None,
        )
    )


def _decision_problem(row: object) -> str | None:
    if not isinstance(row, dict):
        return "is not a JSON object"
    suggestion, decision = row.get("suggestion_id"), row.get("decision")
    return _typed("suggestion_id", suggestion, _whole(suggestion), "a whole number") or _typed(
        "decision", decision, decision in _DECISIONS, "'accepted' or 'rejected'"
    )


def _rows_problem(key: str, value: object, row_problem: Any, what: str) -> str | None:
    if not isinstance(value, list):
        return f"{key!r} is not a list: {_json(value)}"
    for index, row in enumerate(value):
        problem = row_problem(row)
        if problem:
            joined = " " if problem.startswith("is ") else ": "
            return f"{what} {index} of {key!r}{joined}{problem}"
    return None


def _assignment_problem(value: object) -> str | None:
    if not isinstance(value, dict):
        return _typed("assignment", value, False, "a JSON object")
    for key, kind in (("position", "a whole number"), ("batch", "a whole number"), ("assigned_at", "text")):
        if key in value:
            fits = isinstance(value[key], str) if kind == "text" else _whole(value[key])
            if not fits:
                return f"'assignment': {_typed(key, value[key], False, kind)}"
    return None


def _region_problem(value: object) -> str | None:
    fits = (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], str)
        and _whole(value[1])
        and _whole(value[2])
    )
    return _typed("region", value, fits, "[layer, start, end]")


def _key_problem(key: str, value: object) -> str | None:
    """What is wrong with one key's value, if the key is one the commands write."""
    if key == "spans":
        return _rows_problem(key, value, _span_problem, "span")
    if key == "decisions":
        return _rows_problem(key, value, _decision_problem, "decision")
    if key == "status":
        return _typed(key, value, value in _STATUSES, f"one of {', '.join(sorted(_STATUSES))}")
    if key in ("flag_reason", "updated_at"):
        return _typed(key, value, value is None or isinstance(value, str), "text or null")
    if key in _NAMED:
        return _typed(key, value, isinstance(value, str), "text")
    if key == "assignment":
        return _assignment_problem(value)
    if key == "region":
        return _region_problem(value)
    return None


def change_problem(action: str, column: str, stored: object) -> tuple[dict[str, Any], str | None]:
    """One event column read: (its object, or {} when it is none, and why it is not what `action` writes)."""
    if not isinstance(stored, str):
        return {}, f"not JSON text but {type(stored).__name__} {repr(stored)[:SHOWN_JSON]}"
    try:
        change = json.loads(stored)
    except (ValueError, RecursionError):
        return {}, f"not JSON: {found(stored)}"
    if not isinstance(change, dict):
        return {}, f"not a JSON object: {found(stored)}"
    required = ("spans", "source", "reviewer") if column == "after" else ("spans",)
    if action == "adjudicate":
        missing = [key for key in required if key not in change]
        if missing:
            return change, f"{missing[0]!r} is missing: every adjudication names it"
    for key, value in change.items():
        problem = _key_problem(key, value)
        if problem:
            return change, problem
    return change, None


def stray_problem(action: str) -> str:
    """What an undo (a redo) with no edit before it to undo (redo) is: nothing any command writes."""
    return f"an {action} with no edit before it to {action}"


def events_of(db: sqlite3.Connection, article_id: str, annotator: str) -> tuple[list[Event], list[str]]:
    """The pair's events, oldest first, and a line for each column of an event whose JSON is not what its action
    writes (see the module's docstring), and for an undo or redo with nothing to act on (another program's row:
    it ended undo in a traceback): the pair's history cannot be replayed while there is one."""
    events, problems = [], []
    done = undone = 0  # how many edits an undo (a redo) has to act on: `nothing_to.stacked`
    sql = "SELECT id, action, before, after, target, at FROM events WHERE article_id = ? AND annotator = ? ORDER BY id"
    for event_id, action, before, after, target, at in db.execute(sql, [article_id, annotator]):
        if action in ("undo", "redo") and not (done if action == "undo" else undone):
            problems.append(
                f"table 'events', event {event_id} (article {found(article_id)}, annotator {found(annotator)}, "
                f"action {found(action)}): {stray_problem(action)}"
            )
        elif action == "undo":
            done, undone = done - 1, undone + 1
        elif action == "redo":
            done, undone = done + 1, undone - 1
        elif action not in NOT_EDITS:
            done, undone = done + 1, 0
        changes = {}
        for column, stored in (("before", before), ("after", after)):
            changes[column], problem = change_problem(action, column, stored)
            if problem:
                problems.append(
                    f"table 'events', column {column!r}, event {event_id} (article {found(article_id)}, annotator "
                    f"{found(annotator)}, action {found(action)}): {problem}"
                )
        events.append(Event(id=event_id, article_id=article_id, annotator=annotator, action=action,
                            before=changes["before"], after=changes["after"], at=at, target=target))  # fmt: skip
    return events, problems

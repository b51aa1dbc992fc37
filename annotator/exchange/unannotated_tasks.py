"""The tasks of a Label Studio export nobody annotated, which import leaves out: named, with the `ingest` that
stores their texts. Trial t4 F8: an import that stored some work said only "left out: 1 task(s) without an
annotation" (the ingest was named only when nothing at all was imported), so a team moving a half-done project
here lost the rest of it unless they read docs/formats.md."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from annotator.exchange.already_done import texts_stored
from annotator.exchange.formats.labelstudio import NO_ANNOTATION
from annotator.exchange.formats.labelstudio_unannotated import Unannotated
from annotator.exchange.labelstudio_tasks import TaskReading, ingest_advice, task_array

#: How many of them the note names, the rest counted.
SHOWN = 5


def unannotated_note(records: Iterable[Any], path: Path, text_field: str, db: str, database: Path | None = None) -> str:
    """The note naming the tasks nobody annotated among an import's `records` (`Unannotated`), and what stores
    their texts, or "" for none. `db`: the --db option the ingest carries (`store.db_option`); `database`: the
    database imported into, where the ingest may have stored them already (re-trial t4r F8-v1: advised again)."""
    tasks = [record for record in records if isinstance(record, Unannotated)]
    if not tasks:
        return ""
    named = ", ".join(map(_named, tasks[:SHOWN])) + (f" and {len(tasks) - SHOWN} more" if len(tasks) > SHOWN else "")
    advice = ingest_advice(path, text_field, db)
    if advice and database is not None and texts_stored(database, task_array(path, TaskReading(text_field), []) or []):
        return f"note: the {len(tasks)} {tasks[0].what}: {named}; their texts are stored in {database} already"
    then = (
        f"{advice} (the articles already stored stay as they are)"
        if advice
        else "; ingest does not read Label Studio's JSON_MIN: its JSON export of the project is a task file "
        "`annotator ingest FILE` stores their texts from"
    )
    return f"note: the {len(tasks)} {tasks[0].what}: {named}{then}"


def ingest_them(dropped: Mapping[str, int], path: Path, text_field: str | None, db: str) -> str:
    """For an import that stored nothing: the ingest that stores the texts of the Label Studio task file's tasks
    nobody annotated, when some were (`text_field`: None for another format), or "" (trial t2 F)."""
    return "" if text_field is None or NO_ANNOTATION not in dropped else ingest_advice(path, text_field, db)


def _named(task: Unannotated) -> str:
    where = task.where
    if where is None:
        return "a task" if task.task is None else f"task {task.task}"
    line = where.line
    if line is None and where.line_of is not None and where.record is not None:
        line = where.line_of(where.record, None)
    place = f"{where.path}{f':{line}' if line is not None else ''}{f' record {where.record}' if where.record else ''}"
    return place if task.task is None else f"task {task.task} ({place})"

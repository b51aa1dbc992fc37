"""The tasks of a Label Studio export nobody annotated, which import leaves out: named, with the `ingest` that
stores their texts. Trial t4 F8: an import that stored some work said only "left out: 1 task(s) without an
annotation" (the ingest was named only when nothing at all was imported), so a team moving a half-done project
here lost the rest of it unless they read docs/formats.md."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.exchange.formats.labelstudio_unannotated import Unannotated
from annotator.exchange.labelstudio_tasks import ingest_advice
from annotator.exchange.task_work import Done, TaskWork

#: How many of them the note names, the rest counted.
SHOWN = 5


def unannotated_note(records: Iterable[Any], path: Path, text_field: str, db: str, done: Done | None = None) -> str:
    """The note naming the tasks nobody annotated among an import's `records` (`Unannotated`), and what stores
    their texts, or "" for none. `db`: the --db option the ingest carries (`store.db_option`); `done`: whether it
    ran, asked of the database imported into (re-trial t4r F8-v1: advised again), about these tasks alone."""
    tasks = [record for record in records if isinstance(record, Unannotated)]
    if not tasks:
        return ""
    named = ", ".join(map(_named, tasks[:SHOWN])) + (f" and {len(tasks) - SHOWN} more" if len(tasks) > SHOWN else "")
    texts = [TaskWork(task.article) for task in tasks if task.article is not None]  # a task file's: ingest's
    if texts and done is not None and (database := done(texts)):
        return f"note: the {len(tasks)} {tasks[0].what}: {named}; their texts are stored in {database} already"
    then = (
        f"{ingest_advice(path, text_field, db)} (the articles already stored stay as they are)"
        if texts
        else "; ingest does not read Label Studio's JSON_MIN: its JSON export of the project is a task file "
        "`annotator ingest FILE` stores their texts from"
    )
    return f"note: the {len(tasks)} {tasks[0].what}: {named}{then}"


def ingest_them(records: Iterable[Any], path: Path, text_field: str | None, db: str, done: Done) -> str:
    """For an import that stored nothing: the ingest that stores the texts of the Label Studio task file's tasks
    nobody annotated, when some were (`text_field`: None for another format), or "" (trial t2 F); where `done`
    says it ran, that their texts are stored (re-trial t4r F8-v1)."""
    texts = [TaskWork(r.article) for r in records if isinstance(r, Unannotated) and r.article is not None]
    if text_field is None or not texts:
        return ""
    database = done(texts)
    return f"; their texts are stored in {database} already" if database else ingest_advice(path, text_field, db)


def _named(task: Unannotated) -> str:
    where = task.where
    if where is None:
        return "a task" if task.task is None else f"task {task.task}"
    line = where.found_line()
    place = f"{where.path}{f':{line}' if line is not None else ''}{f' record {where.record}' if where.record else ''}"
    return place if task.task is None else f"task {task.task} ({place})"

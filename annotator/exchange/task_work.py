"""What the notes of `ingest` and `import --format labelstudio` ask the database about a file's Label Studio tasks,
in one shape: each task's article and its annotations as the file gives them (none for a task nobody annotated).
The one question, `Done`, is whether the command a note would advise has run: the texts stored, the annotations
imported (`already_done`; re-trial t4r F8-v1, s52 t6 F8-v1-a/b: the notes sent the user back and forth)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.exchange.formats.labelstudio_ids import server_id
from annotator.models import ArticleIn

#: A region's keys that are the server's own ids, different on every copy of one answer.
_REGION_IDS = ("id", "from_id", "to_id", "parent_id")


@dataclass(frozen=True)
class Answer:
    """One of a task's annotations: its server id (None without one), who made it (`completed_by`, as the file
    gives it), on which task of the reading, whether it is a skip, and what it says (its regions, their ids aside)."""

    id: int | str | None
    by: str
    task: int
    skipped: bool
    said: str

    def stands_for(self, other: Answer) -> bool:
        """Whether an import that kept this answer leaves `other` out by design, never keeping its id: the same
        user's on another task of the text (a copy), a skip beside this answer or saying the same as it
        (`duplicates.skip_beside_answer`, `duplicates.repeats`). The same rule as theirs on other input: they
        decide on the import's parsed records (after the labelling config, --label-map and --user-map), which a
        note cannot have (ingest's reads a task file with none of those), so this one reads the file's JSON."""
        if other.by != self.by or other.task == self.task:
            return False
        return (other.skipped and not self.skipped) or (other.skipped, other.said) == (self.skipped, self.said)


@dataclass(frozen=True)
class TaskWork:
    """A task as a note asks about it: the article ingest makes of it, and its annotations."""

    article: ArticleIn
    answers: tuple[Answer, ...] = ()


#: Whether a note's advice was followed: the database's name where every one of these tasks' texts is stored and
#: every one of their annotations imported, else "" (the note then advises the command).
Done = Callable[[Sequence[TaskWork]], str]


def answers_of(annotations: list[Any], task: int) -> tuple[Answer, ...]:
    """A task's annotations (`task`: its number in the reading), as `Answer`s; one that is no object is an answer
    of nobody's without an id, which no database can be told to have imported."""
    return tuple(_answer(annotation, task) for annotation in annotations)


def _answer(annotation: Any, task: int) -> Answer:
    if not isinstance(annotation, dict):
        return Answer(None, "", task, False, "")
    result = annotation.get("result")
    regions = result if isinstance(result, list) else []
    said = sorted(_json({k: v for k, v in r.items() if k not in _REGION_IDS} if isinstance(r, dict) else r)
                  for r in regions)  # fmt: skip
    by = _json(annotation.get("completed_by"))
    return Answer(server_id(annotation.get("id")), by, task, bool(annotation.get("was_cancelled")), _json(said))


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)

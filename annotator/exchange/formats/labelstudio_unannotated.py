"""A Label Studio task nobody annotated, which import leaves out and counts, with what names it: where it is and
its id (trial t4 F8: only counted; `exchange.unannotated_tasks` names them and the ingest that stores them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.exchange.files import Where
from annotator.exchange.formats.common import Dropped
from annotator.models import ArticleIn

#: What the import counts them as.
NO_ANNOTATION = "task(s) without an annotation"


@dataclass(frozen=True)
class Unannotated(Dropped):
    """A task nobody annotated, left out and counted like any `Dropped`, and named: where it is, its id; and, for a
    task of a task file (not a JSON_MIN record, which ingest does not read), the article's id and text as ingest
    would store them, so the import's note asks whether they are (`already_done`) without reading the file again."""

    where: Where | None = None
    task: int | str | None = None
    article: ArticleIn | None = field(default=None, hash=False)  # a pydantic model, which has no hash


def unannotated_task(where: Where, task: int | str | None, text: str, article_id: str | None) -> Unannotated:
    """A task of a task file nobody annotated: its article only looked up, never stored, so not checked here."""
    article = ArticleIn.model_construct(text=text, id=article_id or None)
    return Unannotated(NO_ANNOTATION, where=where, task=task, article=article)

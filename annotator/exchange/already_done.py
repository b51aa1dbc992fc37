"""What an earlier command already did, told from the database, so that the notes of `ingest` and `import` on a
Label Studio export do not advise it again (re-trial t4r F8-v1: after the ingest the import's note advised, the
import named it still, and ingest's note named the import that had already run, sending the user back and forth).
Both notes ask one question of one shape (`task_work.Done`): are these tasks' texts stored, and their annotations
imported? Where the database cannot be read (not made yet, not ours), the advice is given as before."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError
from annotator.exchange.formats.labelstudio_ids import ANNOTATION_IDS
from annotator.exchange.formats.labelstudio_users import SYNTHETIC
from annotator.exchange.realign import StoredWords
from annotator.exchange.task_work import Answer, Done, TaskWork
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.store.origins import import_origin, imported_work_stands
from annotator.vocabulary import Status


def done_in(database: Path) -> Done:
    """The question both notes ask of the database imported or ingested into (`TaskReading.done` for ingest's,
    `unannotated_note` for the import's): its name when each task's text is stored there and each of its
    annotations imported, else ""."""
    return lambda tasks: str(database) if _done(database, tasks) else ""


def _done(database: Path, tasks: Sequence[TaskWork]) -> bool:
    try:
        if not tasks or not database.is_file():
            return False
        with Store.open(database, read_only=True, create=False) as store:
            words, answers = StoredWords(store), dict[str, list[Answer]]()
            for task in tasks:
                if (found := _holding(store, words, task.article)) is None:
                    return False
                answers.setdefault(found, []).extend(task.answers)
            return all(
                _imported(store, found, given) or _answer_stands(store, found, given)
                for found, given in answers.items()
            )
    except (AnnotatorError, sqlite3.Error, OSError):
        return False


def _holding(store: Store, words: StoredWords, article: ArticleIn) -> str | None:
    """The stored article that holds a task's text: by its id or its text, else the one with its words spaced
    otherwise (a CoNLL import's, `realign`), on which import puts its work and which ingest does not store again
    (re-trial s52 t6 F8-v1-b)."""
    if (found := store.has_article(article)) is not None:
        return found
    spaced = words.rebuilt_matching(article.text)
    return spaced[0] if len(spaced) == 1 else None


def _answer_stands(store: Store, article_id: str, answers: list[Answer]) -> bool:
    """Whether the file's annotations of an article are only skips that the import leaves out against an answer
    stored here from another copy of the text (`skipped_copies.stored_answer_stands`: "that answer stands"): the
    skip's user, known by id only, as the import names them (`labelstudio-user-N`), has an answer stored (not a
    skip) under a kept id of another annotation, which an import in effect brought, edited since or not
    (`skipped_copies.answered_task`; once undone, the import meets the skip as a conflict: s55 F8-v1-a-2) (s53 t7 F8-v1-a-1: a file of only the skipped copy kept ingest
    advising the import, which left the skip out again). A user the import would name by an email or --user-map
    cannot be told here: the advice is given as before."""
    kept = store.article(article_id).meta.get(ANNOTATION_IDS)
    if not answers or not isinstance(kept, dict):
        return False
    for answer in answers:
        name = f"{SYNTHETIC}{answer.by}"
        if not answer.skipped or not answer.by.isdigit() or kept.get(name) in (None, answer.id):
            return False
        if store.status(article_id, name) is Status.SKIPPED or import_origin(store, article_id, name) is None:
            return False  # a skip, or work no import in effect brought (undone): the import compares them
    return True


def _imported(store: Store, article_id: str, answers: list[Answer]) -> bool:
    """Whether an article's annotations in the file (of every task of its text) are imported: the article keeps
    each one's id in `labelstudio_annotation_ids` (import keeps one an annotator, `kept_ids`), or one it keeps
    stands for it (a skip or a repeat of a copy, left out by design: re-trial s52 t6 F8-v1-a), and the work of the
    annotator it is kept for is still what the import left (`imported_work_stands`: once edited, undone or redone
    here, importing the file again meets it as a conflict, which the note then leaves to the import to say: s55
    F8-v1-a-2), a skip as a skip and an answer as an answer (an annotation skipped when imported and answered
    since on the server keeps its id). An annotation without an id cannot be told imported."""
    if not answers:
        return True
    kept: Any = store.article(article_id).meta.get(ANNOTATION_IDS)
    if not isinstance(kept, dict) or any(answer.id is None for answer in answers):
        return False
    stands = {given: who for who, given in kept.items() if imported_work_stands(store, article_id, who)}
    standing = [answer for answer in answers if answer.id in stands and _as_stored(store, article_id, stands, answer)]
    return all(answer in standing or any(one.stands_for(answer) for one in standing) for answer in answers)


def _as_stored(store: Store, article_id: str, kept: dict[Any, str], answer: Answer) -> bool:
    """Whether the file's annotation is a skip where the work kept under its id is stored skipped, and an answer
    where it is not (`kept`: each kept id's annotator)."""
    return (store.status(article_id, kept[answer.id]) is Status.SKIPPED) == answer.skipped

"""The note `ingest` and `merge` give on an article added from a .txt file titled as one another file brought
(`store.same_titles`): one wording, so the two commands say it alike, each with what can be done about it."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from annotator.store.same_titles import SameTitle

#: What `ingest` can do about it: only the file's own path replaces its article.
BY_INGEST = "a changed file replaces its article only from its own path (--changed-text replace)"


def by_merge(db: Path) -> str:
    """What `merge` does about it, and where to see it: merge moves no work between texts, so it has no
    `--changed-text` (`ingest --changed-text replace` replaces only a text nobody has worked on, and a merged
    article brings its work)."""
    return (
        "merge keeps the two apart, each with the work done on its text (it has no --changed-text: work on one "
        f"text is not moved onto another); `annotator stats --articles --db {shlex.quote(str(db))}` shows whose "
        "work is on which"
    )


def same_title_note(same: SameTitle, then: str) -> str:
    """The note's line: the article added (and the database a merge brought it from), the stored article of
    that title and its file, and `then`: what the command can do about it."""
    of = f" of {same.database}" if same.database else ""
    return (
        f"note: {same.source}{of} added as article {same.article_id}, titled as article {same.stored_id} "
        f"'{same.title}' that {same.stored_source} brought: {then}"
    )

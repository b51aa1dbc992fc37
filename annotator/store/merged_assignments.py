"""The assignments a merge added, read back from the `assign` events it wrote (`merge_assignments`: each names the
merge, "merge of FILE"), so that `merge` names them: a pack can hold assignments made inside it for other names,
and "3 assignment(s) added" told a team lead nothing of which (trial s57 F8). Read, not carried in `MergeReport`:
the log holds exactly what the merge wrote, each after the last event before it (`last_event`)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.store.explained import MERGED_BY
from annotator.store.reads import Reader


@dataclass(frozen=True)
class AddedAssignment:
    """One assignment a merge added: the article (its id here and title), the annotator, the file it came from."""

    article_id: str
    title: str
    annotator: str
    source: str


def last_event(store: Reader) -> int:
    """The id of the last event stored, 0 for none: those a command writes after it are its own."""
    return int(store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0])


def assignments_merged(store: Reader, after: int) -> list[AddedAssignment]:
    """The assignments a merge added in the events after event `after` (`last_event` before it ran), in order."""
    rows = store.conn.execute(
        """SELECT e.article_id, a.title, e.annotator, json_extract(e.after, '$.by')
           FROM events e JOIN articles a ON a.id = e.article_id
           WHERE e.id > ? AND e.action = 'assign' AND json_valid(e.after)
             AND substr(json_extract(e.after, '$.by'), 1, ?) = ?
           ORDER BY e.id""",
        [after, len(MERGED_BY), MERGED_BY],
    )
    return [AddedAssignment(article, title, who, by.removeprefix(MERGED_BY)) for article, title, who, by in rows]

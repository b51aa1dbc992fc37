"""`annotator unassign`: one person taken off one article, by name, as a lead decides (Label Studio's and Prodigy's
task assignment let a manager take a task from one annotator). `assign` gives back only the place of the busiest
who has not started, chosen by a draw, which after a merge may be another's than the one meant (trial s58 t16 F5).

Only the assignment goes: the row in `assignments`, with an `unassign` event as `assign`'s own take-back writes it
(its place in `before`, who ran it in `after`), so a merge reads it as it reads that one (`merge_assignments`: an
older assignment of the other file, a pack's, stays out, the newer decision). The person's work (status, spans,
decisions) stays, and still counts where nobody is assigned; undo passes over the event, as over `assign`'s.
All or nothing: an unknown article, or a name not assigned there, writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.errors import AnnotatorError, found
from annotator.literal import quoted
from annotator.lookalike import confusable, told_apart
from annotator.store.assignments import STARTED, record_event
from annotator.store.edits import Store
from annotator.vocabulary import utc_now

#: Whether the assignment is out in the annotator's pack: a `pack` event after its last `assign`, with no `merged`
#: event since (a pack merged back is no longer out, as `packs_out` takes it).
_OUT_IN_A_PACK = """
    SELECT 1 FROM events p WHERE p.article_id = :a AND p.annotator = :w AND p.action = 'pack'
    AND p.id > COALESCE((SELECT MAX(id) FROM events WHERE article_id = :a AND annotator = :w AND action = 'assign'), 0)
    AND NOT EXISTS (SELECT 1 FROM events m WHERE m.article_id = :a AND m.annotator = :w AND m.action = 'merged'
                    AND m.id > p.id)"""


@dataclass(frozen=True)
class Unassigned:
    """One assignment taken back: whether its annotator had started the article (their work stays), whether it went
    into their pack, not merged back since (work done there still merges back), and who is assigned the article now."""

    article_id: str
    title: str
    annotator: str
    started: bool
    packed: bool
    assignees: tuple[str, ...]


@dataclass
class UnassignReport:
    unassigned: list[Unassigned] = field(default_factory=list)


def unassign(store: Store, article_ids: Sequence[str], annotators: Sequence[str], *, by: str = "") -> UnassignReport:
    """Take each of `annotators` off each of `article_ids` (ids as `stats --articles` shows them), each with an
    `unassign` event; their work stays. Refused, nothing written, where an article is unknown or a name is not
    assigned it."""
    articles, names = list(dict.fromkeys(article_ids)), list(dict.fromkeys(annotators))
    if not articles or not names:
        raise AnnotatorError("name an article and an annotator; nothing was unassigned")
    report = UnassignReport()
    with store.write():
        held: dict[str, dict[str, tuple[int, int]]] = {}
        titles: dict[str, str] = {}
        for article_id in articles:
            row = store.conn.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise AnnotatorError(f"{store.path}: no article {found(article_id)}; nothing was unassigned")
            titles[article_id] = row[0]
            sql = "SELECT annotator, position, batch FROM assignments WHERE article_id = ? ORDER BY annotator"
            held[article_id] = {
                who: (position, batch) for who, position, batch in store.conn.execute(sql, [article_id])
            }
            for name in names:
                if name not in held[article_id]:
                    whose = f"its assignees: {', '.join(held[article_id])}" if held[article_id] else "nobody is"
                    alike = [who for who in held[article_id] if confusable(who, name)]  # "Bob" for bob (s60 t21 F6)
                    meant = f"; did you mean {quoted(alike[0])}?{told_apart(name, alike[0])}" if alike else ""
                    raise AnnotatorError(
                        f"{quoted(name)} is not assigned {article_id} {quoted(titles[article_id])} ({whose}){meant}; "
                        "nothing was unassigned"
                    )
        now = utc_now()
        started_sql = f"SELECT {STARTED.format(a='?', w='?')}"
        for article_id in articles:
            for name in names:
                started = bool(store.conn.execute(started_sql, [article_id, name] * 3).fetchone()[0])
                packed = store.conn.execute(_OUT_IN_A_PACK, {"a": article_id, "w": name}).fetchone() is not None
                position, batch = held[article_id].pop(name)
                store.conn.execute("DELETE FROM assignments WHERE article_id = ? AND annotator = ?", [article_id, name])
                place = {"assignment": {"position": position, "batch": batch}}
                record_event(store, article_id, name, "unassign", place, {"by": by}, now)
                report.unassigned.append(
                    Unassigned(article_id, titles[article_id], name, started, packed, tuple(held[article_id]))
                )
    return report

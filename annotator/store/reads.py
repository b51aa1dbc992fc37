"""Reading the store: articles, suggestions, each annotator's current state, and bulk rows for the reports."""

from __future__ import annotations

import json
import shlex
import sqlite3
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFound
from annotator.literal import quoted
from annotator.rows import Article, ArticleRows, ArticleSummary, Event, SpanRow, SuggestionRow, Token
from annotator.store.connection import MOVED, OVERWRITTEN, Connection, annotation_span, pending_suggestion
from annotator.store.current import (
    NEWEST_BATCH,
    current_suggesters,
    current_suggesters_by_article,
    left_undecided,
    pending_ids,
    status_by_import,
    suggester_order,
    undecided_ids,
)
from annotator.store.examining import DatabaseError
from annotator.store.view import read_view
from annotator.vocabulary import MODEL_PREFIX, Status, content_hash, suggester_kind

#: Events in an annotator's log that record something about it rather than edit it (`annotator assign`'s).
#: `pack`: an article went into a pack; `merged`: a merge read the pack's work on it back (both `store.pack`).
NOT_EDITS = frozenset({"assign", "unassign", "pack", "merged"})


def edited(connection: sqlite3.Connection, article_id: str, annotator: str) -> bool:
    """Whether the annotator's log holds an edit of the article, in the database `connection` reads."""
    marks = ", ".join("?" * len(NOT_EDITS))
    sql = f"SELECT 1 FROM events WHERE article_id = ? AND annotator = ? AND action NOT IN ({marks}) LIMIT 1"
    return connection.execute(sql, [article_id, annotator, *NOT_EDITS]).fetchone() is not None


if TYPE_CHECKING:
    from annotator.models import ArticleIn

COUNTED_TABLES = frozenset({"articles", "suggestions", "spans", "decisions", "annotations", "events"})
#: An annotation (`annotations AS n`) that stands: a status beyond to do, or spans. Opening an article stores a
#: row (its cursor) that is neither; no export, report or count takes it as anyone's work.
STANDS = """(n.status != 'todo' OR EXISTS (
               SELECT 1 FROM spans s WHERE s.article_id = n.article_id AND s.annotator = n.annotator))"""
TEXT_CACHE_SIZE = 8


class Reader(Connection):
    """Queries over one database; nothing here writes (see `ArticleWriter` and `Store`)."""

    def unreadable(self, error: sqlite3.Error) -> DatabaseError:
        """SQLite's error from a read, as the one line a screen shows (a screen keeps running on it): the file was
        damaged, or copied over since it was opened (its pages no longer those SQLite knows)."""
        why = (
            "; it was replaced, removed or overwritten since it was opened"
            if self.stands() in (MOVED, OVERWRITTEN)
            else ""
        )
        return DatabaseError(
            f"{self.path} cannot be read ({error}){why}: quit, then run `annotator check --db "
            f"{shlex.quote(str(self.path))}`"
        )

    def article_ids(self) -> list[str]:
        return [r["id"] for r in self._rows("SELECT id FROM articles ORDER BY rowid")]

    def titles(self) -> list[tuple[str, str]]:
        """(id, title) of every article, in ingest order, without reading their texts (`stats --articles`)."""
        return [(row[0], row[1]) for row in self.conn.execute("SELECT id, title FROM articles ORDER BY rowid")]

    def count(self, table: str) -> int:
        if table not in COUNTED_TABLES:
            raise ValueError(f"not a table of the store: {table}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def has_article(self, article: ArticleIn) -> str | None:
        """The stored id of this article (same id, else same text), or None when it is new."""
        for row in self._rows(
            "SELECT id FROM articles WHERE id = ? OR content_hash = ? ORDER BY id = ? DESC LIMIT 1",
            [article.article_id, content_hash(article.text), article.article_id],
        ):
            return str(row["id"])
        return None

    def article(self, article_id: str) -> Article:
        for row in self._rows("SELECT * FROM articles WHERE id = ?", [article_id]):
            return Article(
                id=row["id"],
                text=row["text"],
                title=row["title"],
                meta=json.loads(row["meta"]),
                content_hash=row["content_hash"],
                ingested_at=row["ingested_at"],
            )
        raise NotFound(f"no article with id {quoted(article_id)}")

    def article_text(self, article_id: str) -> str:
        """Article texts never change once stored, so they are cached (a few, for the articles being edited)."""
        if article_id not in self._texts:
            row = self.conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFound(f"no article with id {quoted(article_id)}")
            if len(self._texts) >= TEXT_CACHE_SIZE:
                self._texts.pop(next(iter(self._texts)))
            self._texts[article_id] = row[0]
        return self._texts[article_id]

    def tokens(self, article_id: str) -> list[Token]:
        for row in self._rows("SELECT tokens FROM articles WHERE id = ?", [article_id]):
            pairs = json.loads(row["tokens"]) if row["tokens"] else []
            return [Token(start, end) for start, end in pairs]
        raise NotFound(f"no article with id {quoted(article_id)}")

    def articles_without_suggestions(self, suggesters: Iterable[str]) -> list[str]:
        """Articles lacking a suggestion from one of these suggester versions (never suggested, or older)."""
        names = list(suggesters)
        marks = ",".join("?" * len(names))
        sql = f"""SELECT id FROM articles a WHERE NOT EXISTS (
                      SELECT 1 FROM suggestions s WHERE s.article_id = a.id AND s.suggester IN ({marks}))
                  ORDER BY rowid"""
        return [r["id"] for r in self._rows(sql, names)]

    def suggesters_by_article(self) -> dict[str, set[str]]:
        """Every article's stored suggester versions (an article without suggestions maps to an empty set)."""
        found: dict[str, set[str]] = {r["id"]: set() for r in self._rows("SELECT id FROM articles ORDER BY rowid", [])}
        for row in self._rows("SELECT DISTINCT article_id, suggester FROM suggestions", []):
            found.setdefault(row["article_id"], set()).add(row["suggester"])
        return found

    def current_suggesters_by_article(self) -> dict[str, set[str]]:
        """Per article holding suggestions, the suggester versions whose suggestions are current (per kind, the
        one that wrote last): older rows someone decided on are history (`store.current`)."""
        return current_suggesters_by_article(self.conn)

    def lacking_kinds(self, kinds: Iterable[str]) -> dict[str, list[str]]:
        """Of the articles holding suggestions, those holding none of a kind (entities, quotes), by kind, in ingest
        order: the store keeps suggestions, not which suggesters ran, so `suggest` takes such a kind as found
        empty (`exchange.resuggesting.outdated`), and says which they are."""
        lacking: dict[str, list[str]] = {}
        for article_id, have in self.suggesters_by_article().items():
            held = {suggester_kind(name) for name in have}
            for kind in kinds:
                if held and kind not in held:
                    lacking.setdefault(kind, []).append(article_id)
        return lacking

    def summaries(self, annotator: str) -> list[ArticleSummary]:
        """Every article's row for this annotator, pending counted as `pending` counts (the list screen reads a
        page at a time instead: `store.listing.rows`)."""
        sql = """
            SELECT a.id, a.title, a.chars, COALESCE(n.status, 'todo') AS status,
                (SELECT COUNT(*) FROM spans s WHERE s.article_id = a.id AND s.annotator = :who) AS spans,
                n.flag_reason, (SELECT COUNT(*) FROM comments m WHERE m.article_id = a.id) AS comments
            FROM articles a LEFT JOIN annotations n ON n.article_id = a.id AND n.annotator = :who
            ORDER BY a.rowid"""
        cursor = self.conn.execute(sql, {"who": annotator}).fetchall()
        return [
            ArticleSummary(i, t, c, Status(s), n, len(pending_ids(self.conn, i, annotator)), r, m)
            for i, t, c, s, n, r, m in cursor
        ]

    def flag_reason(self, article_id: str, annotator: str) -> str | None:
        """Why this annotator flagged the article (None: not flagged, or no reason given)."""
        row = self.conn.execute(
            "SELECT flag_reason FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        ).fetchone()
        return row[0] if row else None

    def comments(self, article_id: str) -> list[tuple[str, str, str]]:
        """Everyone's comments on an article, oldest first: (annotator, text, when)."""
        sql = "SELECT annotator, text, at FROM comments WHERE article_id = ? ORDER BY id"
        return [(r[0], r[1], r[2]) for r in self.conn.execute(sql, [article_id])]

    def comments_by_article(self) -> dict[str, list[tuple[str, str, str]]]:
        """Everyone's comments, by article: [(annotator, text, when)], oldest first (for the export: a comment is
        on the article, so every record of it carries them all)."""
        found: dict[str, list[tuple[str, str, str]]] = {}
        sql = "SELECT article_id, annotator, text, at FROM comments ORDER BY id"
        for article_id, annotator, text, at in self.conn.execute(sql):
            found.setdefault(article_id, []).append((annotator, text, at))
        return found

    def last_opened(self, annotator: str) -> str | None:
        """The article this annotator had open last, to resume where they left off."""
        sql = """SELECT article_id FROM annotations WHERE annotator = ? AND opened_at IS NOT NULL
                 ORDER BY opened_at DESC LIMIT 1"""
        for row in self._rows(sql, [annotator]):
            return str(row["article_id"])
        return None

    def status(self, article_id: str, annotator: str) -> Status:
        for row in self._rows(
            "SELECT status FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        ):
            return Status(row["status"])
        return Status.TODO

    def article_users(self, article_id: str) -> list[str]:
        """Everyone who has opened, annotated, decided or commented anything on this article, or had it packed (a
        `pack` event: work in the pack is unknown here, so possibly started): the people whose work a new text
        under its id would leave pointing at words that are no longer there. An assignment nobody has started is
        no work (`assignees_of` says who has one)."""
        sql = """SELECT annotator FROM annotations WHERE article_id = :id UNION SELECT annotator FROM events
                 WHERE article_id = :id AND action NOT IN ('assign', 'unassign')
                 UNION SELECT annotator FROM decisions WHERE article_id = :id
                 UNION SELECT annotator FROM spans WHERE article_id = :id
                 UNION SELECT annotator FROM comments WHERE article_id = :id ORDER BY 1"""
        return [row[0] for row in self.conn.execute(sql, {"id": article_id})]

    def assignees_of(self, article_id: str) -> list[str]:
        """Who has the article assigned (`annotator assign`), by name."""
        sql = "SELECT annotator FROM assignments WHERE article_id = ? ORDER BY annotator"
        return [row[0] for row in self.conn.execute(sql, [article_id])]

    def assignees(self) -> list[str]:
        """Everyone with an article assigned here, by name (one, in a pack)."""
        return [row[0] for row in self.conn.execute("SELECT DISTINCT annotator FROM assignments ORDER BY annotator")]

    def updated_at(self, article_id: str, annotator: str) -> str | None:
        """When this annotator's work on the article last changed (None before any)."""
        row = self.conn.execute(
            "SELECT updated_at FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        ).fetchone()
        return row[0] if row else None

    def spans(self, article_id: str, annotator: str) -> list[SpanRow]:
        sql = 'SELECT * FROM spans WHERE article_id = ? AND annotator = ? ORDER BY start, "end", id'
        return [annotation_span(row) for row in self._rows(sql, [article_id, annotator])]

    def suggestions(self, article_id: str) -> list[SuggestionRow]:
        sql = 'SELECT * FROM suggestions WHERE article_id = ? ORDER BY start, "end", id'
        return [pending_suggestion(row) for row in self._rows(sql, [article_id])]

    def suggestions_seen(self, article_id: str, annotator: str) -> list[SuggestionRow]:
        """The suggestions this annotator could have seen: the ones they decided on, and the current ones
        (`store.current`) that were there at their last change to the article. One a later suggester made after
        they finished, or an older version's that only someone else decided on, was never offered to them; nor
        was a current one with the offer of one they decided on (`store.current.is_pending`: their decision on
        the earlier one is what counts, once). Work whose status came by `annotator import` was done elsewhere,
        never shown ours: only the suggestions its file answered (`status_by_import`)."""
        sql = """SELECT g.*, EXISTS (SELECT 1 FROM decisions d WHERE d.suggestion_id = g.id AND d.annotator = ?)
                     AS theirs, n.updated_at IS NULL OR g.created_at <= n.updated_at AS there
                 FROM suggestions g LEFT JOIN annotations n ON n.article_id = g.article_id AND n.annotator = ?
                 WHERE g.article_id = ? ORDER BY g.start, g."end", g.id"""
        offered = undecided_ids(self.conn, article_id, annotator)
        if self.status_by_import(article_id, annotator):
            offered = set()  # another tool's work: only what its file answered (binary answers' decisions)
        rows = self._rows(sql, [annotator, annotator, article_id])
        return [pending_suggestion(row) for row in rows if row["theirs"] or (row["there"] and row["id"] in offered)]

    def status_by_import(self, article_id: str, annotator: str) -> bool:
        """Whether the annotator's status on the article came by `annotator import` (`store.current`): another
        tool's work, where the suggestions were never shown."""
        return (article_id, annotator) in status_by_import(self.conn, article_id)

    def pending(self, article_id: str, annotator: str, *, done_settles: bool = True) -> list[SuggestionRow]:
        """What this annotator is asked about (`store.current.is_pending`): the current suggestions whose span and
        label they have neither decided on (in this suggestion or an earlier version's) nor marked as a span.
        `done_settles` False: on an article they marked done, what they would be asked about were it not done."""
        asked = pending_ids(self.conn, article_id, annotator, done_settles=done_settles)
        sql = 'SELECT * FROM suggestions WHERE article_id = ? ORDER BY start, "end", id'
        return [pending_suggestion(row) for row in self._rows(sql, [article_id]) if row["id"] in asked]

    def imported_span_ids(self, article_id: str, annotator: str) -> set[int]:
        """The ids of the spans `annotator import` wrote here (its event's spans; an edit since keeps a span's id):
        another tool's work, where the suggestions were never shown."""
        sql = """SELECT json_extract(s.value, '$.id') FROM events e, json_each(e.after, '$.spans') s
                 WHERE e.article_id = ? AND e.annotator = ? AND e.action = 'import'"""
        return {row[0] for row in self.conn.execute(sql, [article_id, annotator]) if row[0] is not None}

    def command_span_ids(self, article_id: str, annotator: str) -> set[int]:
        """The ids of the spans a command wrote here without a screen (`annotator accept`: its events name their
        `command`; an edit since keeps a span's id, and tells what became of it)."""
        sql = """SELECT json_extract(s.value, '$.id') FROM events e, json_each(e.after, '$.spans') s
                 WHERE e.article_id = ? AND e.annotator = ? AND json_extract(e.after, '$.command') IS NOT NULL"""
        return {row[0] for row in self.conn.execute(sql, [article_id, annotator]) if row[0] is not None}

    def decisions(self, article_id: str, annotator: str) -> dict[int, str]:
        """Suggestion id -> "accepted" or "rejected", for the suggestions this annotator decided on."""
        sql = "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ?"
        return {r["suggestion_id"]: r["decision"] for r in self._rows(sql, [article_id, annotator])}

    def view(self, article_id: str, annotator: str) -> ArticleRows:
        """Everything a screen shows of one article for one annotator; from now on, edits are checked against it.

        Plain rows (see `annotator.store.view`). It lists every suggestion and the ids this
        annotator decided on, so a screen can show a suggestion again when an undo makes it pending."""
        self.watch(article_id, annotator)
        return read_view(self.conn, article_id, annotator)

    def annotators(self) -> list[str]:
        """Everyone with work that stands: a status beyond `to do`, or spans (opening an article alone is neither).
        A model's name (`model:...`, an earlier release's import of `export --suggestions`) is nobody."""
        sql = f"""SELECT DISTINCT annotator FROM annotations n WHERE {STANDS}
                  AND substr(annotator, 1, ?) != ? ORDER BY annotator"""
        return [r["annotator"] for r in self._rows(sql, [len(MODEL_PREFIX), MODEL_PREFIX])]

    def finished_annotators(self) -> list[str]:
        """Everyone who marked at least one article done (a model's name is nobody, as in `annotators`)."""
        sql = """SELECT DISTINCT annotator FROM annotations WHERE status = 'done' AND substr(annotator, 1, ?) != ?
                 ORDER BY annotator"""
        return [r["annotator"] for r in self._rows(sql, [len(MODEL_PREFIX), MODEL_PREFIX])]

    def edited(self, article_id: str, annotator: str) -> bool:
        """Whether the annotator ever edited the article (the work may since be undone back to nothing)."""
        return edited(self.conn, article_id, annotator)

    def events(self, article_id: str | None = None, annotator: str | None = None) -> list[Event]:
        clauses, params = [], []
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        if annotator is not None:
            clauses.append("annotator = ?")
            params.append(annotator)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return [
            Event(**{**row, "before": json.loads(row["before"]), "after": json.loads(row["after"])})
            for row in self._rows(f"SELECT * FROM events {where} ORDER BY id", params)
        ]

    def stats(self) -> dict[str, Any]:
        by_status = list(
            self._rows(
                f"SELECT annotator, status, COUNT(*) AS articles FROM annotations n WHERE {STANDS} "
                "GROUP BY annotator, status ORDER BY annotator, status"
            )
        )
        by_suggester = sorted(
            self._rows("SELECT suggester, label, COUNT(*) AS suggestions FROM suggestions GROUP BY suggester, label"),
            key=lambda row: (suggester_order(row["suggester"]), row["label"]),
        )
        return {
            "articles": self.count("articles"),
            "suggestions": self.count("suggestions"),
            "spans": self.count("spans"),
            "events": self.count("events"),
            "suggestions_by_label": by_suggester,
            "annotations": by_status,
            "left_undecided": left_undecided(self.conn),
        }

    def left_undecided(self) -> list[tuple[str, int, int]]:
        """`store.current.left_undecided`: per annotator, the suggestions left undecided on their done articles."""
        return left_undecided(self.conn)

    def annotated_articles(self, annotator: str) -> list[tuple[str, Status, str | None]]:
        """(article id, status, updated_at) of every article this annotator has touched, in ingest order."""
        sql = f"""SELECT n.article_id, n.status, n.updated_at FROM annotations n JOIN articles a ON a.id = n.article_id
                  WHERE n.annotator = ? AND {STANDS} ORDER BY a.rowid"""
        return [(r["article_id"], Status(r["status"]), r["updated_at"]) for r in self._rows(sql, [annotator])]

    def articles_annotated_by(self, annotators: list[str], statuses: list[Status]) -> list[str]:
        """Articles that every one of these annotators has in one of these statuses, in ingest order."""
        who, which = ",".join("?" * len(annotators)), ",".join("?" * len(statuses))
        sql = f"""SELECT n.article_id FROM annotations n JOIN articles a ON a.id = n.article_id
                  WHERE n.annotator IN ({who}) AND n.status IN ({which})
                  GROUP BY n.article_id HAVING COUNT(DISTINCT n.annotator) = ? ORDER BY MIN(a.rowid)"""
        params = [*annotators, *(Status(s).value for s in statuses), len(set(annotators))]
        return [r["article_id"] for r in self._rows(sql, params)]

    def span_rows(self, annotators: list[str]) -> Iterator[tuple[str, str, int, int, str, int | None, int | None]]:
        """(article id, annotator, start, end, label, speaker start, speaker end) of every current span of these
        annotators: plain tuples, as bulk figures turn them into arrays without a model per span."""
        who = ",".join("?" * len(annotators))
        yield from self.conn.execute(
            f'SELECT article_id, annotator, start, "end", label, speaker_start, speaker_end FROM spans '
            f'WHERE annotator IN ({who}) ORDER BY article_id, annotator, start, "end", id',
            annotators,
        )

    def token_offsets(self, article_ids: Iterable[str]) -> dict[str, list[list[int]]]:
        """Stored [start, end] token pairs of these articles, unparsed into models: bulk figures need arrays."""
        wanted = set(article_ids)
        return {
            r["id"]: json.loads(r["tokens"]) if r["tokens"] else []
            for r in self._rows("SELECT id, tokens FROM articles")
            if r["id"] in wanted
        }

    def suggesters(self, article_id: str | None = None) -> list[str]:
        """The suggester versions stored (of one article), by kind and version number (`suggester_order`)."""
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        names = [r["suggester"] for r in self._rows(f"SELECT DISTINCT suggester FROM suggestions {where}", params)]
        return sorted(names, key=suggester_order)

    def current_suggestions(self, article_id: str) -> list[SuggestionRow]:
        """What the model suggests now (`store.current`): for each kind of suggester (entities, quotes), the newest
        batch of the suggester that wrote last. An older version's rows stay only because someone decided on them
        (`annotator suggest` replaced the rest), so they are not current."""
        current = current_suggesters(self.conn, article_id)
        return [row for row in self.latest_suggestions(article_id) if row.suggester in current]

    def latest_suggestions(self, article_id: str) -> list[SuggestionRow]:
        """Each suggester's newest batch for this article: older batches stay only because someone decided on
        them (see `replace_suggestions`), so they are not what the model suggests now."""
        sql = f'SELECT g.* FROM suggestions g {NEWEST_BATCH} WHERE g.article_id = ? ORDER BY g.start, g."end", g.id'
        return [pending_suggestion(row) for row in self._rows(sql, [article_id, article_id])]

"""Opening the database and reading from it: articles, suggestions and each annotator's current state."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from annotator.errors import NotFound
from annotator.rows import Article, ArticleRows, ArticleSummary, Event, Offsets, SpanLike, SpanRow, SuggestionRow, Token
from annotator.store.opening import DatabaseError as DatabaseError  # re-exported: callers import it from here
from annotator.store.opening import WriteFailed, is_writable, open_database, write_failed
from annotator.store.view import read_view
from annotator.vocabulary import Label, Status, content_hash, utc_now

if TYPE_CHECKING:
    from sqlite_utils import Database

    from annotator.models import ArticleIn, Suggestion

# The store reads and hands out the plain rows of `annotator.rows`; it takes pydantic records (ArticleIn,
# Suggestion) only as values to store, so opening a store, `view()` and every edit load no pydantic.

COUNTED_TABLES = frozenset({"articles", "suggestions", "spans", "decisions", "annotations", "events"})
DEFAULT_DB = "annotations.db"
TEXT_CACHE_SIZE = 8


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _speaker(row: dict[str, Any]) -> Offsets | None:
    if row.get("speaker_start") is None:
        return None
    return Offsets(row["speaker_start"], row["speaker_end"])


def span_row(span: SpanLike) -> dict[str, Any]:
    """The columns a span shares with every span-like table."""
    return {
        "start": span.start,
        "end": span.end,
        "label": span.label.value,
        "text": span.text,
        "speaker_start": span.speaker.start if span.speaker else None,
        "speaker_end": span.speaker.end if span.speaker else None,
    }


def annotation_span(row: dict[str, Any]) -> SpanRow:
    """An annotator's span from its row (a table's, or an event's)."""
    speaker = _speaker(row)
    return SpanRow(
        row["id"], row["start"], row["end"], Label(row["label"]), row["text"], speaker, row.get("suggestion_id")
    )


def pending_suggestion(row: dict[str, Any]) -> SuggestionRow:
    speaker = _speaker(row)
    label = Label(row["label"])
    return SuggestionRow(
        row["id"], row["start"], row["end"], label, row["text"], speaker, None, row["suggester"], row["score"]
    )


class Reader:
    """Queries over one database; the editing operations live in `annotator.store.edits.Store`."""

    def __init__(self, conn: sqlite3.Connection, path: str | Path | None = None, read_only: bool = False) -> None:
        self.conn = conn
        self.path = Path(path) if path else None
        self.read_only = read_only
        self._texts: dict[str, str] = {}
        self._seen: dict[tuple[str, str], int] = {}  # (article, annotator) -> the version last shown
        self._seen_pending: dict[tuple[str, str], int] = {}  # versions written by the open transaction

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, read_only: bool | None = None, create: bool = True) -> Self:
        """Open (creating, unless `create` is False) a database; with `read_only` None, read-only exactly when
        this process cannot write it."""
        path = Path(path)
        if read_only is None:
            read_only = path.exists() and path.stat().st_size > 0 and not is_writable(path)
        return cls(open_database(path, read_only, create), path, read_only)

    @property
    def notice(self) -> str:
        """One line to show while the database cannot be changed; empty when it can."""
        if not self.read_only:
            return ""
        return f"{self.path or 'the database'} is read-only: open for viewing, changes cannot be saved"

    @cached_property
    def db(self) -> Database:
        """The same connection as a sqlite-utils Database, for table-level helpers (imported when first used)."""
        from sqlite_utils import Database

        return Database(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[None]:
        """One IMMEDIATE transaction: takes the write lock first, so reads inside it cannot go stale.

        Any failure rolls the whole transaction back; SQLite's (disk full, read-only, locked for longer than
        the busy timeout) become `WriteFailed`, one line saying nothing was saved.
        """
        if self.read_only:
            raise WriteFailed(f"not saved: {self.path} is read-only")
        if self.in_transaction():  # joined by an outer write(): that one commits or rolls back
            yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise write_failed(self.path, error) from None
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as error:
            self._seen_pending.clear()
            if self.in_transaction():
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error) and type(error) in (sqlite3.OperationalError, sqlite3.DatabaseError):
                raise write_failed(self.path, error) from None
            raise
        self._seen.update(self._seen_pending)
        self._seen_pending.clear()

    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def version(self, article_id: str, annotator: str) -> int:
        """The id of the newest event in this annotator's annotation of an article (0 before any edit)."""
        row = self.conn.execute(
            "SELECT MAX(id) FROM events WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        ).fetchone()
        return row[0] or 0

    def watch(self, article_id: str, annotator: str) -> int:
        """Remember the version now shown to the user; `view()` does this.

        Until the article is read again, an edit through this Store is refused with `Conflict` when another
        process (another window of the same annotator) has changed this annotation since.
        """
        version = self.version(article_id, annotator)
        self._seen[(article_id, annotator)] = version
        return version

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))

    # -- articles -------------------------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        return [r["id"] for r in self._rows("SELECT id FROM articles ORDER BY rowid")]

    def count(self, table: str) -> int:
        if table not in COUNTED_TABLES:
            raise ValueError(f"not a table of the store: {table}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def has_article(self, article: ArticleIn) -> str | None:
        """The stored id of this article (same id or same text), or None when it is new."""
        for row in self._rows(
            "SELECT id FROM articles WHERE id = ? OR content_hash = ?", [article.article_id, content_hash(article.text)]
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
        raise NotFound(f"no article with id {article_id!r}")

    def article_text(self, article_id: str) -> str:
        """Article texts never change once stored, so they are cached (a few, for the articles being edited)."""
        if article_id not in self._texts:
            row = self.conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
            if row is None:
                raise NotFound(f"no article with id {article_id!r}")
            if len(self._texts) >= TEXT_CACHE_SIZE:
                self._texts.pop(next(iter(self._texts)))
            self._texts[article_id] = row[0]
        return self._texts[article_id]

    def tokens(self, article_id: str) -> list[Token]:
        for row in self._rows("SELECT tokens FROM articles WHERE id = ?", [article_id]):
            pairs = json.loads(row["tokens"]) if row["tokens"] else []
            return [Token(start, end) for start, end in pairs]
        raise NotFound(f"no article with id {article_id!r}")

    def articles_without_suggestions(self, suggesters: Iterable[str]) -> list[str]:
        """Articles lacking a suggestion from one of these suggester versions (never suggested, or older)."""
        names = list(suggesters)
        marks = ",".join("?" * len(names))
        sql = f"""SELECT id FROM articles a WHERE NOT EXISTS (
                      SELECT 1 FROM suggestions s WHERE s.article_id = a.id AND s.suggester IN ({marks}))
                  ORDER BY rowid"""
        return [r["id"] for r in self._rows(sql, names)]

    def summaries(self, annotator: str) -> list[ArticleSummary]:
        sql = """
            SELECT a.id, a.title, a.chars, COALESCE(n.status, 'todo') AS status,
                (SELECT COUNT(*) FROM spans s WHERE s.article_id = a.id AND s.annotator = :who) AS spans,
                (SELECT COUNT(*) FROM suggestions g WHERE g.article_id = a.id AND NOT EXISTS (
                    SELECT 1 FROM decisions d WHERE d.suggestion_id = g.id AND d.annotator = :who)) AS pending
            FROM articles a LEFT JOIN annotations n ON n.article_id = a.id AND n.annotator = :who
            ORDER BY a.rowid"""
        cursor = self.conn.execute(sql, {"who": annotator})
        return [ArticleSummary(i, t, c, Status(s), n, p) for i, t, c, s, n, p in cursor]

    def last_opened(self, annotator: str) -> str | None:
        """The article this annotator had open last, to resume where they left off."""
        sql = """SELECT article_id FROM annotations WHERE annotator = ? AND opened_at IS NOT NULL
                 ORDER BY opened_at DESC LIMIT 1"""
        for row in self._rows(sql, [annotator]):
            return str(row["article_id"])
        return None

    # -- one annotator's state --------------------------------------------------------------------------------

    def status(self, article_id: str, annotator: str) -> Status:
        for row in self._rows(
            "SELECT status FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        ):
            return Status(row["status"])
        return Status.TODO

    def spans(self, article_id: str, annotator: str) -> list[SpanRow]:
        sql = 'SELECT * FROM spans WHERE article_id = ? AND annotator = ? ORDER BY start, "end", id'
        return [annotation_span(row) for row in self._rows(sql, [article_id, annotator])]

    def suggestions(self, article_id: str) -> list[SuggestionRow]:
        sql = 'SELECT * FROM suggestions WHERE article_id = ? ORDER BY start, "end", id'
        return [pending_suggestion(row) for row in self._rows(sql, [article_id])]

    def pending(self, article_id: str, annotator: str) -> list[SuggestionRow]:
        """Suggestions this annotator has not decided on, minus those that repeat a span they already have."""
        sql = """SELECT g.* FROM suggestions g WHERE g.article_id = ? AND NOT EXISTS (
                     SELECT 1 FROM decisions d WHERE d.suggestion_id = g.id AND d.annotator = ?)
                 ORDER BY g.start, g."end", g.id"""
        have = {(s.start, s.end, s.label) for s in self.spans(article_id, annotator)}
        rows = (pending_suggestion(row) for row in self._rows(sql, [article_id, annotator]))
        return [s for s in rows if (s.start, s.end, s.label) not in have]

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
        """Everyone with work that stands: a status beyond `to do`, or spans (opening an article alone is neither)."""
        sql = """SELECT DISTINCT annotator FROM annotations n WHERE status != 'todo' OR EXISTS (
                     SELECT 1 FROM spans s WHERE s.article_id = n.article_id AND s.annotator = n.annotator)
                 ORDER BY annotator"""
        return [r["annotator"] for r in self._rows(sql)]

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
                "SELECT annotator, status, COUNT(*) AS articles FROM annotations "
                "GROUP BY annotator, status ORDER BY annotator, status"
            )
        )
        by_suggester = list(
            self._rows(
                "SELECT suggester, label, COUNT(*) AS suggestions FROM suggestions "
                "GROUP BY suggester, label ORDER BY suggester, label"
            )
        )
        return {
            "articles": self.count("articles"),
            "suggestions": self.count("suggestions"),
            "spans": self.count("spans"),
            "events": self.count("events"),
            "suggestions_by_label": by_suggester,
            "annotations": by_status,
        }

    # -- writes that are not annotation edits ---------------------------------------------------------------

    def add_articles(
        self, articles: Iterable[tuple[ArticleIn, list[Token] | None, list[Suggestion]]]
    ) -> tuple[list[str], list[str]]:
        """Store new articles with their tokens and suggestions in one transaction: all or nothing.

        Returns (added ids, ids skipped because the same article is already stored).
        """
        added: list[str] = []
        skipped: list[str] = []
        with self.write():
            for article, tokens, suggestions in articles:
                existing = self.has_article(article)
                if existing is not None:
                    skipped.append(existing)
                    continue
                self.insert_article(article, tokens, suggestions)
                added.append(article.article_id)
        return added, skipped

    def insert_article(self, article: ArticleIn, tokens: list[Token] | None, suggestions: list[Suggestion]) -> None:
        """Insert one new article; the caller holds the transaction."""
        now = utc_now()
        self.conn.execute(
            "INSERT INTO articles (id, title, text, meta, content_hash, chars, tokens, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article.article_id,
                article.title,
                article.text,
                _json(article.meta),
                content_hash(article.text),
                len(article.text),
                _json([[t.start, t.end] for t in tokens]) if tokens is not None else None,
                now,
            ],
        )
        self._insert_suggestions(article.article_id, suggestions, now)

    def _insert_suggestions(self, article_id: str, suggestions: list[Suggestion], now: str) -> None:
        self.conn.executemany(
            'INSERT INTO suggestions (article_id, start, "end", label, text, speaker_start, speaker_end, '
            "suggester, score, created_at) VALUES (:article_id, :start, :end, :label, :text, :speaker_start, "
            ":speaker_end, :suggester, :score, :created_at)",
            [
                {**span_row(s), "article_id": article_id, "suggester": s.suggester, "score": s.score, "created_at": now}
                for s in suggestions
            ],
        )

    def replace_suggestions(self, article_id: str, tokens: list[Token], suggestions: list[Suggestion]) -> None:
        """New suggestions for an article; old ones that an annotator decided on stay, for the record."""
        with self.write():
            self.conn.execute(
                "DELETE FROM suggestions WHERE article_id = ? AND id NOT IN (SELECT suggestion_id FROM decisions) "
                "AND id NOT IN (SELECT suggestion_id FROM spans WHERE suggestion_id IS NOT NULL)",
                [article_id],
            )
            self.conn.execute(
                "UPDATE articles SET tokens = ? WHERE id = ?", [_json([[t.start, t.end] for t in tokens]), article_id]
            )
            self._insert_suggestions(article_id, suggestions, utc_now())

    def save_cursor(self, article_id: str, annotator: str, cursor: int) -> bool:
        """Remember where the annotator is in an article (view state: no event); whether it was saved.

        Never raises for a read-only file or a failed write: losing a cursor position must not stop the
        screen, and the next real edit reports the problem.
        """
        if self.read_only:
            return False
        try:
            with self.write():
                self.conn.execute(
                    "INSERT INTO annotations (article_id, annotator, cursor, opened_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (article_id, annotator) DO UPDATE SET cursor = excluded.cursor, "
                    "opened_at = excluded.opened_at",
                    [article_id, annotator, cursor, utc_now()],
                )
        except WriteFailed:
            return False
        return True

    def annotated_articles(self, annotator: str) -> list[tuple[str, Status, str | None]]:
        """(article id, status, updated_at) of every article this annotator has touched, in ingest order."""
        sql = """SELECT n.article_id, n.status, n.updated_at FROM annotations n JOIN articles a ON a.id = n.article_id
                 WHERE n.annotator = ? AND (n.status != 'todo' OR EXISTS (
                     SELECT 1 FROM spans s WHERE s.article_id = n.article_id AND s.annotator = n.annotator))
                 ORDER BY a.rowid"""
        return [(r["article_id"], Status(r["status"]), r["updated_at"]) for r in self._rows(sql, [annotator])]

    # -- bulk reads for agreement and adjudication ------------------------------------------------------------

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
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        return [
            r["suggester"] for r in self._rows(f"SELECT DISTINCT suggester FROM suggestions {where} ORDER BY 1", params)
        ]

    def latest_suggestions(self, article_id: str) -> list[SuggestionRow]:
        """Each suggester's newest batch for this article: older batches stay only because someone decided on
        them (see `replace_suggestions`), so they are not what the model suggests now."""
        sql = """SELECT g.* FROM suggestions g WHERE g.article_id = ? AND g.created_at = (
                     SELECT MAX(h.created_at) FROM suggestions h WHERE h.article_id = g.article_id
                     AND h.suggester = g.suggester)
                 ORDER BY g.start, g."end", g.id"""
        return [pending_suggestion(row) for row in self._rows(sql, [article_id])]

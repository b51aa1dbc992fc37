"""The database schema, created and evolved through ordered, recorded migrations.

Each migration runs in a transaction with the record of it having been applied, so a database is always
at one known version. Names are plain so the tables read well in sqlite-utils or Datasette.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # sqlite-utils is imported only when a migration is pending: opening stays quick
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "annotator"
#: The number of migrations below, recorded in `PRAGMA user_version` (a test keeps the two equal).
SCHEMA_VERSION = 6
#: The oldest schema a command that only reads takes as it is: what later migrations add (the title search
#: index) is derived from the tables, and its readers do without it. An older file is read through an upgraded
#: copy in memory (`annotator.store.opening`), which for a newsroom-size file would be the whole file in memory.
READABLE_AS_IS = 3


class Executes(Protocol):
    """What a migration uses of its database: sqlite-utils' `Database` when applied, a bare connection when
    `made_by_migrations` runs it (so opening a file need not import sqlite-utils)."""

    def execute(self, sql: str, /) -> Any: ...


LABELS_CHECK = "label IN ('ACTOR', 'LOCATION', 'FIGURE', 'QUOTE')"
STATUS_CHECK = "status IN ('todo', 'in_progress', 'done', 'skipped', 'flagged')"


def initial(db: Executes) -> None:
    for statement in _statements(
        f"""
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{{}}',
            content_hash TEXT NOT NULL UNIQUE,
            chars INTEGER NOT NULL,
            tokens TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL CHECK ({LABELS_CHECK}),
            text TEXT NOT NULL,
            speaker_start INTEGER,
            speaker_end INTEGER,
            suggester TEXT NOT NULL,
            score REAL,
            created_at TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX suggestions_by_article ON suggestions(article_id);
        CREATE TABLE annotations (
            article_id TEXT NOT NULL REFERENCES articles(id),
            annotator TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'todo' CHECK ({STATUS_CHECK}),
            cursor INTEGER NOT NULL DEFAULT 0,
            started_at TEXT,
            updated_at TEXT,
            opened_at TEXT,
            PRIMARY KEY (article_id, annotator)
        );
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL REFERENCES articles(id),
            annotator TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL CHECK ({LABELS_CHECK}),
            text TEXT NOT NULL,
            speaker_start INTEGER,
            speaker_end INTEGER,
            suggestion_id INTEGER REFERENCES suggestions(id),
            CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX spans_by_article ON spans(article_id, annotator);
        CREATE TABLE decisions (
            suggestion_id INTEGER NOT NULL REFERENCES suggestions(id),
            annotator TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
            PRIMARY KEY (suggestion_id, annotator)
        );
        CREATE INDEX decisions_by_article ON decisions(article_id, annotator);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL REFERENCES articles(id),
            annotator TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            target INTEGER REFERENCES events(id),
            at TEXT NOT NULL
        );
        CREATE INDEX events_by_article ON events(article_id, annotator);
        CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE VIEW current_annotations AS
            SELECT a.title AS article_title, s.article_id, s.annotator, n.status, s.label, s.start, s."end",
                   s.text, s.speaker_start, s.speaker_end, s.suggestion_id, n.updated_at
            FROM spans s
            JOIN articles a ON a.id = s.article_id
            LEFT JOIN annotations n ON n.article_id = s.article_id AND n.annotator = s.annotator
            ORDER BY s.article_id, s.annotator, s.start, s."end";
        """
    ):
        db.execute(statement)


def assignments(db: Executes) -> None:
    """Who annotates which article (`annotator assign`): one row per article and annotator, with the place the
    article takes in that annotator's queue and the assignment run (`batch`) that made it. Each row is also an
    `assign` event of that annotator on that article (an `unassign` event when a reassignment takes it away).

    Two indexes serve the article list of a large database (`annotator.store.listing`): titles (searched
    without reading the articles' pages) and each annotator's statuses."""
    for statement in _statements(
        """
        CREATE TABLE assignments (
            article_id TEXT NOT NULL REFERENCES articles(id),
            annotator TEXT NOT NULL,
            position INTEGER NOT NULL,
            batch INTEGER NOT NULL,
            assigned_at TEXT NOT NULL,
            PRIMARY KEY (article_id, annotator)
        );
        CREATE INDEX assignments_by_annotator ON assignments(annotator, position);
        CREATE INDEX articles_by_title ON articles(title);
        CREATE INDEX annotations_by_annotator ON annotations(annotator, status, article_id);
        """
    ):
        db.execute(statement)


def comments_and_flag_reasons(db: Executes) -> None:
    """Why an article was flagged (with its status), and comments anyone leaves on an article."""
    for statement in _statements(
        """
        ALTER TABLE annotations ADD COLUMN flag_reason TEXT;
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL REFERENCES articles(id),
            annotator TEXT NOT NULL,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            at TEXT NOT NULL
        );
        CREATE INDEX comments_by_article ON comments(article_id, id);
        """
    ):
        db.execute(statement)


def title_search(db: Executes) -> None:
    """A trigram index of the titles, for the article list's title search (`annotator.store.rowkeys`): a needle
    of three characters or more finds its titles through the index instead of reading every title (100,000
    titles: "storm" in 0.6 ms of CPU instead of 14). An external-content FTS5 table (it stores no copy of the
    titles), kept in step with `articles` by triggers, so any program that writes the table keeps it right;
    this migration fills it from the titles already stored."""
    for statement in _statements(
        """
        CREATE VIRTUAL TABLE title_search USING fts5(
            title, content='articles', content_rowid='rowid', tokenize='trigram'
        );
        CREATE TRIGGER title_search_insert AFTER INSERT ON articles BEGIN
            INSERT INTO title_search (rowid, title) VALUES (new.rowid, new.title);
        END;
        CREATE TRIGGER title_search_delete AFTER DELETE ON articles BEGIN
            INSERT INTO title_search (title_search, rowid, title) VALUES ('delete', old.rowid, old.title);
        END;
        CREATE TRIGGER title_search_update AFTER UPDATE OF title ON articles BEGIN
            INSERT INTO title_search (title_search, rowid, title) VALUES ('delete', old.rowid, old.title);
            INSERT INTO title_search (rowid, title) VALUES (new.rowid, new.title);
        END;
        INSERT INTO title_search (title_search) VALUES ('rebuild');
        """
    ):
        db.execute(statement)


def pipeline_learned(db: Executes) -> None:
    """Which articles the pipeline of a trained pipeline's suggestions learned from (`annotator.store.pipelines`):
    `suggest --model FOLDER` (and `ingest --model`) records what the folder's meta.json names (text hashes and
    article ids) under the pipeline's hash, the one after "@" in its suggestions' names, so `evaluate` leaves those
    articles out of a score of the stored suggestions without the folder (a newcomer's finding: all 8 articles were
    scored, 6 of them learned). No foreign key: the articles a pipeline learned need not be in this database."""
    for statement in _statements(
        """
        CREATE TABLE pipeline_learned (
            pipeline TEXT NOT NULL,
            learned TEXT NOT NULL,
            PRIMARY KEY (pipeline, learned)
        );
        """
    ):
        db.execute(statement)


def sessions(db: Executes) -> None:
    """When a person opened and left an article on a screen (`annotator.store.sessions`): one row an article opened,
    ended when the screen goes on to another article or quits (`closed_at` NULL: still open, or the screen ended
    without quitting). Rows of their own, never events: undo and redo do not see them, and `stats`' time spent
    leaves out the time between one session and the next. `reviewer`: who opened gold on the review screen. No
    foreign key: a session is a record of a screen, not of the article's content."""
    for statement in _statements(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            reviewer TEXT,
            opened_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX sessions_by_annotator ON sessions(annotator, opened_at);
        """
    ):
        db.execute(statement)


def _statements(script: str) -> list[str]:
    """Split a script into statements: executescript() would commit the migration's transaction."""
    statements, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if line.rstrip().endswith(";") and ("BEGIN" not in current or line.rstrip().endswith("END;")):
            statements.append(current.strip())
            current = ""
    return statements


#: The migrations by name, in order; add a new one at the end and bump SCHEMA_VERSION.
ORDERED = (
    ("0001_initial", initial),
    ("0002_assignments", assignments),
    ("0003_comments_and_flag_reasons", comments_and_flag_reasons),
    ("0004_title_search", title_search),
    ("0005_pipeline_learned", pipeline_learned),
    ("0006_sessions", sessions),
)


@cache
def migrations() -> Migrations:
    """The ordered migrations; add a new one at the end and bump SCHEMA_VERSION."""
    from sqlite_utils import Migrations

    ordered = Migrations(MIGRATION_SET)
    for name, step in ORDERED:
        ordered(name=name)(step)
    return ordered


def migrate(db: Database | sqlite3.Connection, migration_set: Migrations | None = None) -> None:
    """Bring the database to the newest schema: every pending migration and the new version, one transaction.

    Nothing is written when nothing is pending; a failing migration leaves the database as it was.
    """
    if migration_set is None:
        if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
            return  # user_version is set in the transaction that applies the last migration
        migration_set = migrations()
    if isinstance(db, sqlite3.Connection):
        from sqlite_utils import Database

        db = Database(db)
    version = len(migration_set._migrations)
    if not migration_set.pending(db) and db.execute("PRAGMA user_version").fetchone()[0] == version:
        return
    db.execute("BEGIN IMMEDIATE")  # a second process opening the file at once waits, then finds nothing pending
    try:
        _apply(db, migration_set)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def migrate_in_transaction(db: sqlite3.Connection) -> None:
    """Every pending migration inside the caller's open write transaction, committed or rolled back with it: an
    older release's file is upgraded by the first write of a command, never by a command that writes nothing
    (`annotator.store.upgrading`)."""
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    from sqlite_utils import Database

    _apply(Database(db), migrations())


def _apply(db: Database, migration_set: Migrations) -> None:
    migration_set.apply(db)  # each migration is a savepoint inside the open transaction
    db.execute(f"PRAGMA user_version = {len(migration_set._migrations)}")

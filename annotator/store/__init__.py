"""The only package with SQL: one SQLite file through sqlite-utils, every edit a transaction with its event.

Connection (open, transactions) < Reader (queries) < ArticleWriter (articles, suggestions, cursors) < Changes
(committing an edit with its event) < ScreenEvents (a screen's own events) < History (undo, redo) < Deciding
(decisions on suggestions) < Store (the edits of spans): one class per module, each adding one concern; callers use
`Store`, or `Reader` where they only read.
"""

from annotator.store.connection import DEFAULT_DB, db_option
from annotator.store.edits import Store
from annotator.store.history import replay
from annotator.store.opening import DatabaseError, WriteFailed, open_database
from annotator.store.reads import Reader

__all__ = ["DEFAULT_DB", "DatabaseError", "Reader", "Store", "WriteFailed", "db_option", "open_database", "replay"]

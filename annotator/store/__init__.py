"""The only package with SQL: one SQLite file through sqlite-utils, every edit a transaction with its event."""

from annotator.store.database import DEFAULT_DB, Reader
from annotator.store.edits import Store, replay
from annotator.store.opening import DatabaseError, WriteFailed, open_database

__all__ = ["DEFAULT_DB", "DatabaseError", "Reader", "Store", "WriteFailed", "open_database", "replay"]

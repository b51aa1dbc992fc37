"""The only package with SQL: one SQLite file through sqlite-utils, every edit a transaction with its event."""

from annotator.store.database import DEFAULT_DB, DatabaseError, Reader, open_database
from annotator.store.edits import Store, replay

__all__ = ["DEFAULT_DB", "DatabaseError", "Reader", "Store", "open_database", "replay"]

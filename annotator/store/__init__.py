"""The only package with SQL: one SQLite file through sqlite-utils, every edit a transaction with its event."""

import sys

if "numpy" not in sys.modules:
    # sqlite-utils imports numpy when it can (about 0.2 s) only to accept numpy values in inserts, which the
    # store never makes; hiding it while sqlite-utils loads keeps `annotator` quick to start. numpy imports
    # normally afterwards.
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]

from annotator.store.database import DEFAULT_DB, Reader
from annotator.store.edits import Store, replay
from annotator.store.opening import DatabaseError, WriteFailed, open_database

__all__ = ["DEFAULT_DB", "DatabaseError", "Reader", "Store", "WriteFailed", "open_database", "replay"]

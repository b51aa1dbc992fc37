"""File formats, one module each: reading and writing records, nothing else (no database)."""

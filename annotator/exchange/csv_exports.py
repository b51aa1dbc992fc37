"""CSV and TSV, which annotator does not read, refused in one line that says so: a newcomer gave Label Studio's CSV
export to `ingest` and `import`, and heard "not valid JSON" or "expected a .txt or .jsonl file". Label Studio's is
known by its header, whatever the file's name: its exporter always writes the columns `annotator`, `annotation_id`,
`created_at`, `updated_at` and `lead_time` (label-studio-sdk `converter/exports/csv2.py`), sorted, quoted; any other
file is taken for CSV only by its name (.csv, .tsv) and when it opens no JSON."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.errors import InputError
from annotator.exchange.files import first_line

#: The columns every row of Label Studio's CSV (and TSV) export has.
LABEL_STUDIO_COLUMNS = ("annotation_id", "annotator", "created_at", "lead_time", "updated_at")
#: What to export from Label Studio instead, and what reads it.
_INSTEAD = (
    "export the project as JSON instead (`annotator import FILE --format labelstudio` reads its annotations, "
    "`annotator ingest FILE` its tasks' texts)"
)


def refuse_csv(path: Path, *, articles: bool) -> None:
    """A one-line error at the file's first line if it is CSV or TSV: Label Studio's export by its header, another
    by its name. `articles`: the command reads articles (ingest, predict), else records (import)."""
    first = first_line(path)
    if first is None:
        return
    for separator, kind in ((",", "CSV"), ("\t", "TSV")):
        if not all(column in first for column in LABEL_STUDIO_COLUMNS):
            break  # not its header (and an article of one huge line is never parsed as CSV: csv's field limit)
        try:
            columns = {column.strip() for column in next(csv.reader([first], delimiter=separator), [])}
        except csv.Error:  # a line no CSV reader takes is no export's header
            continue
        if set(LABEL_STUDIO_COLUMNS) <= columns:
            raise InputError(
                f"this is Label Studio's {kind} export (its columns {', '.join(LABEL_STUDIO_COLUMNS)} and the "
                f"task's), which annotator does not read: {_INSTEAD}",
                path=str(path),
                line=1,
            )
    if path.suffix.lower() in (".csv", ".tsv") and not first.lstrip().startswith(("{", "[")):
        wanted = (
            "give articles as .txt files or JSONL (one JSON object a line, its text in 'text')"
            if articles
            else "import reads JSONL, JSON exports, CoNLL and spaCy DocBins (--format)"
        )
        raise InputError(
            f"this is {path.suffix[1:].upper()}, which annotator does not read: {wanted}; from Label Studio, export "
            "the project as JSON",
            path=str(path),
            line=1,
        )

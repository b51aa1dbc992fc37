"""Helpers for the interoperability tests: the real tools' files (fixtures/real/, see PROVENANCE.md), the CLI, and
what a database holds after an import, in a form a test can compare exactly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db_files import count as count  # the interop tests read counts through this module
from typer.testing import CliRunner

from annotator.cli import app

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
#: Label Studio 1.23.2's export of two tasks with one text, and the labelling config of its project: a title shown
#: beside the text, labelled by a control of its own.
TWO_TEXTS = REAL / "labelstudio" / "ls1232_two_texts.json"
LABELS = "".join(f'<Label value="{label}"/>' for label in ("ACTOR", "LOCATION", "FIGURE", "QUOTE"))
TWO_TEXTS_CONFIG = f"""<View>
  <Text name="title" value="$title"/>
  <Labels name="tlabel" toName="title">{LABELS}</Labels>
  <Labels name="label" toName="text">{LABELS}</Labels>
  <Text name="text" value="$text"/>
</View>
"""


def run(*args: str) -> tuple[int, str, str]:
    """The `annotator` command, in-process: (exit status, stdout, stderr)."""
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def annotations(db: Path) -> list[tuple[str, str, str, list[tuple[str, str, str | None]]]]:
    """Every annotation, in ingest order: (article text's first 30 characters, annotator, status, [(label,
    text, speaker's text) by start]). Read with plain SQL, as any tool reading the database would."""
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT a.id, a.text, n.annotator, n.status FROM annotations n JOIN articles a ON a.id = n.article_id "
            "ORDER BY a.rowid, n.rowid"
        ).fetchall()
        result = []
        for article_id, text, who, status in rows:
            spans = connection.execute(
                'SELECT label, start, "end", speaker_start, speaker_end FROM spans WHERE article_id = ? '
                'AND annotator = ? ORDER BY start, "end", label',
                [article_id, who],
            ).fetchall()
            result.append(
                (
                    text[:30],
                    who,
                    status,
                    [(label, text[s:e], None if ss is None else text[ss:se]) for label, s, e, ss, se in spans],
                )
            )
        return result
    finally:
        connection.close()

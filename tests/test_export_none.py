"""An export that finds no record says why (a newcomer's trial: "0 record(s)", an empty file, exit 0, with the
annotator's articles skipped and flagged)."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, small_database

from annotator.store import Store


def test_an_export_of_no_record_names_the_statuses_the_annotator_s_articles_have(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    article = small_database(db)
    with Store.open(db) as store:
        store.set_status(article, "fay", "skipped")
    result = annotator("export", "--annotator", "fay", "-o", "fay.jsonl", "--db", db, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "0 record(s) -> fay.jsonl\n",
        "note: no article of fay's has the status done (1 skipped): --status all exports them all\n",
    )
    assert (tmp_path / "fay.jsonl").read_bytes() == b""
    again = annotator("export", "--annotator", "fay", "--status", "all", "-o", "-", "--db", db, cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "1 record(s) written\n")

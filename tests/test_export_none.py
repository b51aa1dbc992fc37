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


def test_an_export_of_no_record_keeps_the_earlier_export_at_the_default_output(tmp_path: Path) -> None:
    """The default output is named after the annotator alone (exports/fay.jsonl): an export of another database
    where fay finished nothing wrote an empty file over the earlier export (a newcomer's trial, 36). It is kept,
    byte for byte, and the command says so, naming the database it came from; -o names the file to write anyway."""
    done, other = tmp_path / "done.db", tmp_path / "other.db"
    small_database(done)
    with Store.open(done) as store:
        store.set_status(store.article_ids()[0], "fay", "done")
    first = annotator("export", "--annotator", "fay", "--db", done, cwd=tmp_path)
    assert (first.returncode, first.stdout) == (0, "1 record(s) -> exports/fay.jsonl\n")
    before = (tmp_path / "exports" / "fay.jsonl").read_bytes()
    small_database(other)
    with Store.open(other) as store:
        store.set_status(store.article_ids()[0], "fay", "in_progress")
    again = annotator("export", "--annotator", "fay", "--db", other, cwd=tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (
        0,
        "0 record(s): exports/fay.jsonl left as it was: it is the export of another database, "
        f"{done.resolve()} (-o PATH writes this database's empty export; -o exports/fay.jsonl would replace that "
        "one)\n",  # whose it is (attacker 40f): that export is done.db's
        "note: no article of fay's has the status done (1 in_progress): --status all exports them all\n",
    )
    assert (tmp_path / "exports" / "fay.jsonl").read_bytes() == before
    asked = annotator("export", "--annotator", "fay", "--db", other, "-o", "exports/fay.jsonl", cwd=tmp_path)
    assert (asked.returncode, asked.stdout) == (0, "0 record(s) -> exports/fay.jsonl\n")
    assert (tmp_path / "exports" / "fay.jsonl").read_bytes() == b""

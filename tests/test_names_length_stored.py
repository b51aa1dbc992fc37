"""Newcomer-first (high): a name an option gives is at most 50 characters (`store.names.NAME_LIMIT`), but a
database may hold a longer one (a Label Studio user's email an earlier import stored whole): `accept`, `pack`,
`import --annotator`, `annotate` and `review --reviewer` given that stored name refused it as too long, with no way
to work under it. The cap is for names new to the database: one it holds is taken at any length. A new name too
long is refused as before; where the database holds longer names, the line names them and `rename-annotator`. An
import or a merge bringing a new name over the limit is refused in one line naming where (file, line, field; the
other database's table), with the way out. Real console script, real SQLite, a real Label Studio export."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from exchange_support import SMALL, add, build
from processes import annotator, one_error_line
from real_files import REAL

#: A newsroom address of 64 characters, as a Label Studio server exports its user's email.
LONG = "ana.maria.fernandez-rodriguez.newsroom@longregionalpaper.example"
EXPORT = REAL / "labelstudio" / "ls1232_export.json"
TOO_LONG = (
    "an annotator's name may be at most 50 characters (it names the export file exports/NAME.jsonl): this one has 64"
)


def stored_long(folder: Path, name: str = LONG, db: str = "a.db") -> bytes:
    """a.db: alice's two articles, and `name`'s work (a LOCATION, done) on the first, as an earlier import stored
    it; its bytes, written through."""
    with build(folder / db) as store:
        small, _ = store.article_ids()
        add(store, small, name, SMALL, "Gaza", "LOCATION")
        store.set_status(small, name, "done")
    with sqlite3.connect(folder / db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return (folder / db).read_bytes()


def work(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute("SELECT annotator, status FROM annotations ORDER BY annotator, article_id"))


def test_accept_takes_a_long_name_the_database_holds(tmp_path: Path) -> None:
    stored_long(tmp_path)
    result = annotator("accept", "--annotator", LONG, "--db", "a.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == f"{LONG}: 0 suggestion(s) accepted in 0 article(s) -> a.db"


def test_pack_takes_a_long_name_the_database_holds(tmp_path: Path) -> None:
    stored_long(tmp_path)
    annotator("assign", "--annotators", f"alice,{LONG}", "--overlap", "2", "--db", "a.db", cwd=tmp_path)
    result = annotator("pack", "--annotator", LONG, "--db", "a.db", "-o", "p.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"2 article(s), 1 suggestion(s) for {LONG} -> p.db\n",
        "",
    )


def test_import_annotator_takes_a_long_name_the_database_holds(tmp_path: Path) -> None:
    stored_long(tmp_path)
    assert annotator("export", "--annotator", LONG, "--db", "a.db", "-o", "long.jsonl", cwd=tmp_path).returncode == 0
    shutil.copy(tmp_path / "a.db", tmp_path / "b.db")
    result = annotator("import", "long.jsonl", "--annotator", LONG, "--db", "b.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert work(tmp_path / "b.db") == work(tmp_path / "a.db")


def test_the_screen_takes_a_long_name_the_database_holds(tmp_path: Path) -> None:
    """Without a terminal the screen is refused for that, not for the name's length."""
    stored_long(tmp_path)
    result = annotator("annotate", "--annotator", LONG, "--db", "a.db", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("annotator: error: the annotation screen needs a terminal"), result.stderr


def test_review_takes_a_long_reviewer_the_database_holds(tmp_path: Path) -> None:
    stored_long(tmp_path)
    result = annotator("review", "--reviewer", LONG, "--db", "a.db", cwd=tmp_path)
    assert "at most 50 characters" not in result.stderr


def test_a_new_long_name_is_refused_naming_the_stored_ones_and_rename(tmp_path: Path) -> None:
    """A name one character off the stored one (a mistyped copy) is new: refused, and the line says which longer
    names the database holds and how to shorten one."""
    before = stored_long(tmp_path)
    typo = LONG.replace("maria", "marie")
    result = annotator("accept", "--annotator", typo, "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"--annotator: {TOO_LONG}; a.db holds no such name (its longer names, such as {LONG!r}, work as they are; "
        f"`annotator rename-annotator {LONG} NEW --db a.db` gives one a shorter name)"
    )
    assert (tmp_path / "a.db").read_bytes() == before


def test_a_new_long_name_in_a_database_without_long_names_is_refused_as_before(tmp_path: Path) -> None:
    stored_long(tmp_path)
    annotator("rename-annotator", LONG, "ana", "--db", "a.db", cwd=tmp_path)
    result = annotator("accept", "--annotator", LONG + "x", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == f"--annotator: {TOO_LONG.replace('64', '65')}"


def test_a_label_studio_email_over_the_limit_is_refused_naming_user_map(tmp_path: Path) -> None:
    tasks = json.loads(EXPORT.read_text("utf-8"))
    for task in tasks:
        for answer in task["annotations"]:
            if answer["completed_by"] == 2:
                answer["completed_by"] = {"id": 2, "email": LONG}
    (tmp_path / "ls.json").write_text(json.dumps(tasks), "utf-8")
    result = annotator("import", "ls.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"ls.json:1: record 2: field 'annotations[1].completed_by': {TOO_LONG}: give the user a shorter one with "
        "--user-map 2=NAME"
    )
    assert list(tmp_path.iterdir()) == [tmp_path / "ls.json"]


def test_a_record_annotator_over_the_limit_is_refused_naming_annotator(tmp_path: Path) -> None:
    before = stored_long(tmp_path)
    assert (
        annotator("export", "--annotator", "alice", "--db", "a.db", "-o", "alice.jsonl", cwd=tmp_path).returncode == 0
    )
    lines = (tmp_path / "alice.jsonl").read_text("utf-8").splitlines()
    long_new = "x" * 60
    (tmp_path / "long.jsonl").write_text(
        "".join(json.dumps({**json.loads(line), "annotator": long_new}) + "\n" for line in lines), "utf-8"
    )
    result = annotator("import", "long.jsonl", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"long.jsonl:1: field 'annotator': {TOO_LONG.replace('64', '60')}: import it under a shorter one with "
        "--annotator NAME --rename (a file of one annotator's work)"
    )
    assert (tmp_path / "a.db").read_bytes() == before


def test_a_record_of_a_long_name_the_database_holds_is_imported(tmp_path: Path) -> None:
    """Its own export, edited elsewhere (the span on Gaza now on New York), comes back under the name it holds."""
    stored_long(tmp_path)
    assert annotator("export", "--annotator", LONG, "--db", "a.db", "-o", "long.jsonl", cwd=tmp_path).returncode == 0
    [record] = [json.loads(line) for line in (tmp_path / "long.jsonl").read_text("utf-8").splitlines()]
    start = SMALL.index("New York")
    record["spans"] = [{"start": start, "end": start + 8, "label": "LOCATION", "text": "New York"}]
    (tmp_path / "long.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    result = annotator("import", "long.jsonl", "--replace", "--db", "a.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    with sqlite3.connect(tmp_path / "a.db") as connection:
        spans = list(connection.execute("SELECT start, label FROM spans WHERE annotator = ?", [LONG]))
    assert spans == [(start, "LOCATION")]


def test_a_merge_bringing_a_new_long_name_is_refused_naming_rename(tmp_path: Path) -> None:
    """b.db holds a name longer still (an older release stored it): a.db does not, so it would enter new."""
    before = stored_long(tmp_path)
    stored_long(tmp_path, LONG + "x", "b.db")
    result = annotator("merge", "b.db", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"b.db: table 'annotations': article '5610fea47dd45fc7': {TOO_LONG.replace('64', '65')}; nothing was merged "
        f"(`annotator rename-annotator {LONG}x NEW --db b.db` gives it a shorter name there)"
    )
    assert (tmp_path / "a.db").read_bytes() == before

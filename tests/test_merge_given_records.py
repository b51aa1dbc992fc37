"""A file of records or articles given to `merge` as if it were a teammate's database, and a plain-text article or a
folder of articles given to `import`: the one-line refusal names what the file is and the command that reads it,
carrying the command's non-default --db (`errors.on_database`), as the reverse mistake (a database given to
`import`) already was. The real console script on real files, run from another folder than the database's; the
printed command pasted and run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator, folder_state, one_error_line
from test_advice_carries_db import pasted, run_pasted

from annotator.store import Store

TEXT = "Mayor Jane Smith said the bridge in Riverton would open, and Omar Haddad agreed in Paris."
DB = "../my dbs/work.db"
QUOTED = "'../my dbs/work.db'"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """Files in u/ (bob's export, articles as JSONL, as plain text, a folder of them), the database in `my dbs/`
    (one article stored, no work), the commands run from other/."""
    for name in ("my dbs", "u", "u/arts", "other"):
        (tmp_path / name).mkdir()
    u = tmp_path / "u"
    (u / "articles.jsonl").write_text(json.dumps({"id": "b1", "text": TEXT}) + "\n", encoding="utf-8")
    (u / "b2.txt").write_text(TEXT.replace("Paris", "Oslo") + "\n", encoding="utf-8")
    (u / "arts" / "b3.txt").write_text(TEXT.replace("Paris", "Rome") + "\n", encoding="utf-8")
    for args in (("ingest", "articles.jsonl"), ("accept", "--annotator", "bob", "--done")):
        assert annotator(*args, "--db", "bob.db", cwd=u).returncode == 0
    for fmt, name in (("jsonl", "out.jsonl"), ("labelstudio", "ls.json"), ("prodigy", "p.jsonl")):
        made = annotator("export", "--db", "bob.db", "--annotator", "bob", "--format", fmt, "-o", name, cwd=u)
        assert made.returncode == 0, made.stderr
    assert annotator("ingest", "articles.jsonl", "--no-suggest", "--db", "../my dbs/work.db", cwd=u).returncode == 0
    return tmp_path


@pytest.mark.parametrize(
    ("given", "said", "imported"),
    [
        ("out.jsonl", f"a file of records (native JSONL): `annotator import ../u/out.jsonl --db {QUOTED}` brings them "
         "into this database", "1 record(s) imported (0 new article(s))"),
        ("p.jsonl", f"a file of records (Prodigy's JSONL): `annotator import ../u/p.jsonl --format prodigy --db "
         f"{QUOTED}` brings them into this database", "1 record(s) imported (0 new article(s))"),
        ("ls.json", f"a file of records (a Label Studio export, one JSON array): `annotator import ../u/ls.json "
         f"--format labelstudio --db {QUOTED}` brings them into this database", "1 record(s) imported (0 new "
         "article(s))"),
        ("articles.jsonl", f"articles to annotate (JSONL): `annotator ingest ../u/articles.jsonl --db {QUOTED}` "
         "stores them in this database", "0 article(s) added, 1 already stored"),
        ("b2.txt", f"an article to annotate (plain text): `annotator ingest ../u/b2.txt --db {QUOTED}` stores it in "
         "this database", "1 article(s) added, 0 already stored"),
        ("arts", f"a folder of articles to annotate: `annotator ingest ../u/arts --db {QUOTED}` stores them in this "
         "database", "1 article(s) added, 0 already stored"),
    ],
    ids=["native", "prodigy", "labelstudio", "articles", "text", "folder"],
)  # fmt: skip
def test_a_file_merged_as_a_database_is_sent_to_the_command_that_reads_it(
    elsewhere: Path, given: str, said: str, imported: str
) -> None:
    other = elsewhere / "other"
    before = folder_state(elsewhere / "my dbs")
    error = one_error_line(annotator("merge", f"../u/{given}", "--db", DB, cwd=other))
    assert error == f"../u/{given}: not a SQLite database but {said}; it was left as it is"
    assert folder_state(elsewhere / "my dbs") == before
    done = run_pasted(pasted(error), other)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(imported), done.stdout
    with Store.open(elsewhere / "my dbs" / "work.db", read_only=True) as store:
        assert ("bob" in store.annotators()) == imported.startswith("1 record")


def test_a_file_of_another_kind_merged_is_refused_as_before(elsewhere: Path) -> None:
    (elsewhere / "u" / "notes.md").write_text("not a database\n", encoding="utf-8")
    error = one_error_line(annotator("merge", "../u/notes.md", "--db", DB, cwd=elsewhere / "other"))
    assert error == (
        "../u/notes.md: not a SQLite database (another kind of file, or its header is damaged); it was left as it is"
    )


@pytest.mark.parametrize(
    ("command", "given", "said", "added"),
    [
        (["import"], "b2.txt", f"../u/b2.txt: this looks like an article to annotate (plain text), not JSONL: store "
         f"articles with `annotator ingest ../u/b2.txt --db {QUOTED}`", "1 article(s) added"),
        (["import"], "arts", f"../u/arts: this is a folder of articles to annotate, not a file of records: store "
         f"articles with `annotator ingest ../u/arts --db {QUOTED}`", "1 article(s) added"),
        (["train", "--from"], "b2.txt", f"../u/b2.txt: this looks like an article to annotate (plain text), not "
         f"JSONL: store articles with `annotator ingest ../u/b2.txt --db {QUOTED}`", "1 article(s) added"),
    ],
    ids=["import-text", "import-folder", "train-text"],
)  # fmt: skip
def test_articles_given_to_import_are_sent_to_ingest(
    elsewhere: Path, command: list[str], given: str, said: str, added: str
) -> None:
    other = elsewhere / "other"
    error = one_error_line(annotator(*command, f"../u/{given}", "--db", DB, cwd=other))
    assert error == said
    done = run_pasted(pasted(error), other)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(added), done.stdout
    with Store.open(elsewhere / "my dbs" / "work.db", read_only=True) as store:
        assert len(store.article_ids()) == 2

"""The commands an error advises run, pasted as printed, on the database the failing command was given: three still
lacked a non-default --db (the others carry it through `store.db_option`): the ingest that `import` and `train
--from` send articles to (`formats.looks`), the merge of a database given as a file of records and the import of
a Label Studio array given as JSONL (`exchange.files`), and the evaluation of a superseded suggester's stored
suggestions (`suggest.superseded`). Each now carries it (`errors.on_database`); the default database, none. The
real console script on real SQLite files, the printed command pasted and run."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator, one_error_line
from support import SMALL_TEXT, find, word_tokens

from annotator.errors import on_database
from annotator.models import ArticleIn, Span, Status, Suggestion
from annotator.store import Store, db_option
from annotator.suggest import Suggesters
from annotator.suggest.superseded import Superseded
from annotator.vocabulary import GOLD

TEXT = "Mayor Jane Smith said the bridge in Riverton would open, and Omar Haddad agreed in Paris."
#: A database a user named, not annotations.db: in a folder whose name needs quoting in a shell.
DB = "my dbs/work.db"


def pasted(error: str) -> str:
    """The first command in backquotes in an error line."""
    found = re.search(r"`(annotator [^`]*)`", error)
    assert found is not None, error
    return found.group(1)


def run_pasted(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command as a shell would run it pasted (its words split as a shell splits them)."""
    words = shlex.split(command)
    assert words[0] == "annotator"
    return subprocess.run([ANNOTATOR, *words[1:]], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "my dbs").mkdir()
    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "b1", "text": TEXT}) + "\n", encoding="utf-8")
    return tmp_path


def test_the_ingest_import_sends_articles_to_runs_on_the_same_database(folder: Path) -> None:
    error = one_error_line(annotator("import", "articles.jsonl", "--db", DB, cwd=folder))
    assert error.endswith("store articles with `annotator ingest articles.jsonl --db 'my dbs/work.db'`")
    done = run_pasted(pasted(error), folder)
    assert (done.returncode, done.stdout) == (
        0,
        "1 article(s) added, 0 already stored, 4 suggestion(s) -> my dbs/work.db\n",
    )
    with Store.open(folder / DB, read_only=True) as store:
        assert store.article_ids() == ["b1"]


def test_the_merge_a_database_given_as_records_advises_runs_on_the_same_database(folder: Path) -> None:
    for args in (("ingest", "articles.jsonl"), ("accept", "--annotator", "bob", "--done")):
        assert annotator(*args, "--db", "teammate.db", cwd=folder).returncode == 0
    assert annotator("ingest", "articles.jsonl", "--no-suggest", "--db", DB, cwd=folder).returncode == 0
    error = one_error_line(annotator("import", "teammate.db", "--db", DB, cwd=folder))
    assert error == (
        "teammate.db: this is an SQLite database, not a file of records: `annotator merge teammate.db --db "
        "'my dbs/work.db'` brings its work into this database, `annotator export --db teammate.db` writes its "
        "records to a file"
    )
    done = run_pasted(pasted(error), folder)
    assert done.returncode == 0, done.stderr
    with Store.open(folder / DB, read_only=True) as store:
        assert "bob" in store.annotators()


def test_the_import_of_a_label_studio_array_runs_on_the_same_database(folder: Path) -> None:
    for args in (("ingest", "articles.jsonl"), ("accept", "--annotator", "bob", "--done")):
        assert annotator(*args, "--db", "teammate.db", cwd=folder).returncode == 0
    exported = ("export", "--db", "teammate.db", "--annotator", "bob", "--format", "labelstudio", "-o", "bob.json")
    assert annotator(*exported, cwd=folder).returncode == 0
    assert annotator("ingest", "articles.jsonl", "--no-suggest", "--db", DB, cwd=folder).returncode == 0
    error = one_error_line(annotator("train", "--from", "bob.json", "--db", DB, cwd=folder))
    assert error == (
        "bob.json:1: this is a JSON array; expected JSONL, one JSON object a line (a Label Studio export is one "
        "array: `annotator import bob.json --format labelstudio --db 'my dbs/work.db'`)"
    )
    done = run_pasted(pasted(error), folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 record(s) imported (0 new article(s)) -> my dbs/work.db"), done.stdout


def test_ingest_of_a_label_studio_export_names_the_import_on_the_same_database(folder: Path) -> None:
    """Ingest reads a Label Studio task file's texts (trial t2 F); its note names the import of the annotations,
    on the database ingest wrote."""
    for args in (("ingest", "articles.jsonl"), ("accept", "--annotator", "bob", "--done")):
        assert annotator(*args, "--db", "teammate.db", cwd=folder).returncode == 0
    exported = ("export", "--db", "teammate.db", "--annotator", "bob", "--format", "labelstudio", "-o", "bob.json")
    assert annotator(*exported, cwd=folder).returncode == 0
    assert annotator("ingest", "articles.jsonl", "--no-suggest", "--db", DB, cwd=folder).returncode == 0
    ingested = annotator("ingest", "bob.json", "--no-suggest", "--db", DB, cwd=folder)
    assert (ingested.returncode, ingested.stdout) == (
        0,
        "0 article(s) added, 1 already stored, 0 suggestion(s) -> my dbs/work.db\n",
    )
    assert ingested.stderr == (
        "annotator: note: of 1 Label Studio task(s), 1 carried annotations, which ingest does not read (their texts "
        "are stored): `annotator import bob.json --format labelstudio --db 'my dbs/work.db'` reads the annotations\n"
    )
    done = run_pasted(ingested.stderr.split("`")[1], folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 record(s) imported (0 new article(s)) -> my dbs/work.db"), done.stdout


def test_the_default_database_is_advised_without_db(folder: Path) -> None:
    error = one_error_line(annotator("import", "articles.jsonl", "--db", "annotations.db", cwd=folder))
    assert error.endswith("store articles with `annotator ingest articles.jsonl`")


def test_the_evaluation_a_superseded_suggester_advises_runs_on_the_same_database(folder: Path) -> None:
    with Store.open(folder / DB) as store:
        suggestions = [Suggestion(**find(SMALL_TEXT, "Gaza", "LOCATION"), suggester="entities.v2")]
        [article] = store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), suggestions)])[0]
        store.replace_annotation(article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    with pytest.raises(Superseded) as raised:
        Suggesters("entities.v2", "quotes.v2")
    error = on_database(raised.value, db_option(DB))
    assert error.endswith("and `annotator evaluate --suggester entities.v2 --db 'my dbs/work.db'` reads them)")
    assert on_database(raised.value, db_option("annotations.db")) == str(raised.value)
    done = run_pasted(pasted(error), folder)
    assert done.returncode == 0, done.stderr
    assert "entities.v2" in done.stdout

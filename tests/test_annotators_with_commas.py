"""An annotator's name may hold a comma ("Smith, J": `vocabulary.name_problem` allows it, and databases hold such
names), which `--annotators A,B` could not name: every comma split it. `--annotators` may now be given again for
each name, and a value that is whole the name of an annotator the database knows is that one annotator; any
other value is split at its commas, as before. Real processes, a real database."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.models import ArticleIn, Span, Status
from annotator.rows import Token
from annotator.store import Store

TEXT = "Israel said Hamas fired 20 rockets ."
SMITH = "Smith, J"


def mark(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An article done by "Smith, J", alice and bob."""
    path = tmp_path / "a.db"
    tokens = [Token(start=m.start(), end=m.end()) for m in re.finditer(r"\S+", TEXT)]
    with Store.open(path) as store:
        assert store.add_articles([(ArticleIn(id="one", text=TEXT, title="One"), tokens, [])]) == (["one"], [])
        store.replace_annotation("one", SMITH, [mark("Israel", "ACTOR")], Status.DONE)
        store.replace_annotation("one", "alice", [mark("Israel", "ACTOR"), mark("20", "FIGURE")], Status.DONE)
        store.replace_annotation("one", "bob", [mark("Hamas", "ACTOR")], Status.DONE)
    return path


def agreement(db: Path, *options: str) -> list[str]:
    result = annotator("agreement", "--db", db, "--json", *options)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)["annotators"]


def test_agreement_names_an_annotator_with_a_comma_by_repeating_the_option(db: Path) -> None:
    assert agreement(db, "--annotators", SMITH, "--annotators", "alice") == [SMITH, "alice"]
    assert agreement(db, "--annotators", "alice, bob", "--annotators", SMITH) == ["alice", "bob", SMITH]
    assert agreement(db, "--annotators", "alice,bob") == ["alice", "bob"]  # one value, split as before
    assert agreement(db) == sorted([SMITH, "alice", "bob"])


def test_a_value_that_is_no_known_name_is_split_at_its_commas(db: Path) -> None:
    line = one_error_line(annotator("agreement", "--db", db, "--annotators", f"{SMITH},alice"))
    assert line == f"no annotations by 'Smith' (in the database: {SMITH}, alice, bob)"


def test_adjudicate_takes_the_repeated_option_too(db: Path) -> None:
    result = annotator("adjudicate", "--db", db, "--auto", "--annotators", SMITH, "--annotators", "alice")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    with Store.open(db) as store:
        assert [s.text for s in store.spans("one", "gold")] == ["Israel"]  # the one span both agree on


def test_assign_gives_articles_to_an_annotator_with_a_comma(db: Path) -> None:
    result = annotator("assign", "--db", db, "--annotators", SMITH, "--annotators", "alice,bob", "--overlap", "3")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT article_id, annotator FROM assignments ORDER BY 1, 2").fetchall()
    assert rows == [(article, name) for article in ["one"] for name in sorted([SMITH, "alice", "bob"])]


def test_assign_splits_a_value_no_known_name_as_before(db: Path) -> None:
    result = annotator("assign", "--db", db, "--annotators", "carol,dave", "--overlap", "2")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    with sqlite3.connect(db) as connection:
        names = connection.execute("SELECT DISTINCT annotator FROM assignments ORDER BY 1").fetchall()
    assert names == [("carol",), ("dave",)]


# S9: a comma was allowed in a name an option gives, but `assign --annotators` parts a new name at its commas: "Smith,
# J" assigned before any work became two annotators, Smith and J. A new name an option gives may not hold a comma (one
# line, nothing written); a name the database holds with one keeps working (the repeated option, a whole value).
COMMA = (
    "an annotator's name new to the database may not hold a comma (--annotators parts names at commas): 'Jones, "
    "K'; a name the database holds with one is taken whole"
)


def test_a_new_name_with_a_comma_is_refused_by_annotator(db: Path) -> None:
    before = db.read_bytes()
    line = one_error_line(annotator("accept", "--db", db, "--annotator", "Jones, K"))
    assert line == f"--annotator: {COMMA}"
    assert db.read_bytes() == before


def test_a_new_name_with_a_comma_is_refused_as_rename_new(db: Path) -> None:
    before = db.read_bytes()
    line = one_error_line(annotator("rename-annotator", "bob", "Jones, K", "--db", db))
    assert line == f"NEW: {COMMA}"
    assert db.read_bytes() == before


def test_a_stored_name_with_a_comma_works_under_annotator(db: Path) -> None:
    result = annotator("accept", "--db", db, "--annotator", SMITH)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == f"{SMITH}: 0 suggestion(s) accepted in 0 article(s) -> {db}"

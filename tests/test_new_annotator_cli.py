"""A mistyped --annotator on a command that writes under it (`accept`, `import --annotator`) said nothing: a
newcomer's `accept --annotator alcie` accepted every suggestion as alcie, and `import ... --annotator alcie`
imported as alcie. The screen says so at start-up (`New annotator: ...`); these commands now say the same words
in a note on stderr, once the name is new to a database where others work. The real console script on a real
database and real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.store.assignments import assign
from annotator.suggest.tokens import tokenize

TEXT = "Ann met Bob in Lyon."
NOTE = (
    "annotator: note: New annotator: 'alcie' had no work, assignment or event in this database before this command (it has alice, "
    "bob). If you meant one of them, give that name with --annotator.\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.db"
    suggestion = Suggestion(start=0, end=3, label="ACTOR", text="Ann", suggester="t.v1")
    with Store.open(path) as store:
        articles = [ArticleIn(id="a1", text=TEXT), ArticleIn(id="a2", text=TEXT)]
        tokens = tokenize([a.text for a in articles])
        store.add_articles([(a, k, [suggestion]) for a, k in zip(articles, tokens, strict=True)])
        assign(store, ["alice", "bob"], 2)
    return path


def test_accept_under_a_new_name_says_so(db: Path) -> None:
    result = annotator("accept", "--annotator", "alcie", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stderr == NOTE
    assert result.stdout.startswith("alcie: ")


def test_a_known_name_says_nothing_more_and_a_new_one_once(db: Path) -> None:
    known = annotator("accept", "--annotator", "alice", "--db", db)
    assert known.returncode == 0, known.stderr
    assert known.stderr == ""
    first = annotator("accept", "--annotator", "carol", "a1", "--db", db)
    assert first.stderr.startswith("annotator: note: New annotator: 'carol' had no work")
    again = annotator("accept", "--annotator", "carol", "--db", db)  # carol has work here now
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""


def test_import_under_a_new_name_says_so(db: Path, tmp_path: Path) -> None:
    exported = tmp_path / "alice.jsonl"  # alice's work, exported by the tool itself
    assert annotator("accept", "--annotator", "alice", "--db", db).returncode == 0
    made = annotator("export", "--annotator", "alice", "--status", "all", "-o", exported, "--db", db)
    assert made.returncode == 0, made.stderr
    # (the export once held no record, so nothing was taken under the new name: a file with nothing to import is
    # an error since 9bc4f5f)
    result = annotator("import", exported, "--annotator", "alcie", "--rename", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stderr == NOTE
    plain = annotator("import", exported, "--db", db)  # the file's own names: nothing to say
    assert plain.returncode == 0, plain.stderr
    assert "New annotator" not in plain.stderr


def test_a_database_nobody_works_in_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    with Store.open(path) as store:
        articles = [ArticleIn(id="a1", text=TEXT)]
        store.add_articles([(articles[0], tokenize([TEXT])[0], [])])
    result = annotator("accept", "--annotator", "alcie", "--db", path)
    assert result.returncode == 0, result.stderr
    assert "New annotator" not in result.stderr

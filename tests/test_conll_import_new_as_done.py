"""A newcomer's finding: a CoNLL import into a database without the article stored it as done work, and the
import said nothing of it (the export's side says that CoNLL drops the status; the import's side did not say what
it stores). One line says how many articles new to the database were stored as done work. Real files, the real
console script, real SQLite."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store

CONLL = (
    "-DOCSTART- -X- O O\n\nAna _ _ B-ACTOR\nRuiz _ _ I-ACTOR\nleft _ _ O\nParis _ _ B-LOCATION\n. _ _ O\n\n"
    "-DOCSTART- -X- O O\n\nBob _ _ B-ACTOR\nstayed _ _ O\n. _ _ O\n\n"
)
REBUILT = (
    "note: 2 new article(s) with a text rebuilt from the file's tokens, the white space between them guessed: no "
    "stored article has the same words"
)


def test_new_articles_from_conll_are_said_to_be_stored_as_done_work(tmp_path: Path) -> None:
    (tmp_path / "bob.conll").write_text(CONLL, encoding="utf-8")
    result = annotator("import", "bob.conll", "--format", "conll", "--annotator", "bob", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "2 record(s) imported (2 new article(s)) -> x.db",
        REBUILT,
        "note: 2 article(s) new to this database stored as done work: CoNLL has no status",
    ]
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert [store.status(a, "bob").value for a in store.article_ids()] == ["done", "done"]


def test_the_same_file_again_stores_no_new_article_and_says_nothing_of_it(tmp_path: Path) -> None:
    (tmp_path / "bob.conll").write_text(CONLL, encoding="utf-8")
    command = ("import", "bob.conll", "--format", "conll", "--annotator", "bob", "--db", "x.db")
    assert annotator(*command, cwd=tmp_path).returncode == 0
    again = annotator(*command, cwd=tmp_path)
    assert again.stdout.splitlines() == ["0 record(s) imported (0 new article(s)); 2 unchanged -> x.db"]

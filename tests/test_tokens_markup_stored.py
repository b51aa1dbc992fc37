"""Databases whose articles were tokenized before markup brackets were split off words (trial 22; tokens are
stored): nothing stored is rewritten unasked, and nothing breaks. Opening them and a plain `suggest` keep their
tokens; `suggest --all` (and a suggester upgrade) stores the new ones with the new suggestions, on which every old
span still sits, since the rule only adds token boundaries. A merge of work done on the new tokens into such a
database takes the finer tokens and says so: it copied the spans as they were, and 'Ana Costa' sat on no token
there (CoNLL exports dropped it without a word, spaCy and Prodigy exports stopped)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import spacy
from processes import annotator
from support import find

from annotator.models import ArticleIn, Label, Suggestion
from annotator.store import Store
from annotator.store.merge import merge
from annotator.suggest.pipeline import DEFAULT_SUGGESTERS
from annotator.suggest.tokens import tokenize, tokens_of

TEXT = "The mayor, [bold]Ana Costa[/bold], said the bridge would reopen on Monday."
OLD_WORDS = ["The", "mayor", ",", "[", "bold]Ana", "Costa[/bold", "]", ",", "said", "the", "bridge", "would",
             "reopen", "on", "Monday", "."]  # fmt: skip
NEW_WORDS = ["The", "mayor", ",", "[", "bold", "]", "Ana", "Costa", "[", "/bold", "]", ",", "said", "the",
             "bridge", "would", "reopen", "on", "Monday", "."]  # fmt: skip


def stored_words(path: Path) -> list[str]:
    with Store.open(path) as store:
        [article] = store.article_ids()
        return [TEXT[t.start : t.end] for t in store.tokens(article)]


def conll_actor_words(db: Path, who: str, out: Path) -> list[str]:
    """The tokens `who`'s ACTORs cover in a CoNLL export (every status), which writes one line a stored token."""
    result = annotator("export", "--annotator", who, "--status", "all", "--format", "conll", "-o", out, "--db", db)
    assert result.returncode == 0, result.stderr
    return [line.split()[0] for line in out.read_text(encoding="utf-8").splitlines() if "ACTOR" in line]


def database(path: Path, old: bool, who: str, words: str) -> Path:
    """A database holding the article as `ingest` stored it, with the tokens of the release before this rule
    (`old`: spaCy's blank English as it comes) or this release's, and `who`'s ACTOR over `words`."""
    tokens = tokens_of(spacy.blank("en").tokenizer(TEXT)) if old else tokenize([TEXT])[0]
    entities = DEFAULT_SUGGESTERS.names[0]  # the version ingest runs now, so suggest has nothing to upgrade
    mayor = Suggestion(**find(TEXT, "The mayor", "ACTOR"), suggester=entities)
    with Store.open(path) as store:
        [article], _ = store.add_articles([(ArticleIn(text=TEXT, title="Mayor"), tokens, [mayor])])
        start = TEXT.index(words)
        store.add_span(article, who, start, start + len(words), Label.ACTOR)
    return path


def test_the_old_database_keeps_its_tokens_when_there_is_nothing_to_suggest(tmp_path: Path) -> None:
    old = database(tmp_path / "old.db", True, "alice", "bold]Ana Costa[/bold")
    assert annotator("suggest", "--db", old).returncode == 0
    assert stored_words(old) == OLD_WORDS


def test_suggest_all_stores_the_new_tokens_and_the_old_span_still_sits_on_them(tmp_path: Path) -> None:
    old = database(tmp_path / "old.db", True, "alice", "bold]Ana Costa[/bold")
    assert annotator("suggest", "--all", "--db", old).returncode == 0
    assert stored_words(old) == NEW_WORDS
    assert conll_actor_words(old, "alice", tmp_path / "a.conll") == ["bold", "]", "Ana", "Costa", "[", "/bold"]


def test_merging_work_on_the_new_tokens_into_an_old_database_takes_the_finer_tokens(tmp_path: Path) -> None:
    old = database(tmp_path / "old.db", True, "alice", "The mayor")
    new = database(tmp_path / "new.db", False, "bob", "Ana Costa")
    with Store.open(old) as store:
        report = merge(store, [new])
    assert (report.annotations_added, report.tokens_refined) == (1, 1)
    assert stored_words(old) == NEW_WORDS
    assert conll_actor_words(old, "bob", tmp_path / "b.conll") == ["Ana", "Costa"]


def test_merging_an_old_database_into_a_new_one_keeps_the_finer_tokens(tmp_path: Path) -> None:
    old = database(tmp_path / "old.db", True, "alice", "bold]Ana Costa[/bold")
    new = database(tmp_path / "new.db", False, "bob", "Ana Costa")
    with Store.open(new) as store:
        report = merge(store, [old])
    assert (report.annotations_added, report.tokens_refined) == (1, 0)
    assert stored_words(new) == NEW_WORDS


def test_the_merge_says_which_tokens_it_took_and_again_changes_nothing(tmp_path: Path) -> None:
    old = database(tmp_path / "old.db", True, "alice", "The mayor")
    new = database(tmp_path / "new.db", False, "bob", "Ana Costa")
    first = annotator("merge", new, "--db", old)
    assert first.returncode == 0, first.stderr
    assert (
        "1 article(s) now have the other file's tokens: they divide this database's finer (an older release kept "
        "markup brackets glued to words), and every span here still sits on them" in first.stdout.splitlines()
    )
    with sqlite3.connect(old) as conn:
        before = conn.execute("SELECT tokens FROM articles").fetchall()
    second = annotator("merge", new, "--db", old)
    assert "tokens" not in second.stdout
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT tokens FROM articles").fetchall() == before

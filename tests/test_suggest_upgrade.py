"""`annotator suggest` on a database of an older release: the suggestions of older versions that someone decided
on keep their names, the new versions are added and become the current ones, and nothing is done twice."""

from __future__ import annotations

import json
import resource
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from processes import ANNOTATOR, annotator, start
from support import SMALL_TEXT, find, word_tokens
from typer.testing import CliRunner

from annotator.cli import app
from annotator.exchange.resuggesting import outdated
from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest import SUGGESTER_NAMES

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_suggest_upgrades_an_old_release_database(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "release-0.1.0.db", db)
    with Store.open(db) as store:
        before = {table: store.count(table) for table in ("decisions", "spans", "events")}
        old = {s.id: (s.suggester, s.label, s.text) for a in store.article_ids() for s in store.suggestions(a)}
    result = run("suggest", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        " of entities.v16 + quotes.v6 for 2 article(s), in place of those of entities.v1, quotes.v1\n"
    )  # the release's versions, named
    with Store.open(db) as store:
        assert {table: store.count(table) for table in before} == before
        kept = {s.id: (s.suggester, s.label, s.text) for a in store.article_ids() for s in store.suggestions(a)}
        assert {i: kept[i] for i in old} == old  # every old suggestion was decided on: all kept, names unchanged
        for article in store.article_ids():
            assert {s.suggester for s in store.current_suggestions(article)} <= set(SUGGESTER_NAMES)
            assert not {s.id for s in store.current_suggestions(article)} & set(old)
        assert store.suggesters() == sorted({"entities.v1", "quotes.v1", *SUGGESTER_NAMES})
    assert run("suggest", "--db", str(db)).stdout == "0 suggestion(s) for 0 article(s)\n"
    exported = run("export", "--suggestions", "--db", str(db), "-o", "-").stdout.splitlines()
    first = json.loads(exported[0])  # 'Washington said "talks failed" in Gaza, where at least 35 died.'
    assert first["annotator"] == "model:" + "+".join(sorted(SUGGESTER_NAMES))
    assert [(s["label"], s["text"]) for s in first["spans"]] == [
        ("ACTOR", "Washington"),
        ("QUOTE", "talks failed"),
        ("LOCATION", "Gaza"),
        ("FIGURE", "at least 35"),
    ]


def test_outdated_articles() -> None:
    stored = {
        "none yet": set(),
        "old": {"entities.v1", "quotes.v1"},
        "no quote found": {"entities.v3"},
        "current": {"entities.v3", "quotes.v2"},
        "upgraded, old decided kept": {"entities.v1", "entities.v2", "entities.v3", "quotes.v2"},
        "superseded": {"entities.v2", "quotes.v2"},
        "trained model's": {"entities.v3@0123456789ab", "quotes.v2"},
        "superseded trained model's": {"entities.v2@0123456789ab", "quotes.v2"},
    }
    assert outdated(stored, ("entities.v3", "quotes.v2")) == [
        "none yet",
        "old",
        "superseded",
        "trained model's",
        "superseded trained model's",
    ]


def test_suggest_upgrades_entities_v2_to_the_default(tmp_path: Path) -> None:
    """A database made before entities.v3 (the general rules changed entities.v2 in place until the change got a
    name), and before quotes.v6: `suggest` makes entities.v16 and quotes.v6 suggestions for its articles; the
    v2 ones alice decided on stay under their name, the undecided ones (the quotes.v2 quote among them) go."""
    db = tmp_path / "v2.db"
    other = "Officials in Gaza said 12 people died."
    with Store.open(db) as store:
        (first, second), _ = store.add_articles(
            [
                (
                    ArticleIn(id="first", text=SMALL_TEXT),
                    word_tokens(SMALL_TEXT),
                    [
                        Suggestion(**find(SMALL_TEXT, "Washington", "ACTOR"), suggester="entities.v2"),
                        Suggestion(
                            **find(SMALL_TEXT, "talks failed", "QUOTE"),
                            speaker={"start": 0, "end": 10},
                            suggester="quotes.v2",
                        ),
                        Suggestion(**find(SMALL_TEXT, "Gaza", "LOCATION"), suggester="entities.v2"),
                        Suggestion(**find(SMALL_TEXT, "35", "FIGURE"), suggester="entities.v2"),
                    ],
                ),
                (
                    ArticleIn(id="second", text=other),
                    word_tokens(other),
                    [Suggestion(**find(other, "Gaza", "LOCATION"), suggester="entities.v2")],
                ),
            ]
        )
        washington, _, _, figure = store.suggestions(first)
        store.accept_suggestion(first, "alice", washington.id)
        store.reject_suggestion(first, "alice", figure.id)
    result = run("suggest", "--db", str(db))
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert [(s.label.value, s.text, s.suggester) for s in store.current_suggestions(first)] == [
            ("ACTOR", "Washington", "entities.v16"),
            ("QUOTE", "talks failed", "quotes.v6"),
            ("LOCATION", "Gaza", "entities.v16"),
            ("FIGURE", "at least 35", "entities.v16"),
        ]
        assert [(s.label.value, s.text, s.suggester) for s in store.current_suggestions(second)] == [
            ("ACTOR", "Officials", "entities.v16"),
            ("LOCATION", "Gaza", "entities.v16"),
            ("FIGURE", "12", "entities.v16"),
            ("ACTOR", "people", "entities.v16"),
        ]
        old = [(s.id, s.text, s.suggester) for s in store.suggestions(first) if s.suggester == "entities.v2"]
        assert old == [(washington.id, "Washington", "entities.v2"), (figure.id, "35", "entities.v2")]
        assert store.decisions(first, "alice") == {washington.id: "accepted", figure.id: "rejected"}
        assert not [s for s in store.suggestions(second) if s.suggester == "entities.v2"]
        assert store.suggesters() == ["entities.v2", "entities.v16", "quotes.v6"]  # by kind, then number
    assert result.stdout == (
        "8 suggestion(s) of entities.v16 + quotes.v6 for 2 article(s), in place of those of entities.v2, quotes.v2\n"
    )
    # The second article has no quote, and its text no quotation mark: the quote suggester found none, which
    # `--all` would not change, so it is not listed (a newcomer's trial: such articles were, with `--all`).
    assert run("suggest", "--db", str(db)).stdout == "0 suggestion(s) for 0 article(s)\n"


def test_a_decided_suggestion_is_not_suggested_again(tmp_path: Path) -> None:
    """Found by a newcomer: `suggest --all` beside a TUI stored a second row (same span, label and version) for each
    suggestion alice had decided on. The decided one stays, for the record, and stays the suggestion: no twin."""
    db = tmp_path / "a.db"
    with Store.open(db) as store:
        [article] = store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), [])])[0]
    assert run("suggest", "--db", str(db)).exit_code == 0
    with Store.open(db) as store:
        first = store.suggestions(article)
        rejected, accepted = first[0], first[1]
        store.reject_suggestion(article, "alice", rejected.id)
        store.accept_suggestion(article, "alice", accepted.id)
    result = run("suggest", "--all", "--db", str(db))
    assert (result.exit_code, result.stdout) == (
        0,
        f"{len(first):,} suggestion(s) of entities.v16 + quotes.v6 for 1 article(s)\n",
    )
    with Store.open(db) as store:
        again = store.suggestions(article)
        assert len(again) == len(first)
        assert [(s.start, s.end, s.label, s.suggester) for s in again] == [
            (s.start, s.end, s.label, s.suggester) for s in first
        ]
        assert {rejected.id, accepted.id} <= {s.id for s in again}


def test_an_interrupted_suggest_says_what_it_kept(tmp_path: Path) -> None:
    """Found by a newcomer: ctrl+c during `suggest --all` said "nothing from this command was written" while the
    articles finished before it had their new suggestions (each article is written as soon as it is computed, so
    a long corpus run keeps its finished work). The line says how many, that the rest are unchanged, and a rerun
    does the rest."""
    db = tmp_path / "corpus.db"
    texts = [f"Report {n}: {SMALL_TEXT}" for n in range(3000)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])

    def upgraded() -> int:
        with sqlite3.connect(db, timeout=10) as connection:
            return int(connection.execute("SELECT count(DISTINCT article_id) FROM suggestions").fetchone()[0])

    running = start("suggest", "--all", "--db", db)
    while not upgraded() and running.poll() is None:
        time.sleep(0.05)
    running.send_signal(signal.SIGINT)
    out, err = running.communicate(timeout=120)
    done = upgraded()
    assert 0 < done < len(texts), "the run ended before the interruption"
    assert (running.returncode, out, err) == (
        130,
        "",
        f"annotator: error: interrupted: {done} of {len(texts)} article(s) got their new suggestions before it and "
        f"keep them; the other {len(texts) - done} are unchanged: `annotator suggest --db {db}` computes those\n",
    )
    rerun = annotator("suggest", "--db", db)
    assert (rerun.returncode, rerun.stdout.endswith(f" for {len(texts) - done} article(s)\n")) == (0, True), rerun
    assert upgraded() == len(texts)


def test_a_suggest_stopped_by_a_failed_write_says_what_it_kept(tmp_path: Path) -> None:
    """Found by an attacker: with a file-size limit standing in for a full disk (`ulimit -f`), `suggest` said
    "nothing of this change was written" while the articles committed before the failed write had their new
    suggestions. It says what is kept, as an interrupt does, and a rerun with room does the rest."""
    db = tmp_path / "corpus.db"
    texts = [f"Report {n}: {SMALL_TEXT}" for n in range(200)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=t), word_tokens(t), []) for t in texts])

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (400 * 1024, 400 * 1024))  # a few dozen articles' worth

    command = [ANNOTATOR, "suggest", "--db", str(db)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, preexec_fn=limit)
    with sqlite3.connect(db) as connection:
        done = int(connection.execute("SELECT count(DISTINCT article_id) FROM suggestions").fetchone()[0])
    assert 0 < done < len(texts), "the write failed before the first article or never"
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: not saved: disk I/O error ({db}): {done} of {len(texts)} article(s) got their new "
        f"suggestions before it and keep them; the other {len(texts) - done} are unchanged: `annotator suggest "
        f"--db {db}` computes those\n",
    )

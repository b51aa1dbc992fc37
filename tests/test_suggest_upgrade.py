"""`annotator suggest` on a database of an older release: the suggestions of older versions that someone decided
on keep their names, the new versions are added and become the current ones, and nothing is done twice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from annotator.cli import app
from annotator.exchange.ingest import outdated
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
    assert result.stdout.endswith(" for 2 article(s)\n")
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
        "no quote found": {"entities.v2"},
        "current": {"entities.v2", "quotes.v2"},
        "upgraded, old decided kept": {"entities.v1", "entities.v2", "quotes.v2"},
        "trained model's": {"entities.v2@0123456789ab", "quotes.v2"},
    }
    assert outdated(stored, ("entities.v2", "quotes.v2")) == ["none yet", "old", "trained model's"]

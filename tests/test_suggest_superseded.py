"""entities.v2 was superseded by entities.v3 (the general rules changed it in place before the change got a name):
its stored suggestions keep their name and are scored as stored, but nothing runs it any more, and every place a
version is chosen says so in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import SMALL_TEXT, find, word_tokens
from typer.testing import CliRunner

from annotator.cli import app
from annotator.models import ArticleIn, Span, Status, Suggestion
from annotator.store import Store
from annotator.suggest import RULES_V1, Suggesters, builtin_suggesters
from annotator.suggest.superseded import Superseded
from annotator.vocabulary import GOLD

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def message(name: str, newer: str) -> str:
    return (
        f"suggester {name!r} was superseded by {newer!r}: this release cannot run it (its stored suggestions keep "
        f"their name, and `annotator evaluate --suggester {name}` reads them)"
    )


@pytest.mark.parametrize(
    ("name", "newer"),
    [("entities.v2", "entities.v3"), ("entities.v2@0123456789ab", "entities.v3@0123456789ab")],
)
def test_running_entities_v2_names_its_successor(name: str, newer: str) -> None:
    with pytest.raises(Superseded) as raised:
        Suggesters(name, "quotes.v2")
    assert str(raised.value) == message(name, newer)


def test_the_versions_this_release_runs() -> None:
    assert builtin_suggesters() == {
        "entities.v1": "entities",
        "entities.v3": "entities",
        "entities.v4": "entities",
        "entities.v5": "entities",
        "entities.v6": "entities",
        "entities.v7": "entities",
        "entities.v8": "entities",
        "entities.v9": "entities",
        "entities.v10": "entities",
        "entities.v11": "entities",
        "entities.v12": "entities",
        "entities.v13": "entities",
        "entities.v14": "entities",
        "entities.v15": "entities",
        "entities.v16": "entities",
        "quotes.v1": "quotes",
        "quotes.v2": "quotes",
        "quotes.v3": "quotes",
        "quotes.v4": "quotes",
        "quotes.v5": "quotes",
        "quotes.v6": "quotes",
    }
    assert RULES_V1.names == Suggesters("entities.v1", "quotes.v1").names  # v1 still runs


def test_evaluate_reads_stored_entities_v2_suggestions(db_path: Path, store: Store) -> None:
    suggestions = [
        Suggestion(**find(SMALL_TEXT, "Washington", "LOCATION"), suggester="entities.v2"),
        Suggestion(**find(SMALL_TEXT, "Gaza", "LOCATION"), suggester="entities.v2"),
    ]
    [article] = store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), suggestions)])[0]
    gold = [Span(**find(SMALL_TEXT, "Washington", "ACTOR")), Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))]
    store.replace_annotation(article, GOLD, gold, Status.DONE)
    result = run("evaluate", "--db", str(db_path), "--suggester", "entities.v2", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["predicted"] == "model:entities.v2"  # as stored, not "(run now)"
    exact = data["labels"]["ALL"]["exact"]
    assert (exact["tp"], exact["fp"], exact["fn"]) == (1, 1, 1)


def test_evaluate_entities_v2_with_none_stored_is_one_line(db_path: Path, store: Store, small_article: str) -> None:
    store.replace_annotation(small_article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    result = run("evaluate", "--db", str(db_path), "--suggester", "entities.v2")
    assert (result.exit_code, result.stderr) == (
        1,
        "annotator: error: no 'entities.v2' suggestions stored, and this release runs 'entities.v3' in its place\n",
    )


@pytest.mark.parametrize(
    ("script", "args", "where"),
    [
        ("keys_to_gold.py", ["--suggesters", "entities.v2,quotes.v2"], "--suggesters"),
        ("suggest_quality.py", ["--column", "old=entities.v2+quotes.v2"], "--column 'old=entities.v2+quotes.v2'"),
    ],
)
def test_benchmarks_refuse_entities_v2_before_any_work(script: str, args: list[str], where: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"{where}: {message('entities.v2', 'entities.v3')}\n",
    )

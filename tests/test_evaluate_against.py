"""`evaluate --suggester NEW --against OLD`: two versions of a kind on the same articles, and the gain in ALL's exact F1
of one over the other with the paired bootstrap `annotator train` prints (trial 40b: only separate intervals, one
suggester of a kind at a time). A real database, the real pipeline, click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four articles of `entities_dev2` (never learned by the shipped component) and their gold: an interval of a
    gain takes four articles with spans (`intervals.FEWEST`)."""
    here = tmp_path_factory.mktemp("against")
    lines = (GOLD / "entities_dev2.jsonl").read_text("utf-8").splitlines()[:4]
    records = [json.loads(line) for line in lines]
    articles = "".join(json.dumps({"id": r["article_id"], "text": r["text"]}) + "\n" for r in records)
    (here / "articles.jsonl").write_text(articles, encoding="utf-8")
    assert run("ingest", str(here / "articles.jsonl"), "--db", str(here / "a.db"), "--no-suggest").exit_code == 0
    (here / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return here


def evaluated(folder: Path, *options: str):
    return run("evaluate", "--db", str(folder / "a.db"), "--gold-from", str(folder / "gold.jsonl"), *options)


def test_the_gain_over_another_version_on_the_same_draws(folder: Path) -> None:
    both = json.loads(evaluated(folder, "--suggester", "entities.v16", "--against", "entities.v1", "--json").stdout)
    new = json.loads(evaluated(folder, "--suggester", "entities.v16", "--json").stdout)["labels"]["ALL"]["exact"]["f1"]
    old = json.loads(evaluated(folder, "--suggester", "entities.v1", "--json").stdout)["labels"]["ALL"]["exact"]["f1"]
    against = both["against"]
    assert (against["predicted"], against["f1"], against["articles"]) == ("entities.v1", old, 4)
    assert against["gain"] == pytest.approx(new - old)
    low, high = against["interval"]
    assert low <= against["gain"] <= high
    text = evaluated(folder, "--suggester", "entities.v16", "--against", "entities.v1").stdout.splitlines()
    line = next(line for line in text if line.startswith("ALL exact F1 "))
    assert line == (
        f"ALL exact F1 {new - old:+.3f} over entities.v1 ({old:.3f}); on other draws of 4 articles "
        f"{low:+.3f} to {high:+.3f} (95%, paired bootstrap)"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ["--against", "entities.v1"],
            "--against entities.v1: name the version to compare it with, of its kind, by --suggester",
        ),
        (["--suggester", "quotes.v6", "--against", "entities.v1"], "--against entities.v1: name the version"),
        (["--suggester", "entities.v1", "--against", "entities.v1"], "--against entities.v1: that is the version"),
        (["--suggester", "entities.v1", "--against", "entities.v99"], "--against: no suggester 'entities.v99'"),
    ],
)
def test_against_is_refused_in_one_line_without_a_version_of_its_kind(folder: Path, options, message) -> None:
    result = evaluated(folder, *options)
    assert result.exit_code == 1
    assert result.stderr.startswith("annotator: error: " + message)
    assert result.stderr.count("\n") == 1

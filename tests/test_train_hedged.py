"""A newcomer's trial: with gold adjudicated from 3 articles, `annotator train --db adj2.db --out models/adj2` scored
ALL exact F1 0.889 -> 0.938 on its one held-out article and said "use it: annotator suggest --model models/adj2"
outright, where two held-out articles whose gain's interval held 0 got "it may help or not". With no interval (one
held-out article, or too few to draw from) it hedges the same way, and says why there is none. Real databases made
by the CLI, real (tiny) training runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app

DEV3 = Path(__file__).parent / "fixtures" / "gold" / "entities_dev3.jsonl"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def gold_db(folder: Path, count: int) -> Path:
    """A database made by `annotator import` holding the `count` shortest entities_dev3 articles as done gold (gold
    the shipped component never learned: training can move its figures)."""
    records = [json.loads(line) for line in DEV3.read_text("utf-8").splitlines()]
    path = folder / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in sorted(records, key=lambda r: len(r["text"]))[:count]))
    db = folder / "adj.db"
    assert run("import", str(path), "--db", str(db)).exit_code == 0
    return db


def _all_f1(lines: list[str]) -> tuple[float, float]:
    """The pooled entities' exact F1 before and after, from their row."""
    row = next(line for line in lines if line.startswith("entities "))
    before, after = row.split()[2], row.split()[4]
    return float(before.split("/")[2]), float(after.split("/")[2])


def test_a_gain_on_one_held_out_article_is_hedged_not_recommended(tmp_path: Path) -> None:
    db = gold_db(tmp_path, 3)
    out = tmp_path / "models" / "adj"
    # seed 2 holds out the article training moves: 0.909 -> 0.930 after two passes (as the trial's 0.889 -> 0.938)
    result = run("train", "--db", str(db), "--out", str(out), "--epochs", "2", "--seed", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "trained on gold: 2 article(s); scored on 1 held-out article(s)"
    before, after = _all_f1(lines)
    assert after > before  # the case of the trial: a gain, from one article
    assert lines[-3:] == [
        "these figures rest on only 1 held-out article(s) and 22 reference span(s): one article more or less moves "
        "them a lot",
        f"entities exact F1 {after - before:+.3f}; no interval: 1 held-out article with spans, and an interval takes 4 "
        "(with fewer, its 95% ends are little more than single articles' own figures)",
        f"it may help or not: annotator suggest --db {db} --model {out} uses it; more gold would tell",
    ]
    assert not any(line.startswith("use it") for line in lines)


@pytest.mark.parametrize("articles", [8, 13])
def test_two_or_three_held_out_articles_get_no_interval(tmp_path: Path, articles: int) -> None:
    """Two held-out articles give 3 distinct resamples, three 10: no "95%" is printed from them, and why is said."""
    db = gold_db(tmp_path, articles) if articles <= 8 else None
    if db is None:  # entities_dev3 has 8 articles: 13 takes 5 more from entities_dev2's shortest
        more = [json.loads(line) for line in (DEV3.parent / "entities_dev2.jsonl").read_text("utf-8").splitlines()]
        extra = tmp_path / "more.jsonl"
        extra.write_text("".join(json.dumps(r) + "\n" for r in sorted(more, key=lambda r: len(r["text"]))[:5]))
        db = gold_db(tmp_path, 8)
        assert run("import", str(extra), "--db", str(db)).exit_code == 0
    out = tmp_path / "models" / "few"
    result = run("train", "--db", str(db), "--out", str(out), "--epochs", "1")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    held = round(articles / 5)
    assert lines[0] == f"trained on gold: {articles - held} article(s); scored on {held} held-out article(s)"
    assert not any("95%, bootstrap" in line for line in lines)
    before, after = _all_f1(lines)
    assert (
        f"entities exact F1 {after - before:+.3f}; no interval: {held} held-out articles with spans, and an interval "
        "takes 4 (with fewer, its 95% ends are little more than single articles' own figures)"
    ) in lines
    if round(after, 3) > round(before, 3):
        assert (
            lines[-1] == f"it may help or not: annotator suggest --db {db} --model {out} uses it; more gold would tell"
        )

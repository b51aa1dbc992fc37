"""Newcomer trial 41n: a team's gold held the seed article beside four of its own; `annotator train` held out the
seed alone (which the shipped component learned from), printed 1.000 before and after, and advised "keep
suggesting with the pipeline you have". An article the shipped component learned from is held out now only when
too few others are left, and the report says when held-out articles are such and what that does to the figures."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from test_train_verdict import _report, _scored

from annotator.exchange.held_out import split
from annotator.reports.training import report_lines
from annotator.suggest.learn import Article
from annotator.suggest.shipped import shipped_learned

GOLD = Path(__file__).parent / "fixtures" / "gold"


def articles(name: str, count: int) -> list[Article]:
    records = [json.loads(line) for line in (GOLD / name).read_text("utf-8").splitlines()[:count]]
    return [Article(r["article_id"], r["text"], []) for r in records]


def test_an_article_the_shipped_component_learned_is_held_out_only_when_no_other_is_left() -> None:
    learned, unseen = articles("dev.jsonl", 3), articles("entities_dev2.jsonl", 7)
    shipped = shipped_learned()
    for seed in range(4):
        _, held = split(learned + unseen[:2], seed, shipped=shipped)
        assert [a.id for a in held] in ([unseen[0].id], [unseen[1].id])  # one of five held out
        _, held = split(learned + unseen, seed, shipped=shipped)
        assert len(held) == 2 and {a.id for a in held} <= {a.id for a in unseen}
    _, held = split(learned, 0, shipped=shipped)  # none other: one learned is held out (train --curve on dev)
    assert len(held) == 1 and held[0].id in {a.id for a in learned}
    assert split(learned, 0) == split(learned, 0, shipped=shipped)  # the dev gold's curve holds out as before


def test_the_report_says_the_held_out_article_was_learned_and_gives_no_verdict() -> None:
    report = _report(_scored(55, 0, 0), _scored(55, 0, 0), held_out=1)
    report.held_learned = 1
    assert report_lines(report)[-4:] == [
        "these figures rest on only 1 held-out article(s) and 55 reference span(s): one article more or less moves "
        "them a lot",
        "the held-out article is one the shipped learned component learned from (the seed article, the project's dev "
        "gold): it scores such articles far higher than news it has not seen, before training and after, so a gain "
        "hardly shows there; annotate articles of your own to hold out",
        "entities exact F1 +0.000; no interval: 1 held-out article with spans, and an interval takes 4 (with fewer, "
        "its 95% ends are little more than single articles' own figures)",
        "these articles cannot tell whether it helps: annotator suggest --model models/gold uses it",
    ]


def test_some_learned_among_many_held_out_are_counted_and_no_verdict_given() -> None:
    report = _report(_scored(50, 10, 10), _scored(40, 20, 20), held_out=5)
    report.held_learned = 2
    lines = report_lines(report)
    assert (
        "2 of the 5 held-out articles are ones the shipped learned component learned from (the seed article, the "
        "project's dev gold): it scores such articles far higher than news it has not seen, before training and after, so a "
        "gain hardly shows there; annotate articles of your own to hold out"
    ) in lines
    assert lines[-1] == "these articles cannot tell whether it helps: annotator suggest --model models/gold uses it"
    assert not any("keep suggesting" in line for line in lines)  # re-trial 41r: it still said so


def test_train_on_the_seed_and_gold_of_ones_own_holds_out_ones_own(tmp_path: Path) -> None:
    own = [json.loads(line) for line in (GOLD / "entities_dev2.jsonl").read_text("utf-8").splitlines()[:4]]
    seed = [json.loads(line) for line in (GOLD / "dev.jsonl").read_text("utf-8").splitlines()[:1]]
    records = tmp_path / "gold.jsonl"
    records.write_text("".join(json.dumps(r) + "\n" for r in seed + own), "utf-8")
    out = tmp_path / "ours"
    result = annotator("train", "--from", records, "--out", out, "--epochs", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    about = json.loads((out / "meta.json").read_text("utf-8"))["annotator"]
    assert len(about["held_out"]) == 1 and about["held_out"][0] in {r["article_id"] for r in own}
    assert "the shipped learned component learned from" not in result.stdout


def test_evaluate_model_leaves_out_what_the_shipped_component_it_started_from_learned(tmp_path: Path) -> None:
    """The trial's `evaluate --model models/ours` scored the seed alone, at 1.000, with no word: the trained folder
    started from the shipped component, which learned the seed."""
    own = [json.loads(line) for line in (GOLD / "entities_dev2.jsonl").read_text("utf-8").splitlines()[:3]]
    seed = [json.loads(line) for line in (GOLD / "dev.jsonl").read_text("utf-8").splitlines()[:1]]
    ours, records = tmp_path / "ours.jsonl", tmp_path / "gold.jsonl"
    ours.write_text("".join(json.dumps(r) + "\n" for r in own), "utf-8")
    records.write_text("".join(json.dumps(r) + "\n" for r in seed + own), "utf-8")
    db, out = tmp_path / "g.db", tmp_path / "ours"
    assert annotator("train", "--from", ours, "--out", out, "--epochs", "1").returncode == 0
    assert annotator("import", records, "--db", db).returncode == 0
    result = annotator("evaluate", "--db", db, "--model", out, "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["articles"], figures["learned_left_out"]) == (1, 3)  # the seed and the two trained on
    assert figures["learned_left_out_by"] == {"model": 2, "unseen_by": 0, "shipped": 1}
    text = annotator("evaluate", "--db", db, "--model", out).stdout.splitlines()
    assert text[1:3] == [  # newcomer: said apart, the pipeline's own and its start's
        "  2 more left out: the pipeline learned from them (its meta.json names them)",
        "  1 more left out: the shipped learned component the pipeline started from learned from them (its "
        "learned.json names them)",
    ]

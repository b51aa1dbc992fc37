"""A score with nothing to divide by is "n/a" (null in JSON), not 0.000 (a newcomer's trial): `evaluate` and
`train` follow the agreement report's rule, precision undefined with no prediction, recall with no reference
span, F1 with neither; one side empty and the other not is an F1 of 0."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support import SMALL_TEXT, find, word_tokens
from typer.testing import CliRunner

from annotator.cli import app
from annotator.metrics.evaluation import MatchCounts
from annotator.models import ArticleIn, Span, Status, Suggestion
from annotator.store import Store
from annotator.vocabulary import GOLD

DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def no_figure_anywhere(db_path: Path) -> None:
    """Gold has Washington (ACTOR) only; the model suggested Gaza (LOCATION) only: no FIGURE, no QUOTE at all."""
    with Store.open(db_path) as store:
        suggestions = [Suggestion(**find(SMALL_TEXT, "Gaza", "LOCATION"), suggester="entities.v1")]
        [article], _ = store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), suggestions)])
        store.replace_annotation(article, GOLD, [Span(**find(SMALL_TEXT, "Washington", "ACTOR"))], Status.DONE)


def test_evaluate_prints_n_a_where_a_ratio_is_undefined(db_path: Path) -> None:
    no_figure_anywhere(db_path)
    result = run("evaluate", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2:8] == [
        "label       ref  pred  exact P/R/F1         overlap P/R/F1     ",
        "ACTOR         1     0  n/a/0.000/0.000      n/a/0.000/0.000    ",
        "LOCATION      0     1  0.000/n/a/0.000      0.000/n/a/0.000    ",
        "FIGURE        0     0  n/a/n/a/n/a          n/a/n/a/n/a        ",
        "QUOTE         0     0  n/a/n/a/n/a          n/a/n/a/n/a        ",
        "ALL           1     1  0.000/0.000/0.000    0.000/0.000/0.000  ",
    ]


def test_evaluate_json_says_null_where_a_ratio_is_undefined(db_path: Path) -> None:
    no_figure_anywhere(db_path)
    result = run("evaluate", "--db", str(db_path), "--json")
    assert result.exit_code == 0, result.output
    labels = json.loads(result.stdout)["labels"]
    ratios = {label: [labels[label]["exact"][k] for k in ("precision", "recall", "f1")] for label in labels}
    assert ratios == {
        "ACTOR": [None, 0.0, 0.0],
        "LOCATION": [0.0, None, 0.0],
        "FIGURE": [None, None, None],
        "QUOTE": [None, None, None],
        "ALL": [0.0, 0.0, 0.0],
    }


def test_the_rule_is_the_agreement_report_s() -> None:
    from annotator.metrics.agreement import prf

    for tp, fp, fn in [(0, 0, 0), (0, 0, 3), (0, 2, 0), (2, 1, 2), (1, 0, 0)]:
        counts, pair = MatchCounts(tp=tp, fp=fp, fn=fn), prf(tp, tp + fn, tp + fp)
        assert (counts.precision, counts.recall, counts.f1) == (pair.p, pair.r, pair.f1)


def test_train_prints_n_a_for_a_label_nobody_marked(tmp_path: Path) -> None:
    """Three short dev-gold articles with their FIGURE spans taken out: FIGURE's recall has no reference span."""
    records = [json.loads(line) for line in DEV.read_text("utf-8").splitlines()]
    shortest = sorted(records, key=lambda r: len(r["text"]))[:3]
    for record in shortest:
        record["spans"] = [s for s in record["spans"] if s["label"] != "FIGURE"]
    path = tmp_path / "three.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in shortest), encoding="utf-8")
    result = run("train", "--from", str(path), "--out", str(tmp_path / "ours"), "--epochs", "1")
    assert result.exit_code == 0, result.output
    [figure] = [line for line in result.stdout.splitlines() if line.startswith("FIGURE ")]
    ratio = r"(\d\.\d{3}|n/a)"
    assert re.fullmatch(rf"FIGURE +0  ({ratio}/n/a/{ratio} +{ratio}  ){{2}}", figure + "  "), figure

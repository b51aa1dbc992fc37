"""A trained pipeline's figures, honest by default (a newcomer's findings): the real console script on a real
database of 8 gold articles the shipped component never learned, a pipeline `annotator train` fine-tuned from it
(6 learned, 2 held out) and its suggestions stored by `annotator suggest --model`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

#: Gold the shipped component never learned: what a trained folder is scored on (it starts from that component).
UNSEEN = Path(__file__).parent / "fixtures" / "gold" / "entities_dev2.jsonl"
WHY = "(with fewer, its 95% ends are little more than single articles' own figures)"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """g.db: the 8 shortest articles of entities_dev2 as gold; models/ours trained on it (one epoch); its
    suggestions stored in g.db."""
    folder = tmp_path_factory.mktemp("honest")
    records = [json.loads(line) for line in UNSEEN.read_text("utf-8").splitlines()]
    eight = sorted(records, key=lambda r: len(r["text"]))[:8]
    (folder / "eight.jsonl").write_text("".join(json.dumps(r) + "\n" for r in eight), encoding="utf-8")
    for command in (
        ("import", "eight.jsonl", "--db", "g.db"),
        ("train", "--db", "g.db", "--out", "models/ours", "--epochs", "1"),
        ("suggest", "--db", "g.db", "--model", "models/ours"),
    ):
        done = annotator(*command, cwd=folder)
        assert done.returncode == 0, done.stderr
    return folder


def evaluated(work: Path, *options: str):
    return annotator("evaluate", "--db", "g.db", *options, cwd=work)


def test_no_interval_of_an_f1_from_two_held_out_articles(work: Path) -> None:
    """`evaluate --model` on the 2 held-out articles: no "F1 95%" from 2 articles, as `train` and `--against` draw
    none under 4, and the line says why as theirs do."""
    done = evaluated(work, "--model", "models/ours")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith("against gold: 2 article(s) gold has marked done")
    assert [line for line in lines if "95%" in line] == [
        f"  F1 95%: no interval: 2 articles with spans, and an interval takes 4 {WHY}"
    ]
    data = json.loads(evaluated(work, "--model", "models/ours", "--json").stdout)
    assert data["micro_interval"] is None


def test_no_interval_of_a_gain_from_two_articles_says_why_in_the_same_words(work: Path) -> None:
    done = evaluated(work, "--model", "models/ours", "--suggester", "entities.v15", "--against", "entities.v1")
    assert done.returncode == 0, done.stderr
    [line] = [line for line in done.stdout.splitlines() if line.startswith("ALL exact F1 ")]
    assert line.endswith(f"; no interval: 2 articles with spans, and an interval takes 4 {WHY}")
    assert [line for line in done.stdout.splitlines() if line.startswith("  F1 95%")] == [
        f"  F1 95%: no interval: 2 articles with spans, and an interval takes 4 {WHY}"
    ]

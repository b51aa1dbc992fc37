"""`annotator train`'s figures where the held-out gold is the model's suggestions unchanged. A re-trial: alice and
bob pressed A then d on every article, `adjudicate --auto` settled gold from them, and `train` printed 1.000 before
and after on a held-out article whose gold was the model's suggestions, with no word that this is the model scored
against itself (`evaluate` says so), then advised "nothing shows a gain, so keep suggesting with the pipeline you
have": advice resting on self-scoring. The real app under Pilot, the real console script, a real SQLite file, a
real one-epoch training."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from processes import annotator
from test_as_suggested import settled_from_both

from annotator.store import Store
from annotator.vocabulary import GOLD

#: `evaluate`'s caution, as `train` says it of its held-out articles, under its first line.
CAUTION = (
    "  caution: on {n} of these {m} held-out article(s) {whose} is the model's suggestions unchanged (no person changed "
    "them, on the screen or by a command): there the model's suggestions are scored against themselves, which can "
    "only raise the figures below"
)


@pytest.fixture(scope="module")
def screen_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """alice and bob each press A then d on the three articles; `adjudicate --auto` settles gold from them."""
    return settled_from_both(tmp_path_factory.mktemp("screen"))


@pytest.fixture
def db(screen_made: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(screen_made, tmp_path / "ad.db"))


def test_figures_on_held_out_suggestions_are_said_to_be_self_scored_and_give_no_advice(
    db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "m1"
    done = annotator("train", "--epochs", "1", "--out", out, "--db", db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == [
        "trained on gold: 2 article(s); scored on 1 held-out article(s)",
        CAUTION.format(n=1, m=1, whose="gold"),
    ]
    assert "keep suggesting" not in done.stdout and "nothing shows a gain" not in done.stdout
    pasted = f" --db {shlex.quote(str(db))} --model {shlex.quote(str(out))}"
    assert lines[-1] == (
        "these articles cannot tell whether it helps: their gold is the model's suggestions unchanged, so it scores "
        "the model against itself; settle gold a person checked (corrected on the screen, or a disagreement settled "
        f"in `annotator review`) and train again; annotator suggest{pasted} uses it"
    )


def test_gold_a_person_changed_on_every_article_has_no_caution(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:  # the reviewer takes a span out of each article's gold: a person's gold there
        for article in ("n0", "n1", "n2"):
            store.remove_span(article, GOLD, store.spans(article, GOLD)[0].id)
    done = annotator("train", "--epochs", "1", "--out", tmp_path / "m1", "--db", db)
    assert done.returncode == 0, done.stderr
    assert "caution" not in done.stdout and "cannot tell" not in done.stdout
    assert "model's own suggestions" not in done.stderr


def test_the_curve_and_an_exported_file_say_it_too(db: Path, tmp_path: Path) -> None:
    """`--curve` prints the caution under its first line; `--from` the exported gold reads its records'
    `as_suggested`, and names the file, as `evaluate --gold-from` does."""
    curve = annotator("train", "--curve", "--epochs", "1", "--db", db)
    assert curve.returncode == 0, curve.stderr
    assert curve.stdout.splitlines()[1] == CAUTION.format(n=1, m=1, whose="gold")
    exported = annotator("export", "--gold", "-o", tmp_path / "g.jsonl", "--db", db)
    assert exported.returncode == 0, exported.stderr
    out = tmp_path / "m1"
    done = annotator("train", "--from", tmp_path / "g.jsonl", "--epochs", "1", "--out", out)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1] == CAUTION.format(n=1, m=1, whose="the file")
    assert lines[-1].startswith(
        "these articles cannot tell whether it helps: the file there is the model's suggestions unchanged, so it "
        "scores the model against itself; settle gold a person checked"
    )


def test_where_only_some_held_out_articles_are_self_scored_the_others_figure_is_said() -> None:
    """Three held out, the first's gold the model's suggestions unchanged: the caution gives the pooled exact F1 on
    the other two before and after (matched 1 of 3 gold, 2 predicted: 0.400; then 2 of 3, 3 predicted: 0.667), as
    `evaluate` gives its ALL without such articles."""
    from annotator.exchange.training import TrainReport
    from annotator.metrics.evaluation import score_pairs
    from annotator.models import Span
    from annotator.reports.training import self_scored_lines

    def span(start: int, label: str = "ACTOR") -> Span:
        return Span(start=start, end=start + 3, label=label, text="abc")

    gold = [[span(0), span(10)], [span(0), span(10)], [span(20)]]
    before = score_pairs(zip(gold, [[span(0), span(10)], [span(0)], [span(30)]], strict=True))
    after = score_pairs(zip(gold, [[span(0), span(10)], [span(0), span(10)], [span(30)]], strict=True))
    report = TrainReport("gold", 7, 3, before.evaluation, before.exact, after.evaluation, after.exact)
    report.held_ids, report.held_unchanged_ids = ["a", "b", "c"], frozenset({"a"})
    assert self_scored_lines(report) == [
        "  caution: on 1 of these 3 held-out article(s) gold is the model's suggestions unchanged (no person changed "
        "them, on the screen or by a command): there the model's suggestions are scored against themselves, which can "
        "only raise the figures below; on the other 2 article(s), entities' exact F1 is 0.400 before and 0.667 after"
    ]
    report.held_unchanged_ids = frozenset({"a", "b", "c"})  # none other: no figure
    assert self_scored_lines(report) == [CAUTION.format(n=3, m=3, whose="gold")]

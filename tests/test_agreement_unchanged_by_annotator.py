"""A team lead's trial (F1): ann accepted every suggestion unchanged (A then d) and cara corrected them; agreement
printed ann ~ cara at F1 0.857 as agreement between two people, with no word, since its caution counts only the
articles where everyone's work is the model's. Now one note names, per annotator, on how many compared articles
their own work is the model's suggestions unchanged (and `--json` has it per annotator). The real console script
on a real SQLite file: ann's work by the real `annotator accept`, ben's as A then d leaves it (the suggestions as
they are, by the store's edit function), cara's corrected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status, Suggestion
from annotator.store import Store

GAZA = SMALL_TEXT.index("Gaza")
NOTE = (
    "note: per annotator, articles compared where their own work is the model's suggestions unchanged (accepted as "
    "suggested, on the screen or by `annotator accept`): ann 3 of 3, ben 3 of 3, cara 0 of 3; a pair with such work "
    "measures the model against the other annotator there"
)


def _suggested() -> list[Suggestion]:
    return [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="entities.v1"),
        Suggestion(start=GAZA, end=GAZA + 4, label="LOCATION", text="Gaza", suggester="entities.v1"),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("unchanged") / "team.db"
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(3)]
    with Store.open(path) as store:
        store.add_articles(
            [(ArticleIn(text=t, title=f"A{n}"), word_tokens(t), _suggested()) for n, t in enumerate(texts)]
        )
    done = annotator("accept", "--db", path, "--annotator", "ann", "--done")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        for article in store.article_ids():
            store.replace_annotation(article, "ben", _suggested(), Status.DONE)  # A then d
            span = Span(start=0, end=10, label="ACTOR", text="Washington")
            store.replace_annotation(article, "cara", [span], Status.DONE)  # Gaza taken out
    return path


def test_agreement_names_each_annotator_whose_work_is_the_suggestions_unchanged(db: Path) -> None:
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:6] == [
        "articles compared  3 (done by all of ann, ben, cara)",
        "tokens             54",
        "articles differing 3",
        "speaker agreement  n/a (0 jointly found quote pairs)",
        NOTE,
        "",
    ]


def test_the_json_has_the_count_per_annotator_beside_the_others(db: Path) -> None:
    result = annotator("agreement", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["suggestions_unchanged"], report["command_only"]) == (0, 0)
    assert report["suggestions_unchanged_by"] == {"ann": 3, "ben": 3, "cara": 0}
    assert result.stderr.splitlines() == [f"annotator: {NOTE}"]

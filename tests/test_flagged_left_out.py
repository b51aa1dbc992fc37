"""A team lead's trial (F6): ben flagged a done article after its gold was done ("unclear who scored"); `agreement`
compared one article fewer with no word, `adjudicate --auto` did not name it, and `export --gold` wrote its gold as
done silently. Each now names it, with who flagged it and why. The real console script on a real SQLite file: the
plan made by the real `assign`, gold by the real `adjudicate --auto`, the annotators' work and the flag by the
store's edit functions, as a screen makes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three articles assigned to ann and ben, who agree on each; gold done on all three; then ben flags the third."""
    path = tmp_path_factory.mktemp("flag") / "team.db"
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(3)]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=t, title=f"Match {n}"), word_tokens(t), []) for n, t in enumerate(texts)])
    done = annotator("assign", "--db", path, "--annotators", "ann,ben", "--overlap", "2")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        for article in store.article_ids():
            for who in ("ann", "ben"):
                span = Span(start=0, end=10, label="ACTOR", text="Washington")
                store.replace_annotation(article, who, [span], Status.DONE)
    done = annotator("adjudicate", "--db", path, "--auto", "--reviewer", "lead")
    assert done.returncode == 0, done.stderr
    with Store.open(path) as store:
        third = store.article_ids()[2]
        store.set_status(third, "ben", Status.FLAGGED, reason="unclear who scored")
    return path


def test_agreement_names_the_article_a_flag_leaves_out(db: Path) -> None:
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:6] == [
        "articles compared  2 (done by all of ann, ben)",
        "tokens             36",
        "articles differing 0",
        "speaker agreement  n/a (0 jointly found quote pairs)",
        "note: 1 article left out: 'Match 2' flagged by ben ('unclear who scored')",
        "",
    ]


def test_agreement_json_names_it_on_standard_error(db: Path) -> None:
    result = annotator("agreement", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 2
    assert result.stderr.splitlines() == [
        "annotator: note: 1 article left out: 'Match 2' flagged by ben ('unclear who scored')"
    ]


def test_adjudicate_names_it(db: Path) -> None:
    result = annotator("adjudicate", "--db", db, "--auto", "--reviewer", "lead")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "2 article(s) compared (done by all of ann, ben): 0 agreed span(s) into gold, 0 article(s) settled, "
        "0 disagreement(s) left for review in the articles adjudicated now; 2 article(s) whose gold is done left as "
        "they are"
    )
    assert result.stderr.splitlines() == [
        "annotator: note: 1 article left out: 'Match 2' flagged by ben ('unclear who scored')"
    ]


def test_export_gold_says_it_exports_the_gold_of_a_flagged_article(db: Path) -> None:
    result = annotator("export", "--db", db, "--gold", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert [record["status"] for record in map(json.loads, result.stdout.splitlines())] == ["done"] * 3
    assert result.stderr.splitlines() == [
        "3 record(s) written",
        "note: gold exported of 1 article an annotator has flagged: 'Match 2' flagged by ben ('unclear who scored')",
    ]

"""`agreement`'s table says what its `spans` column and P and R are (a newcomer's trial: "118/119" was explained
neither in the output nor in the docs, and which of a pair is the reference for P and R only in docs/teams.md).
alice marks 2 spans, bob the same 2 and a third: 2/3, P 0.667 (bob's spans alice has), R 1.000 (alice's bob has).
The real console script on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store

TEXT = "Ana Lopez met Bob Kane in Paris on Monday."


def mark(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)


def finished(db: Path, *extra: str) -> Path:
    with Store.open(db) as store:
        [article], _ = store.add_articles([(ArticleIn(text=TEXT, id="a"), word_tokens(TEXT), [])])
        both = [mark("Ana Lopez", "ACTOR"), mark("Bob Kane", "ACTOR")]
        store.replace_annotation(article, "alice", both, Status.DONE)
        store.replace_annotation(article, "bob", [*both, mark("Paris", "LOCATION")], Status.DONE)
        for who in extra:
            store.replace_annotation(article, who, both, Status.DONE)
    return db


def test_the_table_says_whose_spans_and_which_annotator_is_the_reference(tmp_path: Path) -> None:
    result = annotator("agreement", "--db", finished(tmp_path / "a.db"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("alice ~ bob              ALL"))
    assert row.split()[4:6] == ["2/3", "0.667/1.000/0.800"]
    assert lines[lines.index(row) + 5] == (
        "  spans: alice's/bob's; alice is the reference for P and R: P = matched / bob's spans, R = matched / alice's"
    )


def test_with_more_pairs_the_legend_says_the_first_of_a_pair(tmp_path: Path) -> None:
    result = annotator("agreement", "--db", finished(tmp_path / "a.db", "carol"))
    assert (
        "  spans: the first's/the second's of a pair; the first is the reference for P and R: P = matched / the "
        "second's spans, R = matched / the first's"
    ) in result.stdout.splitlines()

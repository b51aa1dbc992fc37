"""An export says what its --status leaves out (a newcomer's trial: `export` wrote 8 records and left the
in-progress one out without a word, while `--status all` wrote 9): one note line, how many of which status, and
the option that takes them; in every format, to a file or standard output, for gold work too."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator
from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.vocabulary import GOLD

FORMATS = ["jsonl", "prodigy", "doccano", "doccano-relations", "spacy", "conll", "labelstudio"]


def _database(path: Path, who: str = "alice") -> None:
    """Four articles of `who`'s: one done, two in progress, one skipped."""
    texts = [f"Article {n} says Ann went to Paris." for n in range(4)]
    with Store.open(path) as store:
        ids, _ = store.add_articles([(ArticleIn(text=t, title="T"), word_tokens(t), []) for t in texts])
        for article, status in zip(ids, ["done", "in_progress", "skipped", "in_progress"], strict=True):
            store.set_status(article, who, status)


@pytest.mark.parametrize("format", FORMATS)
def test_each_format_s_export_says_what_the_status_left_out(tmp_path: Path, format: str) -> None:
    _database(tmp_path / "x.db")
    result = annotator("export", "--annotator", "alice", "--format", format, "-o", "out", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "1 record(s) -> out\n",
        "note: 2 in_progress and 1 skipped record(s) left out (--status all takes every status)\n",
    )


def test_the_note_names_only_the_statuses_left_out_and_none_when_all_are_taken(tmp_path: Path) -> None:
    _database(tmp_path / "x.db")
    some = annotator(
        "export", "--annotator", "alice", "--status", "done,skipped", "-o", "-", "--db", "x.db", cwd=tmp_path
    )
    assert (some.returncode, some.stderr) == (
        0,
        "2 record(s) written\nnote: 2 in_progress record(s) left out (--status all takes every status)\n",
    )
    every = annotator("export", "--annotator", "alice", "--status", "all", "-o", "-", "--db", "x.db", cwd=tmp_path)
    assert (every.returncode, every.stderr) == (0, "4 record(s) written\n")


def test_a_gold_export_says_what_the_status_left_out(tmp_path: Path) -> None:
    _database(tmp_path / "x.db", GOLD)
    result = annotator("export", "--gold", "-o", "gold.jsonl", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "1 record(s) -> gold.jsonl\n",
        "note: 2 in_progress and 1 skipped record(s) left out (--status all takes every status)\n",
    )


def test_a_suggestions_export_has_no_status_and_leaves_nothing_out_by_it(tmp_path: Path) -> None:
    _database(tmp_path / "x.db")
    result = annotator("export", "--suggestions", "-o", "-", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (  # its articles have no suggestion: said (trial s59 t19 F4)
        0,
        "4 record(s) written\nnote: 4 record(s) of an article with no suggestion, their annotator 'model:' naming no "
        "suggester (ingested with --no-suggest, or the suggesters found nothing in it; `annotator suggest` suggests "
        "for those never suggested)\n",
    )

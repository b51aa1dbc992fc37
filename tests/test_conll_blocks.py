"""A researcher's trial (8): doccano's CoNLL example (blank-line-separated examples, no -DOCSTART-) imported as one
article, and what a -DOCSTART- line in front of it did depended on its columns: `-DOCSTART- -X- O O` one article,
`-DOCSTART- -X- O` two. A -DOCSTART- line now starts an article whatever its columns; a file without one reads its
blocks as the sentences of one article and says so, and --conll-blocks articles reads each block as an article, as
doccano's export means them. The file is doccano-shaped (`word<TAB>TAG`, a block an example), its sentences
invented (no CoNLL-2003 text: tests/fixtures/real/PROVENANCE.md). Real console script, real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store

DOCCANO_SHAPED = "Ana\tB-PER\nRuiz\tI-PER\nvisited\tO\nRiverton\tB-LOC\n\nLi\tB-PER\nWei\tI-PER\nleft\tO\n\n"
LABELS = ("--label-map", "PER=ACTOR,LOC=LOCATION")


def imported(tmp_path: Path, content: str, *options: str) -> tuple[list[str], list[str]]:
    """The import's stdout lines, and the text of every article it stored, in order."""
    (tmp_path / "d.conll").write_text(content, encoding="utf-8")
    command = ("import", "d.conll", "--format", "conll", "--annotator", "bob", "--db", "x.db", *LABELS, *options)
    result = annotator(*command, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        return result.stdout.splitlines(), [store.article_text(a) for a in store.article_ids()]


@pytest.mark.parametrize("docstart", ["-DOCSTART- -X- O O", "-DOCSTART- -X- O", "-DOCSTART-"])
def test_a_docstart_line_starts_one_article_whatever_its_columns(tmp_path: Path, docstart: str) -> None:
    _, texts = imported(tmp_path, f"{docstart}\n\n{DOCCANO_SHAPED}")
    assert texts == ["Ana Ruiz visited Riverton\nLi Wei left"]


def test_blocks_without_docstart_are_said_to_be_read_as_sentences_of_one_article(tmp_path: Path) -> None:
    out, texts = imported(tmp_path, DOCCANO_SHAPED)
    assert texts == ["Ana Ruiz visited Riverton\nLi Wei left"]
    assert out[-1] == (
        "note: 2 blocks read as the sentences of one article: the file has no -DOCSTART- line to start an "
        "article (CoNLL-2003's); --conll-blocks articles reads each block as an article (doccano's CoNLL export "
        "writes an example a block)"
    )


def test_conll_blocks_articles_reads_each_block_as_an_article(tmp_path: Path) -> None:
    out, texts = imported(tmp_path, DOCCANO_SHAPED, "--conll-blocks", "articles")
    assert texts == ["Ana Ruiz visited Riverton", "Li Wei left"]
    assert out[0] == "2 record(s) imported (2 new article(s)) -> x.db"


def test_conll_blocks_sentences_reads_label_studio_blocks_as_one_article(tmp_path: Path) -> None:
    """Label Studio's CONLL2003 export (`TOKEN -X- _ TAG` lines) reads a block a task unless told otherwise."""
    content = "-DOCSTART- -X- O\nAna -X- _ B-PER\nleft -X- _ O\n\nLi -X- _ B-PER\nstayed -X- _ O\n\n"
    assert imported(tmp_path, content)[1] == ["Ana left", "Li stayed"]
    (tmp_path / "x.db").unlink()
    assert imported(tmp_path, content, "--conll-blocks", "sentences")[1] == ["Ana left\nLi stayed"]

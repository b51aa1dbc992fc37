"""DocBins spaCy itself makes, imported (trial t1, F4 and F6): `spacy convert -c iob` ends its DocBin with an empty
Doc, which the import refused as "field 'article_id': must not be empty" (no option gives a Doc an id, and the id
was not the cause); now the empty Doc is skipped and listed as Prodigy's blank tasks are. A Doc's categories
(`doc.cats`) and user_data keys that are not ours were dropped without a word; now they are listed as left out, as
every reader lists what it does not store. The real `spacy convert` on spaCy's own example file
(fixtures/real/spacy, PROVENANCE.md), spaCy's DocBin, the real console script and a real SQLite file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import spacy
from processes import annotator, one_error_line
from real_files import REAL, annotations
from spacy.tokens import Doc, DocBin, Span

SENTENCES = REAL / "spacy" / "ner-sent-per-line.iob"
MAP = "PERSON=ACTOR,ORG=ACTOR,NORP=,DATE="


def test_spacy_converts_empty_doc_is_skipped_and_listed(tmp_path: Path) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(SENTENCES), str(tmp_path), "-c", "iob", "-t", "spacy"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "3 documents" in made.stdout  # spaCy's own count: two sentences and the empty Doc it ends with
    result = annotator(
        "import", "ner-sent-per-line.spacy", "--format", "spacy", "--annotator", "sam", "--label-map", MAP,
        "--db", "x.db", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2 record(s) imported (2 new article(s)) -> x.db",
        "skipped 1 record(s):",
        "  ner-sent-per-line.spacy: record 3: the Doc is empty (no text): nothing to annotate",
        "left out: 2 span(s) labelled 'DATE' (--label-map DATE=)",
        "left out: 1 span(s) labelled 'NORP' (--label-map NORP=)",
    ]
    assert annotations(tmp_path / "x.db") == [
        (
            "When Sebastian Thrun started w",
            "sam",
            "done",
            [("ACTOR", "Sebastian Thrun", None), ("ACTOR", "Google", None)],
        ),
        ("“ I can tell you very senior C", "sam", "done", [("ACTOR", "Thrun", None), ("ACTOR", "Recode", None)]),
    ]


def test_a_docs_categories_and_other_user_data_are_listed_as_left_out(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    moved, plain = nlp("Ana Ruiz moved to Porto last week."), nlp("Nothing here.")
    moved.ents = [moved.char_span(0, 8, label="PERSON"), moved.char_span(18, 23, label="GPE")]  # type: ignore[list-item]
    moved.cats = {"RELOCATION": 1.0, "SPORTS": 0.0}
    moved.user_data["source"] = "wire"
    plain.cats = {"RELOCATION": 0.0}
    plain.ents = []
    docbin = DocBin(store_user_data=True)
    for doc in (moved, plain):
        docbin.add(doc)
    docbin.to_disk(tmp_path / "cats.spacy")
    result = annotator(
        "import", "cats.spacy", "--format", "spacy", "--annotator", "sam", "--label-map", "PERSON=ACTOR,GPE=LOCATION",
        "--db", "x.db", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2 record(s) imported (2 new article(s)) -> x.db",
        "left out: 2 Doc(s)' categories (doc.cats): labels of the whole text, which span work has no place for",
        "left out: 1 doc.user_data key 'source' (not read)",
    ]
    assert annotations(tmp_path / "x.db") == [
        ("Ana Ruiz moved to Porto last w", "sam", "done", [("ACTOR", "Ana Ruiz", None), ("LOCATION", "Porto", None)]),
        ("Nothing here.", "sam", "done", []),
    ]


def test_an_entity_off_the_stored_tokens_is_named_by_the_docs_field(tmp_path: Path) -> None:
    """A Doc another tool tokenized ('Acme' 'corp') over a stored article ('Acmecorp'): the error names the Doc's
    `ents[0]`, not our internal `spans[0]`, as doccano's errors name `label[0]` (trial t1 F5)."""
    (tmp_path / "a.txt").write_text("Acmecorp hired Tom Baker.\n", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    words, spaces = ["Acme", "corp", "hired", "Tom", "Baker", "."], [False, True, True, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 3, 5, label="PERSON")]
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    docbin.to_disk(tmp_path / "off.spacy")
    result = annotator(
        "import", "off.spacy", "--format", "spacy", "--annotator", "sam", "--label-map", "ORG=ACTOR,PERSON=ACTOR",
        "--db", "x.db", cwd=tmp_path,
    )  # fmt: skip
    assert one_error_line(result) == (
        "off.spacy: record 1: field 'ents[0]': span 0:4 'Acme' does not fall on token boundaries (--snap moves it)"
    )

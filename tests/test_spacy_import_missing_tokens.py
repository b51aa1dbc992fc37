"""A researcher's trial (trial 8): a DocBin whose Doc marks some tokens missing (`doc.set_ents([...],
default="missing")`: partial annotation, which spaCy reads as unknown, not O) was stored as done work, and the
spaCy export then wrote O there: negative examples made of nothing said. Such a Doc is work in progress, and the
import says how many there were and why; a Doc whose entities were never set, its spans read from --spans-key, is
done work as before. DocBins made by spaCy itself, the real console script, real SQLite files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from real_files import annotations

PARTIAL = "Mayor Ana Ruiz said the bridge in Riverton will reopen."
SPANS_ONLY = "Ana Ruiz visited Riverton on Monday."
QUOTED = 'Mayor Ana Ruiz said "Riverton will rebuild the bridge by May" after floods cut off 1,200 homes.'
NOTE = (
    "note: 1 Doc(s) with tokens marked missing (ent_iob_ ''), which spaCy reads as not annotated, neither an entity "
    "nor O: stored as work in progress, not done (an export of done work leaves them out)"
)


def docbin(path: Path, partial: bool) -> Path:
    """One Doc made with spaCy: Ana Ruiz as PERSON in `doc.ents`, the rest missing (`partial`), or, its entities
    never set, Ana Ruiz in `doc.spans["sc"]`."""
    import spacy
    from spacy.tokens import DocBin, Span

    nlp = spacy.blank("en")
    doc = nlp(PARTIAL if partial else SPANS_ONLY)
    start = 1 if partial else 0
    if partial:
        doc.set_ents([Span(doc, start, start + 2, "PERSON")], default="missing")
    else:
        doc.spans["sc"] = [Span(doc, start, start + 2, "PERSON")]
    DocBin(docs=[doc]).to_disk(path)
    return path


def test_a_doc_with_tokens_marked_missing_is_stored_in_progress_and_said(tmp_path: Path) -> None:
    docbin(tmp_path / "partial.spacy", partial=True)
    result = annotator("import", "partial.spacy", "--format", "spacy", "--annotator", "hal", "--label-map",
                       "PERSON=ACTOR", "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines() == ["1 record(s) imported (1 new article(s)) -> x.db", NOTE]
    assert annotations(tmp_path / "x.db") == [(PARTIAL[:30], "hal", "in_progress", [("ACTOR", "Ana Ruiz", None)])]


def test_a_doc_whose_entities_were_never_set_reads_its_spans_as_done_work(tmp_path: Path) -> None:
    docbin(tmp_path / "spans.spacy", partial=False)
    result = annotator("import", "spans.spacy", "--format", "spacy", "--annotator", "hal", "--label-map",
                       "PERSON=ACTOR", "--spans-key", "sc", "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines() == ["1 record(s) imported (1 new article(s)) -> x.db"]
    assert annotations(tmp_path / "x.db") == [(SPANS_ONLY[:30], "hal", "done", [("ACTOR", "Ana Ruiz", None)])]


def test_a_doc_whose_entities_were_never_set_and_whose_spans_hold_no_entity_is_in_progress(tmp_path: Path) -> None:
    """Re-trial 11: only a QUOTE under `sc`, entities never set, was done work, and the export wrote every token O:
    "no entity here" for names nobody annotated. Every token of such a Doc is missing to spaCy."""
    import spacy
    from spacy.tokens import DocBin, Span

    doc = spacy.blank("en")(QUOTED)
    doc.spans["sc"] = [Span(doc, 5, 12, "QUOTE")]
    DocBin(docs=[doc]).to_disk(tmp_path / "quote.spacy")
    result = annotator("import", "quote.spacy", "--format", "spacy", "--annotator", "hal", "--spans-key", "sc",
                       "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines() == ["1 record(s) imported (1 new article(s)) -> x.db", NOTE]
    quote = ("QUOTE", "Riverton will rebuild the bridge by May", None)
    assert annotations(tmp_path / "x.db") == [(QUOTED[:30], "hal", "in_progress", [quote])]


def test_the_note_counts_only_docs_stored(tmp_path: Path) -> None:
    """Re-trial 11: the note was printed on an import that stored nothing."""
    docbin(tmp_path / "partial.spacy", partial=True)
    command = ("import", "partial.spacy", "--format", "spacy", "--annotator", "hal", "--label-map", "PERSON=ACTOR",
               "--db", "x.db")  # fmt: skip
    assert annotator(*command, cwd=tmp_path).returncode == 0
    again = annotator(*command, cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, ""), again.stderr
    assert again.stdout.splitlines() == ["0 record(s) imported (0 new article(s)); 1 unchanged -> x.db"]

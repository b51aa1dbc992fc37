"""A DocBin whose Doc has one span both in `doc.ents` and in `doc.spans["incorrect_spans"]` (the same offsets and
label accepted and marked incorrect, as two answers merged into one Doc leave it) was imported as a done ACTOR,
the contradiction said nowhere (its mark only counted among the rejected spans left out). spaCy's own NER refuses
such a Doc when it trains (E868, "a conflicting gold annotation"): the span stays the Doc's entity (doc.ents is
the annotation; a mark of incorrect is never anyone's span here), the work is stored in progress, not done, so that
no export of done work takes it as gold until someone decides, and a note names the Doc and the span. A DocBin
made by spaCy, the real console script, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator
from real_files import annotations

TEXT = "Shares of Google rose in Paris today."


def _doc(vocab: object, incorrect: list[tuple[int, int, str]]):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en", vocab=vocab)(TEXT)
    doc.ents = [Span(doc, 2, 3, "ORG"), Span(doc, 5, 6, "GPE")]  # every other token O: complete work
    doc.spans["incorrect_spans"] = [Span(doc, start, end, label) for start, end, label in incorrect]
    return doc


def _import(folder: Path, incorrect: list[tuple[int, int, str]]) -> tuple[int, str, str]:
    import spacy
    from spacy.tokens import DocBin

    DocBin(docs=[_doc(spacy.blank("en").vocab, incorrect)]).to_disk(folder / "teach.spacy")
    result = annotator("import", "teach.spacy", "--format", "spacy", "--annotator", "tom", "--label-map",
                       "ORG=ACTOR,GPE=LOCATION", "--db", "x.db", cwd=folder)  # fmt: skip
    return result.returncode, result.stdout, result.stderr


def test_spacy_refuses_to_train_on_such_a_doc() -> None:
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    nlp.add_pipe("ner", config={"incorrect_spans_key": "incorrect_spans"})
    doc = _doc(nlp.vocab, [(5, 6, "GPE")])
    example = Example(nlp.make_doc(TEXT), doc)
    nlp.initialize(lambda: [example])
    with pytest.raises(ValueError, match=r"^\[E868\] .* \(25, 30, 'GPE'\)"):
        nlp.update([example])


def test_a_span_accepted_and_marked_incorrect_is_noted_and_not_done(tmp_path: Path) -> None:
    code, out, err = _import(tmp_path, [(5, 6, "GPE"), (0, 1, "ORG")])
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s)) -> x.db",
        "left out: 1 rejected span(s) under doc.spans['incorrect_spans'] (spaCy's incorrect_spans_key): no one's span",
        "note: teach.spacy record 1: span 25:30 'Paris' labelled 'GPE' is both in doc.ents and in "
        "doc.spans['incorrect_spans'], accepted and marked incorrect (`spacy train` refuses such a Doc, E868): "
        "stored as the Doc's entity, the work in progress, not done",
    ]
    assert annotations(tmp_path / "x.db") == [
        (TEXT[:30], "tom", "in_progress", [("ACTOR", "Google", None), ("LOCATION", "Paris", None)])
    ]


def test_a_mark_of_another_label_is_no_contradiction(tmp_path: Path) -> None:
    code, out, err = _import(tmp_path, [(5, 6, "ORG")])  # 'Paris' is no ORG: spaCy trains on it
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s)) -> x.db",
        "left out: 1 rejected span(s) under doc.spans['incorrect_spans'] (spaCy's incorrect_spans_key): no one's span",
    ]
    assert annotations(tmp_path / "x.db") == [
        (TEXT[:30], "tom", "done", [("ACTOR", "Google", None), ("LOCATION", "Paris", None)])
    ]

"""A re-trial (trial 11): spaCy keeps rejected entity spans under `doc.spans["incorrect_spans"]` (the NER
component's `incorrect_spans_key`); the import refused such a Doc with "(give --spans-key incorrect_spans ...)",
and following that advice imported the rejected "Paris" as an ACTOR. Rejected spans are no one's spans: left out
and counted, and the key given is refused. A DocBin made by spaCy, the real console script, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from real_files import annotations

TEXT = "Shares of Google rose in Paris today."


def _docbin(path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin, Span

    doc = spacy.blank("en")(TEXT)
    doc.set_ents([Span(doc, 2, 3, "ORG")], default="missing")  # Google accepted
    doc.spans["incorrect_spans"] = [Span(doc, 5, 6, "ORG")]  # Paris rejected as an ORG
    DocBin(docs=[doc]).to_disk(path)


def test_rejected_spans_are_left_out_and_counted(tmp_path: Path) -> None:
    _docbin(tmp_path / "teach.spacy")
    result = annotator("import", "teach.spacy", "--format", "spacy", "--annotator", "tom", "--label-map",
                       "ORG=ACTOR", "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines()[1] == (
        "left out: 1 rejected span(s) under doc.spans['incorrect_spans'] (spaCy's incorrect_spans_key): no one's span"
    )
    assert annotations(tmp_path / "x.db") == [(TEXT[:30], "tom", "in_progress", [("ACTOR", "Google", None)])]


def test_the_key_of_rejected_spans_is_refused(tmp_path: Path) -> None:
    _docbin(tmp_path / "teach.spacy")
    result = annotator("import", "teach.spacy", "--format", "spacy", "--annotator", "tom", "--label-map",
                       "ORG=ACTOR", "--spans-key", "incorrect_spans", "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: --spans-key incorrect_spans: spaCy keeps rejected entity spans under that key "
        "(incorrect_spans_key), no one's spans: without the option they are left out and counted\n",
    )

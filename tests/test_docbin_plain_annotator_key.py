"""Attacker: a DocBin whose Doc has `user_data["annotator"] = "bob"` (or an int, or a name holding an escape
sequence) was refused with "field 'user_data.annotator': the record names no annotator": the Doc does name one,
under a key the import does not read. The import reads the annotator from the JSON object under
user_data["annotator.record"], as our export writes it, and only there (a second place could disagree with it);
the error now says that the plain key is not read, where the annotator is read from, and what to give instead.
The real console script on real files; the DocBin is spaCy's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from processes import annotator, folder_state, one_error_line
from spacy.tokens import DocBin

TEXT = "Paris police said 20 people were hurt ."


def docbin_naming(folder: Path, value: object) -> None:
    doc = spacy.blank("en")(TEXT)
    doc.user_data["annotator"] = value
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    docbin.to_disk(folder / "plain.spacy")


@pytest.mark.parametrize("value", ["bob", 5, "b\x1b[31mob"])
def test_a_plain_annotator_key_is_said_to_be_unread(tmp_path: Path, value: object) -> None:
    docbin_naming(tmp_path, value)
    before = folder_state(tmp_path)
    result = annotator("import", "plain.spacy", "--format", "spacy", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "plain.spacy: record 1: field 'user_data': the key 'annotator' is not read: a Doc names its annotator in the "
        "JSON object under 'annotator.record' ({\"annotator\": NAME}, as `annotator export --format spacy` writes "
        "it); give --annotator NAME to name this file's work"
    )
    assert folder_state(tmp_path) == before


def test_with_annotator_given_the_doc_is_imported_as_theirs(tmp_path: Path) -> None:
    docbin_naming(tmp_path, "bob")
    result = annotator("import", "plain.spacy", "--format", "spacy", "--annotator", "bob", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout.splitlines()) == (0, [
        "1 record(s) imported (1 new article(s)) -> x.db",
        "left out: 1 doc.user_data key 'annotator' (not read)",  # listed as every key not read is (trial t1 F6)
        "note: 1 Doc(s) with tokens marked missing (ent_iob_ ''), which spaCy reads as not annotated, neither an "
        "entity nor O: stored as work in progress, not done (an export of done work leaves them out)",
    ])  # fmt: skip

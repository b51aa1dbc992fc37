"""Text a file holds, in `annotator import`'s messages, is quoted as it is (`literal.quoted`), not through Python's
repr, which showed a backslash twice and a quote mark escaped (`'X-PER\\\\'`, `'O\\'Neil'`): a Prodigy token, a
CoNLL tag, a spaCy span group's key, a Label Studio result's type. Files of the kind each tool writes, the real
console script."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL


def test_a_prodigy_token_off_its_text(tmp_path: Path) -> None:
    text = 'He said O\'Neil "Bo" left.'
    tokens = [{"text": "He", "start": 0, "end": 2, "id": 0}, {"text": "said", "start": 3, "end": 7, "id": 1},
              {"text": "O'Neil \"Bo", "start": 8, "end": 19, "id": 2}]  # fmt: skip
    task = {"text": text, "tokens": tokens, "spans": [], "answer": "accept", "_view_id": "ner_manual"}
    (tmp_path / "t.jsonl").write_text(json.dumps(task) + "\n", encoding="utf-8")
    result = annotator("import", "t.jsonl", "--format", "prodigy", "--annotator", "bob", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == "t.jsonl:1: field 'tokens[2]': token 'O'Neil \"Bo' does not match the text at 8:19"


def test_a_conll_tag(tmp_path: Path) -> None:
    (tmp_path / "c.conll").write_text("-DOCSTART- -X- O O\n\nLee NNP B-NP X-PER\\\nleft VBD B-VP O\n", encoding="utf-8")
    result = annotator("import", "c.conll", "--format", "conll", "--annotator", "bob", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == "c.conll:3: field 'tag': expected O, B-LABEL or I-LABEL, got 'X-PER\\'"


def test_a_spacy_span_groups_key(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin, Span

    doc = spacy.blank("en")("Shares of Google rose.")
    doc.spans['it\'s "sc"'] = [Span(doc, 2, 3, "ORG")]
    DocBin(docs=[doc]).to_disk(tmp_path / "d.spacy")
    result = annotator("import", "d.spacy", "--format", "spacy", "--annotator", "bob", "--spans-key", "a\\b",
                       "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert one_error_line(result) == (
        "d.spacy: record 1: field 'spans': the Doc keeps 1 span(s) under 'it's \"sc\"', which are not read (give "
        "--spans-key it's \"sc\"; the spans read are doc.ents and doc.spans['a\\b'])"
    )


def test_a_label_studio_results_type(tmp_path: Path) -> None:
    tasks = json.loads((REAL / "labelstudio" / "ls1232_export.json").read_text(encoding="utf-8"))
    result = {"id": "r1", "type": "rat\\ing", "value": {"rating": 3}, "from_name": "r", "to_name": "text"}
    tasks[0]["annotations"][0]["result"].append(result)
    (tmp_path / "ls.json").write_text(json.dumps(tasks), encoding="utf-8")
    done = annotator("import", "ls.json", "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (
        "left out: 1 Label Studio 'rat\\ing' result(s) of the control 'r' (only labels and relations are read)"
        in done.stdout
    )

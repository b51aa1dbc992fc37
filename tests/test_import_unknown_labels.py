"""A newcomer's finding (42x, 2): an import named one unknown label a run (GPE, then ORG, then PERSON ...), so a
real Prodigy dataset took a run per label to map. The one error line still names the first place (file:line,
field), and now every other unknown label of the file with its count, and the --label-map that maps them all; the
file is read once, and nothing is written. Real files, the real console script."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line

TEXT = "Mayor Ana Ruiz of Riverton said on May 3 that ACME Corp will build 14 boats."
KNOWN = "Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE'"


def span(text: str, label: str) -> dict:
    return {"start": TEXT.index(text), "end": TEXT.index(text) + len(text), "label": label}


def task(number: int, *spans: dict) -> dict:
    return {"text": f"{TEXT} Item {number}.", "spans": list(spans), "answer": "accept", "_annotator_id": "news-alice",
            "_view_id": "ner_manual"}  # fmt: skip


def write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


DATASET = (
    task(0, span("Riverton", "GPE")),
    *(task(n, span("Ana Ruiz", "PERSON"), span("May 3", "DATE"), span("ACME Corp", "ORG")) for n in range(1, 13)),
    task(13, span("May 3", "DATE"), span("14 boats", "CARDINAL")),
)


def refused(tmp_path: Path, name: str, *options: str) -> str:
    result = annotator("import", name, "--db", "x.db", *options, cwd=tmp_path)
    assert not (tmp_path / "x.db").exists()
    return one_error_line(result)


def test_a_prodigy_file_names_every_unknown_label_with_its_count(tmp_path: Path) -> None:
    write(tmp_path / "dataset.jsonl", *DATASET)
    assert refused(tmp_path, "dataset.jsonl", "--format", "prodigy") == (
        f"dataset.jsonl:1: field 'spans[0].label': {KNOWN}, got 'GPE' (unknown in this file: GPE x1, PERSON x12, "
        "DATE x13, ORG x12, CARDINAL x1; map them with --label-map GPE=LABEL,PERSON=LABEL,DATE=LABEL,ORG=LABEL,"
        "CARDINAL=LABEL, each LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as NAME=)"
    )


def test_the_labels_a_map_names_are_not_listed(tmp_path: Path) -> None:
    write(tmp_path / "dataset.jsonl", *DATASET)
    assert refused(tmp_path, "dataset.jsonl", "--format", "prodigy", "--label-map", "GPE=LOCATION,DATE=") == (
        f"dataset.jsonl:2: field 'spans[0].label': {KNOWN}, got 'PERSON' (unknown in this file: PERSON x12, "
        "ORG x12, CARDINAL x1; map them with --label-map PERSON=LABEL,ORG=LABEL,CARDINAL=LABEL, "
        "each LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as NAME=)"
    )
    mapped = "GPE=LOCATION,DATE=,PERSON=ACTOR,ORG=ACTOR,CARDINAL=FIGURE"
    result = annotator("import", "dataset.jsonl", "--db", "x.db", "--format", "prodigy", "--label-map", mapped,
                       cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")


def test_one_unknown_label_says_its_count(tmp_path: Path) -> None:
    write(tmp_path / "one.jsonl", task(0, span("Riverton", "GPE")), task(1, span("Riverton", "GPE")))
    assert refused(tmp_path, "one.jsonl", "--format", "prodigy") == (
        f"one.jsonl:1: field 'spans[0].label': {KNOWN}, got 'GPE' (GPE x2 in this file; map it with --label-map "
        "GPE=LABEL, LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as GPE=)"
    )


def test_another_error_after_the_first_unknown_label_names_those_before_it(tmp_path: Path) -> None:
    broken = {**task(2, span("Ana Ruiz", "ORG")), "spans": [{"start": 6, "end": 999, "label": "ACTOR"}]}
    write(tmp_path / "broken.jsonl", task(0, span("Riverton", "GPE")), task(1, span("Ana Ruiz", "PERSON")), broken)
    assert refused(tmp_path, "broken.jsonl", "--format", "prodigy") == (
        f"broken.jsonl:1: field 'spans[0].label': {KNOWN}, got 'GPE' (unknown before line 3 (another error there "
        "stopped the reading): GPE x1, PERSON x1; map them with --label-map GPE=LABEL,PERSON=LABEL, "
        "each LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as NAME=); "
        "that error: field 'spans[0].end': end 999 is beyond the article's 84 characters"
    )


def test_doccano_and_native_records_name_them_alike(tmp_path: Path) -> None:
    doccano = [{"text": TEXT, "label": [[6, 14, "PERSON"], [18, 26, "GPE"]], "annotator": "bob"}]
    write(tmp_path / "doccano.jsonl", *doccano, *doccano)
    assert refused(tmp_path, "doccano.jsonl", "--format", "doccano") == (
        f"doccano.jsonl:1: field 'label[0]': {KNOWN}, got 'PERSON' (unknown in this file: PERSON x2, GPE x2; "
        "map them with --label-map PERSON=LABEL,GPE=LABEL, each LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as NAME=)"
    )
    native = {"article_id": "n1", "text": TEXT, "annotator": "bob", "status": "done"}
    spans = [{**span("Ana Ruiz", "PERSON"), "text": "Ana Ruiz"}, {**span("Riverton", "GPE"), "text": "Riverton"}]
    write(tmp_path / "native.jsonl", {**native, "spans": spans})
    assert refused(tmp_path, "native.jsonl") == (
        f"native.jsonl:1: field 'spans[0].label': {KNOWN}, got 'PERSON' (unknown in this file: PERSON x1, GPE x1; "
        "map them with --label-map PERSON=LABEL,GPE=LABEL, each LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as NAME=)"
    )


def test_another_error_on_the_first_unknown_label_s_own_line_says_on_that_line(tmp_path: Path) -> None:
    """Attacker: a label holding an escape sequence, on a line that names no annotator (the error that stopped the
    reading, on the same line), was counted "x1 before line 1"."""
    unnamed = {
        key: value for key, value in task(0, span("Riverton", "ACT\x1b[31mOR")).items() if key != "_annotator_id"
    }
    write(tmp_path / "escape.jsonl", unnamed)
    assert refused(tmp_path, "escape.jsonl", "--format", "prodigy") == (
        f"escape.jsonl:1: field 'spans[0].label': {KNOWN}, got 'ACT\\x1b[31mOR' ('ACT\\x1b[31mOR' x1 on line 1 (another "
        "error there stopped the reading); map it with --label-map ACT␛[31mOR=LABEL, "
        "LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as ACT␛[31mOR=); that error: field '_annotator_id': the record names no annotator; give --annotator"
    )

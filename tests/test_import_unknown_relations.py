"""Every unknown relation name of a file in one error (a researcher's trial: doccano's relation_extraction example
named foundedAt, then, once mapped, foundedBy: a run per name, where unknown labels are all listed at once), and a
--relation-map to fill in, as the labels' is, rather than `foundedAt=SPEAKER`: pasted, that makes a founding date a
speaker (here refused: foundedBy joins a company and its founders, no quote). doccano's own example file
(tests/fixtures/real/doccano), the real console script."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL

EXAMPLE = REAL / "doccano" / "import_relation_extraction.jsonl"
LABELS = ("--label-map", "ORG=ACTOR,PERSON=ACTOR,DATE=FIGURE")
SPEAKER_ONLY = "Input should be 'SPEAKER'"


def refused(tmp_path: Path, *options: str) -> str:
    result = annotator(
        "import", EXAMPLE, "--format", "doccano-relations", "--annotator", "ann", "--db", "x.db", *options,
        cwd=tmp_path,
    )  # fmt: skip
    assert not (tmp_path / "x.db").exists()
    return one_error_line(result)


def test_every_unknown_relation_name_is_listed_with_its_count(tmp_path: Path) -> None:
    assert refused(tmp_path, *LABELS) == (
        f"{EXAMPLE}:1: field 'relations[0]': {SPEAKER_ONLY}, got 'foundedAt' (unknown in this file: foundedAt x1, "
        "foundedBy x2; map them with --relation-map foundedAt=RELATION,foundedBy=RELATION, each RELATION SPEAKER if "
        "it links a quote to who said it, or nothing to drop it, as NAME=)"
    )


def test_a_name_alone_unknown_is_counted_and_given_the_same_placeholder(tmp_path: Path) -> None:
    assert refused(tmp_path, *LABELS, "--relation-map", "foundedAt=") == (
        f"{EXAMPLE}:1: field 'relations[1]': {SPEAKER_ONLY}, got 'foundedBy' (unknown in this file: foundedBy x2; "
        "map it with --relation-map foundedBy=RELATION, RELATION SPEAKER if it links a quote to who said it, or "
        "nothing to drop it, as NAME=)"
    )


def test_unknown_labels_are_said_first(tmp_path: Path) -> None:
    assert refused(tmp_path).startswith(f"{EXAMPLE}:1: field 'entities[0].label': ")


def test_with_skip_invalid_the_record_is_skipped_saying_how_to_map_its_relation(tmp_path: Path) -> None:
    result = annotator(
        "import", EXAMPLE, "--format", "doccano-relations", "--annotator", "ann", "--db", "x.db", *LABELS,
        "--skip-invalid", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "skipped 1 record(s):",
        f"  {EXAMPLE}:1: field 'relations[0]': {SPEAKER_ONLY}, got 'foundedAt' (map it with --relation-map "
        "foundedAt=RELATION, RELATION SPEAKER if it links a quote to who said it, or nothing to drop it)",
    ]

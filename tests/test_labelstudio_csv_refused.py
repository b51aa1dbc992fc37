"""A newcomer exported CSV from Label Studio and gave it to `ingest` and `import`: "not valid JSON" (or "expected a
.txt or .jsonl file"), which said neither what the file is nor what to export instead. It is one line naming the
file and line, saying it is Label Studio's CSV export, which annotator does not read, and to export JSON.

The CSV is made here as Label Studio's exporter writes it (label-studio-sdk `converter/exports/csv2.py`: the
sorted union of the data keys, `id`, one column per control, and `annotator`, `annotation_id`, `created_at`,
`updated_at`, `lead_time` always; `csv.QUOTE_NONNUMERIC`; results as JSON text), from the records of a real Label
Studio 1.23.2 JSON_MIN export of the same project."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from processes import annotator, one_error_line

REAL = Path(__file__).parent / "fixtures" / "real" / "labelstudio"
COLUMNS = "annotation_id, annotator, created_at, lead_time, updated_at"


def label_studio_csv(path: Path, separator: str = ",") -> None:
    records = json.loads((REAL / "ls1232_export_min.json").read_text(encoding="utf-8"))
    rows = [{k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in r.items()} for r in records]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(
            stream, fieldnames=sorted({k for r in rows for k in r}), quoting=csv.QUOTE_NONNUMERIC, delimiter=separator
        )
        writer.writeheader()
        writer.writerows(rows)


def refusal(name: str, kind: str = "CSV") -> str:
    return (
        f"{name}:1: this is Label Studio's {kind} export (its columns {COLUMNS} and the task's), which annotator "
        f"does not read: export the project as JSON instead (`annotator import FILE --format labelstudio` reads its "
        f"annotations, `annotator ingest FILE` its tasks' texts)"
    )


@pytest.mark.parametrize(
    "command",
    [("ingest", "--no-suggest"), ("import", "--format", "labelstudio"), ("import",), ("import", "--format", "conll")],
)
def test_label_studio_csv_is_named_with_what_to_export_instead(tmp_path: Path, command: tuple[str, ...]) -> None:
    label_studio_csv(tmp_path / "project.csv")
    result = annotator(command[0], "project.csv", *command[1:], "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == refusal("project.csv")
    assert not (tmp_path / "t.db").exists()


def test_by_its_header_whatever_its_name_and_as_tsv(tmp_path: Path) -> None:
    label_studio_csv(tmp_path / "project.json")
    assert one_error_line(annotator("ingest", "project.json", "--db", "t.db", cwd=tmp_path)) == refusal("project.json")
    label_studio_csv(tmp_path / "project.jsonl", "\t")
    assert one_error_line(annotator("import", "project.jsonl", "--db", "t.db", cwd=tmp_path)) == refusal(
        "project.jsonl", "TSV"
    )


def test_another_csv_is_named_as_csv(tmp_path: Path) -> None:
    (tmp_path / "articles.csv").write_text("headline,text\nBank fined,Harbor Bank was fined.\n", encoding="utf-8")
    result = annotator("ingest", "articles.csv", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "articles.csv:1: this is CSV, which annotator does not read: give articles as .txt files or JSONL (one JSON "
        "object a line, its text in 'text'); from Label Studio, export the project as JSON"
    )


def test_predict_refuses_it_before_any_cluster(tmp_path: Path) -> None:
    label_studio_csv(tmp_path / "project.csv")
    result = annotator("predict", "project.csv", "-o", "pred", "--workers", "1", cwd=tmp_path)
    assert one_error_line(result) == refusal("project.csv") + "; --skip-invalid skips it and predicts the rest"
    assert not (tmp_path / "pred").exists()

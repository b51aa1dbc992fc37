"""A re-trial (trial 11): a region two `<Labels>` controls label (Label Studio writes the region once per control,
with the same id) was refused as "the id 'a1' is already the id of annotations[0].result[0], another span", not as
a region with two labels; and a JSON_MIN record's region with two labels was named at `label[0].value.labels`, a
path JSON_MIN does not have. Label Studio 1.23.2's real exports (tests/fixtures/real/labelstudio), one region
changed; the real console script."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL

LS = REAL / "labelstudio"


def test_a_region_two_controls_label_is_one_region_with_two_labels(tmp_path: Path) -> None:
    tasks = json.loads((LS / "ls1232_export.json").read_text(encoding="utf-8"))
    result = tasks[0]["annotations"][0]["result"]
    again = copy.deepcopy(result[0])  # 'a1', "Ana Ruiz", ACTOR: labelled LOCATION by a second control
    again["from_name"], again["value"]["labels"] = "label2", ["LOCATION"]
    result.insert(1, again)
    (tmp_path / "two.json").write_text(json.dumps(tasks), encoding="utf-8")
    done = annotator("import", "two.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(done) == (
        "two.json:1: record 1: field 'annotations[0].result[1].value.labels': region 'a1' (\"Ana Ruiz\") has 2 "
        "labels, ACTOR and LOCATION (two <Labels> controls label it): a span has one label here; give it one in "
        "Label Studio and export again, or --skip-invalid imports the rest without this annotation"
    )


def test_a_json_min_region_with_two_labels_is_named_at_its_own_path(tmp_path: Path) -> None:
    records = json.loads((LS / "ls1232_export_min.json").read_text(encoding="utf-8"))
    records[0]["label"][1]["labels"].append("LOCATION")
    (tmp_path / "min.json").write_text(json.dumps(records), encoding="utf-8")
    done = annotator("import", "min.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert one_error_line(done).split(": region")[0] == "min.json:1: record 1: field 'label[1].labels'"

"""A researcher's trial (trial 8): `import --skip-invalid` of Prodigy's ner.teach answers listed each bad task twice,
the second time as "no answer left to import (--label-map dropped every span)" although the label map had dropped
nothing, and counted it twice. A bad task is listed once, with its own reason. prodigy-recipes' real file, the
real console script, a real SQLite file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from processes import annotator
from real_files import REAL

TEACH = REAL / "prodigy" / "ner_teach_reddit_product_199_238.jsonl"


def test_each_task_skipped_is_listed_once_with_its_own_reason(tmp_path: Path) -> None:
    shutil.copy(TEACH, tmp_path / "teach.jsonl")
    result = annotator("import", "teach.jsonl", "--format", "prodigy", "--annotator", "tom", "--skip-invalid",
                       "--db", "x.db", cwd=tmp_path)  # fmt: skip
    lines = result.stdout.splitlines()
    assert lines[0] == "skipped 40 record(s):"  # PRODUCT is no label of ours, nor mapped: every task is bad
    listed = [re.match(r"  teach\.jsonl:(\d+): (.*)", line) for line in lines[1:41]]
    assert [int(m.group(1)) for m in listed if m] == list(range(1, 41))
    assert {m.group(2).split(" (map it", 1)[0] for m in listed if m} == {
        "field 'spans[0].label': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE', got 'PRODUCT'"
    }
    assert "--label-map dropped" not in result.stdout + result.stderr

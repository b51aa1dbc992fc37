"""Re-trial s53 t7 F1-v1-a-2: `import --format labelstudio --text-field content` on an export where one task lacks
`content` but has a `text` advised `e.g. --text-field text`; followed, every other task was read by `text`, which
they lack. Now the task is told of the task that has the field, as ingest tells it. Label Studio 1.23.2's real
export, its text field renamed `content` in all tasks but one; the real console script, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL

EXPORT = REAL / "labelstudio" / "ls1232_export.json"


def test_a_task_without_the_field_is_told_of_the_task_that_has_it(tmp_path: Path) -> None:
    tasks = json.loads(EXPORT.read_text(encoding="utf-8"))
    for task in tasks[1:]:
        task["data"] = {("content" if key == "text" else key): value for key, value in task["data"].items()}
    (tmp_path / "content.json").write_text(json.dumps(tasks), encoding="utf-8")
    result = annotator(
        "import", "content.json", "--format", "labelstudio", "--text-field", "content", "--db", "a.db", cwd=tmp_path
    )
    assert one_error_line(result) == (
        "content.json:1: record 1: field 'data.content': the task's data has no 'content' (it has 'text', "
        "'article_id'), which the task at record 2 has: --text-field reads every task of the file by one field, so "
        "give this one its 'content'"
    )
    assert not (tmp_path / "a.db").exists()

"""A Label Studio JSON_MIN record is read by its keys' names and values, whatever their order (attacker 40f, 1): with
`id` last, the labels were read as task data (kept in the article's meta) and the annotation stored as done with no
span; with `id` first, or keys sorted (`json.dump(sort_keys=True)`, `jq -S`), it was refused at "field 'text':
Field required", the text being there. Label Studio writes data keys, `id`, result keys, then `annotator` and the
stamps; a file in that order is read as before (a result that is no region, a choice, is still counted and left
out). The real console script, real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attack_support import ok, rows

LABELS = [
    {"start": 0, "end": 3, "text": "Bob", "labels": ["ACTOR"]},
    {"start": 14, "end": 18, "text": "Rome", "labels": ["LOCATION"]},
]
STAMPS = {
    "annotator": "ann@x.org",
    "annotation_id": 10,
    "created_at": "2026-01-01T10:00:00Z",
    "updated_at": "2026-01-01T10:05:00Z",
    "lead_time": 3.0,
}
RECORD = {"text": "Bob met Al in Rome", "id": 5, "label": LABELS, **STAMPS}


@pytest.mark.parametrize(
    "order",
    [
        ["text", "label", *STAMPS, "id"],  # id last
        ["id", "text", "label", *STAMPS],  # id first
        sorted(RECORD),  # sort_keys
    ],
    ids=["id-last", "id-first", "sorted"],
)
def test_the_labels_are_read_whatever_the_key_order(tmp_path: Path, order: list[str]) -> None:
    (tmp_path / "min.json").write_text(json.dumps([{key: RECORD[key] for key in order}]), encoding="utf-8")
    ok("import", "min.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert rows(tmp_path / "a.db", 'SELECT label, start, "end" FROM spans ORDER BY start') == [
        ("ACTOR", 0, 3),
        ("LOCATION", 14, 18),
    ]
    kept = '{"labelstudio_task_id":5,"labelstudio_annotation_ids":{"ann@x.org":10}}'  # the ids only (trial t4 F7)
    assert rows(tmp_path / "a.db", "SELECT meta FROM articles") == [(kept,)]


def test_labelstudios_own_order_still_counts_a_result_that_is_no_region(tmp_path: Path) -> None:
    """In Label Studio's order a key after `id` is a result: a choice there ("sentiment") is no region, counted.
    Out of that order nothing tells a choice from a data field but regions' shape: it stays in the meta."""
    canonical = {"text": RECORD["text"], "id": 5, "label": LABELS, "sentiment": "neutral", **STAMPS}
    (tmp_path / "min.json").write_text(json.dumps([canonical]), encoding="utf-8")
    out = ok("import", "min.json", "--format", "labelstudio", "--db", "a.db", cwd=tmp_path)
    assert out.splitlines()[1:] == [
        "left out: 1 Label Studio result(s) of the control 'sentiment' (only labels and relations are read)",
        "note: 1 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status",
    ]
    assert rows(tmp_path / "a.db", "SELECT COUNT(*) FROM spans") == [(2,)]

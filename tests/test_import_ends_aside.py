"""An imported record whose text is a stored article's but for white space at its end is a record of that article,
as `ingest` takes such a text (newcomer trial t14 F1: a native record, or a Label Studio task, holding the
`.rstrip()`ed text of an ingested `.txt` file became a second article of the story, with no note; both copies were
then annotated and reviewed apart). The import puts the record's work on the stored article and says so; work newer
than the record's stays a conflict. The real console script on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

STORM = "Storm hits Leeds\n\nHeavy rain flooded Leeds on Tuesday, the Met Office said. At least 35 homes were evacuated.\n\n\n"
STORED = content_hash(STORM)
LEEDS = {"start": 11, "end": 16, "label": "LOCATION", "text": "Leeds"}
NOTE = (
    f"note: {{where}} not stored as a new article: its text is that of article {STORED} 'Storm hits Leeds' but for "
    "white space at its end (only white space at the end differs); the record is taken as one of that article"
)


def _ingested(tmp_path: Path) -> None:
    (tmp_path / "storm.txt").write_text(STORM, encoding="utf-8")
    result = annotator("--db", "d.db", "ingest", "--no-suggest", "storm.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def _spans(tmp_path: Path, annotator_name: str) -> list[tuple[int, int, str]]:
    with Store.open(tmp_path / "d.db", read_only=True) as store:
        assert store.article_ids() == [STORED]
        return [(s.start, s.end, s.label.value) for s in store.spans(STORED, annotator_name)]


def test_a_native_record_of_the_rstripped_text_is_imported_onto_the_stored_article(tmp_path: Path) -> None:
    _ingested(tmp_path)
    record = {"article_id": "storm", "text": STORM.rstrip(), "annotator": "bob", "status": "done", "spans": [LEEDS]}
    (tmp_path / "bob.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "import", "bob.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "1 record(s) imported (0 new article(s)) -> d.db",
        NOTE.format(where="bob.jsonl:1"),
    ]
    assert _spans(tmp_path, "bob") == [(11, 16, "LOCATION")]


def test_a_label_studio_task_of_the_rstripped_text_is_imported_onto_the_stored_article(tmp_path: Path) -> None:
    _ingested(tmp_path)
    value = {"start": 11, "end": 16, "text": "Leeds", "labels": ["LOCATION"]}
    result_item = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": value}
    task = {
        "id": 7,
        "data": {"text": STORM.rstrip()},
        "annotations": [{"id": 1, "completed_by": 1, "result": [result_item]}],
    }
    (tmp_path / "tasks.json").write_text(json.dumps([task], indent=1), encoding="utf-8")
    result = annotator("--db", "d.db", "import", "tasks.json", "--format", "labelstudio", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "annotator: note: 1 Label Studio user known only by id is stored "
                                                  "as labelstudio-user-1 (--user-map 1=NAME names them)\n")  # fmt: skip
    assert result.stdout.splitlines()[:2] == [
        "1 record(s) imported (0 new article(s)) -> d.db",
        NOTE.format(where="tasks.json:2"),
    ]
    assert _spans(tmp_path, "labelstudio-user-1") == [(11, 16, "LOCATION")]


def test_newer_stored_work_on_the_stored_article_stays_a_conflict(tmp_path: Path) -> None:
    """Imports never silently replace newer work: the record's work meets the stored article's as any other."""
    _ingested(tmp_path)
    newer = {"article_id": STORED, "text": STORM, "annotator": "bob", "status": "done", "spans": [LEEDS],
             "updated_at": "2026-01-02T00:00:00Z"}  # fmt: skip
    (tmp_path / "newer.jsonl").write_text(json.dumps(newer) + "\n", encoding="utf-8")
    assert annotator("--db", "d.db", "import", "newer.jsonl", cwd=tmp_path).returncode == 0
    older = {"article_id": "storm", "text": STORM.rstrip(), "annotator": "bob", "status": "done", "spans": [],
             "updated_at": "2026-01-01T00:00:00Z"}  # fmt: skip
    (tmp_path / "older.jsonl").write_text(json.dumps(older) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "import", "older.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "0 record(s) imported (0 new article(s)); 1 conflict(s) -> d.db"
    assert _spans(tmp_path, "bob") == [(11, 16, "LOCATION")]


def test_two_records_of_one_file_whose_texts_part_only_at_their_end_are_one_new_article(tmp_path: Path) -> None:
    """As `ingest` given both in one run: the later record is one of the article the earlier one brings."""
    amy = {"article_id": "s1", "text": STORM, "annotator": "amy", "status": "done", "spans": [LEEDS]}
    ben = {"article_id": "s2", "text": STORM.rstrip(), "annotator": "ben", "status": "done", "spans": [LEEDS]}
    (tmp_path / "two.jsonl").write_text(json.dumps(amy) + "\n" + json.dumps(ben) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "import", "two.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "2 record(s) imported (1 new article(s)) -> d.db",
        "note: two.jsonl:2 not stored as a new article: its text is that of article s1 'Storm hits Leeds' but for "
        "white space at its end (only white space at the end differs); the record is taken as one of that article",
    ]
    with Store.open(tmp_path / "d.db", read_only=True) as store:
        assert store.article_ids() == ["s1"]
        assert [(s.start, s.end) for s in store.spans("s1", "ben")] == [(11, 16)]


SAME_ID_NOTE = (
    f"note: {{where}} is a record of article {STORED} 'Storm hits Leeds', stored with its text but for white space at "
    "its end (only white space at the end differs): the record is taken as one of that article"
)


def test_a_record_under_the_stored_id_whose_text_differs_only_at_its_end_is_of_that_article(tmp_path: Path) -> None:
    """Trial s58 t16 F3: an export whose texts a script `.rstrip()`ed, ids kept, was refused whole ("stored with a
    different text (only white space at the end differs)") where the same record under another id was taken."""
    _ingested(tmp_path)
    record = {"article_id": STORED, "text": STORM.rstrip(), "annotator": "bob", "status": "done", "spans": [LEEDS]}
    (tmp_path / "bob.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "import", "bob.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "1 record(s) imported (0 new article(s)) -> d.db",
        SAME_ID_NOTE.format(where="bob.jsonl:1"),
    ]
    assert _spans(tmp_path, "bob") == [(11, 16, "LOCATION")]
    with Store.open(tmp_path / "d.db", read_only=True) as store:
        assert store.article(STORED).text == STORM  # the stored text stays as it was


def test_the_original_record_after_its_trimmed_copy_is_of_the_article_that_copy_made(tmp_path: Path) -> None:
    """Trial s58 t16 F4: the trimmed copy imported first into an empty database stores the article under the
    original id with the trimmed text; the untrimmed record then was refused as if `ingest --changed-text replace`
    had replaced the stored text. It is a record of that article, its id and text but for the ending its own."""
    trimmed = {"article_id": STORED, "text": STORM.rstrip(), "annotator": "amy", "status": "done", "spans": [LEEDS]}
    (tmp_path / "amy.jsonl").write_text(json.dumps(trimmed) + "\n", encoding="utf-8")
    assert annotator("--db", "d.db", "import", "amy.jsonl", cwd=tmp_path).returncode == 0
    original = {"article_id": STORED, "text": STORM, "annotator": "bob", "status": "done", "spans": [LEEDS]}
    (tmp_path / "bob.jsonl").write_text(json.dumps(original) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "import", "bob.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "1 record(s) imported (0 new article(s)) -> d.db",
        f"note: bob.jsonl:1 is a record of article {STORED} 'Storm hits Leeds', stored with its text but for white "
        "space at its end (only white space at the end differs): the record is taken as one of that article",
    ]
    assert _spans(tmp_path, "bob") == [(11, 16, "LOCATION")]


def test_two_records_of_one_id_whose_texts_part_only_at_their_end_are_one_article(tmp_path: Path) -> None:
    """Trial s58 t17 F1: one file with two records of the same id, texts apart only in white space at their end,
    was refused ("appears earlier with a different text") where two imports, or two ids, took them."""
    amy = {"article_id": "s1", "text": STORM, "annotator": "amy", "status": "done", "spans": [LEEDS]}
    ben = {"article_id": "s1", "text": STORM.rstrip(), "annotator": "ben", "status": "done", "spans": [LEEDS]}
    (tmp_path / "two.jsonl").write_text(json.dumps(amy) + "\n" + json.dumps(ben) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "import", "two.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "2 record(s) imported (1 new article(s)) -> d.db",
        "note: two.jsonl:2 is a record of article s1 'Storm hits Leeds', stored with its text but for white space at "
        "its end (only white space at the end differs): the record is taken as one of that article",
    ]
    with Store.open(tmp_path / "d.db", read_only=True) as store:
        assert store.article_ids() == ["s1"]
        assert store.article("s1").text == STORM
        assert [(s.start, s.end) for s in store.spans("s1", "ben")] == [(11, 16)]


def test_two_records_of_one_id_whose_texts_differ_before_their_end_are_still_refused(tmp_path: Path) -> None:
    amy = {"article_id": "s1", "text": STORM, "annotator": "amy", "status": "done", "spans": [LEEDS]}
    ben = {"article_id": "s1", "text": STORM.replace("Tuesday", "Monday"), "annotator": "ben", "status": "done"}
    (tmp_path / "two.jsonl").write_text(json.dumps(amy) + "\n" + json.dumps(ben) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "import", "two.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert "two.jsonl:2: field 'text': article 's1' appears earlier with a different text" in result.stderr

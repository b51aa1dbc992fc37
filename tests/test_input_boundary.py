"""Issues 10 and 15: what a file says is read strictly at the border. Timestamps are ISO 8601 with a time zone,
stored in UTC and compared as moments; ids are strings, offsets integers (never a boolean, a float or a
string); a key twice in one object is an error; a null title is no title. The real console script on real
files; every refusal is one line naming file, line and field, and writes nothing."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database

from annotator.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "work.db"
    small_database(path)  # alice: "Washington" an ACTOR, status done
    return path


def exported(db: Path, tmp_path: Path) -> dict[str, object]:
    """alice's record as `annotator export` writes it."""
    assert annotator("export", "--db", db, "--annotator", "alice", "-o", tmp_path / "alice.jsonl").returncode == 0
    [line] = (tmp_path / "alice.jsonl").read_text(encoding="utf-8").splitlines()
    record: dict[str, object] = json.loads(line)
    return record


def stored_at(db: Path) -> str:
    with Store.open(db, read_only=True) as store:
        [article] = store.article_ids()
        stamp = store.updated_at(article, "alice")
    assert stamp is not None
    return stamp


def moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def write_line(path: Path, line: str) -> Path:
    path.write_text(line + "\n", encoding="utf-8")
    return path


def importing(path: Path, db: Path, *options: str) -> tuple[int, str]:
    result = annotator("import", path, "--db", db, *options)
    assert result.stderr == "", result.stderr
    return result.returncode, result.stdout


# -- item 1: timestamps ------------------------------------------------------------------------------------------


def test_an_older_record_with_a_later_looking_offset_is_a_conflict_not_a_replacement(db: Path, tmp_path: Path) -> None:
    """Found by a newcomer: "2026-12-01T14:00:00+05:00" sorts after "2026-12-01T10:00:00Z" as text, though it is
    an hour earlier; the older work replaced the newer."""
    record = {**exported(db, tmp_path), "spans": []}
    earlier = moment(stored_at(db)) - timedelta(hours=1)
    record["updated_at"] = earlier.astimezone(timezone_of(5)).isoformat(timespec="seconds")
    assert record["updated_at"] > stored_at(db)  # later as text, earlier as a moment
    path = write_line(tmp_path / "old.jsonl", json.dumps(record))
    result = annotator("import", path, "--db", db)
    assert (result.returncode, result.stdout.splitlines()[0]) == (
        1,
        f"0 record(s) imported (0 new article(s)); 1 conflict(s) -> {db}",
    )


def test_a_newer_record_with_an_earlier_looking_offset_replaces_and_is_stored_in_utc(db: Path, tmp_path: Path) -> None:
    record = {**exported(db, tmp_path), "spans": []}
    later = moment(stored_at(db)).replace(microsecond=0) + timedelta(hours=1)
    record["updated_at"] = later.astimezone(timezone_of(-5)).isoformat()
    assert record["updated_at"] < stored_at(db)  # earlier as text, later as a moment
    path = write_line(tmp_path / "new.jsonl", json.dumps(record))
    assert importing(path, db) == (0, f"1 record(s) imported (0 new article(s)); 1 replaced older work -> {db}\n")
    assert stored_at(db) == later.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_a_stamp_an_older_release_stored_unnormalised_is_compared_as_a_moment(db: Path, tmp_path: Path) -> None:
    record = {**exported(db, tmp_path), "spans": [], "updated_at": "2026-12-01T08:00:00Z"}
    connection = sqlite3.connect(db)
    connection.execute("UPDATE annotations SET updated_at = '2026-12-01T12:00:00+05:00'")  # 07:00 UTC
    connection.commit()
    connection.close()
    path = write_line(tmp_path / "new.jsonl", json.dumps(record))
    assert importing(path, db) == (0, f"1 record(s) imported (0 new article(s)); 1 replaced older work -> {db}\n")
    assert stored_at(db) == "2026-12-01T08:00:00.000000Z"


@pytest.mark.parametrize(
    "stamp",
    [
        "yesterday",
        "2026-12-01T23:00:00",  # no time zone
        "2026-12-01",
        "2026-12-01 10:00:00Z",
        "2026-13-01T10:00:00Z",
        "0001-01-01T00:00:00+05:00",  # before year 1 in UTC
        "2026-12-01T10:00:00Z\n",
    ],
)
def test_a_timestamp_that_is_not_iso_8601_with_a_time_zone_is_one_line(db: Path, tmp_path: Path, stamp: str) -> None:
    record = {**exported(db, tmp_path), "spans": [], "updated_at": stamp}
    path = write_line(tmp_path / "bad.jsonl", json.dumps(record))
    before = stored_at(db)
    assert one_error_line(annotator("import", path, "--db", db)) == (
        f"{path}:1: field 'updated_at': expected an ISO 8601 timestamp with a time zone (as 2026-12-01T10:00:00Z), "
        f"got {stamp!r}"
    )
    assert stored_at(db) == before


def test_a_comment_time_is_checked_like_every_timestamp(db: Path, tmp_path: Path) -> None:
    record = {**exported(db, tmp_path), "comments": [{"annotator": "alice", "text": "odd", "at": "noon"}]}
    path = write_line(tmp_path / "bad.jsonl", json.dumps(record))
    assert one_error_line(annotator("import", path, "--db", db)) == (
        f"{path}:1: field 'comments[0].at': expected an ISO 8601 timestamp with a time zone (as "
        "2026-12-01T10:00:00Z), got 'noon'"
    )


def timezone_of(hours: int) -> object:
    from datetime import timezone

    return timezone(timedelta(hours=hours))


# -- item 2: strict types ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("start", "true", "Input should be a valid integer, got true"),
        ("start", "0.0", "Input should be a valid integer, got a number with a fraction or an exponent"),
        ("start", '"0"', "Input should be a valid integer, got a string"),
        ("end", "10.0", "Input should be a valid integer, got a number with a fraction or an exponent"),
        ("start", "NaN", "Input should be a valid integer, got NaN"),
    ],
)
def test_a_native_offset_must_be_an_integer(db: Path, tmp_path: Path, field: str, value: str, message: str) -> None:
    """Found by a newcomer: `"start": true` was read as 1 (and false as 0)."""
    line = json.dumps(exported(db, tmp_path)).replace(
        f'"{field}": {0 if field == "start" else 10}', f'"{field}": {value}'
    )
    path = write_line(tmp_path / "bad.jsonl", line)
    assert one_error_line(annotator("import", path, "--db", tmp_path / "new.db")) == (
        f"{path}:1: field 'spans[0].{field}': {message}"
    )
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("1e400", "Infinity (or a number too large, as 1e999)"),
        ("2.0", "a number with a fraction or an exponent"),
        ("true", "true"),
        ('["x"]', "a list"),
        ('{"a": 1}', "an object"),
    ],
)
def test_an_article_id_that_is_no_string_or_integer_is_refused_at_ingest(tmp_path: Path, value: str, kind: str) -> None:
    """Found by a newcomer: `"id": 1e400` was stored as the article "inf", true as "True", a list as "['x']"."""
    path = write_line(tmp_path / "a.jsonl", f'{{"id": {value}, "text": "Ann met Bob."}}')
    assert one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{path}:1: field 'id': expected a string or a whole number, got {kind}"
    )
    assert not (tmp_path / "a.db").exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "", "text": "Ann met Bob."}', "field 'id': must not be empty"),
        ('{"text": NaN}', "field 'text': Input should be a valid string, got NaN"),
        (
            '{"text": "Ann met Bob.", "title": Infinity}',
            "field 'title': Input should be a valid string, got Infinity (or a number too large, as 1e999)",
        ),
        (
            '{"text": "Ann met Bob.", "title": -1e999}',
            "field 'title': Input should be a valid string, got -Infinity (or a number too large, as -1e999)",
        ),
        ('{"text": null}', "field 'text': Input should be a valid string, got null"),
        ('{"text": ["Ann met Bob."]}', "field 'text': Input should be a valid string, got a list"),
        ('{"text": 7}', "field 'text': Input should be a valid string, got a whole number"),
    ],
)
def test_a_wrong_value_at_ingest_says_what_was_found(tmp_path: Path, line: str, message: str) -> None:
    """Found by a newcomer: an empty id said "Value should have at least 1 item after validation", a NaN text only
    "Input should be a valid string"."""
    path = write_line(tmp_path / "a.jsonl", line)
    assert (
        one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db")) == f"{path}:1: {message}"
    )
    assert not (tmp_path / "a.db").exists()


def test_an_empty_article_id_in_a_native_record_must_not_be_empty(db: Path, tmp_path: Path) -> None:
    path = write_line(tmp_path / "bad.jsonl", json.dumps({**exported(db, tmp_path), "article_id": ""}))
    assert one_error_line(annotator("import", path, "--db", tmp_path / "new.db")) == (
        f"{path}:1: field 'article_id': must not be empty"
    )


def test_a_whole_number_article_id_is_its_decimal_text(tmp_path: Path) -> None:
    path = write_line(tmp_path / "a.jsonl", '{"id": 17, "text": "Ann met Bob."}')
    assert annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db").returncode == 0
    with Store.open(tmp_path / "a.db", read_only=True) as store:
        assert store.article_ids() == ["17"]


# -- item 3: a key twice -----------------------------------------------------------------------------------------


def test_a_key_twice_in_one_record_is_refused(db: Path, tmp_path: Path) -> None:
    """Found by a newcomer: two "spans" keys in one record, and the last silently won."""
    line = json.dumps(exported(db, tmp_path)).replace('"spans":', '"spans": [], "spans":')
    path = write_line(tmp_path / "twice.jsonl", line)
    assert one_error_line(annotator("import", path, "--db", tmp_path / "new.db")) == (
        f"{path}:1: the key 'spans' appears twice in one object"
    )
    path = write_line(tmp_path / "a.jsonl", '{"text": "Ann met Bob.", "meta": {"k": 1, "k": 2}}')
    assert one_error_line(annotator("ingest", path, "--no-suggest", "--db", tmp_path / "new.db")) == (
        f"{path}:1: the key 'k' appears twice in one object"
    )
    assert not (tmp_path / "new.db").exists()


def test_a_key_twice_in_a_json_array_names_the_record_and_its_line(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    path.write_text('[\n {"data": {"text": "Ann met Bob."}},\n {"data": {"text": "A."}, "data": {}}\n]\n')
    assert one_error_line(annotator("import", path, "--format", "labelstudio", "--db", tmp_path / "new.db")) == (
        f"{path}:3: record 2: the key 'data' appears twice in one object"
    )


# -- item 4: a null title ----------------------------------------------------------------------------------------


def test_a_null_title_is_no_title(db: Path, tmp_path: Path) -> None:
    record = {**exported(db, tmp_path), "title": None}
    path = write_line(tmp_path / "null.jsonl", json.dumps(record))
    assert importing(path, tmp_path / "new.db") == (
        0,
        f"1 record(s) imported (1 new article(s)) -> {tmp_path / 'new.db'}\n",
    )
    with Store.open(tmp_path / "new.db", read_only=True) as store:
        [article] = store.article_ids()
        assert store.article(article).title == 'Washington said "talks failed" in Gaza, where at least 35 died.'
    path = write_line(tmp_path / "a.jsonl", '{"text": "Ann met Bob.", "title": null}')
    assert annotator("ingest", path, "--no-suggest", "--db", tmp_path / "a.db").returncode == 0
    with Store.open(tmp_path / "a.db", read_only=True) as store:
        assert store.article(store.article_ids()[0]).title == "Ann met Bob."


# -- item 7: "an ACTOR" ------------------------------------------------------------------------------------------


def test_a_label_in_a_message_takes_the_right_article(db: Path, tmp_path: Path) -> None:
    record = exported(db, tmp_path)
    text = str(record["text"])
    start = text.index("Gaza,")
    record["spans"] = [{"start": start, "end": start + 5, "label": "ACTOR", "text": "Gaza,"}]
    path = write_line(tmp_path / "comma.jsonl", json.dumps(record))
    assert one_error_line(annotator("import", path, "--db", tmp_path / "new.db")) == (
        f"{path}:1: field 'spans[0].start': span {start}:{start + 5} 'Gaza,': an ACTOR span may not end with "
        "punctuation (',')"
    )


FOREIGN = "Ann met Bob."


@pytest.mark.parametrize(
    ("format_name", "suffix", "content", "field"),
    [
        ("doccano", "jsonl", {"text": FOREIGN, "label": [[True, 3, "ACTOR"]], "annotator": "a"}, "label[0][0]"),
        (
            "doccano",
            "jsonl",
            {"text": FOREIGN, "entities": [{"id": 1, "label": "ACTOR", "start_offset": "0", "end_offset": 3}]},
            "entities[0].start_offset",
        ),
        (
            "prodigy",
            "jsonl",
            {"text": FOREIGN, "spans": [{"start": 0, "end": 3.0, "label": "ACTOR"}], "_annotator_id": "a"},
            "spans[0].end",
        ),
        ("prodigy", "jsonl", {"text": FOREIGN, "spans": [], "_annotator_id": "a", "_timestamp": True}, "_timestamp"),
        (
            "labelstudio",
            "json",
            [
                {
                    "data": {"text": FOREIGN},
                    "annotations": [
                        {
                            "completed_by": "a",
                            "result": [{"type": "labels", "value": {"start": False, "end": 3, "labels": ["ACTOR"]}}],
                        }
                    ],
                }
            ],
            "annotations[0].result[0].value.start",
        ),
    ],
)
def test_each_formats_offsets_are_strict_integers(
    tmp_path: Path, format_name: str, suffix: str, content: object, field: str
) -> None:
    path = tmp_path / f"in.{suffix}"
    path.write_text(json.dumps(content) + "\n", encoding="utf-8")
    line = one_error_line(annotator("import", path, "--format", format_name, "--db", tmp_path / "new.db"))
    assert f"field '{field}': Input should be a valid integer" in line, line
    assert not (tmp_path / "new.db").exists()


def test_a_prodigy_timestamp_beyond_year_9999_is_one_line(tmp_path: Path) -> None:
    path = write_line(tmp_path / "in.jsonl", json.dumps({"text": FOREIGN, "_annotator_id": "a", "_timestamp": 10**20}))
    assert one_error_line(annotator("import", path, "--format", "prodigy", "--db", tmp_path / "new.db")) == (
        f"{path}:1: field '_timestamp': Input should be less than or equal to 253402300799"
    )


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (
            {"article_id": 1e400},
            "field 'meta.article_id': expected a string or a whole number, got Infinity (or a number too large, as 1e999)",
        ),
        ({"article_id": ["x"]}, "field 'meta.article_id': expected a string or a whole number, got a list"),
        ({"title": True}, "field 'meta.title': expected a string or null, got true"),
    ],
)
def test_a_prodigy_tasks_article_id_and_title_are_read_as_every_records(
    tmp_path: Path, meta: dict[str, object], message: str
) -> None:
    """Found by a newcomer: Prodigy's meta.article_id went through str(), so 1e400 was the article "inf"."""
    task = {"text": FOREIGN, "spans": [], "_annotator_id": "a", "meta": meta}
    path = write_line(tmp_path / "in.jsonl", json.dumps(task))
    assert one_error_line(annotator("import", path, "--format", "prodigy", "--db", tmp_path / "new.db")) == (
        f"{path}:1: {message}"
    )


def test_a_prodigy_tasks_whole_number_id_and_null_title(tmp_path: Path) -> None:
    task = {
        "text": FOREIGN,
        "spans": [],
        "_annotator_id": "a",
        "answer": "accept",
        "meta": {"article_id": 17, "title": None},
    }
    path = write_line(tmp_path / "in.jsonl", json.dumps(task))
    assert annotator("import", path, "--format", "prodigy", "--db", tmp_path / "new.db").returncode == 0
    with Store.open(tmp_path / "new.db", read_only=True) as store:
        assert [(a, store.article(a).title) for a in store.article_ids()] == [("17", "Ann met Bob.")]


def test_a_comment_an_older_release_stored_with_an_offset_comes_back_once(db: Path, tmp_path: Path) -> None:
    """Exports write comment times in UTC now; importing one back where an older release kept the file's own
    offset is the same comment at the same moment, not a second one."""
    with Store.open(db) as store:
        [article] = store.article_ids()
    connection = sqlite3.connect(db)
    connection.execute(
        "INSERT INTO comments (article_id, annotator, text, at) VALUES (?, 'alice', 'check', "
        "'2026-12-01T12:00:00+05:00')",
        [article],
    )
    connection.commit()
    connection.close()
    record = exported(db, tmp_path)
    assert record["comments"] == [{"annotator": "alice", "text": "check", "at": "2026-12-01T07:00:00.000000Z"}]
    path = write_line(tmp_path / "back.jsonl", json.dumps(record))
    assert importing(path, db) == (0, f"0 record(s) imported (0 new article(s)); 1 unchanged -> {db}\n")
    with Store.open(db, read_only=True) as store:
        assert store.comments(article) == [("alice", "check", "2026-12-01T12:00:00+05:00")]


@pytest.mark.parametrize(
    ("format_name", "suffix", "content", "field"),
    [
        ("prodigy", "jsonl", {"text": FOREIGN, "spans": [], "_annotator_id": "a", "_is_binary": "false"}, "_is_binary"),
        (
            "labelstudio",
            "json",
            [{"data": {"text": FOREIGN}, "annotations": [{"completed_by": "a", "result": [], "was_cancelled": 0}]}],
            "annotations[0].was_cancelled",
        ),
    ],
)
def test_each_formats_flags_are_strict_booleans(
    tmp_path: Path, format_name: str, suffix: str, content: object, field: str
) -> None:
    """ "false" was read as false and 0 as false: a flag is a JSON boolean."""
    path = tmp_path / f"in.{suffix}"
    path.write_text(json.dumps(content) + "\n", encoding="utf-8")
    line = one_error_line(annotator("import", path, "--format", format_name, "--db", tmp_path / "new.db"))
    assert f"field '{field}': Input should be a valid boolean" in line, line

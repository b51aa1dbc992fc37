"""The thirty-first attack on imports, on a fresh clone: t.db holds article a1 and bob's work on it (ACTOR and
LOCATION, 2026-12-01T10:00Z, imported from a native JSONL file).

- A Label Studio annotation whose own `updated_at` (2026-11-30, a moment of work: a day after its `created_at`) is
  older than bob's replaced his newer work because the task's `meta` (our carried-over key) said 2026-12-03; and
  one stamped `created_at` == `updated_at` (a server's import, no moment of work) replaced it too.
- `import --annotator bob` of alice's record moved it onto bob and replaced his work, without a word.
- A JSON-escaped NUL was ingested (and imported), and the database then failed its own `check`.
Real console script, real files, real SQLite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from attack_support import conflicted, ok, rows
from processes import annotator, one_error_line

TEXT = "Alice Smith spoke in Paris."
ACTOR = {"start": 0, "end": 11, "label": "ACTOR", "text": "Alice Smith"}
LOCATION = {"start": 21, "end": 26, "label": "LOCATION", "text": "Paris"}
BOB = {"article_id": "a1", "text": TEXT, "annotator": "bob", "status": "done", "updated_at": "2026-12-01T10:00:00Z"}


def jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("made31")
    jsonl(folder / "a.jsonl", {"id": "a1", "text": TEXT})
    jsonl(folder / "bob.jsonl", {**BOB, "spans": [ACTOR, LOCATION]})
    ok("ingest", "a.jsonl", "--no-suggest", "--db", "t.db", cwd=folder)
    ok("import", "bob.jsonl", "--db", "t.db", cwd=folder)
    return folder


@pytest.fixture
def work(made: Path, tmp_path: Path) -> Path:
    shutil.copy(made / "t.db", tmp_path / "t2.db")
    return tmp_path


def bobs(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT label, text FROM spans WHERE annotator = 'bob' ORDER BY start")


def label_studio(path: Path, meta: dict[str, object], **annotation: object) -> Path:
    result = [
        {"from_name": "label", "to_name": "text", "type": "labels", "id": "r1",
         "value": {"start": 0, "end": 11, "text": "Alice Smith", "labels": ["ACTOR"]}}
    ]  # fmt: skip
    data = {"text": TEXT, "article_id": "a1", "title": TEXT, "meta": {}}  # our export's data: its meta is ours
    task = {"id": 1, "data": data, "meta": meta,
            "annotations": [{"id": 1, "result": result, "was_cancelled": False, **annotation}]}  # fmt: skip
    path.write_text(json.dumps([task]), encoding="utf-8")
    return path


@pytest.mark.parametrize("completed_by", ["bob", {"id": 7, "email": "bob"}, 7])
def test_an_annotation_worked_on_before_bobs_work_never_replaces_it(work: Path, completed_by: object) -> None:
    """User 7 known only by id who worked on it there, beside the meta's bob, is refused outright (attack 33, F4:
    tests/test_import_labelstudio_identity.py); bob's work stays either way."""
    meta = {"annotator": "bob", "updated_at": "2026-12-03T10:00:00Z"}
    times = {"created_at": "2026-11-29T12:00:00Z", "updated_at": "2026-11-30T12:00:00Z"}
    label_studio(work / "ls.json", meta, completed_by=completed_by, **times)
    if completed_by == 7:
        result = annotator("import", "ls.json", "--format", "labelstudio", "--db", "t2.db", cwd=work)
        assert "Label Studio user 7, known only by id, changed it there" in one_error_line(result)
    else:
        out = conflicted("import", "ls.json", "--format", "labelstudio", "--db", "t2.db", cwd=work)
        assert "1 conflict(s)" in out and "replaced" not in out
    assert bobs(work / "t2.db") == [("ACTOR", "Alice Smith"), ("LOCATION", "Paris")]


def test_a_server_import_stamp_shows_no_moment_of_work(work: Path) -> None:
    stamp = "2026-12-03T12:00:00Z"
    label_studio(work / "ls.json", {"annotator": "bob"}, completed_by="bob", created_at=stamp, updated_at=stamp)
    out = conflicted("import", "ls.json", "--format", "labelstudio", "--db", "t2.db", cwd=work)
    assert "1 conflict(s)" in out and "replaced" not in out
    assert bobs(work / "t2.db") == [("ACTOR", "Alice Smith"), ("LOCATION", "Paris")]


def test_work_shown_newer_in_label_studio_still_replaces(work: Path) -> None:
    times = {"created_at": "2026-12-02T12:00:00Z", "updated_at": "2026-12-02T13:00:00Z"}
    label_studio(work / "ls.json", {"annotator": "bob"}, completed_by="bob", **times)
    out = ok("import", "ls.json", "--format", "labelstudio", "--db", "t2.db", cwd=work)
    assert "1 replaced older work" in out
    assert bobs(work / "t2.db") == [("ACTOR", "Alice Smith")]


def refused(work: Path, *args: str) -> str:
    result = annotator(*args, cwd=work)
    assert (result.returncode, result.stdout) == (1, ""), (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_annotator_option_never_moves_another_persons_record(work: Path) -> None:
    alice = {**BOB, "annotator": "alice", "updated_at": "2026-12-02T10:00:00Z", "spans": [ACTOR]}
    jsonl(work / "alice_new.jsonl", alice)
    err = refused(work, "import", "alice_new.jsonl", "--annotator", "bob", "--db", "t2.db")
    assert err.startswith("annotator: error: alice_new.jsonl:1: field 'annotator': "), err
    assert "'alice'" in err and "bob" in err and "without --annotator" in err, err
    assert bobs(work / "t2.db") == [("ACTOR", "Alice Smith"), ("LOCATION", "Paris")]
    out = ok("import", "alice_new.jsonl", "--annotator", "alice", "--db", "t2.db", cwd=work)  # her own name: fine
    assert out.startswith("1 record(s) imported")


def test_annotator_option_in_the_other_formats(work: Path) -> None:
    prodigy = {"text": TEXT, "_annotator_id": "alice", "_session_id": "alice", "answer": "accept",
               "spans": [{"start": 0, "end": 11, "label": "ACTOR"}], "meta": {"article_id": "a1"}}  # fmt: skip
    jsonl(work / "p.jsonl", prodigy)
    err = refused(work, "import", "p.jsonl", "--format", "prodigy", "--annotator", "bob", "--db", "t2.db")
    assert "'alice'" in err and "_annotator_id" in err and "without --annotator" in err, err
    doccano = {"text": TEXT, "article_id": "a1", "annotator": "alice", "label": [[0, 11, "ACTOR"]]}
    jsonl(work / "d.jsonl", doccano)
    err = refused(work, "import", "d.jsonl", "--format", "doccano", "--annotator", "bob", "--db", "t2.db")
    assert "'alice'" in err and "annotator" in err and "without --annotator" in err, err
    label_studio(work / "ls.json", {"annotator": "alice"})  # our own export's name: a person's
    err = refused(work, "import", "ls.json", "--format", "labelstudio", "--annotator", "bob", "--db", "t2.db")
    assert "'alice'" in err and "without --annotator" in err, err
    assert bobs(work / "t2.db") == [("ACTOR", "Alice Smith"), ("LOCATION", "Paris")]
    label_studio(work / "ls7.json", {}, completed_by=7)  # one Label Studio user's work: --annotator names it
    ok("import", "ls7.json", "--format", "labelstudio", "--annotator", "carol", "--db", "t2.db", cwd=work)
    assert rows(work / "t2.db", "SELECT annotator FROM annotations WHERE annotator = 'carol'") == [("carol",)]


def test_rename_takes_named_records_as_the_annotators_deliberately(work: Path) -> None:
    """A Prodigy session id ("news-alice") or a person's old name is taken under --annotator only when asked for with
    --rename; bob's newer work is still a conflict, not replaced, unless --replace is given too."""
    prodigy = {"text": TEXT, "_annotator_id": "news-alice", "_session_id": "news-alice", "answer": "accept",
               "spans": [{"start": 0, "end": 11, "label": "ACTOR"}], "meta": {"article_id": "a1"}}  # fmt: skip
    jsonl(work / "p.jsonl", prodigy)
    ok("import", "p.jsonl", "--format", "prodigy", "--annotator", "alice", "--rename", "--db", "t2.db", cwd=work)
    assert rows(work / "t2.db", "SELECT annotator FROM annotations ORDER BY annotator") == [("alice",), ("bob",)]
    older = {**BOB, "annotator": "robert", "updated_at": "2026-11-30T10:00:00Z", "spans": [ACTOR]}
    jsonl(work / "robert.jsonl", older)
    result = annotator("import", "robert.jsonl", "--annotator", "bob", "--rename", "--db", "t2.db", cwd=work)
    assert result.returncode == 1 and "conflict" in result.stdout + result.stderr, (result.stdout, result.stderr)
    assert bobs(work / "t2.db") == [("ACTOR", "Alice Smith"), ("LOCATION", "Paris")]
    err = refused(work, "import", "robert.jsonl", "--rename", "--db", "t2.db")
    assert err == "annotator: error: --rename: give --annotator NAME, the name the records are taken under\n", err


NUL_TEXT = "Rome said x\\u0000y today."  # a NUL as JSON escapes it: SQLite's length() stops at it


def test_a_nul_in_an_article_text_is_refused_at_the_file(tmp_path: Path) -> None:
    (tmp_path / "nul.jsonl").write_text('{"id": "n1", "text": "' + NUL_TEXT + '"}\n', encoding="utf-8")
    err = refused(tmp_path, "ingest", "nul.jsonl", "--no-suggest", "--db", "n.db")
    assert err.startswith("annotator: error: nul.jsonl:1: field 'text': "), err
    assert "NUL" in err, err
    good = '{"id": "g1", "text": "Rome said yes today."}\n'
    (tmp_path / "some.jsonl").write_text('{"id": "n1", "text": "' + NUL_TEXT + '"}\n' + good, encoding="utf-8")
    ok("ingest", "some.jsonl", "--no-suggest", "--skip-invalid", "--db", "n.db", cwd=tmp_path)
    assert rows(tmp_path / "n.db", "SELECT id FROM articles") == [("g1",)]
    ok("check", "--db", "n.db", cwd=tmp_path)


def test_a_nul_in_an_imported_record_or_comment_is_refused(work: Path) -> None:
    record = '{"article_id": "n2", "text": "' + NUL_TEXT + '", "annotator": "carol", "spans": []}\n'
    (work / "rec.jsonl").write_text(record, encoding="utf-8")
    err = refused(work, "import", "rec.jsonl", "--db", "t2.db")
    assert err.startswith("annotator: error: rec.jsonl:1: field 'text': ") and "NUL" in err, err
    comment = {"annotator": "carol", "text": "see x\u0000y", "at": "2026-12-01T10:00:00Z"}
    jsonl(work / "c.jsonl", {**BOB, "annotator": "carol", "spans": [], "comments": [comment]})
    err = refused(work, "import", "c.jsonl", "--db", "t2.db")
    assert err.startswith("annotator: error: c.jsonl:1: field 'comments[0].text': ") and "NUL" in err, err
    ok("check", "--db", "t2.db", cwd=work)

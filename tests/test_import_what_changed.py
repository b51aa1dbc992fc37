"""An attacker's findings (attack 30, r6 and a minor one): an import compared a record with the stored work by its
status and spans only, so a record differing only in its flag reason counted "1 unchanged" and the stored reason
stayed, even with --replace; a record differing only by a new comment stored the comment but said "0 imported; 1
unchanged"; and a record whose text is another article's was named by that article's id in "duplicate record".
Real native exports, the real console script, real SQLite."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from attack_support import conflicted, made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line


def stamp(seconds: int = 0) -> str:
    moment = datetime.now(UTC) + timedelta(seconds=seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def first_record(work: Path) -> dict:  # noqa: F811
    ok("export", "--annotator", "alice", "--db", "base.db", "-o", "a.jsonl", cwd=work)
    return json.loads((work / "a.jsonl").read_text("utf-8").splitlines()[0])


def write(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def reason(db: Path) -> list[tuple[object, ...]]:
    return rows(db, "SELECT status, flag_reason FROM annotations WHERE annotator = 'alice' AND article_id = 'a1'")


def test_a_newer_record_differing_only_in_its_flag_reason_replaces_it(work: Path) -> None:  # noqa: F811
    record = first_record(work)
    write(work / "f1.jsonl", {**record, "status": "flagged", "flag_reason": "bad", "updated_at": stamp(1)})
    assert "1 replaced older work" in ok("import", "f1.jsonl", "--db", "base.db", cwd=work)
    write(work / "f2.jsonl", {**record, "status": "flagged", "flag_reason": "speaker is wrong", "updated_at": stamp(2)})
    out = ok("import", "f2.jsonl", "--db", "base.db", cwd=work)
    assert out == "1 record(s) imported (0 new article(s)); 1 replaced older work -> base.db\n"
    assert reason(work / "base.db") == [("flagged", "speaker is wrong")]


def test_an_older_record_differing_only_in_its_flag_reason_is_a_conflict_and_replace_takes_it(work: Path) -> None:  # noqa: F811
    record = first_record(work)
    write(work / "f1.jsonl", {**record, "status": "flagged", "flag_reason": "bad", "updated_at": stamp(1)})
    ok("import", "f1.jsonl", "--db", "base.db", cwd=work)
    write(work / "f0.jsonl", {**record, "status": "flagged", "flag_reason": "older reason", "updated_at": stamp(-60)})
    out = conflicted("import", "f0.jsonl", "--db", "base.db", cwd=work)
    assert out.startswith("0 record(s) imported (0 new article(s)); 1 conflict(s) -> base.db\n"), out
    assert reason(work / "base.db") == [("flagged", "bad")]
    out = ok("import", "f0.jsonl", "--db", "base.db", "--replace", cwd=work)
    assert (
        out == "1 record(s) imported (0 new article(s)); 1 replaced newer work in the database (--replace) -> base.db\n"
    )
    assert reason(work / "base.db") == [("flagged", "older reason")]


def test_a_record_bringing_only_a_new_comment_says_so(work: Path) -> None:  # noqa: F811
    record = first_record(work)
    note = {"annotator": "alice", "text": "check the second quote", "at": stamp()}
    write(work / "c.jsonl", {**record, "comments": [note]})
    out = ok("import", "c.jsonl", "--db", "base.db", cwd=work)
    assert out == (
        "0 record(s) imported (0 new article(s), 1 comment(s) added); 1 unchanged but for new comment(s) -> base.db\n"
    )
    assert rows(work / "base.db", "SELECT annotator, text FROM comments") == [("alice", "check the second quote")]
    assert (
        ok("import", "c.jsonl", "--db", "base.db", cwd=work)
        == "0 record(s) imported (0 new article(s)); 1 unchanged -> base.db\n"
    )


def test_a_duplicate_by_text_names_both_articles_by_their_own_ids(work: Path) -> None:  # noqa: F811
    text = "Rita Ora sang in Leeds on Friday."
    one = {"article_id": "c1", "text": text, "annotator": "zed", "status": "done", "spans": []}
    write(work / "two.jsonl", one, {**one, "article_id": "c2", "status": "skipped"})
    result = annotator("import", "two.jsonl", "--db", "empty.db", cwd=work)
    assert one_error_line(result) == (
        "two.jsonl:2: duplicate record: article 'c2' has the text of article 'c1', whose record by 'zed' is already "
        "at line 1"
    )

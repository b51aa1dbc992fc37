"""A conflict means the user's file was not applied: `import` and `merge` print their summary and the conflicts,
then one error line, and exit with status 1, as every refusal does, so a script does not take the work as brought
in. Resolved conflicts (`import --replace`, `merge --prefer`) are the user's choice: status 0. The real console
script on real files and real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line, small_database
from support import SMALL_TEXT, nth

from annotator.store import Store
from annotator.vocabulary import utc_now


def add(db: Path, article: str, who: str, words: str, label: str) -> None:
    with Store.open(db) as store:
        start = nth(SMALL_TEXT, words)
        store.add_span(article, who, start, start + len(words), label)


def test_an_import_over_newer_work_is_a_conflict_and_exits_1_after_its_summary(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    article = small_database(db)
    old = tmp_path / "ivy.jsonl"
    assert annotator("export", "--db", db, "--annotator", "alice", "-o", old).returncode == 0
    add(db, article, "alice", "Gaza", "LOCATION")  # newer work than the file's

    result = annotator("import", old, "--db", db)
    assert result.stdout == (
        f"0 record(s) imported (0 new article(s)); 1 conflict(s) -> {db}\n"
        f"conflict: alice on {article} 'Small' ({old}:1) differs from newer work stored here "
        "(spans: 1 only here (LOCATION 'Gaza')): "
        "kept this database's (--replace takes the file's)\n"
    )
    assert one_error_line(result) == (
        f"1 record(s) of {old} not imported: they conflict with the work stored in {db} (listed above); "
        "--replace takes the file's"
    )
    with Store.open(db, read_only=True) as store:
        assert [s.label for s in store.spans(article, "alice")] == ["ACTOR", "LOCATION"]

    replaced = annotator("import", old, "--db", db, "--replace")
    assert (replaced.returncode, replaced.stderr) == (0, "")  # the attacker's: it said "1 replaced older work"
    assert replaced.stdout == (
        f"1 record(s) imported (0 new article(s)); 1 replaced newer work in the database (--replace) -> {db}\n"
    )
    with Store.open(db, read_only=True) as store:
        assert [s.label for s in store.spans(article, "alice")] == ["ACTOR"]


def test_replace_says_which_work_it_replaced_newer_older_or_not_shown_either(tmp_path: Path) -> None:
    """One file, three records: one newer than the work stored here, one older, one with no time (as doccano and
    CoNLL give): --replace takes all three, and says which was which; without it only the newer one is taken."""
    db = tmp_path / "r.db"
    article = small_database(db, "alice")
    for who in ("bob", "carol"):
        add(db, article, who, "Washington", "ACTOR")
    exported = {}
    for who in ("alice", "bob", "carol"):
        path = tmp_path / f"{who}.jsonl"
        assert annotator("export", "--db", db, "--annotator", who, "--status", "all", "-o", path).returncode == 0
        exported[who] = json.loads(path.read_text(encoding="utf-8"))
    add(db, article, "alice", "Gaza", "LOCATION")  # alice's export is now older than her work here
    for who in ("bob", "carol"):
        add(db, article, who, "Gaza", "LOCATION")
    newer = {**exported["bob"], "updated_at": utc_now()}  # bob's record changed after his work here
    unstamped = {k: v for k, v in exported["carol"].items() if k != "updated_at"}
    three = tmp_path / "three.jsonl"
    three.write_text("".join(json.dumps(r) + "\n" for r in (exported["alice"], newer, unstamped)), encoding="utf-8")

    kept = annotator("import", three, "--db", db)
    assert kept.returncode == 1  # never a silent replacement of newer work, nor of work the file does not date
    assert kept.stdout.splitlines()[0] == (
        f"1 record(s) imported (0 new article(s)); 1 replaced older work; 2 conflict(s) -> {db}"
    )
    assert labels(db, article) == {"alice": ["ACTOR", "LOCATION"], "bob": ["ACTOR"], "carol": ["ACTOR", "LOCATION"]}

    replaced = annotator("import", three, "--db", db, "--replace")
    assert (replaced.returncode, replaced.stderr) == (0, "")
    assert replaced.stdout == (
        f"2 record(s) imported (0 new article(s)); 1 replaced newer work in the database (--replace); "
        f"1 replaced work the file does not show is older (--replace); 1 unchanged -> {db}\n"
    )
    assert labels(db, article) == {"alice": ["ACTOR"], "bob": ["ACTOR"], "carol": ["ACTOR"]}


def labels(db: Path, article: str) -> dict[str, list[str]]:
    with Store.open(db, read_only=True) as store:
        return {who: sorted(s.label for s in store.spans(article, who)) for who in ("alice", "bob", "carol")}


def test_an_import_with_some_records_in_conflict_stores_the_others_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    article = small_database(db)
    with Store.open(db) as store:
        store.accept_all(article, "bob")
        store.set_status(article, "bob", "done")
    old = tmp_path / "alice.jsonl"
    assert annotator("export", "--db", db, "--annotator", "alice", "-o", old).returncode == 0
    mine = tmp_path / "bob.jsonl"
    assert annotator("export", "--db", db, "--annotator", "bob", "-o", mine).returncode == 0
    target = tmp_path / "t.db"
    small_database(target)
    add(target, article, "alice", "Gaza", "LOCATION")
    both = tmp_path / "both.jsonl"
    both.write_text(old.read_text(encoding="utf-8") + mine.read_text(encoding="utf-8"), encoding="utf-8")

    result = annotator("import", both, "--db", target)
    assert result.returncode == 1
    assert result.stdout.startswith(f"1 record(s) imported (0 new article(s)); 1 conflict(s) -> {target}\n")
    assert "--replace takes the file's" in one_error_line(result)
    with Store.open(target, read_only=True) as store:
        assert store.status(article, "bob").value == "done"  # the record without a conflict is stored


def merged_pair(tmp_path: Path) -> tuple[Path, Path, str]:
    """review.db and alice.db, the same article, alice's work changed differently in each since."""
    review, alice = tmp_path / "review.db", tmp_path / "alice.db"
    article = small_database(review)
    assert small_database(alice) == article
    add(review, article, "alice", "Gaza", "LOCATION")
    add(alice, article, "alice", "35", "FIGURE")
    return review, alice, article


def test_a_merge_with_conflicts_and_no_prefer_exits_1_after_its_summary(tmp_path: Path) -> None:
    review, alice, article = merged_pair(tmp_path)
    result = annotator("merge", alice, "--db", review)
    assert result.stdout.splitlines()[-1] == (
        f"conflict: alice on {article} 'Small' differs in {alice} (spans: 1 only here (LOCATION 'Gaza'), 1 only there (FIGURE '35')): kept this "
        "database's (--prefer other takes theirs)"
    )
    assert one_error_line(result) == (
        f"1 annotation(s) of {alice} not merged: they differ from the work here (listed above); --prefer other "
        f"takes theirs, --prefer this keeps this database's; the rest is merged into {review}"
    )
    for prefer in ("this", "other"):
        chosen = annotator("merge", alice, "--db", review, "--prefer", prefer)
        assert (chosen.returncode, chosen.stderr) == (0, ""), chosen


def test_a_conflict_says_what_differs_its_status_and_the_spans_on_each_side(tmp_path: Path) -> None:
    """A trial: the conflict line left the user to diff the two works by hand, where merge's says what differs.
    Here the file has a span the database lacks, the database one the file lacks, and another status."""
    db = tmp_path / "r.db"
    article = small_database(db)
    add(db, article, "alice", "Gaza", "LOCATION")
    path = tmp_path / "alice.jsonl"
    assert annotator("export", "--db", db, "--annotator", "alice", "--status", "all", "-o", path).returncode == 0
    record = json.loads(path.read_text(encoding="utf-8"))
    record["spans"] = [span for span in record["spans"] if span["label"] != "LOCATION"]
    record["status"] = "skipped"
    del record["updated_at"]
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    add(db, article, "alice", "at least 35", "FIGURE")

    result = annotator("import", path, "--db", db)
    assert result.returncode == 1
    assert result.stdout.splitlines()[1] == (
        f"conflict: alice on {article} 'Small' ({path}:1) differs from the work stored here (status: done "
        "here, skipped in the file; spans: 2 only here (LOCATION 'Gaza', FIGURE 'at least 35'); the file does not show it is newer): kept this database's "
        "(--replace takes the file's)"
    )


def test_a_conflict_of_a_docbin_names_its_record_as_the_file_and_a_record_number(tmp_path: Path) -> None:
    """A DocBin has no lines: the conflict line said `x.spacy:record 1`, a `file:line` with no line (s53 W1-a)."""
    db = tmp_path / "r.db"
    article = small_database(db)
    docbin = tmp_path / "alice.spacy"
    assert annotator("export", "--db", db, "--annotator", "alice", "--format", "spacy",
                     "-o", docbin).returncode == 0  # fmt: skip
    add(db, article, "alice", "Gaza", "LOCATION")

    result = annotator("import", docbin, "--format", "spacy", "--annotator", "alice", "--db", db)
    assert result.stdout.splitlines()[1] == (
        f"conflict: alice on {article} 'Small' ({docbin} record 1) differs from newer work stored here "
        "(spans: 1 only here (LOCATION 'Gaza')): kept this database's (--replace takes the file's)"
    )

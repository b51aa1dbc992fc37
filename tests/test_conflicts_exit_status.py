"""A conflict means the user's file was not applied: `import` and `merge` print their summary and the conflicts,
then one error line, and exit with status 1, as every refusal does, so a script does not take the work as brought
in. Resolved conflicts (`import --replace`, `merge --prefer`) are the user's choice: status 0. The real console
script on real files and real SQLite."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line, small_database
from support import SMALL_TEXT, nth

from annotator.store import Store


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
        f"conflict: alice on {article} 'Small' ({old}:1) differs from newer work stored here: "
        "kept this database's (--replace takes the file's)\n"
    )
    assert one_error_line(result) == (
        f"1 record(s) of {old} not imported: they conflict with the work stored in {db} (listed above); "
        "--replace takes the file's"
    )
    with Store.open(db, read_only=True) as store:
        assert [s.label for s in store.spans(article, "alice")] == ["ACTOR", "LOCATION"]

    replaced = annotator("import", old, "--db", db, "--replace")
    assert (replaced.returncode, replaced.stderr) == (0, "")
    assert replaced.stdout == f"1 record(s) imported (0 new article(s)); 1 replaced older work -> {db}\n"


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
        f"conflict: alice on {article} 'Small' differs in {alice}: kept this database's (--prefer other takes theirs)"
    )
    assert one_error_line(result) == (
        f"1 annotation(s) of {alice} not merged: they differ from the work here (listed above); --prefer other "
        f"takes theirs, --prefer this keeps this database's; the rest is merged into {review}"
    )
    for prefer in ("this", "other"):
        chosen = annotator("merge", alice, "--db", review, "--prefer", prefer)
        assert (chosen.returncode, chosen.stderr) == (0, ""), chosen

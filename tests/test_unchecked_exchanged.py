"""Work no person touched stays said to be so across the project's own exchange of files (newcomer 43: the
caution of `tests/test_unchecked_work.py` was lost there). alice and bob each ran `annotator accept --done` in their
own database; alice's export imported into bob's (or her database merged with his) held an "import" event, which
counted as a person's work: `agreement` said 1.000 with no caution. The native record now says the work is what
commands alone wrote (`unchecked`, with the status and a digest of the spans they wrote), and the import keeps it;
a person's edit (in either database, or in the file) still takes the article out. Real processes on real files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from test_unchecked_work import AGREEMENT, TEXTS

from annotator.exchange.formats.stored_spans import spans_digest
from annotator.models import NativeRecord
from annotator.store import Store
from annotator.store.unchecked import command_only


def accepted_apart(tmp_path: Path) -> tuple[Path, Path]:
    """The same two articles ingested into alice.db and bob.db, each annotator's `accept --done` in their own."""
    source = tmp_path / "n.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), "utf-8")
    databases = []
    for who in ("alice", "bob"):
        db = tmp_path / f"{who}.db"
        assert annotator("ingest", source, "--db", db).returncode == 0
        done = annotator("accept", "--annotator", who, "--done", "--db", db)
        assert done.returncode == 0, done.stderr
        databases.append(db)
    return databases[0], databases[1]


def exported(db: Path, who: str, out: Path) -> list[dict[str, object]]:
    done = annotator("export", "--annotator", who, "-o", out, "--db", db)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def imported(path: Path, db: Path) -> None:
    done = annotator("import", path, "--db", db)
    assert done.returncode == 0, done.stderr


def second_line(db: Path) -> str:
    result = annotator("agreement", "--db", db)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[1]


def by_commands_alone(db: Path) -> int:
    """`agreement --json`'s `command_only`: on how many articles commands alone wrote everyone's work. The caution
    counts work that is the model's suggestions unchanged too (tests/test_as_suggested.py), which a person's
    status alone leaves as it is; this count is what these tests follow through files."""
    result = annotator("agreement", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["command_only"])


def test_the_export_says_which_work_commands_alone_wrote(tmp_path: Path) -> None:
    alice_db, _ = accepted_apart(tmp_path)
    with Store.open(alice_db) as store:  # alice reads n1 on the screen and takes one span away: her own work
        store.remove_span("n1", "alice", store.spans("n1", "alice")[0].id)
        store.set_status("n1", "alice", "done")
    records = exported(alice_db, "alice", tmp_path / "alice.jsonl")
    n0 = NativeRecord.model_validate(records[0])  # the file's records are the schema's
    assert [len(n0.spans), NativeRecord.model_validate(records[1]).unchecked] == [3, None]
    digest = spans_digest(n0.spans)  # `accept`'s work is the suggestions unchanged too (test_as_suggested_exchanged)
    assert records[0]["unchecked"] == {
        "commands": ["accept"],
        "as_suggested": True,
        "status": "done",
        "spans_digest": digest,
    }


def test_accepted_work_imported_into_another_database_keeps_the_caution(tmp_path: Path) -> None:
    alice_db, bob_db = accepted_apart(tmp_path)
    exported(alice_db, "alice", tmp_path / "alice.jsonl")
    imported(tmp_path / "alice.jsonl", bob_db)
    assert second_line(bob_db) == AGREEMENT.format(n=2)
    again = exported(bob_db, "alice", tmp_path / "alice-again.jsonl")  # and on to a third database
    assert [record["unchecked"]["commands"] for record in again] == [["accept"], ["accept"]]  # type: ignore[index]


def test_accepted_work_merged_from_another_database_keeps_the_caution(tmp_path: Path) -> None:
    alice_db, bob_db = accepted_apart(tmp_path)
    review = tmp_path / "review.db"
    merged = annotator("merge", alice_db, bob_db, "--db", review)
    assert merged.returncode == 0, merged.stderr
    assert second_line(review) == AGREEMENT.format(n=2)


def test_a_persons_edit_after_the_import_takes_the_article_out(tmp_path: Path) -> None:
    alice_db, bob_db = accepted_apart(tmp_path)
    exported(alice_db, "alice", tmp_path / "alice.jsonl")
    imported(tmp_path / "alice.jsonl", bob_db)
    with Store.open(bob_db) as store:  # alice's work, read on bob's screen: one span taken away
        store.remove_span("n0", "alice", store.spans("n0", "alice")[0].id)
    assert second_line(bob_db) == AGREEMENT.format(n=1)
    with Store.open(bob_db) as store:  # a status a person sets is a person's work too
        store.set_status("n1", "alice", "flagged", "check the date")
        store.set_status("n1", "alice", "done")
    assert by_commands_alone(bob_db) == 0


def test_work_a_person_edited_before_the_export_imports_as_theirs(tmp_path: Path) -> None:
    alice_db, bob_db = accepted_apart(tmp_path)
    with Store.open(alice_db) as store:
        store.remove_span("n0", "alice", store.spans("n0", "alice")[0].id)
        store.set_status("n0", "alice", "done")
    exported(alice_db, "alice", tmp_path / "alice.jsonl")
    imported(tmp_path / "alice.jsonl", bob_db)
    assert second_line(bob_db) == AGREEMENT.format(n=1)


def test_a_record_edited_in_the_file_is_a_persons_work(tmp_path: Path) -> None:
    """Someone changes the spans (or the status) in the file and leaves `unchecked` as the export wrote it: its
    status and digest no longer say this work, so the record imports as a person's."""
    alice_db, bob_db = accepted_apart(tmp_path)
    records = exported(alice_db, "alice", tmp_path / "alice.jsonl")
    records[0]["spans"] = records[0]["spans"][1:]  # type: ignore[index]
    records[1]["status"] = "flagged"
    (tmp_path / "edited.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    imported(tmp_path / "edited.jsonl", bob_db)
    assert "caution" not in annotator("agreement", "--db", bob_db).stdout  # n0 alone is compared
    with Store.open(bob_db) as store:
        assert [store.status(a, "alice").value for a in ("n0", "n1")] == ["done", "flagged"]
        assert command_only(store, [("n0", ["alice"]), ("n1", ["alice"])]) == []


def test_an_older_export_without_the_field_imports_as_before(tmp_path: Path) -> None:
    alice_db, bob_db = accepted_apart(tmp_path)
    records = exported(alice_db, "alice", tmp_path / "alice.jsonl")
    older = [{key: value for key, value in record.items() if key != "unchecked"} for record in records]
    (tmp_path / "older.jsonl").write_text("".join(json.dumps(r) + "\n" for r in older), "utf-8")
    imported(tmp_path / "older.jsonl", bob_db)
    assert by_commands_alone(bob_db) == 0


def test_accepted_work_that_replaced_a_persons_keeps_the_caution(tmp_path: Path) -> None:
    """import --replace takes the file's work whole: what a person did here before it is no longer there, so the
    work as it stands is what `accept` wrote."""
    alice_db, bob_db = accepted_apart(tmp_path)
    exported(alice_db, "alice", tmp_path / "alice.jsonl")
    imported(tmp_path / "alice.jsonl", bob_db)
    with Store.open(bob_db) as store:  # a person edits alice's n0 in bob's database, then the file is taken again
        store.remove_span("n0", "alice", store.spans("n0", "alice")[0].id)
    assert second_line(bob_db) == AGREEMENT.format(n=1)
    replaced = annotator("import", tmp_path / "alice.jsonl", "--replace", "--db", bob_db)
    assert replaced.returncode == 0, replaced.stderr
    assert second_line(bob_db) == AGREEMENT.format(n=2)


def test_accepted_work_merged_over_other_work_keeps_the_caution(tmp_path: Path) -> None:
    """merge --prefer other replaces differing work with one "merge" event: where the other file's work is what
    `accept` wrote, the event says so, as an import's does."""
    alice_db, bob_db = accepted_apart(tmp_path)
    with Store.open(bob_db) as store:  # alice's work in bob's file differs (a person's edit): a conflict
        store.add_span("n0", "alice", 0, 9, "ACTOR")
        store.set_status("n0", "alice", "done")
        store.set_status("n1", "alice", "done")
    merged = annotator("merge", alice_db, "--prefer", "other", "--db", bob_db)
    assert merged.returncode == 0, merged.stderr
    assert second_line(bob_db) == AGREEMENT.format(n=2)
    with Store.open(bob_db) as store:  # bob's window, on alice's merged n1: a person's status
        store.set_status("n1", "alice", "in_progress")
        store.set_status("n1", "alice", "done")
    assert by_commands_alone(bob_db) == 1


def test_evaluate_against_an_exported_file_of_accepted_work_says_so(tmp_path: Path) -> None:
    """`evaluate --gold-from FILE`: a reference file of work `accept` wrote is the model's suggestions, unchecked;
    a record changed in the file since is a person's reference."""
    alice_db, bob_db = accepted_apart(tmp_path)
    records = exported(alice_db, "alice", tmp_path / "alice.jsonl")
    scored = annotator("evaluate", "--gold-from", tmp_path / "alice.jsonl", "--db", bob_db)
    assert scored.returncode == 0, scored.stderr
    caution = (
        "  caution: on {n} of these 2 article(s) the file is the model's suggestions unchanged (no person changed "
        "them, on the screen or by a command): there the model's suggestions are scored against themselves, which "
        "can only raise the figures below"
    )
    assert scored.stdout.splitlines()[1] == caution.format(n=2)
    records[0]["spans"] = records[0]["spans"][1:]  # type: ignore[index]
    (tmp_path / "edited.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    scored = annotator("evaluate", "--gold-from", tmp_path / "edited.jsonl", "--db", bob_db)
    the_other = "; on the other 1 article(s), ALL's exact F1 is 0.800"  # the record a person changed: 2 of 3 left
    assert scored.stdout.splitlines()[1] == caution.format(n=1) + the_other


def test_an_undo_and_redo_of_the_import_on_a_screen_are_a_persons(tmp_path: Path) -> None:
    """u then ctrl+r on the imported article: the redo is the screen's action (the event it repeats named `import`
    and `accept`; the redo names neither)."""
    alice_db, bob_db = accepted_apart(tmp_path)
    exported(alice_db, "alice", tmp_path / "alice.jsonl")
    imported(tmp_path / "alice.jsonl", bob_db)
    with Store.open(bob_db) as store:
        store.undo("n0", "alice")
        redone = store.redo("n0", "alice")
        after = json.loads(store.conn.execute("SELECT after FROM events WHERE id = ?", [redone.event_id]).fetchone()[0])
        assert ("command" in after, "unchecked" in after, store.status("n0", "alice").value) == (False, False, "done")
    assert by_commands_alone(bob_db) == 1

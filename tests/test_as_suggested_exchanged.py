"""Work that is the model's suggestions unchanged keeps being said so through the native file, whoever pressed the
keys (a newcomer's trial, N9 and N6). alice and bob pressed A then d on the screen and `adjudicate --auto` settled
gold from them: `evaluate` said "caution: on 3 of these 3 article(s) gold is the model's suggestions unchanged",
but `export --gold` wrote no `unchecked` (it carried commands only), so `evaluate --gold-from` the file said
nothing. And gold settled from `accept`'s work lost it on the one article where the annotator changed her work
afterwards, though gold there is still exactly the suggestions. The record now says `as_suggested` where the work
is exactly the model's suggestions (`store.as_suggested`), its import keeps it, and a person's change takes it out.
The real app under Pilot, the real console script, real SQLite files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from processes import annotator
from test_as_suggested import TEXTS, accepted_by_both

from annotator.exchange.formats.stored_spans import spans_digest
from annotator.models import NativeRecord
from annotator.store import Store
from annotator.vocabulary import GOLD

#: `evaluate`'s caution under its first line: `whose` the reference, of `n` of the 3 articles.
CAUTION = (
    "  caution: on {n} of these 3 article(s) {whose} is the model's suggestions unchanged (no person changed them, "
    "on the screen or by a command): there {there}"
)
SCORED = "the model's suggestions are scored against themselves, which can only raise the figures below"

#: `agreement`'s caution (tests/test_as_suggested.py), of `n` of the 3 articles.
AGREEMENT = (
    "caution: on {n} of the 3 article(s) compared, every annotator's work is the model's suggestions unchanged "
    "(accepted as suggested, on the screen or by `annotator accept`): there the model's suggestions agree with "
    "themselves"
)


def run(*args: str | Path) -> str:
    done = annotator(*args)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


@pytest.fixture(scope="module")
def screen_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """alice and bob each press A then d on the three articles; gold is settled from them by `adjudicate --auto`."""
    db = accepted_by_both(tmp_path_factory.mktemp("screen"))
    run("adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", "lead", "--db", db)
    return db


@pytest.fixture
def db(screen_made: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(screen_made, tmp_path / "ad.db"))


def exported(db: Path, out: Path, *whose: str) -> list[dict[str, object]]:
    run("export", *whose, "-o", out, "--db", db)
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def said(record: dict[str, object], *commands: str) -> dict[str, object]:
    """The `unchecked` the export writes of work that is the model's suggestions unchanged."""
    spans = NativeRecord.model_validate(record).spans  # the file's records are the schema's
    named = {"commands": list(commands)} if commands else {}
    return {**named, "as_suggested": True, "status": "done", "spans_digest": spans_digest(spans)}


def second_line(*args: str | Path) -> str:
    return run(*args).splitlines()[1]


def counts(*args: str | Path) -> tuple[int, int]:
    """`--json`'s command_only and suggestions_unchanged."""
    data = json.loads(run(*args, "--json"))
    return data["command_only"], data["suggestions_unchanged"]


def test_gold_accepted_on_the_screen_keeps_its_caution_through_the_file(db: Path, tmp_path: Path) -> None:
    assert second_line("evaluate", "--db", db) == CAUTION.format(n=3, whose="gold", there=SCORED)
    records = exported(db, tmp_path / "g.jsonl", "--gold")
    assert [record.get("unchecked") for record in records] == [said(record) for record in records]
    from_file = ("evaluate", "--gold-from", tmp_path / "g.jsonl", "--db", db)
    assert second_line(*from_file) == CAUTION.format(n=3, whose="the file", there=SCORED)
    assert counts(*from_file) == counts("evaluate", "--db", db) == (0, 3)  # no command wrote it: none by commands


def test_screen_work_and_its_gold_imported_elsewhere_keep_the_caution(db: Path, tmp_path: Path) -> None:
    """Imported into a database that has no suggestion at all: the records say what the work is."""
    other = tmp_path / "other.db"
    for whose, name in ((["--annotator", "alice"], "alice"), (["--annotator", "bob"], "bob"), (["--gold"], "g")):
        exported(db, tmp_path / f"{name}.jsonl", *whose)
        run("import", tmp_path / f"{name}.jsonl", "--db", other)
    assert second_line("agreement", "--db", other) == AGREEMENT.format(n=3)
    assert counts("agreement", "--db", other) == (0, 3)
    there = "alice is scored against the model's suggestions"
    assert second_line("evaluate", "--annotator", "alice", "--db", other) == CAUTION.format(
        n=3, whose="gold", there=there
    )
    again = exported(other, tmp_path / "again.jsonl", "--gold")  # and out again, to a third
    assert [record.get("unchecked") for record in again] == [said(record) for record in again]
    merged = tmp_path / "merged.db"  # merged on: the import's events go with the work
    run("merge", other, "--db", merged)
    assert second_line("agreement", "--db", merged) == AGREEMENT.format(n=3)
    with Store.open(other) as store:  # a person's edit there takes the article out; their status alone does not
        store.remove_span("n0", "alice", store.spans("n0", "alice")[0].id)
        store.set_status("n1", "alice", "in_progress")
        store.set_status("n1", "alice", "done")
    assert second_line("agreement", "--db", other) == AGREEMENT.format(n=2)
    records = exported(other, tmp_path / "alice-again.jsonl", "--annotator", "alice")
    assert [record.get("unchecked") for record in records] == [None, said(records[1]), said(records[2])]


def test_screen_work_merged_keeps_the_caution(db: Path, tmp_path: Path) -> None:
    merged = tmp_path / "merged.db"
    run("merge", db, "--db", merged)
    assert second_line("agreement", "--db", merged) == AGREEMENT.format(n=3)
    assert second_line("evaluate", "--db", merged) == CAUTION.format(n=3, whose="gold", there=SCORED)


def test_gold_a_person_changed_is_theirs_in_the_file_too(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:  # the reviewer takes a span out of n0's gold
        store.remove_span("n0", GOLD, store.spans("n0", GOLD)[0].id)
    in_db = second_line("evaluate", "--db", db)
    records = exported(db, tmp_path / "g.jsonl", "--gold")
    assert [record.get("unchecked") for record in records] == [None, said(records[1]), said(records[2])]
    from_file = second_line("evaluate", "--gold-from", tmp_path / "g.jsonl", "--db", db)
    assert from_file == in_db.replace(" gold is ", " the file is ")
    assert in_db.startswith(CAUTION.format(n=2, whose="gold", there=SCORED) + "; on the other 1 article(s)")
    records[1]["spans"] = records[1]["spans"][1:]  # type: ignore[index]  # changed in the file: a person's
    (tmp_path / "edited.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    edited = second_line("evaluate", "--gold-from", tmp_path / "edited.jsonl", "--db", db)
    assert edited.startswith(CAUTION.format(n=1, whose="the file", there=SCORED) + "; on the other 2 article(s)")


def test_gold_from_accepted_work_changed_since_keeps_its_caution_through_the_file(tmp_path: Path) -> None:
    """N6: gold settled from `accept --done`, then ann changed her own done work on n0: gold there is still the
    suggestions (the database says 3 of 3), so the file says so of all three, naming the commands where they
    alone wrote everyone's work (n1, n2); `train` counts the three too, naming those commands."""
    source = tmp_path / "n.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), "utf-8")
    db = tmp_path / "x.db"
    run("ingest", source, "--db", db)
    run("accept", "--annotator", "ann", "--done", "--db", db)
    run("adjudicate", "--auto", "--annotators", "ann", "--reviewer", "lead", "--db", db)
    with Store.open(db) as store:
        store.remove_span("n0", "ann", store.spans("n0", "ann")[0].id)
    records = exported(db, tmp_path / "g.jsonl", "--gold")
    both = ("accept", "adjudicate --auto")
    assert [record.get("unchecked") for record in records] == [
        said(records[0]),
        said(records[1], *both),
        said(records[2], *both),
    ]
    from_file = ("evaluate", "--gold-from", tmp_path / "g.jsonl", "--db", db)
    assert second_line(*from_file) == second_line("evaluate", "--db", db).replace(" gold is ", " the file is ")
    assert second_line(*from_file) == CAUTION.format(n=3, whose="the file", there=SCORED)
    assert counts(*from_file) == counts("evaluate", "--db", db) == (2, 3)
    learned = (  # `train` counts the three as `evaluate` does, from the database and from the file alike
        "annotator: note: on 3 of the 3 article(s) it took, the work is the model's suggestions unchanged (no person "
        "changed them, on the screen or by a command: `annotator accept` then `annotator adjudicate --auto` wrote 2 "
        "of them): there it learns the model's own suggestions"
    )
    for out, source in (("m1", ["--from", tmp_path / "g.jsonl"]), ("m2", ["--db", db])):
        done = annotator("train", "--epochs", "1", "--out", tmp_path / out, *source)
        assert done.returncode == 0, done.stderr
        assert [line for line in done.stderr.splitlines() if "no person changed" in line] == [learned]


def test_a_record_written_before_as_suggested_still_imports(db: Path, tmp_path: Path) -> None:
    """A file an earlier release wrote: `unchecked` with commands alone, as before."""
    records = exported(db, tmp_path / "alice.jsonl", "--annotator", "alice")
    older = [{**record, "unchecked": {**said(record, "accept"), "as_suggested": None}} for record in records]
    for record in older:
        del record["unchecked"]["as_suggested"]  # type: ignore[attr-defined]
    (tmp_path / "older.jsonl").write_text("".join(json.dumps(r) + "\n" for r in older), "utf-8")
    other = tmp_path / "other.db"
    run("import", tmp_path / "older.jsonl", "--db", other)
    with Store.open(other, read_only=True) as store:
        assert [store.status(f"n{i}", "alice").value for i in range(3)] == ["done", "done", "done"]


def test_screen_work_merged_over_a_persons_keeps_the_caution(db: Path, tmp_path: Path) -> None:
    """merge --prefer other over alice's differing work in a database that holds no suggestion: her work from the
    other file is the suggestions unchanged, and the "merge" event says so, as an import's does."""
    records = exported(db, tmp_path / "alice.jsonl", "--annotator", "alice")
    for record in records:  # a person's alice elsewhere: one span fewer on each article, imported as hers
        record["spans"] = record["spans"][1:]  # type: ignore[index]
    (tmp_path / "edited.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    over = tmp_path / "over.db"
    run("import", tmp_path / "edited.jsonl", "--db", over)
    exported(db, tmp_path / "bob.jsonl", "--annotator", "bob")
    run("import", tmp_path / "bob.jsonl", "--db", over)
    assert counts("agreement", "--db", over) == (0, 0)
    run("merge", db, "--prefer", "other", "--db", over)
    assert second_line("agreement", "--db", over) == AGREEMENT.format(n=3)
    with Store.open(over, read_only=True) as store:
        merged = [store.events(f"n{i}", "alice")[-1] for i in range(3)]
        assert [(e.action, e.after.get("as_suggested")) for e in merged] == [("merge", True)] * 3

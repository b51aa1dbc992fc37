"""`annotator rename-annotator OLD NEW`: one annotator under two names becomes one. A Label Studio user stored under
two names by an older release (`ana` by --user-map, `labelstudio-user-1` without it) made every later import of the
project refuse, with no way out; a mistyped --annotator left work under a second name. The move is two events an
article (the old name's work emptied, the new name's filled), undoable on either side; a database where the new
name has work of its own beside the old one's is refused whole. Real console script, real SQLite, a real Label Studio
1.23.2 export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from exchange_support import build
from processes import annotator
from real_files import REAL

from annotator.exchange.formats.jsonl import record_dict
from annotator.exchange.records import annotator_records
from annotator.store import Store
from annotator.store.merge import merge
from annotator.store.verify import check

EXPORT = REAL / "labelstudio" / "ls1232_export.json"


def tasks(*ids: int) -> list[dict[str, Any]]:
    """The real export's tasks (those of `ids`, else all)."""
    every = list(json.loads(EXPORT.read_text("utf-8")))
    return [task for task in every if not ids or task["id"] in ids]


def imported(tmp_path: Path, name: str, *options: str) -> Any:
    return annotator("import", name, "--format", "labelstudio", "--db", "a.db", *options, cwd=tmp_path)


def two_names(tmp_path: Path) -> None:
    """User 1 stored as 'ana' (task 1, --user-map 1=ana) and as 'labelstudio-user-1' (task 3, without it), as an
    older release left a database; the whole export is then refused."""
    for name, ids in (("one.json", (1,)), ("three.json", (3,)), ("export.json", ())):
        (tmp_path / name).write_text(json.dumps(tasks(*ids)), "utf-8")
    assert imported(tmp_path, "one.json", "--user-map", "1=ana").returncode == 0
    assert imported(tmp_path, "three.json").returncode == 0


def annotations(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute("SELECT article_id, annotator, status FROM annotations ORDER BY 1, 2"))


def kept_ids(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as connection:
        metas = connection.execute("SELECT id, meta FROM articles ORDER BY id")
        return {id: json.loads(meta).get("labelstudio_annotation_ids") for id, meta in metas}


def state(store: Store, who: str) -> list[dict[str, Any]]:
    """An annotator's records, every status, without their moment."""
    records = [
        {k: v for k, v in record_dict(r).items() if k != "updated_at"} for r in annotator_records(store, who, None)
    ]
    return sorted(records, key=lambda r: r["article_id"])


def renamed(folder: Path, *args: str) -> Any:
    return annotator("rename-annotator", *args, cwd=folder)


def test_the_two_names_refusal_names_the_rename(tmp_path: Path) -> None:
    two_names(tmp_path)
    result = imported(tmp_path, "export.json")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: export.json: Label Studio user 1 is stored here under two names: 'ana' (their annotation 1 "
        "on article 'hand-1') and 'labelstudio-user-1' (their annotation 4 on article 'hand-3'); one user is one "
        "annotator, and which name their work goes under this database cannot tell (nothing was imported); keep one "
        "with `annotator rename-annotator labelstudio-user-1 ana --db a.db`\n"
    )


def test_after_the_rename_the_import_goes_through_storing_nothing_twice(tmp_path: Path) -> None:
    two_names(tmp_path)
    result = renamed(tmp_path, "labelstudio-user-1", "ana", "--db", "a.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "moved 1 article(s) of labelstudio-user-1 to ana -> a.db\n",
        "",
    )
    assert kept_ids(tmp_path / "a.db") == {"hand-1": {"ana": 1}, "hand-3": {"ana": 4}}
    result = imported(tmp_path, "export.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 record(s) imported (1 new article(s)); 2 unchanged -> a.db\n")
    assert annotations(tmp_path / "a.db") == [
        ("hand-1", "ana", "done"),
        ("hand-2", "ana", "done"),
        ("hand-2", "labelstudio-user-2", "done"),
        ("hand-3", "ana", "skipped"),
        ("hand-3", "labelstudio-user-1", "todo"),  # emptied by the rename's event: no work, nobody's
    ]
    checked = annotator("check", "--db", "a.db", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (
        0,
        "a.db: ok (integrity check passed; 6 event(s) replay to the stored annotations)\n",
    )


def test_the_renamed_work_keeps_its_label_studio_origin(tmp_path: Path) -> None:
    """The import that wrote the old name's skip is its last edit: the new name's work still says which task and
    annotation it was (`origins.work_origin`), so the same file again leaves it unchanged."""
    from annotator.store.origins import work_origin

    two_names(tmp_path)
    assert renamed(tmp_path, "labelstudio-user-1", "ana", "--db", "a.db").returncode == 0
    with Store.open(tmp_path / "a.db", read_only=True) as store:
        assert work_origin(store, "hand-3", "ana") == {"labelstudio_task_id": 3, "labelstudio_annotation_id": 4}


def test_agreement_stats_and_export_show_one_annotator(tmp_path: Path) -> None:
    two_names(tmp_path)
    assert renamed(tmp_path, "labelstudio-user-1", "ana", "--db", "a.db").returncode == 0
    assert imported(tmp_path, "export.json").returncode == 0
    agreement = annotator("agreement", "--db", "a.db", "--json", cwd=tmp_path)
    assert agreement.returncode == 0, agreement.stderr
    assert json.loads(agreement.stdout)["annotators"] == ["ana", "labelstudio-user-2"]
    stats = annotator("stats", "--db", "a.db", cwd=tmp_path)
    assert [line.split()[0] for line in stats.stdout.splitlines() if line.startswith(("ana ", "labelstudio"))] == [
        "ana",
        "labelstudio-user-2",
    ]
    exported = annotator(
        "export", "--db", "a.db", "--annotator", "labelstudio-user-1", "--status", "all", "-o", "-", cwd=tmp_path
    )
    assert (exported.returncode, exported.stdout, exported.stderr) == (
        1,
        "",
        "annotator: error: 'labelstudio-user-1' was renamed 'ana' (annotator rename-annotator): use --annotator ana\n",
    )
    with Store.open(tmp_path / "a.db", read_only=True) as store:
        assert [(r["article_id"], r["status"]) for r in state(store, "ana")] == [
            ("hand-1", "done"),
            ("hand-2", "done"),
            ("hand-3", "skipped"),
        ]


def test_every_kind_of_work_moves_and_check_replays_it(tmp_path: Path) -> None:
    """A decision on a suggestion, a quote with its speaker, done and flagged: all under the new name, nothing left
    under the old one, every event replaying to the tables."""
    db = tmp_path / "alice.db"
    with build(db) as store:
        before = state(store, "alice")
    result = renamed(tmp_path, "alice", "alicia", "--db", "alice.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "moved 2 article(s) of alice to alicia -> alice.db\n",
        "",
    )
    with Store.open(db, read_only=True) as store:
        assert [{**r, "annotator": "alice"} for r in state(store, "alicia")] == before
        assert state(store, "alice") == []
        assert check(store) == []


def test_undo_on_the_new_name_gives_the_work_back_to_the_old_name(tmp_path: Path) -> None:
    """u on the new name's article takes the whole move back there (both events): the work is the old name's again,
    as before the rename, nothing lost; ctrl+r moves it again. The other article stays moved."""
    db = tmp_path / "alice.db"
    with build(db) as store:
        before = state(store, "alice")
        small, big = store.article_ids()
    assert renamed(tmp_path, "alice", "alicia", "--db", "alice.db").returncode == 0
    with Store.open(db) as store:
        moved = state(store, "alicia")
        undone = store.undo(small, "alicia")
        assert undone.message.endswith("; the rename of 'alice' to 'alicia' with it: the work is under 'alice' again")
        assert state(store, "alice") == [r for r in before if r["article_id"] == small]
        assert [r["article_id"] for r in state(store, "alicia")] == [big]
        assert check(store) == []
        redone = store.redo(small, "alicia")
        assert redone.message.endswith("; the rename of 'alice' to 'alicia' with it: the work is under 'alicia' again")
        assert state(store, "alicia") == moved
        assert state(store, "alice") == []
        assert check(store) == []


def test_undo_as_the_old_name_takes_the_move_back_too(tmp_path: Path) -> None:
    db = tmp_path / "alice.db"
    with build(db) as store:
        before = state(store, "alice")
        small, big = store.article_ids()
    assert renamed(tmp_path, "alice", "alicia", "--db", "alice.db").returncode == 0
    with Store.open(db) as store:
        store.undo(big, "alice")
        assert state(store, "alice") == [r for r in before if r["article_id"] == big]
        assert [r["article_id"] for r in state(store, "alicia")] == [small]
        assert check(store) == []


def test_a_renamed_database_merges_into_another(tmp_path: Path) -> None:
    db = tmp_path / "alice.db"
    build(db).close()
    assert renamed(tmp_path, "alice", "alicia", "--db", "alice.db").returncode == 0
    with Store.open(tmp_path / "review.db") as review, Store.open(db, read_only=True) as source:
        report = merge(review, [db])
        assert (report.articles_added, report.conflicts) == (2, [])
        assert state(review, "alicia") == state(source, "alicia")
        assert state(review, "alice") == []
        assert check(review) == []


def test_the_assignment_moves_with_its_place(tmp_path: Path) -> None:
    db = tmp_path / "alice.db"
    build(db).close()
    assert annotator("assign", "--annotators", "alice,bo", "--db", "alice.db", cwd=tmp_path).returncode == 0
    with sqlite3.connect(db) as connection:
        places = "SELECT article_id, annotator, position, batch, assigned_at FROM assignments ORDER BY 1, 2"
        was = list(connection.execute(places))
    assert renamed(tmp_path, "alice", "alicia", "--db", "alice.db").returncode == 0
    with sqlite3.connect(db) as connection:
        now = list(connection.execute(places))
    assert now == [(a, "alicia" if who == "alice" else who, *rest) for a, who, *rest in was]
    with Store.open(db, read_only=True) as store:
        assert check(store) == []


def test_an_untouched_to_do_and_an_assignment_of_the_new_name_are_filled(tmp_path: Path) -> None:
    """bo is assigned both articles and opened one without touching it: alice's work moves onto them, bo keeps
    their own assignments, alice's are taken back."""
    db = tmp_path / "alice.db"
    with build(db) as store:
        before = state(store, "alice")
        small, big = store.article_ids()
    assert (
        annotator("assign", "--annotators", "alice,bo", "--overlap", "2", "--db", "alice.db", cwd=tmp_path).returncode
        == 0
    )
    with Store.open(db) as store:
        store.save_cursor(small, "bo", 12)
    result = renamed(tmp_path, "alice", "bo", "--db", "alice.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "moved 2 article(s) of alice to bo -> alice.db\n",
        "",
    )
    with Store.open(db, read_only=True) as store:
        assert [{**r, "annotator": "alice"} for r in state(store, "bo")] == before
        assert store.conn.execute("SELECT article_id, annotator FROM assignments ORDER BY 1, 2").fetchall() == sorted(
            [(small, "bo"), (big, "bo")]
        )
        assert check(store) == []


def test_work_commands_alone_wrote_stays_no_persons(tmp_path: Path) -> None:
    """`accept` alone wrote Ana's work (the model's suggestions, no person's): under ana it is still said so, for
    agreement, adjudication and the native export, and still the model's suggestions unchanged."""
    from annotator.store.as_suggested import as_suggested
    from annotator.store.unchecked import commands_alone

    db = tmp_path / "alice.db"
    with build(db) as store:
        small, _ = store.article_ids()
    accepted = annotator("accept", small, "--annotator", "Ana", "--done", "--db", "alice.db", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    assert renamed(tmp_path, "Ana", "ana", "--db", "alice.db").returncode == 0
    with Store.open(db, read_only=True) as store:
        assert commands_alone(store, "ana") == {small: ["accept"]}
        assert as_suggested(store, [(small, "ana")]) == {(small, "ana")}
        assert check(store) == []


def test_a_name_renamed_to_its_look_alike_works_on_everywhere(tmp_path: Path) -> None:
    """`Ana` renamed to `ana`: 'Ana' is left only in the event log, history, so `ana` is a name like any other:
    `accept` works under it, `check` finds nothing, and the file merges into another; Ana's comment is ana's."""
    db = tmp_path / "alice.db"
    with build(db) as store:
        small, big = store.article_ids()
    accepted = annotator("accept", small, "--annotator", "Ana", "--db", "alice.db", cwd=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    with Store.open(db) as store:
        store.add_comment(big, "Ana", "check the figure")
    assert renamed(tmp_path, "Ana", "ana", "--db", "alice.db").returncode == 0
    again = annotator("accept", big, "--annotator", "ana", "--db", "alice.db", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")
    checked = annotator("check", "--db", "alice.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    with Store.open(tmp_path / "review.db") as review:
        assert merge(review, [db]).conflicts == []
        assert [who for who, *_ in review.comments(big)] == ["ana"]
        assert check(review) == []


def test_articles_out_in_a_pack_are_said(tmp_path: Path) -> None:
    """alice's pack is out: its work merges back as alice's, in conflict with the move, as the screen warns of any
    work on them here; the rename is done, and says so."""
    build(tmp_path / "t.db").close()
    assert (
        annotator("assign", "--annotators", "alice,bo", "--overlap", "2", "--db", "t.db", cwd=tmp_path).returncode == 0
    )
    assert annotator("pack", "--annotator", "alice", "-o", "p.db", "--db", "t.db", cwd=tmp_path).returncode == 0
    result = renamed(tmp_path, "alice", "alicia", "--db", "t.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "moved 2 article(s) of alice to alicia -> t.db\n",
        "annotator: note: alice's articles are out in a pack (p.db, made by `annotator pack`): work on them here "
        "conflicts with the pack's when it is merged back (annotator merge p.db); merge it first; this rename is work "
        "on them here (u on an article takes it back)\n",
    )


def test_ids_of_work_since_undone_move_too(tmp_path: Path) -> None:
    """labelstudio-user-1's import on hand-3 was undone: no work moves, but the annotation id the article keeps still
    says who user 1 is, and goes to ana, so the export imports."""
    two_names(tmp_path)
    with Store.open(tmp_path / "a.db") as store:
        store.undo("hand-3", "labelstudio-user-1")
    result = renamed(tmp_path, "labelstudio-user-1", "ana", "--db", "a.db")
    assert (result.returncode, result.stdout) == (0, "moved 0 article(s) of labelstudio-user-1 to ana -> a.db\n")
    assert kept_ids(tmp_path / "a.db") == {"hand-1": {"ana": 1}, "hand-3": {"ana": 4}}
    assert imported(tmp_path, "export.json").returncode == 0

"""A pack merged back, then annotated further and merged again (a newcomer's trial): the second merge called every
article bob went on with a conflict, kept the team's older copy and exited 0. The team's copy of bob's work is
where bob's own history in the pack passed through: nobody changed it since, so the pack's later work is taken,
with bob's further events (undo walks them here as in the pack), and it is no conflict. Work changed on both
sides is still a conflict."""

from __future__ import annotations

from pathlib import Path

from support import nth
from test_pack import PARIS, lead  # noqa: F401  (the fixture)
from typer.testing import CliRunner

from annotator.cli import app
from annotator.store import Store
from annotator.store.assignments import assigned
from annotator.store.merge import merge
from annotator.store.merge_source import work

runner = CliRunner()


def paris(store: Store, who: str) -> str:
    return next(a for a in assigned(store, who) if store.article_text(a) == PARIS)


def edit(path: Path, who: str, *marks: tuple[str, str]) -> None:
    with Store.open(path) as store:
        article = paris(store, who)
        for part, label in marks:
            start = nth(PARIS, part)
            store.add_span(article, who, start, start + len(part), label)


def test_a_pack_merged_again_after_more_work_brings_the_newer_work_and_its_events(tmp_path: Path, lead: Path) -> None:  # noqa: F811
    bob = tmp_path / "bob.db"
    assert runner.invoke(app, ["pack", "--annotator", "bob", "-o", str(bob), "--db", str(lead)]).exit_code == 0
    edit(bob, "bob", ("Paris", "LOCATION"))  # the suggestion's words: it is accepted
    with Store.open(lead) as store:
        assert merge(store, [bob]).annotations_added == 1
    edit(bob, "bob", ("20 people", "FIGURE"))  # on in the pack: its history continues the one merged
    result = runner.invoke(app, ["merge", str(bob), "--db", str(lead)])
    assert (result.exit_code, result.stderr, result.stdout) == (
        0,
        "",
        (
            f"0 article(s), 0 annotation(s) and 1 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
            f"0 conflict(s) -> {lead}\n"
            "1 annotation(s) brought up to date: the other file's work went on from this database's (no conflict; its "
            "later events are added)\n"
        ),
    )
    with Store.open(bob, read_only=True) as pack, Store.open(lead) as store:
        article = paris(store, "bob")
        assert work(store.conn, article, "bob") == work(pack.conn, paris(pack, "bob"), "bob")
        assert [s.text for s in store.spans(article, "bob")] == ["Paris", "20 people"]
        assert [e.action for e in store.events(article, "bob") if e.action not in ("assign", "pack", "merged")] == [
            "accept",
            "add",
        ]
        store.undo(article, "bob")  # the pack's last edit, undone here
        assert [s.text for s in store.spans(article, "bob")] == ["Paris"]
    again = runner.invoke(app, ["merge", str(bob), "--db", str(lead)])  # the pack is now the older side: ours kept
    assert again.exit_code == 0
    with Store.open(lead, read_only=True) as store:
        assert [s.text for s in store.spans(paris(store, "bob"), "bob")] == ["Paris"]


def test_work_changed_on_both_sides_since_the_last_merge_is_still_a_conflict(tmp_path: Path, lead: Path) -> None:  # noqa: F811
    bob = tmp_path / "bob.db"
    assert runner.invoke(app, ["pack", "--annotator", "bob", "-o", str(bob), "--db", str(lead)]).exit_code == 0
    edit(bob, "bob", ("Paris", "LOCATION"))  # the suggestion's words: it is accepted
    with Store.open(lead) as store:
        merge(store, [bob])
    edit(bob, "bob", ("20 people", "FIGURE"))
    edit(lead, "bob", ("police", "ACTOR"))  # bob on the shared host too
    with Store.open(lead) as store:
        report = merge(store, [bob])
        assert [(c.annotator, c.kept.value) for c in report.conflicts] == [("bob", "this")]
        assert [s.text for s in store.spans(paris(store, "bob"), "bob")] == ["Paris", "police"]


def undo(path: Path, who: str) -> None:
    with Store.open(path) as store:
        store.undo(paris(store, who), who)


def test_an_undo_back_to_nothing_in_the_pack_is_brought_back(tmp_path: Path, lead: Path) -> None:  # noqa: F811
    """An attacker's trial: the pack's undo of its only edit left the annotation as if never touched, and the
    merge reported all zeros and kept the undone span here."""
    bob = tmp_path / "bob.db"
    assert runner.invoke(app, ["pack", "--annotator", "bob", "-o", str(bob), "--db", str(lead)]).exit_code == 0
    edit(bob, "bob", ("police", "ACTOR"))
    with Store.open(lead) as store:
        merge(store, [bob])
    undo(bob, "bob")
    with Store.open(lead) as store:
        report = merge(store, [bob])
        assert (report.brought_up_to_date, report.conflicts) == (1, [])
        article = paris(store, "bob")
        assert (store.spans(article, "bob"), store.status(article, "bob").value) == ([], "todo")


def test_an_undo_back_to_nothing_here_is_not_undone_by_merging_the_pack_again(tmp_path: Path, lead: Path) -> None:  # noqa: F811
    """The other way: an undo here back to nothing counted as no work, and the same pack merged again put the
    undone span back, its events copied a second time."""
    bob = tmp_path / "bob.db"
    assert runner.invoke(app, ["pack", "--annotator", "bob", "-o", str(bob), "--db", str(lead)]).exit_code == 0
    edit(bob, "bob", ("police", "ACTOR"))
    with Store.open(lead) as store:
        merge(store, [bob])
    undo(lead, "bob")
    with Store.open(lead) as store:
        events = len(store.events(annotator="bob"))
        report = merge(store, [bob])
        assert (report.unchanged, report.annotations_added, report.events_copied, report.conflicts) == (1, 0, 0, [])
        written = [e.action for e in store.events(annotator="bob")[events:]]  # the note it said, recorded: no copy
        assert (store.spans(paris(store, "bob"), "bob"), written) == ([], ["merged"])
    edit(bob, "bob", ("20 people", "FIGURE"))  # the pack goes on from before the undo: changed on both sides
    with Store.open(lead) as store:
        assert [c.annotator for c in merge(store, [bob]).conflicts] == ["bob"]
        assert store.spans(paris(store, "bob"), "bob") == []

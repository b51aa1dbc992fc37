"""A newcomer's trial: after the first `annotator merge carol.db` the notice that carol's articles are out in a pack
was gone for good, though a pack can be merged again and carol went on working in it: she then edited the same
article in the team database with no warning, and the second merge was a conflict. The events the merge brought
back from the pack had ended the notice as if carol had worked here. Now the events a merge brought do not end it
(it says when the pack was last merged back); work done here does. Real CLI-made files, Pilot."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.test_packed_member_warned import TEXTS, run


def team_with_a_pack_merged_back(folder: Path) -> None:
    """carol's two articles packed, the first accepted in the pack, the pack merged back into team.db."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,carol", "--overlap", "2", "--db", "team.db")
    run(folder, "pack", "--annotator", "carol", "-o", "carol.db", "--db", "team.db")
    run(folder, "accept", "first", "--annotator", "carol", "--db", "carol.db")
    run(folder, "merge", "carol.db", "--db", "team.db")


async def notices(path: Path, who: str) -> list[str]:
    app = make_app(path, who, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    return [message for _, message in app.messages if "out in a pack" in message]


def merged_back_at(path: Path) -> str:
    """The moment the merge recorded, as the notice shows it (minutes, UTC)."""
    with sqlite3.connect(path) as connection:
        at = connection.execute("SELECT MAX(at) FROM events WHERE action = 'merged'").fetchone()[0]
    return "(no merge recorded)" if at is None else f"{at[:10]} {at[11:16]} UTC"


async def test_the_notice_stays_after_the_pack_is_merged_back_and_says_when(tmp_path: Path) -> None:
    team_with_a_pack_merged_back(tmp_path)
    said = await notices(tmp_path / "team.db", "carol")
    assert said == [
        f"carol's articles are out in a pack ({tmp_path / 'carol.db'}, made by `annotator pack`), last merged back at "
        f"{merged_back_at(tmp_path / 'team.db')}: work in it since then conflicts with work on them here when it is "
        f"merged again (annotator merge {tmp_path / 'carol.db'}); merge it first"
    ]


async def test_work_done_here_after_the_merge_ends_the_notice(tmp_path: Path) -> None:
    """carol chose to work here (warned when she opened it): the notice has said what it had to."""
    team_with_a_pack_merged_back(tmp_path)
    run(tmp_path, "accept", "second", "--annotator", "carol", "--db", "team.db")
    assert await notices(tmp_path / "team.db", "carol") == []


async def test_merging_the_pack_again_with_nothing_new_changes_nothing_and_keeps_the_notice(tmp_path: Path) -> None:
    """The second merge brings nothing (the pack holds no newer work): nothing is written, as for any merge that
    brings nothing, and the notice still names the merge that brought the pack's work."""
    team_with_a_pack_merged_back(tmp_path)
    before = await notices(tmp_path / "team.db", "carol")
    with sqlite3.connect(tmp_path / "team.db") as connection:
        events = connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    run(tmp_path, "merge", "carol.db", "--db", "team.db")
    with sqlite3.connect(tmp_path / "team.db") as connection:
        assert connection.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events
    assert await notices(tmp_path / "team.db", "carol") == before


async def test_the_pack_merged_again_after_more_work_in_it_keeps_the_notice(tmp_path: Path) -> None:
    """carol went on in the pack and it was merged again (its later events appended here: no conflict): those
    are the pack's work too, and the notice names the later merge."""
    team_with_a_pack_merged_back(tmp_path)
    run(tmp_path, "accept", "second", "--annotator", "carol", "--db", "carol.db")
    run(tmp_path, "merge", "carol.db", "--db", "team.db")
    with sqlite3.connect(tmp_path / "team.db") as connection:
        merges = connection.execute("SELECT COUNT(DISTINCT at) FROM events WHERE action = 'merged'").fetchone()[0]
    said = await notices(tmp_path / "team.db", "carol")
    last = f"last merged back at {merged_back_at(tmp_path / 'team.db')}:"
    assert (merges, [last in message for message in said]) == (2, [True])


def team_with_two_packs(folder: Path) -> None:
    """carol's articles packed twice (carol.db, then carol2.db while carol.db was out), the first accepted in
    carol.db."""
    (folder / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(folder, "ingest", "a.jsonl", "--db", "team.db")
    run(folder, "assign", "--annotators", "alice,carol", "--overlap", "2", "--db", "team.db")
    run(folder, "pack", "--annotator", "carol", "-o", "carol.db", "--db", "team.db")
    run(folder, "accept", "first", "--annotator", "carol", "--db", "carol.db")
    run(folder, "pack", "--annotator", "carol", "-o", "carol2.db", "--db", "team.db")


async def test_an_earlier_pack_merged_back_is_named_not_the_newest(tmp_path: Path) -> None:
    """A newcomer's trial (F3): the notice said the newest pack, carol2.db, was "last merged back" when only the
    earlier carol.db was; carol2.db, made before carol.db's work came back, conflicts with it wherever carol works
    in both."""
    team_with_two_packs(tmp_path)
    run(tmp_path, "merge", "carol.db", "--db", "team.db")
    said = await notices(tmp_path / "team.db", "carol")
    assert said == [
        f"carol's articles are out in a pack ({tmp_path / 'carol2.db'}, made by `annotator pack`), not merged back "
        f"yet; {tmp_path / 'carol.db'}, a pack made before it, was merged back at {merged_back_at(tmp_path / 'team.db')}"
        f": work in {tmp_path / 'carol2.db'} conflicts with what that merge brought, and with work on them here, when "
        f"it is merged (annotator merge {tmp_path / 'carol2.db'})"
    ]


async def test_the_newest_pack_merged_back_is_named_with_its_merge(tmp_path: Path) -> None:
    team_with_two_packs(tmp_path)
    run(tmp_path, "merge", "carol2.db", "--db", "team.db")
    said = await notices(tmp_path / "team.db", "carol")
    assert said == [
        f"carol's articles are out in a pack ({tmp_path / 'carol2.db'}, made by `annotator pack`), last merged back "
        f"at {merged_back_at(tmp_path / 'team.db')}: work in it since then conflicts with work on them here when it "
        f"is merged again (annotator merge {tmp_path / 'carol2.db'}); merge it first"
    ]

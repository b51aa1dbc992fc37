"""A team trial (39b, 4): carol's articles were out in a pack (`annotator pack`), yet the team database opened as
carol (`annotate --annotator carol`, or `serve`'s name choice) with no word of it; work done there conflicted when
the pack was merged back. The screen says so when it opens, until carol works here anyway, warned (a merge of the
pack does not end it: test_packed_merged_back.py); the pack itself, and a member with no pack out, get no such
notice. Real CLI-made files, Pilot."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.tui.app import make_app
from annotator.tui.screens.article import CURSOR_SAVE_SECONDS

TEXTS = [
    {"id": "first", "title": "One", "text": "Officials in Lyon said 12 people were hurt."},
    {"id": "second", "title": "Two", "text": "Police in Porto said 3 cars burned."},
]


def run(folder: Path, *args: str) -> None:
    result = annotator(*args, cwd=folder)
    assert result.returncode == 0, result.stderr


async def opened_as(path: Path, who: str) -> tuple[str, list[str]]:
    app = make_app(path, who, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = app.screen.status_line.text.plain
    return said, [message for _, message in app.messages]


async def test_opening_as_a_member_whose_pack_is_out_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(tmp_path, "ingest", "a.jsonl", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "alice,carol", "--db", "team.db")
    run(tmp_path, "pack", "--annotator", "carol", "-o", "carol.db", "--db", "team.db")
    said, log = await opened_as(tmp_path / "team.db", "carol")
    expected = (  # the pack's whole path: the screen runs elsewhere than `pack` did
        f"carol's articles are out in a pack ({tmp_path / 'carol.db'}, made by `annotator pack`): work on them here "
        f"conflicts with the pack's when it is merged back (annotator merge {tmp_path / 'carol.db'}); merge it first"
    )
    assert any(expected in message for message in log)
    assert "carol's articles are out in a pack" in said
    said, log = await opened_as(tmp_path / "team.db", "alice")  # no pack of hers
    assert not any("out in a pack" in message for message in log)
    said, log = await opened_as(tmp_path / "carol.db", "carol")  # the pack itself
    assert not any("out in a pack" in message for message in log)


async def test_a_screen_open_when_the_pack_is_made_says_so_at_its_next_look_at_the_file(tmp_path: Path) -> None:
    """The team database open as carol while `annotator pack` runs in another terminal: the screen re-reads the
    file when another process changed it (its tick, every CURSOR_SAVE_SECONDS), and says then that her articles
    are out in a pack (before, it never learned of it and she went on working here)."""
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(t) + "\n" for t in TEXTS), encoding="utf-8")
    run(tmp_path, "ingest", "a.jsonl", "--db", "team.db")
    run(tmp_path, "assign", "--annotators", "alice,carol", "--db", "team.db")
    app = make_app(tmp_path / "team.db", "carol", keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = [message for _, message in app.messages if "out in a pack" in message]
        run(tmp_path, "pack", "--annotator", "carol", "-o", "carol.db", "--db", "team.db")
        await pilot.pause(CURSOR_SAVE_SECONDS + 1)
        said = app.screen.status_line.text.plain
        log = [message for _, message in app.messages if "out in a pack" in message]
    expected = (  # the pack's whole path: the screen runs elsewhere than `pack` did
        f"carol's articles are out in a pack ({tmp_path / 'carol.db'}, made by `annotator pack`): work on them here "
        f"conflicts with the pack's when it is merged back (annotator merge {tmp_path / 'carol.db'}); merge it first"
    )
    assert (before, log, said) == ([], [expected], f"Packed: {expected}")

"""`annotator merge` of bob's pack after `rename-annotator bob alice` there, while alice's own pack is out: the merge
wrote a `merged` event on alice's article of her own pack that bob's file also held (the rename gave alice bob's
untouched place there), said "1 article(s) of alice's, out in a pack here, recorded as merged back from bob.db", and
took the `merged` events of bob's work now under alice (on articles of bob's alone) for a merge of alice's pack
(`packs_out`: a merge from a file no pack of hers was written to was the newest pack's). The screen's notice then
said alice's pack was "last merged back", and a second pack of alice's was made with no word of the first, still
out. Now a file is read back only as the pack of the pairs it holds the packed assignment of; alice's pack stays out
until alice's file is merged, which then reads it back as before. Real console script, real SQLite files."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from db_files import rows
from processes import annotator

from annotator.store import Store
from annotator.store.pack import packed_out

TEXTS = {
    "a.txt": "The city council said on Monday that the Harbour Bridge in Port Mellin will close for six weeks.\n",
    "b.txt": "Mayor Ruth Okafor told reporters in Lyon that 40 buses would run every night.\n",
    "c.txt": "Officials in Paris said 12 trains were cancelled after the storm, according to Jean Dupont.\n",
    "d.txt": "The minister Anna Berg said in Oslo that 300 new homes would be built by 2027.\n",
}
OUT = (
    "alice's articles are out in a pack (alice.db, made by `annotator pack`): work on them here conflicts with the "
    "pack's when it is merged back (annotator merge alice.db); merge it first"
)


def run(folder: Path, *args: str) -> str:
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def assigned(db: Path, who: str) -> list[str]:
    return [
        str(row[0]) for row in rows(db, "SELECT article_id FROM assignments WHERE annotator = ? ORDER BY 1", (who,))
    ]


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """team.db: four articles, alice, bob and carol two to each (seed 0: alice b and c, bob a, b and d); alice's pack
    and bob's out; bob finished a and d (his alone of alice's team) in his, then was renamed alice there. The folder
    (each test its own: a pack's events name its whole path) and the article ids by file name."""
    folder = tmp_path
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    run(folder, "ingest", *TEXTS, "--db", "team.db")
    titles = {text.strip(): name for name, text in TEXTS.items()}
    ids = {
        titles[str(title)]: str(article)
        for article, title in rows(folder / "team.db", "SELECT id, title FROM articles")
    }
    run(folder, "assign", "--annotators", "alice,bob,carol", "--overlap", "2", "--db", "team.db")
    assert assigned(folder / "team.db", "alice") == sorted([ids["b.txt"], ids["c.txt"]])
    assert assigned(folder / "team.db", "bob") == sorted([ids["a.txt"], ids["b.txt"], ids["d.txt"]])
    run(folder, "pack", "--annotator", "alice", "-o", "alice.db", "--db", "team.db")
    run(folder, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db")
    run(folder, "accept", ids["a.txt"], ids["d.txt"], "--annotator", "bob", "--done", "--db", "bob.db")
    run(folder, "rename-annotator", "bob", "alice", "--db", "bob.db")
    return folder, ids


def merged_events(db: Path, who: str) -> list[tuple[object, ...]]:
    """(article, file read, events named, read back) of each `merged` event of `who`'s, in order."""
    sql = (
        "SELECT article_id, json_extract(after, '$.file'), json_extract(after, '$.events') IS NOT NULL, "
        "json_extract(after, '$.read_back') FROM events WHERE action = 'merged' AND annotator = ? ORDER BY id"
    )
    return rows(db, sql, (who,))


def notice(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """What the screen says opened as alice on team.db (`pack.packed_out`), files named from the folder."""
    monkeypatch.chdir(folder)
    with Store.open(folder / "team.db", read_only=True) as store:
        return packed_out(store, "alice")


def test_the_renamed_pack_records_no_merge_back_of_alices_pack(
    built: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, ids = built
    a, b, d = ids["a.txt"], ids["b.txt"], ids["d.txt"]
    said = run(folder, "merge", "bob.db", "--db", "team.db")
    assert said.splitlines() == [
        "0 article(s), 2 annotation(s) and 2 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "0 conflict(s) -> team.db",
        "2 assignment(s) added:",
        f"  {a} 'The city council said on Monday that the…' to alice",
        f"  {d} 'The minister Anna Berg said in Oslo that…' to alice",
        "3 assignment(s) taken back here: their annotator was renamed in the other file (annotator rename-annotator), "
        "whose new name's assignment was added",
    ]  # no "1 article(s) of alice's, out in a pack here, recorded as merged back from bob.db"
    bob = str(folder / "bob.db")
    # bob's work, now alice's, is named as the merge's (a screen open on it says so), but read back from no pack
    assert merged_events(folder / "team.db", "alice") == [(a, bob, 1, 0), (d, bob, 1, 0)]
    assert sorted(merged_events(folder / "team.db", "bob")) == [
        (article, bob, 0, None) for article in sorted([a, b, d])
    ]
    assert notice(folder, monkeypatch) == OUT


def test_a_second_pack_of_alices_still_names_the_first_as_out(built: tuple[Path, dict[str, str]]) -> None:
    folder = built[0]
    run(folder, "merge", "bob.db", "--db", "team.db")
    said = annotator("pack", "--annotator", "alice", "-o", "alice2.db", "--db", "team.db", cwd=folder)
    assert said.returncode == 0, said.stderr
    assert said.stderr.splitlines() == [
        "annotator: note: alice.db, an earlier pack of alice's, is still out (not merged back since it was made), with "
        "no work in it yet that is not here: work in both it and alice2.db on the same articles conflicts when they "
        "are merged back"
    ]


def test_alices_pack_merged_afterwards_is_read_back(
    built: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, ids = built
    b, c = ids["b.txt"], ids["c.txt"]
    run(folder, "merge", "bob.db", "--db", "team.db")
    run(folder, "accept", b, c, "--annotator", "alice", "--done", "--db", "alice.db")
    said = run(folder, "merge", "alice.db", "--db", "team.db")
    assert said.splitlines() == [
        "0 article(s), 2 annotation(s) and 2 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "0 conflict(s) -> team.db"
    ]
    alice = str(folder / "alice.db")
    read = [event for event in merged_events(folder / "team.db", "alice") if event[1] == alice]
    assert read == [(article, alice, 1, None) for article in sorted([b, c])]
    last = notice(folder, monkeypatch)
    assert last is not None
    assert re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "<moment>", last) == (
        "alice's articles are out in a pack (alice.db, made by `annotator pack`), last merged back at <moment>: work "
        "in it since then conflicts with work on them here when it is merged again (annotator merge alice.db); merge "
        "it first"
    )


def test_an_older_releases_merged_events_on_articles_of_no_pack_of_hers_end_no_pack(
    built: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older release's `merged` events of bob's work now alice's say nothing of a pack read back: on articles no
    pack of alice's holds, they are no merge of her pack (`packs_out` took them for the newest pack's)."""
    folder = built[0]
    run(folder, "merge", "bob.db", "--db", "team.db")
    connection = sqlite3.connect(folder / "team.db")
    with closing(connection), connection:  # the append-only trigger put back as it was
        [(trigger,)] = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'events_are_append_only_update'")
        connection.execute("DROP TRIGGER events_are_append_only_update")
        older = connection.execute(
            "UPDATE events SET after = json_remove(after, '$.read_back') WHERE action = 'merged' AND annotator = 'alice'"
        )
        connection.execute(trigger)
        assert older.rowcount == 2
    assert notice(folder, monkeypatch) == OUT

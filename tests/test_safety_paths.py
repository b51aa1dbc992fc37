"""An attacker trial's path findings: the default exports/ folder is never made through a link, ingest does not
follow links inside a folder, `-` is no database name, and a label mapped twice is an error. Real processes,
real files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working folder holding team.db with alice's finished work."""
    folder = tmp_path / "work"
    folder.mkdir()
    small_database(folder / "team.db")
    return folder


def default_export(work: Path) -> str:
    return one_error_line(annotator("export", "--annotator", "alice", "--db", "team.db", cwd=work, timeout=60))


def test_a_dangling_exports_link_is_refused_and_nothing_is_made(work: Path, tmp_path: Path) -> None:
    (work / "exports").symlink_to(tmp_path / "elsewhere" / "deeper")
    assert default_export(work) == (
        f"exports: a link to {tmp_path}/elsewhere/deeper, which does not exist: nothing is made where a link points; "
        "give another path"
    )
    assert not (tmp_path / "elsewhere").exists()
    assert sorted(p.name for p in work.iterdir()) == ["exports", "team.db"]


def test_an_exports_link_to_a_file_is_refused_and_the_file_kept(work: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    (work / "exports").symlink_to(tmp_path / "notes.txt")
    assert (
        default_export(work) == f"exports: a link to {tmp_path}/notes.txt, which is not a folder; nothing was written"
    )
    assert (tmp_path / "notes.txt").read_text() == "mine\n"


def test_an_exports_file_is_one_clear_line(work: Path) -> None:
    (work / "exports").write_text("mine\n")
    assert default_export(work) == "exports: not a folder; nothing was written"
    assert (work / "exports").read_text() == "mine\n"
    given = annotator("export", "--annotator", "alice", "--db", "team.db", "-o", "exports/a.jsonl", cwd=work)
    assert one_error_line(given) == "exports: not a folder; nothing was written"


def test_a_missing_exports_folder_is_made_in_the_working_folder(work: Path) -> None:
    result = annotator("export", "--annotator", "alice", "--db", "team.db", cwd=work, timeout=60)
    assert (result.returncode, result.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    assert (work / "exports").is_dir() and not (work / "exports").is_symlink()
    assert sorted(p.name for p in (work / "exports").iterdir()) == [".annotator-written.json", "alice.jsonl"]


def test_an_exports_link_to_a_folder_is_written_through(work: Path, tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (work / "exports").symlink_to(tmp_path / "shared")
    result = annotator("export", "--annotator", "alice", "--db", "team.db", cwd=work, timeout=60)
    assert (result.returncode, result.stdout) == (0, "1 record(s) -> exports/alice.jsonl\n")
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == [".annotator-written.json", "alice.jsonl"]
    assert os.readlink(work / "exports") == str(tmp_path / "shared")


def test_a_dash_is_no_database_name(work: Path) -> None:
    """`-` is standard output for `export -o`: as a database it would be a file named `-`, so it is refused."""
    says = "Invalid value for '{}': - is standard input or output, not a database file"
    pack = annotator("pack", "--annotator", "alice", "--db", "team.db", "-o", "-", cwd=work)
    assert one_error_line(pack) == says.format("-o' / '--output")
    stats = annotator("stats", "--db", "-", cwd=work)
    assert one_error_line(stats) == says.format("--db")
    merge = annotator("merge", "-", "--db", "team.db", cwd=work)
    assert one_error_line(merge) == says.format("others")
    assert sorted(p.name for p in work.iterdir()) == ["team.db"]


def test_a_label_or_relation_mapped_twice_is_one_line(tmp_path: Path) -> None:
    """The last mapping would win unseen: PERSON=ACTOR,PERSON=LOCATION stored every person as a place."""
    given = tmp_path / "p1.jsonl"
    given.write_text(
        '{"text": "Washington said so.", "spans": [{"start": 0, "end": 10, "label": "PERSON"}], "answer": "accept"}\n'
    )
    common = ("import", given, "--format", "prodigy", "--annotator", "bob", "--db", tmp_path / "t.db")
    labels = annotator(*common, "--label-map", "PERSON=ACTOR, GPE=LOCATION,PERSON=LOCATION")
    assert one_error_line(labels) == "field '--label-map': 'PERSON' is mapped twice"
    again = annotator(*common, "--label-map", "PERSON=ACTOR,PERSON=ACTOR")
    assert one_error_line(again) == "field '--label-map': 'PERSON' is mapped twice"
    relations = annotator(*common, "--relation-map", "said=SPEAKER,said=")
    assert one_error_line(relations) == "field '--relation-map': 'said' is mapped twice"
    # Found by a second trial: the option given twice kept only the last (PERSON= dropped every person silently).
    options = annotator(*common, "--label-map", "PERSON=ACTOR", "--label-map", "PERSON=")
    assert one_error_line(options) == "field '--label-map': 'PERSON' is mapped twice"
    options = annotator(*common, "--relation-map", "said=SPEAKER", "--relation-map", "said=")
    assert one_error_line(options) == "field '--relation-map': 'said' is mapped twice"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p1.jsonl"]


def stored_texts(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return sorted(text for (text,) in connection.execute("SELECT text FROM articles"))
    finally:
        connection.close()


def test_ingest_does_not_follow_links_inside_a_folder(tmp_path: Path) -> None:
    """A link in a folder could bring in any file on the machine (`ln -s /etc/passwd fold/sub/pw.txt`): it is
    skipped and named in one note; the same file named on the command line is read as given."""
    outside = tmp_path / "outside"
    (outside / "more").mkdir(parents=True)
    (outside / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (outside / "more" / "b.txt").write_text("An article outside the folder.\n")
    fold = tmp_path / "fold"
    (fold / "sub").mkdir(parents=True)
    (fold / "a.txt").write_text("Washington said so in Gaza.\n")
    (fold / "sub" / "pw.txt").symlink_to(outside / "secret.txt")
    (fold / "linked").symlink_to(outside / "more")
    (fold / "sub" / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    result = annotator("ingest", "fold", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n")
    assert result.stderr == (
        "annotator: note: 3 link(s) inside the folders skipped, not followed: fold/linked, fold/sub/gone.jsonl, "
        "fold/sub/pw.txt (name a file on the command line to read it)\n"
    )
    assert stored_texts(tmp_path / "t.db") == ["Washington said so in Gaza.\n"]
    given = annotator("ingest", "fold/sub/pw.txt", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (given.returncode, given.stderr) == (0, "")
    assert stored_texts(tmp_path / "t.db") == ["Washington said so in Gaza.\n", "root:x:0:0:root:/root:/bin/bash\n"]


def test_a_folder_given_as_a_link_is_read_as_given(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Washington said so in Gaza.\n")
    (tmp_path / "fold").symlink_to(tmp_path / "real")
    result = annotator("ingest", "fold", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert stored_texts(tmp_path / "t.db") == ["Washington said so in Gaza.\n"]


def test_predict_does_not_follow_links_inside_a_folder(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (tmp_path / "fold").mkdir()
    (tmp_path / "fold" / "a.txt").write_text("Washington said so in Gaza.\n")
    (tmp_path / "fold" / "pw.txt").symlink_to(tmp_path / "secret.txt")
    result = annotator("predict", "fold", "-o", "out", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 article(s) in 1 shard(s) (1 computed on 1 worker(s), ")
    assert result.stderr == (
        "annotator: note: 1 link(s) inside the folders skipped, not followed: fold/pw.txt "
        "(name a file on the command line to read it)\n"
    )
    shards = tmp_path / "out" / "shards"  # the shard, and the record that proved it predict's until it was listed
    assert sorted(p.name for p in shards.iterdir()) == [".annotator-written.json", "shard-000000.jsonl"]
    shard = shards / "shard-000000.jsonl"
    assert "root:x" not in shard.read_text()


def test_a_link_loop_for_exports_or_a_merge_source_is_one_line(tmp_path: Path) -> None:
    """Found by a second trial: `ln -s exports exports` and `ln -s loop.db loop.db` gave RuntimeError tracebacks."""
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "t.db", cwd=tmp_path).returncode == 0
    (tmp_path / "exports").symlink_to("exports")
    (tmp_path / "loop.db").symlink_to("loop.db")
    export = annotator("export", "--suggestions", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(export) == (
        "exports: a link in a loop (to exports): nothing is made through it; give another path"
    )
    merge = annotator("merge", "loop.db", "--db", "t.db", cwd=tmp_path)
    assert (
        one_error_line(merge) == "loop.db: a link in a loop (to loop.db): nothing is made through it; give another path"
    )

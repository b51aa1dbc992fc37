"""A newcomer's finding (42x, 3): `annotator ingest mixed2/` printed "2 article(s) added" and said nothing of the
`arr.json` and `notes.md` inside the folder, which it does not read (named directly, each is a clear error).
One note now names the files of other kinds a folder held, as the note of skipped links does; hidden files and
hidden folders (`.DS_Store`, `.git/`) are left out of it. The real console script on real files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, one_error_line


def mixed(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "a.txt").write_text("Ana Ruiz spoke in Riverton on Monday.\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(json.dumps({"text": "Li Wei visited Port Maren."}) + "\n", encoding="utf-8")
    (folder / "arr.json").write_text(json.dumps([{"text": "An array of articles."}]), encoding="utf-8")
    (folder / "notes.md").write_text("# What to annotate first\n", encoding="utf-8")
    (folder / "sub" / "readme.rst").write_text("Readme\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return folder


def test_a_folder_names_the_files_it_does_not_read(tmp_path: Path) -> None:
    mixed(tmp_path / "mixed2")
    result = annotator("ingest", "mixed2/", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "2 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n")
    assert result.stderr == (
        "annotator: note: 3 file(s) inside the folders not read, not .txt or .jsonl: mixed2/arr.json, "
        "mixed2/notes.md, mixed2/sub/readme.rst (name a file on the command line to hear why)\n"
    )
    named = annotator("ingest", "mixed2/notes.md", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(named) == (
        "mixed2/notes.md: expected a .txt or .jsonl file, a Label Studio task file (JSON), or a folder of them"
    )


def test_the_first_five_are_named_and_the_rest_counted(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "a.txt").write_text("Ana Ruiz spoke in Riverton on Monday.\n", encoding="utf-8")
    for number in range(7):
        (folder / f"photo{number}.jpg").write_bytes(b"\xff\xd8\xff")
    result = annotator("ingest", "many", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert result.stderr == (
        "annotator: note: 7 file(s) inside the folders not read, not .txt or .jsonl: many/photo0.jpg, many/photo1.jpg, "
        "many/photo2.jpg, many/photo3.jpg, many/photo4.jpg and 2 more (name a file on the command line to hear why)\n"
    )


def test_a_folder_of_articles_and_hidden_files_only_says_nothing_more(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    (folder / ".git").mkdir(parents=True)
    (folder / "a.txt").write_text("Ana Ruiz spoke in Riverton on Monday.\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    result = annotator("ingest", "plain", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_predict_names_them_too(tmp_path: Path) -> None:
    mixed(tmp_path / "mixed2")
    result = annotator("predict", "mixed2", "-o", "out", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "annotator: note: 3 file(s) inside the folders not read, not .txt or .jsonl: mixed2/arr.json, "
        "mixed2/notes.md, mixed2/sub/readme.rst (name a file on the command line to hear why)\n"
    )


def test_hidden_article_files_are_not_read_and_said(tmp_path: Path) -> None:
    """Re-trial 42r: `hid/.draft.txt` and `hid/.ipynb_checkpoints/storm-checkpoint.txt` were ingested as articles
    without a word (the docs said hidden files were only left out of the note). They are copies as a rule: not
    read, and named; named on the command line, one is read."""
    folder = tmp_path / "hid"
    (folder / ".ipynb_checkpoints").mkdir(parents=True)
    (folder / "storm.txt").write_text("Storm hits Riverton.\n\nAna Ruiz said 40 homes flooded.\n", encoding="utf-8")
    (folder / ".ipynb_checkpoints" / "storm-checkpoint.txt").write_text("Storm hits Riverton.\n", encoding="utf-8")
    (folder / ".draft.txt").write_text("A draft nobody finished.\n", encoding="utf-8")
    result = annotator("ingest", "hid", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n")
    assert result.stderr == (
        "annotator: note: 2 hidden .txt or .jsonl file(s) inside the folders not read: hid/.draft.txt, "
        "hid/.ipynb_checkpoints/storm-checkpoint.txt (an editor's or a notebook's copy, as hidden files are; name one "
        "on the command line to read it)\n"
    )
    named = annotator("ingest", "hid/.draft.txt", "--no-suggest", "--db", "t.db", cwd=tmp_path)
    assert named.stdout == "1 article(s) added, 0 already stored, 0 suggestion(s) -> t.db\n"

"""A name that only ever had assignments (`annotator assign`, no work of its own) and was then renamed: its rename
records itself as `unassign` and `assign` events naming the move, no `merge`, and the old name was not taken as
renamed; `accept --annotator OLD` worked as a new person beside NEW, while a renamed name that had work is refused
naming the rename (`aliases`). Both are now one: the name is an alias of NEW. Real console script, real SQLite
files. hA 3."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line

from annotator.store import Store


def run(tmp_path: Path, *args: str) -> str:
    done = annotator(*args, "--db", "w.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return done.stdout


def renamed(tmp_path: Path) -> None:
    """Two articles, one assigned to ana (nothing more) and one to bob (done); ana renamed carol, bob dave."""
    (tmp_path / "storm.txt").write_text("Storm hits coast today, officials said.\n", "utf-8")
    (tmp_path / "rain.txt").write_text("Rain hits city today, officials said.\n", "utf-8")
    run(tmp_path, "ingest", "storm.txt", "rain.txt", "--no-suggest")
    run(tmp_path, "assign", "--annotators", "ana,bob", "--overlap", "1")
    run(tmp_path, "accept", "--annotator", "bob", "--done")
    assert run(tmp_path, "rename-annotator", "ana", "carol") == "moved 1 article(s) of ana to carol -> w.db\n"
    assert run(tmp_path, "rename-annotator", "bob", "dave") == "moved 1 article(s) of bob to dave -> w.db\n"


def test_accept_as_a_name_renamed_with_assignments_only_is_refused_as_one_with_work(tmp_path: Path) -> None:
    renamed(tmp_path)
    before = (tmp_path / "w.db").read_bytes()
    worked = one_error_line(annotator("accept", "--annotator", "bob", "--db", "w.db", cwd=tmp_path))
    assigned = one_error_line(annotator("accept", "--annotator", "ana", "--db", "w.db", cwd=tmp_path))
    assert worked == (
        "'bob' was renamed 'dave' (annotator rename-annotator): work as 'dave' (--annotator dave); nothing was written"
    )
    assert assigned == (
        "'ana' was renamed 'carol' (annotator rename-annotator): work as 'carol' (--annotator carol); nothing was "
        "written"
    )
    assert (tmp_path / "w.db").read_bytes() == before


def test_export_as_a_name_renamed_with_assignments_only_names_the_rename(tmp_path: Path) -> None:
    renamed(tmp_path)
    line = one_error_line(annotator("export", "--annotator", "ana", "--db", "w.db", cwd=tmp_path))
    assert line == "'ana' was renamed 'carol' (annotator rename-annotator): use --annotator carol"


def test_renaming_it_again_names_where_it_went(tmp_path: Path) -> None:
    renamed(tmp_path)
    again = one_error_line(annotator("rename-annotator", "ana", "erin", "--db", "w.db", cwd=tmp_path))
    assert again == "no work of 'ana' in this database (renamed 'carol'); nothing was written"


def test_a_screen_open_as_it_says_the_rename_without_work_to_take_back(tmp_path: Path) -> None:
    """No work of ana's moved: the screen's line for a rename that moved work ("with this work ...; u takes the rename
    back") would promise an undo there is none of."""
    renamed(tmp_path)
    with Store.open(tmp_path / "w.db") as store:
        said = {store.moved_away(article, "ana") for article in store.article_ids()}
    assert said == {"'ana' was renamed 'carol' by `annotator rename-annotator`: to work, q, then open as 'carol' "
                    "(--annotator carol)"}  # fmt: skip

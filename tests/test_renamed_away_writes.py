"""After `annotator rename-annotator OLD NEW`, OLD is an alias of NEW: nothing writes under it again (t8 R9, R2, R3).
A command naming OLD is refused in one line that names the rename; an import of work under OLD (a later export of
the same Label Studio user, known only by id) goes under NEW, said in one note line. Real console script, real
SQLite files, a real Label Studio 1.23.2 export."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest
from processes import annotator, one_error_line
from real_files import REAL

from annotator.errors import Refused
from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize

EXPORT = REAL / "labelstudio" / "ls1232_export.json"


def annotations(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute("SELECT article_id, annotator, status FROM annotations ORDER BY 1, 2"))


def renamed(tmp_path: Path, *import_options: str) -> None:
    """The real export imported (user 1 as labelstudio-user-1), then user 1 renamed Ana."""
    imported = annotator(
        "import", str(EXPORT), "--format", "labelstudio", "--db", "r.db", *import_options, cwd=tmp_path
    )
    assert imported.returncode == 0, imported.stderr
    moved = annotator("rename-annotator", "labelstudio-user-1", "Ana", "--db", "r.db", cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr


def test_accept_under_a_name_renamed_away_is_refused_naming_the_rename(tmp_path: Path) -> None:
    renamed(tmp_path)
    before = (tmp_path / "r.db").read_bytes()
    accepted = annotator("accept", "--annotator", "labelstudio-user-1", "--db", "r.db", cwd=tmp_path)
    assert (accepted.returncode, accepted.stdout) == (1, "")
    assert accepted.stderr == (
        "annotator: error: 'labelstudio-user-1' was renamed 'Ana' (annotator rename-annotator): work as 'Ana' "
        "(--annotator Ana); nothing was written\n"
    )
    assert (tmp_path / "r.db").read_bytes() == before


def test_accept_under_a_look_alike_name_renamed_away_names_the_rename(tmp_path: Path) -> None:
    imported = annotator(
        "import", str(EXPORT), "--format", "labelstudio", "--db", "r.db", "--user-map", "1=Ana", cwd=tmp_path
    )
    assert imported.returncode == 0, imported.stderr
    assert annotator("rename-annotator", "Ana", "ana", "--db", "r.db", cwd=tmp_path).returncode == 0
    accepted = annotator("accept", "--annotator", "Ana", "--db", "r.db", "hand-1", cwd=tmp_path)
    assert (accepted.returncode, accepted.stderr) == (
        1,
        "annotator: error: 'Ana' was renamed 'ana' (annotator rename-annotator): work as 'ana' (--annotator ana); "
        "nothing was written\n",
    )


def skip_and_answer(tmp_path: Path) -> None:
    """answer.json: the export's task 1 as exported; skip.json: its text again as task 101, skipped by user 1."""
    task = json.loads(EXPORT.read_text("utf-8"))[0]
    skip = copy.deepcopy(task)
    skip["id"] = 101
    skip["annotations"][0].update(id=201, task=101, was_cancelled=True, result=[])
    (tmp_path / "answer.json").write_text(json.dumps([task]), "utf-8")
    (tmp_path / "skip.json").write_text(json.dumps([skip]), "utf-8")


def test_a_later_import_of_a_user_renamed_away_goes_under_the_new_name_with_a_note(tmp_path: Path) -> None:
    skip_and_answer(tmp_path)
    assert annotator("import", "skip.json", "--format", "labelstudio", "--db", "s.db", cwd=tmp_path).returncode == 0
    moved = annotator("rename-annotator", "labelstudio-user-1", "Ana", "--db", "s.db", cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr
    answered = annotator("import", "answer.json", "--format", "labelstudio", "--db", "s.db", cwd=tmp_path)
    assert (answered.returncode, answered.stdout.splitlines()[0]) == (
        0,
        "1 record(s) imported (0 new article(s)); 1 replaced a skip of another copy of its text -> s.db",
    )
    assert answered.stderr == (
        "annotator: note: the records of 'labelstudio-user-1' went under 'Ana': `annotator rename-annotator` moved "
        "that name's work there\n"
    )
    assert annotations(tmp_path / "s.db") == [("hand-1", "Ana", "done"), ("hand-1", "labelstudio-user-1", "todo")]


def test_a_pack_merged_after_its_annotator_was_renamed_names_the_rename_and_stays_out(tmp_path: Path) -> None:
    from annotator.store import Store

    renamed(tmp_path)
    for command in (
        ("assign", "--annotators", "Ana,labelstudio-user-2", "--overlap", "2"),
        ("pack", "--annotator", "Ana", "-o", "pack-ana.db"),
        ("rename-annotator", "Ana", "bob"),
    ):
        assert annotator(*command, "--db", "r.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "pack-ana.db") as pack:  # Ana went on in her pack: hand-1 reopened
        pack.set_status("hand-1", "Ana", "in_progress")
    merged = annotator("merge", "pack-ana.db", "--db", "r.db", "--prefer", "other", cwd=tmp_path)
    assert merged.returncode == 1
    assert merged.stdout.splitlines()[1] == (  # the pack's pairs, read back, only recorded (s58 t16 F7)
        "3 article(s) of Ana's, out in a pack here, recorded as merged back from pack-ana.db, nothing else written to "
        "them (a `merged` event each, no edit)"
    )
    assert merged.stdout.splitlines()[3] == (
        'conflict: Ana on hand-1 \'Mayor Ana Ruiz said "Riverton will rebuild the bridge by May" after floods cut off '
        "1,200 homes.' differs in pack-ana.db (nothing here; there: in_progress, 4 span(s) (ACTOR 'Ana "
        "Ruiz', LOCATION 'Riverton' ...)): kept this database's: 'Ana' was renamed 'bob' here (annotator "
        "rename-annotator), so no work goes under it; to merge theirs, u on that article as 'bob' (annotator annotate "
        "--annotator bob) takes the rename back on it here, then merge, then rename again"
    )
    assert merged.stderr == (
        "annotator: error: 1 annotation(s) of pack-ana.db not merged: their annotator was renamed here (listed "
        "above); the rest is merged into r.db\n"
    )
    assert annotations(tmp_path / "r.db") == [
        ("hand-1", "Ana", "todo"),
        ("hand-1", "bob", "done"),
        ("hand-1", "labelstudio-user-1", "todo"),
        ("hand-2", "Ana", "todo"),
        ("hand-2", "bob", "done"),
        ("hand-2", "labelstudio-user-1", "todo"),
        ("hand-2", "labelstudio-user-2", "done"),
        ("hand-3", "Ana", "todo"),
        ("hand-3", "bob", "skipped"),
        ("hand-3", "labelstudio-user-1", "todo"),
    ]


def test_assign_to_a_name_renamed_away_is_refused_naming_the_rename(tmp_path: Path) -> None:
    renamed(tmp_path)
    before = (tmp_path / "r.db").read_bytes()
    assigned = annotator(
        "assign", "--annotators", "labelstudio-user-1,labelstudio-user-2", "--db", "r.db", cwd=tmp_path
    )
    assert (assigned.returncode, assigned.stdout) == (1, "")
    assert assigned.stderr == (
        "annotator: error: --annotators: 'labelstudio-user-1' was renamed 'Ana' (annotator rename-annotator): give "
        "'Ana'; nothing was assigned\n"
    )
    assert (tmp_path / "r.db").read_bytes() == before


def test_a_copy_made_before_the_rename_merges_its_comments_under_the_new_name(tmp_path: Path) -> None:
    from annotator.store import Store

    imported = annotator("import", str(EXPORT), "--format", "labelstudio", "--db", "r.db", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    with Store.open(tmp_path / "r.db") as store:
        store.add_comment("hand-1", "labelstudio-user-1", "check the bridge date")
    (tmp_path / "copy.db").write_bytes((tmp_path / "r.db").read_bytes())
    assert annotator("rename-annotator", "labelstudio-user-1", "Ana", "--db", "r.db", cwd=tmp_path).returncode == 0
    merged = annotator("merge", "copy.db", "--db", "r.db", cwd=tmp_path)
    assert merged.returncode == 0, merged.stderr
    with sqlite3.connect(tmp_path / "r.db") as connection:
        comments = list(connection.execute("SELECT article_id, annotator, text FROM comments"))
    assert comments == [("hand-1", "Ana", "check the bridge date")]


def renamed_after(folder: Path, begun: int) -> tuple[str, str]:
    """Two articles with a suggestion each, the first `begun` of them accepted by Ana, then Ana renamed bea by the
    real console script: the two articles' ids."""
    texts = ["Washington sent aid.", "Paris sent aid."]
    suggestions = [
        [Suggestion(start=0, end=len(t.split()[0]), label="ACTOR", text=t.split()[0], suggester="t.v1")] for t in texts
    ]
    with Store.open(folder / "r.db") as store:
        first, second = store.add_articles(
            [(ArticleIn(text=t), tokens, s) for t, tokens, s in zip(texts, tokenize(texts), suggestions, strict=True)]
        )[0]
        for article in (first, second)[:begun]:
            store.accept_all(article, "Ana")
    assert annotator("rename-annotator", "Ana", "bea", "--db", "r.db", cwd=folder).returncode == 0
    return first, second


def test_accept_all_on_an_article_the_rename_did_not_move_is_refused(tmp_path: Path) -> None:
    """Re-trial s54 t9 S6: a screen open as OLD on an article OLD had not begun (the rename moved none there): A
    stored its accepts under OLD, since the decisions it wrote first made OLD no alias by the time it was asked."""
    _, untouched = renamed_after(tmp_path, begun=1)
    before = annotations(tmp_path / "r.db")
    with Store.open(tmp_path / "r.db") as store, pytest.raises(Refused) as refusal:
        store.accept_all(untouched, "Ana")
    assert str(refusal.value) == (
        "'Ana' was renamed 'bea' (annotator rename-annotator): work as 'bea' (--annotator bea); nothing was written"
    )
    assert annotations(tmp_path / "r.db") == before


def test_a_write_under_the_old_name_where_the_rename_stands_is_refused_after_an_undo_elsewhere(tmp_path: Path) -> None:
    """Re-trial s54 t9 S8: the rename undone on one article makes OLD a name with work again, but on the other
    articles the rename stands: a screen opened as OLD wrote there, and the person stood under two names."""
    first, second = renamed_after(tmp_path, begun=2)
    with Store.open(tmp_path / "r.db") as store:
        store.undo(first, "bea")
        before = annotations(tmp_path / "r.db")
        with pytest.raises(Refused) as refusal:
            store.add_span(second, "Ana", 6, 10, "ACTOR")
        store.add_span(first, "Ana", 11, 15, "ACTOR")  # where the rename was undone, Ana's work is Ana's
    assert str(refusal.value) == (
        "'Ana' was renamed 'bea' on this article (annotator rename-annotator): work as 'bea' (--annotator bea); "
        "nothing was written"
    )
    assert before == [
        (first, "Ana", "in_progress"),
        (first, "bea", "todo"),
        (second, "Ana", "todo"),
        (second, "bea", "in_progress"),
    ]


def test_a_new_name_looking_like_a_name_renamed_away_is_refused_naming_the_rename(tmp_path: Path) -> None:
    """Re-trial s55 t11 U2: `--annotator ana` was refused beside Ana's work, and taken as a new annotator once Ana was
    renamed bea: the person under two names."""
    _, second = renamed_after(tmp_path, begun=1)
    before = annotations(tmp_path / "r.db")
    result = annotator("accept", second, "--annotator", "ana", "--db", "r.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "'ana' looks like 'Ana', who was renamed 'bea' (annotator rename-annotator): work as 'bea' (--annotator bea); "
        "nothing was accepted"
    )
    assert annotations(tmp_path / "r.db") == before

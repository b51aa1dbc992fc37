"""`annotator merge` of a file where `rename-annotator OLD NEW` ran, into a copy made before it where OLD worked on
since (s55 S3): OLD's newer work here and the rename's copy of the older work under NEW there would leave the person
under two names on that article. The conflict line names the rename and what to do; NEW's older work is not merged
there; the articles OLD did not touch since take the rename. Real console script, real SQLite."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from processes import annotator

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize

TEXTS = ["Washington sent aid.", "Paris sent aid to Lyon."]


def annotations(db: Path) -> list[tuple[str, str, str, int]]:
    """(article, annotator, status, spans) of every annotation row."""
    with sqlite3.connect(db) as connection:
        return list(
            connection.execute(
                "SELECT a.article_id, a.annotator, a.status, (SELECT count(*) FROM spans s WHERE s.article_id = "
                "a.article_id AND s.annotator = a.annotator) FROM annotations a ORDER BY 1, 2"
            )
        )


def diverged(folder: Path, *, worked_on: bool = True) -> tuple[str, str]:
    """a.db: two articles, Ana's first suggestion accepted on each; b.db a copy; Ana renamed bea in a.db by the real
    console script; in b.db (`worked_on`) Ana accepted the second article's other suggestion. The articles' ids."""
    suggestions = [
        [Suggestion(start=0, end=len(t.split()[0]), label="ACTOR", text=t.split()[0], suggester="t.v1")] for t in TEXTS
    ]
    suggestions[1].append(Suggestion(start=18, end=22, label="LOCATION", text="Lyon", suggester="t.v1"))
    with Store.open(folder / "a.db") as store:
        first, second = store.add_articles(
            [(ArticleIn(text=t), tokens, s) for t, tokens, s in zip(TEXTS, tokenize(TEXTS), suggestions, strict=True)]
        )[0]
        for article in (first, second):
            pending = store.suggestions(article)
            store.accept_suggestion(article, "Ana", pending[0].id)
    shutil.copyfile(folder / "a.db", folder / "b.db")
    assert annotator("rename-annotator", "Ana", "bea", "--db", "a.db", cwd=folder).returncode == 0
    with Store.open(folder / "b.db") as store:
        if worked_on:
            store.accept_suggestion(second, "Ana", store.suggestions(second)[1].id)
    return first, second


def conflict_line(second: str) -> str:
    return (
        f"conflict: Ana on {second} '' differs in a.db (its copy under 'bea' there: spans: 1 only here "
        "(LOCATION 'Lyon'); decisions on 1 suggestion(s)): kept this database's: 'Ana' was renamed "
        "'bea' in a.db (annotator rename-annotator), and the work here went on since the files parted, so its copy "
        "under 'bea' there was not merged on this article either (one person, one name); to take the rename with "
        "the work here: annotator rename-annotator Ana bea --db b.db"
    )


NOT_MERGED = (
    "annotator: error: 1 annotation(s) of a.db not merged: their annotator was renamed in one file and worked on in "
    "the other (listed above); the rest is merged into b.db\n"
)


def test_the_conflict_names_the_rename_and_the_person_stays_under_one_name(tmp_path: Path) -> None:
    first, second = diverged(tmp_path)
    merged = annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (1, NOT_MERGED)
    assert merged.stdout.splitlines()[-1] == conflict_line(second)
    assert annotations(tmp_path / "b.db") == sorted(
        [(first, "Ana", "todo", 0), (first, "bea", "in_progress", 1), (second, "Ana", "in_progress", 2)]
    )


def test_prefer_other_keeps_the_newer_work_here_under_one_name(tmp_path: Path) -> None:
    first, second = diverged(tmp_path)
    merged = annotator("merge", "a.db", "--db", "b.db", "--prefer", "other", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (1, NOT_MERGED)
    assert merged.stdout.splitlines()[-1] == conflict_line(second)
    assert annotations(tmp_path / "b.db") == sorted(
        [(first, "Ana", "todo", 0), (first, "bea", "in_progress", 1), (second, "Ana", "in_progress", 2)]
    )


def test_the_advised_rename_puts_the_newer_work_under_the_new_name(tmp_path: Path) -> None:
    first, second = diverged(tmp_path)
    assert annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path).returncode == 1
    renamed = annotator("rename-annotator", "Ana", "bea", "--db", "b.db", cwd=tmp_path)
    assert renamed.returncode == 0, renamed.stderr
    assert annotations(tmp_path / "b.db") == sorted(
        [
            (first, "Ana", "todo", 0),
            (first, "bea", "in_progress", 1),
            (second, "Ana", "todo", 0),
            (second, "bea", "in_progress", 2),
        ]
    )
    checked = annotator("check", "--db", "b.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_copy_where_the_old_name_did_nothing_since_takes_the_rename(tmp_path: Path) -> None:
    first, second = diverged(tmp_path, worked_on=False)
    merged = annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert annotations(tmp_path / "b.db") == sorted(
        [
            (first, "Ana", "todo", 0),
            (first, "bea", "in_progress", 1),
            (second, "Ana", "todo", 0),
            (second, "bea", "in_progress", 1),
        ]
    )


def assignments(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute("SELECT article_id, annotator FROM assignments ORDER BY 1, 2"))


def test_a_rename_made_in_a_pack_moves_the_assignments_here_too(tmp_path: Path) -> None:
    """s55 S10: Ana renamed bea inside her pack, merged back: bea's assignments came, and Ana's stayed here."""
    with Store.open(tmp_path / "r.db") as store:
        first, second = store.add_articles(
            [(ArticleIn(text=t), tokens, []) for t, tokens in zip(TEXTS, tokenize(TEXTS), strict=True)]
        )[0]
    for command in (("assign", "--annotators", "Ana"), ("pack", "--annotator", "Ana", "-o", "pack.db")):
        assert annotator(*command, "--db", "r.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "pack.db") as pack:
        pack.set_status(first, "Ana", "done")
    assert annotator("rename-annotator", "Ana", "bea", "--db", "pack.db", cwd=tmp_path).returncode == 0
    merged = annotator("merge", "pack.db", "--db", "r.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout.splitlines()[1:5] == [
        "2 assignment(s) added:",
        f"  {first} to bea",
        f"  {second} to bea",
        "2 assignment(s) taken back here: their annotator was renamed in the other file (annotator rename-annotator), "
        "whose new name's assignment was added",
    ]
    assert assignments(tmp_path / "r.db") == sorted([(first, "bea"), (second, "bea")])
    assert annotations(tmp_path / "r.db") == [(first, "bea", "done", 0)]
    checked = annotator("check", "--db", "r.db", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_name_renamed_to_two_names_one_in_each_file_is_not_merged_under_both(tmp_path: Path) -> None:
    """Re-trial s55 t11 U1: Ana renamed bea in a.db and cy in its copy b.db; the merge added bea's work beside cy's, 0
    conflicts, the person compared with themself, and no rename could join the two names afterwards."""
    first, second = diverged(tmp_path, worked_on=False)
    assert annotator("rename-annotator", "Ana", "cy", "--db", "b.db", cwd=tmp_path).returncode == 0
    before = annotations(tmp_path / "b.db")
    merged = annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path)
    assert merged.returncode == 1
    assert merged.stdout.splitlines()[1:] == [
        f"conflict: bea on {article} '' differs in a.db (nothing here; there: in_progress, 1 span(s) "
        f"(ACTOR {words!r}), decisions on 1 suggestion(s)): kept this database's: 'Ana' was renamed 'bea' in a.db and "
        "'cy' here (annotator rename-annotator), so that work is 'cy''s here and was not merged under a second name; "
        "to merge it, give it one name in both: annotator rename-annotator bea cy --db a.db, then merge again"
        for article, words in ((first, "Washington"), (second, "Paris"))
    ]
    assert annotations(tmp_path / "b.db") == before
    assert annotator("rename-annotator", "bea", "cy", "--db", "a.db", cwd=tmp_path).returncode == 0
    again = annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert [row for row in annotations(tmp_path / "b.db") if row[1] in ("bea", "cy")] == [
        row for row in before if row[1] == "cy"
    ]


AFTER_ADVISED = sorted(
    [
        ("first", "Ana", "todo", 0),
        ("first", "bea", "in_progress", 1),
        ("second", "Ana", "todo", 0),
        ("second", "bea", "in_progress", 2),
    ]
)


def test_merging_again_after_the_advised_rename_keeps_the_newer_work_with_a_note(tmp_path: Path) -> None:
    """s55 S3, again: the advice taken (rename in b.db too), a.db's older copy under bea is no conflict."""
    first, second = diverged(tmp_path)
    assert annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path).returncode == 1
    assert annotator("rename-annotator", "Ana", "bea", "--db", "b.db", cwd=tmp_path).returncode == 0
    again = annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.splitlines() == [
        "0 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 2 unchanged; "
        "0 conflict(s) -> b.db",
        "1 annotation(s) of a.db older than this database's, kept this database's: both files renamed their "
        "annotator the same way (annotator rename-annotator), and the work here went on from theirs before the rename "
        "(no conflict):",
        f"  {second} of bea",
    ]
    ids = {"first": first, "second": second}
    assert annotations(tmp_path / "b.db") == sorted((ids[a], who, s, n) for a, who, s, n in AFTER_ADVISED)


def test_merging_again_still_conflicts_where_the_other_file_went_on_after_its_rename(tmp_path: Path) -> None:
    first, second = diverged(tmp_path)
    assert annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path).returncode == 1
    assert annotator("rename-annotator", "Ana", "bea", "--db", "b.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "a.db") as store:
        store.set_status(second, "bea", "flagged", "unsure")
    again = annotator("merge", "a.db", "--db", "b.db", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stdout.splitlines()[-1].startswith(f"conflict: bea on {second} '' differs in a.db (status: ")
    ids = {"first": first, "second": second}
    assert annotations(tmp_path / "b.db") == sorted((ids[a], who, s, n) for a, who, s, n in AFTER_ADVISED)

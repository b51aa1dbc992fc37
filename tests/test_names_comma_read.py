"""A reading command given a name with a comma that no annotator here has (`export --annotator 'ana,bob'`, two
annotators meant) said "no annotations by 'ana,bob'", as of a mistyped name: it says what is wrong, that the option
takes one name and that a name holds no comma but as the database stores it (`new_names.unknown_name_line`, the one
place of the wording). Real processes, a real database. hA 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.models import ArticleIn, Span, Status
from annotator.rows import Token
from annotator.store import Store
from annotator.store.assignments import assign

TEXT = "Israel said Hamas fired 20 rockets ."
NO_COMMA = (
    "{option} takes one annotator's name, and no name in this database holds a comma: 'ana,bob' (in the database: "
    "alice, bob)"
)


def database(path: Path, *names: str) -> Path:
    """One article, done by each of `names` (Israel, an ACTOR)."""
    tokens = [Token(start=m.start(), end=m.end()) for m in re.finditer(r"\S+", TEXT)]
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(id="one", text=TEXT, title="One"), tokens, [])])
        for name in names:
            store.replace_annotation("one", name, [Span(start=0, end=6, label="ACTOR", text="Israel")], Status.DONE)
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--annotator", "ana,bob"],
        ["evaluate", "--annotator", "ana,bob"],
        ["train", "--annotator", "ana,bob", "--out", "model"],
    ],
)
def test_a_reading_command_says_a_name_holds_no_comma(tmp_path: Path, command: list[str]) -> None:
    db = database(tmp_path / "a.db", "alice", "bob")
    line = one_error_line(annotator(*command, "--db", db, cwd=tmp_path))
    assert line == NO_COMMA.format(option="--annotator")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


def test_evaluate_says_it_of_gold_from_too(tmp_path: Path) -> None:
    db = database(tmp_path / "a.db", "alice", "bob")
    line = one_error_line(annotator("evaluate", "--annotator", "alice", "--gold-from", "ana,bob", "--db", db))
    assert line == NO_COMMA.format(option="--gold-from")


def test_the_names_the_database_holds_with_a_comma_are_named(tmp_path: Path) -> None:
    db = database(tmp_path / "a.db", "alice", "Smith, J")
    line = one_error_line(annotator("export", "--annotator", "ana,bob", "--db", db))
    assert line == (
        "--annotator takes one annotator's name, and 'ana,bob' is none in this database: a name holds a comma only as "
        "the database stores it ('Smith, J') (in the database: Smith, J, alice)"
    )


def test_a_stored_name_with_a_comma_but_no_annotations_is_said_to_have_none(tmp_path: Path) -> None:
    """Assigned an article and nothing more, "Smith, J" is a name here: no word of commas."""
    db = database(tmp_path / "a.db", "alice")
    with Store.open(db) as store:
        assign(store, ["Smith, J"], 1)
    line = one_error_line(annotator("export", "--annotator", "Smith, J", "--db", db))
    assert line == "no annotations by 'Smith, J' to export (in the database: alice)"

"""An attacker's findings on a fresh clone (names31): names that look like gold or like a name the database has.

`entered_name` let through "gold" with a variation selector (U+FE0F, invisible), the IPA "ɡold" (U+0261), the
small capitals "ɢᴏʟᴅ" and a combining mark with no letter under it; and "аlісе", wholly in Cyrillic look-alikes,
was a second annotator beside alice. Now a name holding an invisible character (a default-ignorable one: variation
selectors, zero-width and bidi controls) or a mark with no base is refused; so is one whose confusable skeleton
(Unicode UTS #39) is gold's, or that of another name the database holds but is not that name. A real all-Cyrillic
name ("Иван") still imports where nothing looks like it. Real native exports, the real console script, real SQLite.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attack_support import made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line
from test_names_look_alike import annotators, named

#: name: (as the message shows it, every invisible character by its escape; its code)
INVISIBLE = {
    "variation selector": ("gold\ufe0f", r"'gold\ufe0f'", "U+FE0F"),
    "variation selector on another name": ("bob\ufe0e", r"'bob\ufe0e'", "U+FE0E"),
    "combining grapheme joiner": ("bo\u034fb", r"'bo\u034fb'", "U+034F"),
    "hangul filler": ("bob\u3164", r"'bob\u3164'", "U+3164"),
}


@pytest.mark.parametrize(("name", "shown", "code"), list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_a_name_with_an_invisible_character_is_refused(work: Path, name: str, shown: str, code: str) -> None:  # noqa: F811
    named(work, name)
    problem = f"an annotator's name may not contain an invisible character: {shown} has {code}"
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {problem}"
    )
    line = one_error_line(annotator("import", "n.jsonl", "--annotator", name, "--db", "empty.db", cwd=work))
    assert line == f"--annotator: {problem}"
    assert annotators(work / "empty.db") == []


def test_a_mark_with_no_letter_under_it_is_refused(work: Path) -> None:  # noqa: F811
    named(work, "\u0301bob")
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        "n.jsonl:1: field 'annotator': an annotator's name may not have a combining mark without a letter under it: "
        r"'\u0301bob' has U+0301 first"
    )


@pytest.mark.parametrize("name", ["\u0261old", "\u0262\u1d0f\u029f\u1d05", "go1d", "g\u043el\u0501"])
def test_a_name_that_looks_like_gold_is_refused(work: Path, name: str) -> None:  # noqa: F811
    named(work, name)
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {name!r} looks like 'gold': a record of gold names it 'gold', and a person "
        "works under a name of their own"
    )
    line = one_error_line(annotator("accept", "--annotator", name, "--db", "base.db", cwd=work))
    assert line.startswith(f"--annotator: {name!r} looks like 'gold'")
    assert annotators(work / "empty.db") == []


def test_a_name_that_looks_like_one_the_database_has_is_refused(work: Path) -> None:  # noqa: F811
    lookalike = "\u0430\u04c0\u0456\u0441\u0435"  # every letter Cyrillic: no word mixes scripts
    named(work, lookalike)
    assert one_error_line(annotator("import", "n.jsonl", "--db", "base.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {lookalike!r} looks like 'alice', who has work or an assignment in this "
        "database (a name of its own may not look like another's)"
    )
    result = annotator("accept", "--annotator", lookalike, "--db", "base.db", cwd=work)
    assert one_error_line(result) == (
        f"{lookalike!r} looks like 'alice', who has work or an assignment in this database (a name of its own may "
        "not look like another's); nothing was accepted"
    )
    result = annotator("assign", "--annotators", f"bob,{lookalike}", "--db", "base.db", cwd=work)
    assert one_error_line(result) == (
        f"--annotators: {lookalike!r} looks like 'alice', who has work or an assignment in this database (a name of "
        "its own may not look like another's); nothing was assigned"
    )
    assert annotators(work / "base.db") == ["alice"]
    assert rows(work / "base.db", "SELECT * FROM assignments") == []
    # In a database where nobody looks like it, the same name is anyone's.
    assert ok("import", "n.jsonl", "--db", "empty.db", cwd=work).startswith("3 record(s) imported")
    assert annotators(work / "empty.db") == [lookalike]


@pytest.mark.parametrize("name", ["\u0418\u0432\u0430\u043d", "alice"])
def test_a_real_name_or_the_same_name_still_imports(work: Path, name: str) -> None:  # noqa: F811
    named(work, name)
    assert "record(s) imported" in ok("import", "n.jsonl", "--db", "base.db", cwd=work)
    assert name in annotators(work / "base.db")


def test_the_screen_refuses_a_look_alike_before_it_opens(work: Path) -> None:  # noqa: F811
    lookalike = "\u0430\u04c0\u0456\u0441\u0435"
    result = annotator("annotate", "--annotator", lookalike, "--db", "base.db", cwd=work, terminal=True, timeout=30)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        f"annotator: error: {lookalike!r} looks like 'alice', who has work or an assignment in this database (a name "
        "of its own may not look like another's)"
    )
    assert annotators(work / "base.db") == ["alice"]


def test_a_comment_by_a_look_alike_is_refused_too(work: Path) -> None:  # noqa: F811
    lookalike = "\u0430\u04c0\u0456\u0441\u0435"
    records = [json.loads(line) for line in named(work, "bob").read_text("utf-8").splitlines()]
    comment = {"annotator": lookalike, "text": "check this", "at": "2026-01-01T10:00:00Z"}
    (work / "c.jsonl").write_text(json.dumps({**records[0], "comments": [comment]}) + "\n", "utf-8")
    assert one_error_line(annotator("import", "c.jsonl", "--db", "base.db", cwd=work)) == (
        f"c.jsonl:1: field 'comments[0].annotator': {lookalike!r} looks like 'alice', who has work or an "
        "assignment in this database (a name of its own may not look like another's)"
    )
    assert rows(work / "base.db", "SELECT count(*) FROM comments") == [(0,)]

"""An attacker's findings on a fresh clone (names31b), on the names rule (`vocabulary.entered_name`,
`lookalike.confusable`): names that got in, and names wrongly refused.

Got in: a blank-looking character that is not default-ignorable (the braille blank U+2800, the ideographic space
U+3000), a double space, a circled letter or another case beside an existing name ("ⓐlice", "ALICE" beside alice),
and the gold look-alikes "g0ld" (zero for o) and "ԍоӀԁ" (all Cyrillic). Now a name's words are parted by one U+0020
and nothing else, and names are compared by the skeleton of their NFKC-casefolded form. Wrongly refused: the
Persian "علی‌رضا", whose ZWNJ is spelling (allowed where IDNA's CONTEXTJ allows it), and "Ami" beside "Arni"
(UTS #39 maps "m" to "rn"; between two ASCII names only confusables of one character count). Real console script,
real SQLite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from attack_support import made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line
from test_names_confusable import annotators, named

BLANK = "an annotator's name may part its words only with a space (U+0020), no other blank character"

#: name: (as the message shows it, the blank's code)
BLANKS = {
    "braille blank after a name": ("bob\u2800", r"'bob\u2800'", "U+2800"),
    "braille blank after an address": ("alice@example.com\u2800", r"'alice@example.com\u2800'", "U+2800"),
    "braille blank between words": ("Ivan\u2800Petrov", r"'Ivan\u2800Petrov'", "U+2800"),
    "ideographic space": ("ali\u3000ce", r"'ali\u3000ce'", "U+3000"),
    "no-break space": ("Ivan\u00a0Petrov", r"'Ivan\xa0Petrov'", "U+00A0"),
}


@pytest.mark.parametrize(("name", "shown", "code"), list(BLANKS.values()), ids=list(BLANKS))
def test_a_blank_other_than_one_space_is_refused(work: Path, name: str, shown: str, code: str) -> None:  # noqa: F811
    named(work, name)
    problem = f"{BLANK}: {shown} has {code}"
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {problem}"
    )
    result = annotator("assign", "--annotators", f"bob,{name}", "--db", "base.db", cwd=work)
    assert one_error_line(result).startswith(f"--annotators: {problem}")
    assert annotators(work / "empty.db") == []
    assert rows(work / "base.db", "SELECT count(*) FROM assignments") == [(0,)]


def test_a_double_space_is_refused(work: Path) -> None:  # noqa: F811
    named(work, "Ivan  Petrov")
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        "n.jsonl:1: field 'annotator': an annotator's name may have only one space between words: 'Ivan  Petrov'"
    )
    named(work, "Ivan Petrov")
    assert "record(s) imported" in ok("import", "n.jsonl", "--db", "empty.db", cwd=work)


@pytest.mark.parametrize("name", ["ALICE", "Alice", "\u24d0lice", "\uff41lice"])
def test_another_case_or_form_of_a_name_is_a_look_alike(work: Path, name: str) -> None:  # noqa: F811
    named(work, name)
    assert one_error_line(annotator("import", "n.jsonl", "--db", "base.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {name!r} looks like 'alice', who has work or an assignment in this database "
        "(a name of its own may not look like another's)"
    )
    assert annotators(work / "base.db") == ["alice"]


@pytest.mark.parametrize("name", ["g0ld", "G0LD", "go1d", "\u050d\u043e\u04c0\u0501"])
def test_gold_with_digits_or_in_cyrillic_is_refused(work: Path, name: str) -> None:  # noqa: F811
    named(work, name)
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        f"n.jsonl:1: field 'annotator': {name!r} looks like 'gold': a record of gold names it 'gold', and a person "
        "works under a name of their own"
    )


def test_a_persian_name_with_its_zwnj_imports_and_a_stray_one_does_not(work: Path) -> None:  # noqa: F811
    persian = "\u0639\u0644\u06cc\u200c\u0631\u0636\u0627"  # Alireza, its ZWNJ keeping ی and ر apart
    named(work, persian)
    assert "record(s) imported" in ok("import", "n.jsonl", "--db", "empty.db", cwd=work)
    conjunct = "\u0915\u094d\u200d\u0937"  # क्‍ष: a ZWJ after a virama shows the half form
    named(work, conjunct)
    assert "record(s) imported" in ok("import", "n.jsonl", "--db", "empty.db", cwd=work)
    named(work, "bo\u200cb")  # between two Latin letters a ZWNJ is nothing but a second bob
    assert one_error_line(annotator("import", "n.jsonl", "--db", "empty.db", cwd=work)) == (
        r"n.jsonl:1: field 'annotator': an annotator's name may not contain an invisible character: 'bo\u200cb' has "
        "U+200C"
    )
    assert annotators(work / "empty.db") == sorted([persian, conjunct])


@pytest.mark.parametrize(("there", "name"), [("Arni", "Ami"), ("arnie", "amie"), ("Kirn", "Kim")])
def test_ascii_names_are_not_compared_by_letters_drawn_as_two(work: Path, there: str, name: str) -> None:  # noqa: F811
    for each in (there, name):
        named(work, each)
        assert "record(s) imported" in ok("import", "n.jsonl", "--db", "empty.db", cwd=work)
    assert annotators(work / "empty.db") == sorted([there, name])
    assert ok("check", "--db", "empty.db", cwd=work)

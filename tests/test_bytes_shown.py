"""Bytes that are not UTF-8 are shown one way, the docs' ⟨0xFF⟩ (docs/input-and-output.md), wherever a message
quotes them: an id or a name given in argv (Python's surrogate escape: `accept $'x\\xff1'` said "no article
'x\\udcff1'"), and stored text read from a database (the opening refusal showed U+FFFD, 'C��l met Da', and
`check` Python's bytes, b'C\\xae\\xffl'; tests/test_damaged_text*.py have those).

Real processes: the console script with such bytes in its arguments, on a real SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

from processes import annotator
from test_names_not_utf8 import team

from annotator.literal import literal
from annotator.lookalike import python_quoted, python_quoted_bytes


def test_a_surrogate_escape_is_shown_as_its_byte_and_a_typed_backslash_u_as_typed() -> None:
    assert literal(python_quoted(os.fsdecode(b"x\xff1") + "\\udcff\n")) == "'x\u27e80xFF\u27e91\\\\udcff\\n'"


def test_stored_bytes_are_shown_as_bytes_where_they_are_not_utf8() -> None:
    assert literal(python_quoted_bytes(b"C\xae\xffl \xc3\xa9")) == "'C\u27e80xAE\u27e9\u27e80xFF\u27e9l \u00e9'"


def test_an_article_id_not_utf8_is_shown_as_its_byte(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator("accept", os.fsdecode(b"x\xff1"), "--db", "b.db", "--annotator", "alice", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: b.db: no article 'x\u27e80xFF\u27e91'; nothing was accepted\n",
    )


def test_a_gold_from_name_not_utf8_is_shown_as_its_byte(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator("evaluate", "--db", "b.db", "--gold-from", os.fsdecode(b"al\xff"), cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: no annotator named 'al\u27e80xFF\u27e9' (in the database: alice, bob)\n",
    )


def test_an_evaluated_annotator_not_utf8_is_shown_as_its_byte(tmp_path: Path) -> None:
    """A re-trial: `evaluate --annotator $'a\\xffb'` printed 'a\\udcffb', the one message the fix above had missed."""
    team(tmp_path / "b.db")
    result = annotator("evaluate", "--db", "b.db", "--annotator", os.fsdecode(b"a\xffb"), cwd=tmp_path)
    assert (result.returncode, result.stderr.count("\\udcff")) == (1, 0)
    assert "no annotations by 'a\u27e80xFF\u27e9b' (in the database: alice, bob)" in result.stderr

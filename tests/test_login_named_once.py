"""A login that is no name to work under is refused in one line naming LOGNAME/USER, and the name once: the reason
names it already (every name rule's reason does), and the line named it before it too: "your login name
(LOGNAME/USER) 'a/b': an annotator's name may not contain a path separator (/ or \\): 'a/b': give --annotator NAME".
The real console script, with such a login in its environment, on real SQLite files."""

from __future__ import annotations

from pathlib import Path

from attack_support import made, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line

ALICE_CYRILLIC = "\u0430\u04c0\u0456\u0441\u0435"


def as_login(login: str) -> dict[str, str]:
    return {"LOGNAME": login, "USER": login}


def test_a_login_with_a_path_separator_is_named_once(work: Path) -> None:  # noqa: F811
    result = annotator("accept", "--done", "--db", "base.db", cwd=work, env=as_login("a/b"))
    assert one_error_line(result) == (
        "your login name (LOGNAME/USER): an annotator's name may not contain a path separator (/ or \\): 'a/b': "
        "give --annotator NAME"
    )


def test_a_login_reviewer_that_looks_like_an_annotator_here_is_named_once(work: Path) -> None:  # noqa: F811
    result = annotator("adjudicate", "--auto", "--annotators", "alice", "--db", "base.db", cwd=work, env=as_login(ALICE_CYRILLIC))  # fmt: skip
    assert one_error_line(result) == (
        f"your login name (LOGNAME/USER): {ALICE_CYRILLIC!r} looks like 'alice', who has work or an assignment in "
        "this database (a name of its own may not look like another's): give --reviewer NAME"
    )


def test_a_login_gold_is_refused_as_the_login_not_as_an_option_not_given(work: Path) -> None:  # noqa: F811
    """Trial 10: `LOGNAME=gold annotator accept --done` said "--annotator: your login name 'gold' is reserved: ...",
    naming an option that was not given; it is said as every other refused login is."""
    result = annotator("accept", "--done", "--db", "base.db", cwd=work, env=as_login("gold"))
    assert one_error_line(result) == (
        "your login name (LOGNAME/USER): 'gold' is reserved: gold, the adjudicated annotation, is written only by "
        "`annotator review` and `annotator adjudicate --auto`; work under a name of your own: give --annotator NAME"
    )

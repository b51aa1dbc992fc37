"""A newcomer's trial: `agreement`'s "pairs finished" line said bob and carol both marked 0 articles done while
their own line said they both finished 1 (assigned to carol only, which assignments leave out). The line now counts
what each pair compares alone and, beside it, what assignments leave out: the same counts the notes and the pair
lines give. The real console script on a real SQLite file, the plan made by the real `assign`."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, word_tokens
from test_assignment_team_rule import assign_by_cli, finish

from annotator.models import ArticleIn
from annotator.store import Store


def test_pairs_finished_counts_what_assignments_leave_out_as_the_pair_lines_do(tmp_path: Path) -> None:
    """A0 assigned to alice and bob, A1 to carol (bob finished it too), A2 and A3 to nobody (alice and bob)."""
    db = tmp_path / "team.db"
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(4)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=t, title=f"A{n}"), word_tokens(t), []) for n, t in enumerate(texts)])
    assign_by_cli(db, "--annotators", "alice,bob", "--overlap", "2", "--limit", "1")
    finish(db, "alice", 0)
    finish(db, "bob", 0)
    assign_by_cli(db, "--annotators", "carol", "--overlap", "1", "--limit", "2")
    finish(db, "bob", 1, 2, 3)
    finish(db, "carol", 1)
    finish(db, "alice", 2, 3)
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[4:7] == [
        "pairs share        alice ~ bob 1, alice ~ carol 0, bob ~ carol 0 article(s)",
        "pairs finished     alice ~ bob 3, alice ~ carol 0, bob ~ carol 0 (+1 not assigned to both) article(s) "
        "both marked done",
        f"note: alice and bob both finished 3 articles (1 compared here): `annotator agreement --db {db} "
        "--annotators alice,bob`",
    ]
    assert lines[-3:] == [
        "bob ~ carol              share no compared article; both finished 1 article not assigned to both: "
        f"`annotator agreement --db {db} --annotators bob,carol --ignore-assignments` compares it",
        "  spans: the first's/the second's of a pair; the first is the reference for P and R: P = matched / the "
        "second's spans, R = matched / the first's",
        "  F1 95%: none for alice ~ bob: fewer than 4 articles with spans (with fewer, its 95% ends are little more "
        "than single articles' own figures)",  # one compared article: no interval (intervals.FEWEST)
    ]

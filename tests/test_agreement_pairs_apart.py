"""A newcomer's trial: with assignments, `agreement` printed five rows of n/a for each pair that shares no compared
article (alice ~ carol, bob ~ carol), and nothing pointed to --ignore-assignments where two annotators both
finished an article assignments leave out (assigned to one of them). The real console script on a real SQLite
file, the plan made by the real `assign`."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store


def _finish(path: Path, who: str, *which: int) -> None:
    """`who` marks done, with one span, the articles at these positions (in ingest order)."""
    with Store.open(path) as store:
        ids = store.article_ids()
        for n in which:
            text = store.article_text(ids[n])
            start = text.index("Washington")
            span = Span(start=start, end=start + 10, label="ACTOR", text="Washington")
            store.replace_annotation(ids[n], who, [span], Status.DONE)


def _assign(db: Path, *args: str) -> None:
    done = annotator("assign", "--db", db, *args)
    assert done.returncode == 0, done.stderr


def _team(db: Path) -> None:
    """alice and bob share articles 0 and 1 (assigned to both); carol is assigned 2 and 3, and bob finished 2 too."""
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(4)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=t, title=f"A{n}"), word_tokens(t), []) for n, t in enumerate(texts)])
    _assign(db, "--annotators", "alice,bob", "--overlap", "2", "--limit", "2")
    _finish(db, "alice", 0, 1)
    _finish(db, "bob", 0, 1)
    _assign(db, "--annotators", "carol", "--overlap", "1")  # 2 and 3: 0 and 1 are started, and stay
    _finish(db, "bob", 2)
    _finish(db, "carol", 2, 3)


def test_a_pair_sharing_no_compared_article_is_one_line_with_its_command(tmp_path: Path) -> None:
    db = tmp_path / "s3.db"
    _team(db)
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "articles compared  2 (each done by the annotators assigned it, of alice, bob, carol)",
        "tokens             36",
        "articles differing 0",
        "speaker agreement  n/a (0 jointly found quote pairs)",
        "pairs share        alice ~ bob 2, alice ~ carol 0, bob ~ carol 0 article(s)",
        "",
        "Krippendorff's alpha (nominal, tokens)",
        "  ALL       1.000",
        "  ACTOR     1.000",
        "  LOCATION  n/a",
        "  FIGURE    n/a",
        "  QUOTE     n/a",
        "",
        "pair                     label           spans  exact P/R/F1          overlap P/R/F1        kappa",
        "alice ~ bob              ALL               2/2  1.000/1.000/1.000     1.000/1.000/1.000     1.000",
        "alice ~ bob              ACTOR             2/2  1.000/1.000/1.000     1.000/1.000/1.000     1.000",
        "alice ~ bob              LOCATION          0/0  n/a/n/a/n/a           n/a/n/a/n/a           n/a",
        "alice ~ bob              FIGURE            0/0  n/a/n/a/n/a           n/a/n/a/n/a           n/a",
        "alice ~ bob              QUOTE             0/0  n/a/n/a/n/a           n/a/n/a/n/a           n/a",
        "alice ~ carol            share no compared article",
        "bob ~ carol              share no compared article; both finished 1 article not assigned to both: "
        f"`annotator agreement --db {db} --annotators bob,carol --ignore-assignments` compares it",
        "  spans: the first's/the second's of a pair; the first is the reference for P and R: P = matched / the "
        "second's spans, R = matched / the first's",
        "  F1 95%: none for alice ~ bob: fewer than 4 articles with spans (with fewer, its 95% ends are little more "
        "than single articles' own figures)",
    ]
    page = tmp_path / "agreement.html"
    assert annotator("agreement", "--db", db, "--html", page).returncode == 0
    rows = [row.split("</tr>")[0] for row in page.read_text(encoding="utf-8").split("<tr>") if "carol</td>" in row]
    assert rows == [
        '<td class="left">alice ~ carol</td><td class="left" colspan="9">share no compared article</td>',
        '<td class="left">bob ~ carol</td><td class="left" colspan="9">share no compared article</td>',
    ]
    html = page.read_text(encoding="utf-8")  # alice and bob's ALL exact F1: no interval from 2 articles
    assert "<td>1.000<br><small>95%" not in html
    assert "<p>95% under ALL's exact F1" not in html
    as_json = annotator("agreement", "--db", db, "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert [pair["articles"] for pair in json.loads(as_json.stdout)["pairs"]] == [2] * 5 + [0] * 10  # as it was
    assert as_json.stderr.splitlines() == [
        "annotator: note: bob and carol both finished 1 article not assigned to both (with assignments only an "
        f"article's assignees are compared): `annotator agreement --db {db} --annotators bob,carol "
        "--ignore-assignments` compares it",
    ]


def test_a_pair_that_also_finished_an_article_assigned_to_one_of_them_gets_a_note(tmp_path: Path) -> None:
    db = tmp_path / "s4.db"
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(3)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=t, title=f"A{n}"), word_tokens(t), []) for n, t in enumerate(texts)])
    _assign(db, "--annotators", "alice,bob", "--overlap", "2", "--limit", "1")
    _finish(db, "alice", 0)
    _finish(db, "bob", 0)
    _assign(db, "--annotators", "alice", "--overlap", "1")  # 1 and 2 to alice alone
    _finish(db, "alice", 1)
    _finish(db, "bob", 1)  # unassigned: left out of the comparison
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:6] == [
        "articles compared  1 (done by all of alice, bob)",
        "tokens             18",
        "articles differing 0",
        "speaker agreement  n/a (0 jointly found quote pairs)",
        "note: alice and bob both finished 1 article not assigned to both (with assignments only an article's "
        f"assignees are compared): `annotator agreement --db {db} --annotators alice,bob --ignore-assignments` "
        "compares it too",
        "",
    ]
    anyway = annotator("agreement", "--db", db, "--ignore-assignments")
    assert anyway.stdout.splitlines()[:5] == [
        "articles compared  2 (done by all of alice, bob)",
        "tokens             36",
        "articles differing 0",
        "speaker agreement  n/a (0 jointly found quote pairs)",
        "",
    ]

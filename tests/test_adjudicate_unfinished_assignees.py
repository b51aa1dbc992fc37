"""A re-trial: `adjudicate --auto --annotators alice` on articles assigned to alice and bob, while bob's pack was out
and unfinished, settled gold with no word that an assignee had not finished. It now says so on standard error, one
line per kind (a pack out, or not finished here), naming the articles (three, then how many more) and what to do:
merge the pack once finished, then review; or leave them out on purpose. It does not refuse: a lead may decide
alone. The real console script on real SQLite files: the plan by the real `assign` and `pack`, the work by the
store's edit functions, as a screen makes them; the printed merge pasted and run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from processes import annotator
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.vocabulary import GOLD

WASHINGTON = Span(start=0, end=10, label="ACTOR", text="Washington")
REVIEW = "`annotator review --db x.db --annotators {} --reviewer carol`"
PACK_OUT = (
    "annotator: note: 5 articles compared without bob, assigned them too, whose pack (bob.db) is out and who has not "
    "marked them done here: 'Match 0'; 'Match 1'; 'Match 2'; and 2 more articles: to wait for bob, "
    "`annotator merge bob.db --db x.db` once the pack is finished, then "
    f"{REVIEW.format('alice,bob')} shows where the work differs from gold; or leave bob out on purpose"
)


def not_done(names: str) -> str:
    return (
        "annotator: note: 1 article compared without dan, assigned it too, who has not marked it done: 'Match 0': to "
        f"wait for dan, once it is done {REVIEW.format(names)} shows where the work differs from gold; or leave dan "
        "out on purpose"
    )


def run(folder: Path, *args: str) -> str:
    done = annotator(*args, "--db", "x.db", cwd=folder)
    assert done.returncode == 0, done.stderr
    return done.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Five articles assigned to alice, bob and dan; bob's pack out; alice finished all five, dan began the first
    (in progress) and finished the other four."""
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(5)]
    with Store.open(tmp_path / "x.db") as store:
        store.add_articles([(ArticleIn(text=t, title=f"Match {n}"), word_tokens(t), []) for n, t in enumerate(texts)])
    run(tmp_path, "assign", "--annotators", "alice,bob,dan", "--overlap", "3")
    run(tmp_path, "pack", "--annotator", "bob", "-o", "bob.db")
    with Store.open(tmp_path / "x.db") as store:
        ids = store.article_ids()
        for article in ids:
            store.replace_annotation(article, "alice", [WASHINGTON], Status.DONE)
        store.replace_annotation(ids[0], "dan", [WASHINGTON], Status.IN_PROGRESS)
        for article in ids[1:]:
            store.replace_annotation(article, "dan", [WASHINGTON], Status.DONE)
    return tmp_path


def test_adjudicate_names_the_assignees_it_settled_without(folder: Path) -> None:
    done = annotator("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "carol", "--db", "x.db", cwd=folder)
    assert done.returncode == 0, done.stderr  # not refused: a lead may settle gold alone
    assert done.stdout == (
        "5 article(s) compared (done by alice): 5 span(s) into gold, 5 article(s) settled, 0 disagreement(s) left for "
        "review\n"
    )
    assert done.stderr.splitlines() == [PACK_OUT, not_done("alice,dan")]
    with Store.open(folder / "x.db", read_only=True) as store:
        assert [store.status(a, GOLD) for a in store.article_ids()] == [Status.DONE] * 5


def test_the_printed_merge_runs_and_the_note_goes_once_bob_finished(folder: Path) -> None:
    note = run(folder, "adjudicate", "--auto", "--annotators", "alice", "--reviewer", "carol").splitlines()[0]
    with Store.open(folder / "bob.db") as pack:  # bob finishes in his pack, differing on the first article
        for n, article in enumerate(pack.article_ids()):
            pack.replace_annotation(article, "bob", [] if n == 0 else [WASHINGTON], Status.DONE)
    merge = re.findall(r"`(annotator merge [^`]*)`", note)
    assert merge == ["annotator merge bob.db --db x.db"]
    pasted = annotator(*shlex.split(merge[0])[1:], cwd=folder)  # as a shell splits it pasted
    assert pasted.returncode == 0, pasted.stderr
    again = annotator("adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", "carol", "--db", "x.db",
                      cwd=folder)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert again.stdout.endswith(f"with 1 disagreement(s) open in them, which {REVIEW.format('alice,bob')} shows\n")
    assert again.stderr.splitlines() == [not_done("alice,bob,dan")]  # bob finished: not settled without him now
    alone = run(folder, "adjudicate", "--auto", "--annotators", "alice", "--reviewer", "carol")
    assert alone.splitlines() == [not_done("alice,dan")]


def test_a_pack_made_from_another_folder_is_named_from_where_adjudicate_runs(tmp_path: Path) -> None:
    """The pack event keeps the pack's whole path: `pack` run in "team lead/" with `-o "out/bob.db"`, then adjudicate
    run one folder up, named 'out/bob.db' (the path from where pack ran, which the merge it printed could not find)."""
    lead = tmp_path / "team lead"
    (lead / "out").mkdir(parents=True)
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(2)]
    with Store.open(lead / "x.db") as store:
        store.add_articles([(ArticleIn(text=t, title=f"Match {n}"), word_tokens(t), []) for n, t in enumerate(texts)])
        run(lead, "assign", "--annotators", "alice,bob", "--overlap", "2")
        run(lead, "pack", "--annotator", "bob", "-o", "out/bob.db")
    with Store.open(lead / "x.db") as store:
        for article in store.article_ids():
            store.replace_annotation(article, "alice", [WASHINGTON], Status.DONE)
    done = annotator("adjudicate", "--auto", "--annotators", "alice", "--db", "team lead/x.db", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    merge = re.findall(r"`(annotator merge [^`]*)`", done.stderr)
    assert merge == ["annotator merge 'team lead/out/bob.db' --db 'team lead/x.db'"]
    assert "whose pack (team lead/out/bob.db) is out" in done.stderr
    pasted = annotator(*shlex.split(merge[0])[1:], cwd=tmp_path)  # as a shell splits it pasted
    assert pasted.returncode == 0, pasted.stderr

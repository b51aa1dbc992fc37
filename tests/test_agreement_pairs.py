"""`annotator agreement` with three annotators compares the articles all three finished; a pair that finished
more together is named, with its count and the command that compares it, so no finished article is left out
unseen. The figures keep their definitions. The real console script on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from support import nth, word_tokens

from annotator.models import ArticleIn
from annotator.store import Store

TEXTS = ("Ann met Bob in Paris on Monday.", "Carol flew to Oslo with Dan.")


def team(db: Path) -> list[str]:
    """alice and bob finish both articles, carol only the first."""
    with Store.open(db) as store:
        rows = [(ArticleIn(text=text, title=f"T{n}"), word_tokens(text), []) for n, text in enumerate(TEXTS)]
        ids, _ = store.add_articles(rows)
        for article, text in zip(ids, TEXTS, strict=True):
            for who in ("alice", "bob", "carol"):
                if who == "carol" and article == ids[1]:
                    continue
                start = nth(text, text.split()[0])
                store.add_span(article, who, start, start + len(text.split()[0]), "ACTOR")
                store.set_status(article, who, "done")
    return ids


def test_a_pair_that_finished_more_articles_than_all_is_named_with_its_command(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    team(db)
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == (  # the first line read says what was left out (trial 34: it came on line 6)
        "articles compared  1 (done by all of alice, bob, carol); alice and bob both finished 2: --annotators alice,bob"
    )
    assert "pairs finished     alice ~ bob 2, alice ~ carol 1, bob ~ carol 1 article(s) both marked done" in lines
    assert (
        f"note: alice and bob both finished 2 articles (1 compared here): "
        f"`annotator agreement --db {db} --annotators alice,bob`"
    ) in lines
    assert not any(line.startswith("note: alice and carol") or line.startswith("note: bob and carol") for line in lines)

    alone = annotator("agreement", "--db", db, "--annotators", "alice,bob")
    assert alone.stdout.splitlines()[0] == "articles compared  2 (done by all of alice, bob)"
    assert "note:" not in alone.stdout and "pairs finished" not in alone.stdout


def test_with_json_the_note_goes_to_standard_error_and_the_json_is_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    team(db)
    result = annotator("agreement", "--db", db, "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["articles"] == 1
    assert result.stderr == (
        "annotator: note: alice and bob both finished 2 articles (1 compared here): "
        f"`annotator agreement --db {db} --annotators alice,bob`\n"
    )

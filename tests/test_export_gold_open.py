"""A team lead's trial (F4): after gold was done, cara changed her done work (a span gold took from her removed);
`adjudicate --auto` and `review` said a disagreement was open there, but `export --gold` wrote the gold with no
word. It now says so, with the command that shows it. The real console script on a real SQLite file: gold by the
real `adjudicate --auto`, the annotators' work by the store's edit functions, as a screen makes them."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store


def test_export_gold_names_disagreements_open_since_gold_was_done(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(2)]
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=t, title=f"A{n}"), word_tokens(t), []) for n, t in enumerate(texts)])
        for article in store.article_ids():
            for who in ("ann", "cara"):
                span = Span(start=0, end=10, label="ACTOR", text="Washington")
                store.replace_annotation(article, who, [span], Status.DONE)
    done = annotator("adjudicate", "--db", db, "--auto", "--reviewer", "lead")
    assert done.returncode == 0, done.stderr
    result = annotator("export", "--db", db, "--gold", "-o", "-")
    assert (result.returncode, result.stderr) == (0, "2 record(s) written\n")  # nothing open yet: no note
    with Store.open(db) as store:
        store.replace_annotation(store.article_ids()[0], "cara", [], Status.DONE)  # cara takes hers out
    result = annotator("export", "--db", db, "--gold", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.splitlines() == [
        "2 record(s) written",
        "note: gold exported of 1 article where an annotator's done work differs from it: 'A0' (cara's done work "
        f"changed since its gold was settled): `annotator review --db {db} --annotators ann,cara` shows what is open "
        "there",
    ]
    adjudicated = annotator("adjudicate", "--db", db, "--auto", "--reviewer", "lead")  # the same count as it says
    assert "with 1 disagreement(s) open in them" in adjudicated.stdout

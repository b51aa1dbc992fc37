"""A pick of a version whose span gold holds already, as it is, keeps gold's span and says so (a newcomer's trial,
s57 t14 F3: gold held the agreed 'workers'; alice took hers out; picking bob's 'workers' said "1 span replaced",
and gold's span was swapped for a copy). A real SQLite file."""

from __future__ import annotations

from pathlib import Path

from support import find, word_tokens

from annotator.gold import open_for_review, pick_version, review_state
from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.vocabulary import GOLD

TEXT = "The union said workers in Lisbon will strike."
WORKERS, LISBON = Span(**find(TEXT, "workers", "ACTOR")), Span(**find(TEXT, "Lisbon", "LOCATION"))
UNION = Span(**find(TEXT, "The union", "ACTOR"))
WHO = ["alice", "bob"]


def test_picking_the_span_gold_holds_replaces_nothing(tmp_path: Path) -> None:
    with Store.open(tmp_path / "team.db") as store:
        [article], _ = store.add_articles([(ArticleIn(text=TEXT, title="Strike"), word_tokens(TEXT), [])])
        store.replace_annotation(article, "alice", [UNION, WORKERS, LISBON], Status.DONE)
        store.replace_annotation(article, "bob", [UNION, WORKERS], Status.DONE)
        open_for_review(store, article, WHO, "carol")  # the agreed 'The union' and 'workers' into gold
        before = {(s.start, s.end): s.id for s in store.spans(article, GOLD)}
        store.replace_annotation(article, "alice", [UNION, LISBON], Status.DONE)  # alice takes 'workers' out
        [workers, lisbon] = review_state(store, article, WHO).disagreements
        edit = pick_version(store, article, workers, "bob", "carol")
        assert edit is not None
        assert edit.message == "ACTOR 'workers' at 15:22, in gold already"
        assert {(s.start, s.end): s.id for s in store.spans(article, GOLD)} == before
        assert review_state(store, article, WHO).settled_by == ["bob", None]
        assert lisbon.start == 26


def test_picking_nothing_over_a_span_gold_holds_says_it_is_taken_out(tmp_path: Path) -> None:
    """Re-trial s57 t15 F4: picking the version of the annotator who now has nothing where gold holds the agreed
    span said "no span, 1 span replaced": nothing replaced it, it was taken out."""
    with Store.open(tmp_path / "team.db") as store:
        [article], _ = store.add_articles([(ArticleIn(text=TEXT, title="Strike"), word_tokens(TEXT), [])])
        store.replace_annotation(article, "alice", [UNION, WORKERS, LISBON], Status.DONE)
        store.replace_annotation(article, "bob", [UNION, WORKERS, LISBON], Status.DONE)
        open_for_review(store, article, WHO, "carol")  # all three agreed into gold
        store.replace_annotation(article, "bob", [UNION, WORKERS], Status.DONE)  # bob takes 'Lisbon' out
        [lisbon] = review_state(store, article, WHO).disagreements
        edit = pick_version(store, article, lisbon, "bob", "carol")
        assert edit is not None
        assert edit.message == "no span; LOCATION 'Lisbon' at 26:32 taken out of gold"
        assert [s.text for s in store.spans(article, GOLD)] == ["The union", "workers"]

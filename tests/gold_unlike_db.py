"""A two-annotator database whose gold carol reviewed and marked done: alice's FIG '300' picked over bob's nothing,
bob's nothing picked over alice's FIG '20'. Then an annotator changes their done article so that both agree where
gold was decided otherwise (`alice_drops_300`, `bob_adds_20`), as a tester found (tests of `gold_drift`)."""

from __future__ import annotations

from pathlib import Path

from support import find, word_tokens

from annotator.gold import open_for_review, pick_version, review_state
from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.vocabulary import GOLD

TEXT = "Officials said 300 people fled and 20 homes burned in Lima."
WHO = ["alice", "bob"]
OFFICIALS, LIMA = Span(**find(TEXT, "Officials", "ACTOR")), Span(**find(TEXT, "Lima", "LOCATION"))
THREE_HUNDRED, TWENTY = Span(**find(TEXT, "300", "FIGURE")), Span(**find(TEXT, "20", "FIGURE"))


def reviewed(path: Path) -> str:
    """Agreed spans in, alice's 300 and bob's nothing at 20 picked by carol, gold done."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Lima"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", [OFFICIALS, THREE_HUNDRED, TWENTY, LIMA], Status.DONE)
        store.replace_annotation(article_id, "bob", [OFFICIALS, LIMA], Status.DONE)
        open_for_review(store, article_id, WHO, "carol")
        first, second = review_state(store, article_id, WHO).disagreements
        pick_version(store, article_id, first, "alice", "carol")
        pick_version(store, article_id, second, "bob", "carol")
        store.set_status(article_id, GOLD, Status.DONE)
    return article_id


def alice_drops_300(path: Path, article_id: str) -> None:
    with Store.open(path) as store:
        store.replace_annotation(article_id, "alice", [OFFICIALS, TWENTY, LIMA], Status.DONE)


def bob_adds_20(path: Path, article_id: str) -> None:
    with Store.open(path) as store:
        store.replace_annotation(article_id, "bob", [OFFICIALS, TWENTY, LIMA], Status.DONE)

"""A two-annotator database for the review tests: one short article, alice and bob both done."""

from __future__ import annotations

from pathlib import Path

from support import find, word_tokens

from annotator.models import ArticleIn, Span, Status
from annotator.store import Store

TEXT = 'Israel said Hamas fired 20 rockets at Sderot. "We are ready," the army said.'


def mark(part: str, label: str, speaker: str | None = None) -> Span:
    extra = {}
    if speaker is not None:
        start = TEXT.index(speaker)
        extra["speaker"] = {"start": start, "end": start + len(speaker)}
    return Span(**find(TEXT, part, label), **extra)


ALICE = [mark("Israel", "ACTOR"), mark("Hamas", "ACTOR"), mark("20 rockets", "FIGURE"), mark("Sderot", "LOCATION")]
#: bob agrees on Israel and Sderot; has "20" (boundary), no Hamas (missing), and a quote alice does not have.
BOB = [
    mark("Israel", "ACTOR"),
    mark("20", "FIGURE"),
    mark("Sderot", "LOCATION"),
    mark("the army", "ACTOR"),
    mark("We are ready,", "QUOTE", speaker="the army"),
]


def make_review_db(path: Path) -> str:
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Rockets"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", ALICE, Status.DONE)
        store.replace_annotation(article_id, "bob", BOB, Status.DONE)
    return article_id

"""A newcomer's trial (F9): `adjudicate --auto` put alice's and bob's agreed 'Anna Berg' and 'Oslo' into gold, with
one disagreement left ('Tom Lee' against bob's 'Tom'); then bob changed his to 'Tom Lee' (`bob_agrees`), and both
agree on every span. Gold lacked 'Tom Lee', review showed nothing open there, and d marked gold done without it
(`done_without_tom_lee`, what that left)."""

from __future__ import annotations

from pathlib import Path

from support import find, word_tokens

from annotator.gold import auto_adjudicate
from annotator.models import ArticleIn, Span, Status
from annotator.store import Store
from annotator.vocabulary import GOLD

TEXT = "Anna Berg met Tom Lee in Oslo on Monday."
WHO = ["alice", "bob"]
ANNA, OSLO = Span(**find(TEXT, "Anna Berg", "ACTOR")), Span(**find(TEXT, "Oslo", "LOCATION"))
TOM_LEE, TOM = Span(**find(TEXT, "Tom Lee", "ACTOR")), Span(**find(TEXT, "Tom", "ACTOR"))


def adjudicated(path: Path) -> str:
    """alice: Anna Berg, Tom Lee, Oslo; bob: Anna Berg, Tom, Oslo; both done; `adjudicate --auto` run."""
    with Store.open(path) as store:
        [article_id], _ = store.add_articles([(ArticleIn(text=TEXT, title="Tiny one"), word_tokens(TEXT), [])])
        store.replace_annotation(article_id, "alice", [ANNA, TOM_LEE, OSLO], Status.DONE)
        store.replace_annotation(article_id, "bob", [ANNA, TOM, OSLO], Status.DONE)
        auto_adjudicate(store, WHO, "lead")
    return article_id


def bob_agrees(path: Path, article_id: str) -> None:
    with Store.open(path) as store:
        store.replace_annotation(article_id, "bob", [ANNA, TOM_LEE, OSLO], Status.DONE)


def done_without_tom_lee(path: Path) -> str:
    """Bob agreed after `adjudicate --auto`, and gold was marked done without 'Tom Lee' (as d did before F9's fix)."""
    article_id = adjudicated(path)
    bob_agrees(path, article_id)
    with Store.open(path) as store:
        store.set_status(article_id, GOLD, Status.DONE)
    return article_id


def gold(path: Path, article_id: str) -> list[str]:
    with Store.open(path) as store:
        return [s.text for s in store.spans(article_id, GOLD)]

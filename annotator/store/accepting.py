"""Accepting the model's pending suggestions without a screen (`annotator accept`): the screen's "accept all" (A)
on each article, in one transaction, so a team can start from the model's suggestions as Label Studio users turn
predictions into annotations. Each article's accept stays one action in its event log, undone there with u."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass

from annotator.errors import AnnotatorError, Refused, found
from annotator.store.aliases import refuse_alias
from annotator.store.assignments import assigned
from annotator.store.edits import Store
from annotator.store.new_names import entering_problem
from annotator.vocabulary import Status

#: Statuses an annotator gave on purpose: an article not named is left as it is.
PUT_ASIDE = (Status.DONE, Status.SKIPPED, Status.FLAGGED)


@dataclass
class AcceptReport:
    accepted: int = 0  # suggestions accepted (a quote's speaker with it)
    articles: int = 0  # articles with at least one accepted
    marked_done: int = 0
    left_pending: int = 0  # suggestions that overlap spans already there
    articles_left_pending: int = 0
    nothing_pending: int = 0  # articles with no pending suggestion
    put_aside: int = 0  # done, skipped or flagged articles not named, left as they are


def chosen(store: Store, annotator: str, named: Sequence[str]) -> tuple[list[str], int]:
    """The articles to accept on and how many were put aside: those named (each must exist), else the annotator's
    assigned articles if they have any, else every article; unnamed ones done, skipped or flagged are put aside."""
    ids = store.article_ids()
    if named:
        known = set(ids)
        for article_id in named:
            if article_id not in known:
                raise AnnotatorError(f"{store.path}: no article {found(article_id)}; nothing was accepted")
        return list(dict.fromkeys(named)), 0
    candidates = assigned(store, annotator) or ids
    kept = [i for i in candidates if store.status(i, annotator) not in PUT_ASIDE]
    return kept, len(candidates) - len(kept)


def accept_pending(store: Store, annotator: str, named: Sequence[str] = (), *, done: bool = False) -> AcceptReport:
    """Accept every pending suggestion that fits on the chosen articles (`chosen`), all or nothing. `done`: an
    article with none left pending is marked done (in the accept's action when there was one to accept)."""
    report = AcceptReport()
    problem = entering_problem(store, annotator)  # "аlісе" in Cyrillic letters where alice works
    if problem:
        raise AnnotatorError(f"{problem}; nothing was accepted")
    with store.write():
        refuse_alias(store.conn, annotator)  # renamed away: even with nothing to accept, said (`aliases`)
        articles, report.put_aside = chosen(store, annotator, named)
        for article_id in articles:
            was_done = store.status(article_id, annotator) is Status.DONE
            # named, a done article is accepted on too (nothing is pending there, `store.current`: what would be
            # were it not done), in one action that leaves it done; nothing to accept writes nothing (trial 34)
            before, accepted = len(store.pending(article_id, annotator, done_settles=False)), 0
            if before:
                with suppress(Refused):  # every pending one overlaps a span already there
                    edit = store.accept_all(article_id, annotator, done=done, done_settles=False)
                    accepted = sum(decision == "accepted" for decision in edit.decided.values())
            else:
                report.nothing_pending += 1
            left = len(store.pending(article_id, annotator))  # an accepted span covers those it overlaps
            report.accepted += accepted
            report.articles += accepted > 0
            report.left_pending += left
            report.articles_left_pending += left > 0
            if done and not left and not was_done:
                if store.status(article_id, annotator) is not Status.DONE:  # nothing to accept: done alone
                    store.set_status(article_id, annotator, Status.DONE.value)
                report.marked_done += 1
    return report

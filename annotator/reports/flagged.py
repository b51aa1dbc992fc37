"""Articles an annotator flagged: a question to the lead, which `agreement` and `adjudicate --auto` leave out (an
article counts once all its annotators finished it) and `export --gold` still writes. A team lead's trial: ben
flagged a football report after its gold was done ("unclear who scored"); agreement's count fell from 6 to 5 with no
word, adjudicate did not name it, and `export --gold` wrote its gold as done. A skipped article is left out as a
flagged one is, and named so (a newcomer's trial)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.literal import quoted
from annotator.store import Reader
from annotator.store.assignments import compared_articles, finished_together, team_of
from annotator.vocabulary import GOLD, Status
from annotator.wording import counted, them, together

#: An article and who flagged it there, each with their reason (None: none given).
Flagged = tuple[str, list[tuple[str, str | None]]]
#: An article and who put it aside there (flagged or skipped), each with a flag's reason (None: none, or skipped).
PutAside = tuple[str, list[tuple[str, Status, str | None]]]
#: The statuses that put an article aside: not finished, so not compared (`S` and `F` on the screen).
ASIDE = (Status.FLAGGED, Status.SKIPPED)


def put_aside_out(
    store: Reader, annotators: Sequence[str], statuses: Sequence[str], by_assignment: bool = True
) -> list[PutAside]:
    """The articles `compared_articles` would give but for a flag or a skip: each of their annotators (with
    assignments, its assignees) has it in `statuses` or put aside, one of them at least put aside; in ingest order.
    A newcomer's trial: an assignee's skipped article was left out of agreement without a word."""
    names = list(annotators)
    compared = {article for article, _ in compared_articles(store, names, statuses, by_assignment=by_assignment)}
    wider = compared_articles(store, names, [*statuses, *ASIDE], by_assignment=by_assignment)
    return [(article, _put_aside(store, article, who)) for article, who in wider if article not in compared]


def put_aside_apart(
    store: Reader, annotators: Sequence[str], statuses: Sequence[str], by_assignment: bool = True
) -> list[PutAside]:
    """When nothing is compared among `annotators`: the articles a flag or a skip leaves out of what any group of
    them (two or more, `finished_together`) would compare, in ingest order (a newcomer's trial: the error of a flag
    that left nothing to compare did not name it; with three annotators, it was in a pair's article)."""
    found: dict[str, list[tuple[str, Status, str | None]]] = {}
    for group, _ in finished_together(store, annotators, [*statuses, *ASIDE], by_assignment=by_assignment):
        for article, who in put_aside_out(store, group, statuses, by_assignment):
            found.setdefault(article, who)
    return [(article, found[article]) for article in store.article_ids() if article in found]


def put_aside_beside(
    store: Reader, compared: Sequence[tuple[str, Sequence[str]]], by_assignment: bool = True
) -> list[PutAside]:
    """Of the articles compared (`compared_articles`: each with whose work counts), those another of its annotators
    (with assignments, its assignees; gold none) has put aside, in the order given: `adjudicate --auto --annotators
    cara` makes gold of cara's work alone where ben, assigned it too, flagged it (a newcomer's trial)."""
    everyone = [name for name in store.annotators() if name != GOLD]
    team = team_of(store, everyone, by_assignment=by_assignment)
    aside: dict[str, list[str]] = {}
    for name in everyone:
        for article, status, _ in store.annotated_articles(name):
            if status in ASIDE:
                aside.setdefault(article, []).append(name)
    found = [
        (article, [name for name in aside[article] if name not in who and name in team(article)])
        for article, who in compared
        if article in aside
    ]
    return [(article, _put_aside(store, article, others)) for article, others in found if others]


def _put_aside(store: Reader, article_id: str, names: Iterable[str]) -> list[tuple[str, Status, str | None]]:
    return [
        (name, status, store.flag_reason(article_id, name))
        for name in names
        if (status := store.status(article_id, name)) in ASIDE
    ]


def flagged_among(store: Reader, article_ids: Iterable[str]) -> list[Flagged]:
    """Of these articles, those some annotator (not gold) has flagged, with who, in the order given."""
    wanted = list(dict.fromkeys(article_ids))
    flagging: dict[str, list[str]] = {}
    for name in store.annotators():
        if name == GOLD:
            continue
        for article, status, _ in store.annotated_articles(name):
            if status is Status.FLAGGED:
                flagging.setdefault(article, []).append(name)
    return [(article, _flaggers(store, article, flagging[article])) for article in wanted if article in flagging]


def _flaggers(store: Reader, article_id: str, names: Iterable[str]) -> list[tuple[str, str | None]]:
    return [
        (name, store.flag_reason(article_id, name))
        for name in names
        if store.status(article_id, name) is Status.FLAGGED
    ]


def flagged_line(store: Reader, found: Sequence[Flagged]) -> str:
    """ "'Cup final' flagged by ben ('unclear who scored')", each article so, "; " between."""
    return "; ".join(
        f"{quoted(store.article(article).title)} flagged by "
        + ", ".join(f"{name} ({quoted(reason) if reason else 'no reason given'})" for name, reason in who)
        for article, who in found
    )


def _aside(name: str, status: Status, reason: str | None) -> str:
    if status is Status.SKIPPED:
        return f"skipped by {name}"
    return f"flagged by {name} ({quoted(reason) if reason else 'no reason given'})"


def aside_line(store: Reader, found: Sequence[PutAside]) -> str:
    """ "'Cup final' flagged by ben ('unclear who scored'), skipped by cara", each article so, "; " between."""
    return "; ".join(
        f"{quoted(store.article(article).title)} " + ", ".join(_aside(*put) for put in who) for article, who in found
    )


def left_out_line(store: Reader, found: Sequence[PutAside]) -> str:
    """What `agreement` and `adjudicate --auto` say of the articles a flag or a skip leaves out (`put_aside_out`):
    "1 article left out: 'Cup final' flagged by ben ('unclear who scored')"."""
    return f"{counted(len(found), 'article')} left out: {aside_line(store, found)}"


def beside_line(store: Reader, found: Sequence[PutAside]) -> str:
    """What `adjudicate --auto` says of them (`put_aside_beside`): "1 article compared without an annotator who put
    it aside: 'Cup final' flagged by ben ('unclear who scored')"."""
    return f"{counted(len(found), 'article')} compared without an annotator who put {them(len(found))} aside: " + (
        aside_line(store, found)
    )


def left_out_until(store: Reader, found: Sequence[PutAside]) -> str:
    """What the error of nothing compared says of them (`put_aside_apart`), with what to do: "1 article left out
    until ben marks it done (d on the screen): 'Cup final' flagged by ben ('unclear who scored')"."""
    names = list(dict.fromkeys(name for _, who in found for name, _, _ in who))
    marks = "marks" if len(names) == 1 else "mark"
    return (
        f"{counted(len(found), 'article')} left out until {together(names)} {marks} {them(len(found))} done "
        f"(d on the screen): {aside_line(store, found)}"
    )

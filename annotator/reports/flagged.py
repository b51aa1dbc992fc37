"""Articles an annotator flagged: a question to the lead, which `agreement` and `adjudicate --auto` leave out (an
article counts once all its annotators finished it) and `export --gold` still writes. A team lead's trial: ben
flagged a football report after its gold was done ("unclear who scored"); agreement's count fell from 6 to 5 with no
word, adjudicate did not name it, and `export --gold` wrote its gold as done."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.literal import quoted
from annotator.store import Reader
from annotator.store.assignments import compared_articles
from annotator.vocabulary import GOLD, Status
from annotator.wording import counted

#: An article and who flagged it there, each with their reason (None: none given).
Flagged = tuple[str, list[tuple[str, str | None]]]


def flagged_out(
    store: Reader, annotators: Sequence[str], statuses: Sequence[str], by_assignment: bool = True
) -> list[Flagged]:
    """The articles `compared_articles` would give but for a flag: each of their annotators (with assignments, its
    assignees) has it in `statuses` or flagged, one of them at least flagged; in ingest order."""
    names = list(annotators)
    compared = {article for article, _ in compared_articles(store, names, statuses, by_assignment=by_assignment)}
    wider = compared_articles(store, names, [*statuses, Status.FLAGGED], by_assignment=by_assignment)
    return [(article, _flaggers(store, article, who)) for article, who in wider if article not in compared]


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


def left_out_line(store: Reader, found: Sequence[Flagged]) -> str:
    """What `agreement` and `adjudicate --auto` say of the articles a flag leaves out (`flagged_out`): "1 article
    left out: 'Cup final' flagged by ben ('unclear who scored')"."""
    return f"{counted(len(found), 'article')} left out: {flagged_line(store, found)}"

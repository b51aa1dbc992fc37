"""What `adjudicate --auto` says of the gold it leaves to the review (a reviewer has begun it, `gold.begun_by`): the
articles, who began them, and the command that goes on naming that reviewer. It named the run's own `--reviewer`,
not the reviewer who began the review (a fresh clone's trial)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from annotator.literal import quoted

#: Articles named at most, per reviewer.
SHOWN = 5


def _named(articles: Sequence[str]) -> str:
    return ", ".join(quoted(i) for i in articles[:SHOWN]) + (" ..." if len(articles) > SHOWN else "")


def left_to_review(
    articles: Sequence[str], begun_by: Mapping[str, Sequence[str]], review: Callable[[str | None], str]
) -> str:
    """The clause, after "; ": one reviewer's articles with `review(name)`, the command that goes on as them; those no
    event names anyone for with `review(None)` (the run's own options); several reviewers' each under their names,
    with the command naming NAME."""
    whose: dict[tuple[str, ...], list[str]] = {}
    for article in articles:
        whose.setdefault(tuple(begun_by.get(article, ())), []).append(article)
    left = f"{len(articles)} article(s)"
    if len(whose) == 1 and len(names := next(iter(whose))) < 2:
        who = names[0] if names else "a reviewer"
        goes_on = review(names[0] if names else None)
        return f"{left} {who} has begun left to the review ({_named(articles)}: `{goes_on}` goes on)"
    each = "; ".join(f"{' and '.join(names) or 'nobody named'}: {_named(ids)}" for names, ids in whose.items())
    return (
        f"{left} reviewers have begun left to the review ({each}): `{review('NAME')}` goes on, NAME the one who "
        "began it"
    )

"""Gold done where what `review` shows is open: an annotator's done work changed since its gold was settled, or
disagrees with it. `train` and `export --gold` name such articles (gold is not changed behind the reviewer's back,
so they take it as settled)."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.gold import review_state
from annotator.store import Store
from annotator.store.assignments import team_of
from annotator.vocabulary import GOLD, Status


def changed_since_settled(store: Store, article_ids: Sequence[str]) -> dict[str, list[str]]:
    """Of these articles, those whose gold is done where what `review` shows is open (`review_state`, as
    `adjudicate --auto` counts it), each with its team (`team_of`: those with work there, all of it done; one still
    at work is not compared): gold is not changed behind the reviewer's back, so `train` learns it as settled (a
    newcomer removed 'US' from a done article; train said nothing)."""
    team = team_of(store, [name for name in store.finished_annotators() if name != GOLD])
    found: dict[str, list[str]] = {}
    for article_id in article_ids:
        status = {name: store.status(article_id, name) for name in team(article_id)}
        names = [name for name, now in status.items() if now != Status.TODO]
        if not names or any(status[name] != Status.DONE for name in names):
            continue
        if store.status(article_id, GOLD) == Status.DONE and review_state(store, article_id, names).open:
            found[article_id] = names
    return found

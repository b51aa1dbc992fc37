"""Done gold that no longer matches its annotators: disagreements open since it was marked done (an annotator
changed done work after), as `adjudicate --auto` counts them and `review` shows them, for the commands that write or
count gold without settling it (`export --gold`). Apart from `gold`, which is at its size limit."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.gold import review_state
from annotator.store import Store
from annotator.store.assignments import compared_articles
from annotator.vocabulary import GOLD, Status


def open_in_done_gold(store: Store, annotators: Sequence[str]) -> dict[str, int]:
    """Article -> the disagreements open in its done gold (`review_state`, as `adjudicate --auto` counts them in
    `done_open`), of the articles `annotators` finished (`compared_articles`) that have some: an annotator changed
    done work after gold was marked done. For `export --gold` (a lead's trial: such gold went out with no word)."""
    found = {}
    for article_id, names in compared_articles(store, list(annotators), [Status.DONE]):
        if store.status(article_id, GOLD) == Status.DONE and (
            count := len(review_state(store, article_id, names).open)
        ):
            found[article_id] = count
    return found

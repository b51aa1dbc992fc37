"""What `evaluate`'s figure is without the articles whose reference is the model's suggestions unchanged
(`store.as_suggested`, `reports.reference.unchanged_articles`): there the model is scored against itself, so the
caution says the figure on the others too (a trial: F1 0.937 against gold settled from A then d work)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

from annotator.metrics.intervals import ArticleCounts
from annotator.metrics.matching import ratios


class Apart(BaseModel):
    """ALL's exact F1 on the articles scored whose reference a person made or changed; `--json`'s
    `without_unchanged` (null when no article's reference is the suggestions unchanged)."""

    model_config = ConfigDict(frozen=True)

    articles: int
    exact_f1: float | None


def apart(article_ids: Sequence[str], unchanged: Collection[str], exact: ArticleCounts) -> Apart | None:
    """From the same matching's counts per article (`exact`, in `article_ids`' order), the others' figure."""
    if not unchanged:
        return None
    kept = np.array([article_id not in unchanged for article_id in article_ids], dtype=bool)
    sums = (int(exact.matched[kept].sum()), int(exact.reference[kept].sum()), int(exact.predicted[kept].sum()))
    return Apart(articles=int(kept.sum()), exact_f1=ratios(*sums)[2])

"""The held-out split of `annotator train`: which articles training never sees, so that its before and after
figures are honest. The same articles are held out whether they come from the database or a file, in any order;
never one a `--base` pipeline learned from, and one the shipped component learned from only when too few others
are left (`TrainReport.held_learned` counts those, and the report says what they do to the figures)."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.exchange.training_input import too_few
from annotator.vocabulary import content_hash

if TYPE_CHECKING:
    from annotator.suggest.learn import Article

#: The share of the articles held out.
HELD_OUT = 0.2


def _draw(seed: int, article: Article) -> float:
    """The article's place in [0, 1) for the held-out split: its text's hash and the seed, nothing else."""
    digest = hashlib.sha256(f"{seed}:{content_hash(article.text)}".encode()).hexdigest()
    return int(digest[:13], 16) / 16**13


def learned(article: Article, known: frozenset[str]) -> bool:
    """Whether a pipeline that learned from `known` (texts' hashes; article ids in folders of older releases)
    learned from this article."""
    return content_hash(article.text) in known or article.id in known


def held_out_count(articles: int, share: float = HELD_OUT) -> int:
    """How many of this many articles are held out: a fifth, rounded, at least one, and never all of them."""
    return min(max(1, round(articles * share)), articles - 1)


def split(
    articles: list[Article],
    seed: int,
    held_out: float = HELD_OUT,
    base_learned: frozenset[str] = frozenset(),
    shipped: frozenset[str] = frozenset(),
) -> tuple[list[Article], list[Article]]:
    """(train, held out): the `held_out_count` articles with the lowest draws (`_draw`), never one the base learned
    from; at least one article is held out and at least one learned from. A per-article draw under 0.2 held out
    3, 1, 2 and 5 of 9 articles for seeds 0 to 3 (a newcomer's trial): the count is exact now. Articles the
    shipped component learned from (`shipped`: the seed, the dev gold) are held out only when too few others are
    left: a newcomer's team gold held out the seed alone and scored 1.000 before and after."""
    if len(articles) < 2:
        raise AnnotatorError(too_few(len(articles), Counter()))
    open_ = sorted(
        (a for a in articles if not learned(a, base_learned)),
        key=lambda a: (learned(a, shipped), _draw(seed, a), a.text),
    )
    if not open_:
        raise AnnotatorError(
            f"the --base pipeline learned from all {len(articles)} of these articles, so none can be held out "
            "and scored honestly: add gold it has not seen, or start from the shipped pipeline (leave out --base)"
        )
    held = open_[: held_out_count(len(articles), held_out)]
    kept = {id(a) for a in held}
    return [a for a in articles if id(a) not in kept], [a for a in articles if id(a) in kept]


def base_learned(base: Path | None) -> frozenset[str]:
    """What a `--base` pipeline learned from (`suggest.loading.learned_from`); nothing for the shipped one. A
    base that is not there is said to be missing, not "not a pipeline folder" (a newcomer's trial)."""
    from annotator.suggest.loading import learned_from

    if base is not None and not os.path.lexists(base):
        raise AnnotatorError(f"--base {base}: no such folder (give a pipeline folder `annotator train` wrote)")
    return frozenset() if base is None else learned_from(base)

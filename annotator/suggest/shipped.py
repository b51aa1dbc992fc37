"""What the shipped learned component learned from, and which suggestions it made.

`annotator/data/guide/learned.json` (written by `training/learned_articles.py`, beside the weights) lists the
content hashes of the articles it learned from: the project's dev gold and GUM's Wikinews documents of the shared
corpus. `annotator evaluate` leaves those articles out of the shipped suggesters' scores, as it leaves out a trained
folder's (`loading.learned_from`): a model scores far too high on what it learned.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib.resources import files

from annotator.errors import AnnotatorError

#: The file beside the shipped weights, and how a report names the component.
LEARNED_FILE = "learned.json"
SHIPPED_NAME = "the shipped learned component (annotator/data/guide/)"


def guided(name: str) -> bool:
    """Whether suggestions named `name` came from the shipped learned component: entities.v3 and later with no
    "@<hash>" (a trained folder's or another pipeline's weights carry its hash)."""
    from annotator.suggest.loading import GUIDED

    return name in GUIDED


def shipped_learned() -> frozenset[str]:
    """The content hashes of the articles the shipped component learned from (empty where this installation has no
    component). A component shipped without its list is refused: its figures would flatter it unsaid."""
    guide = files("annotator").joinpath("data", "guide")
    if not guide.joinpath("ner", "model").is_file():
        return frozenset()
    path = guide.joinpath(LEARNED_FILE)
    try:
        entries = json.loads(path.read_text("utf-8"))["articles"]
        found = frozenset(entry["hash"] for entry in entries)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise AnnotatorError(
            f"annotator/data/guide/{LEARNED_FILE}: cannot read which articles the shipped component learned from "
            f"({type(error).__name__}): reinstall annotator"
        ) from None
    if not found or not all(isinstance(h, str) and h for h in found):
        raise AnnotatorError(f"annotator/data/guide/{LEARNED_FILE}: no article hashes: reinstall annotator")
    return found


def any_guided(names: Iterable[str]) -> bool:
    return any(guided(name) for name in names)

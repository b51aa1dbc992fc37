"""What the screen model is made of: spans, items, the speaker choice, the keys it knows (see `screen`)."""

from __future__ import annotations

import os
from dataclasses import dataclass

QUOTE = "QUOTE"
ACTOR = "ACTOR"
LABEL_KEYS = {"ACTOR": "1", "LOCATION": "2", "FIGURE": "3", "QUOTE": "4"}
KEY_LABELS = {key: label for label, key in LABEL_KEYS.items()}
RANK = {"span": 0, "pending": 1}
LAST_KEY = ("~", 1 << 62)

#: Keys that only move the cursor or the current item: what the planner searches paths with.
NAVIGATION_KEYS = (
    "tab",
    "shift+tab",
    "full_stop",
    "comma",
    "right",
    "left",
    "ctrl+right",
    "ctrl+left",
    "down",
    "up",
    "home",
    "end",
    "ctrl+down",
    "ctrl+up",
    "w",
    "W",
)
#: Moving keys whose target token depends on the cursor and on what is marked (recomputed after each edit): w
#: and W to words no entity marks, ; and : to names and numbers no entity marks (KEYPLAN_WITHOUT=; plans
#: without those two, to measure what they bring).
CANDIDATE_KEYS = () if ";" in os.environ.get("KEYPLAN_WITHOUT", "").split(",") else ("semicolon", "colon")
NAVIGATION_KEYS += CANDIDATE_KEYS
#: # to the next place with the current entity's words or the cursor's word (KEYPLAN_WITHOUT=# plans without).
OCCURRENCE_KEYS = () if "#" in os.environ.get("KEYPLAN_WITHOUT", "").split(",") else ("number_sign",)
NAVIGATION_KEYS += OCCURRENCE_KEYS
MARKED_MOVES = ("w", "W", *CANDIDATE_KEYS)
#: Two-key moves: t (T) and a character, to the next (previous) word starting with it. The planner tries them
#: to words within this many tokens of the cursor, which a person sees on the screen.
#: KEYPLAN_WITHOUT=t plans without them, to measure what they bring.
JUMP_KEYS = {} if "t" in os.environ.get("KEYPLAN_WITHOUT", "").split(",") else {"t": 1, "T": -1}
JUMP_REACH = 40
#: Moving and selecting keys that work in the speaker choice too (on the article below it).
FORWARDED = frozenset(NAVIGATION_KEYS) - {"tab", "shift+tab", "full_stop", "comma", "number_sign"} | {
    "shift+left",
    "shift+right",
    "v",
}

ItemKey = tuple[str, int]  # ("span", span id) or ("pending", suggestion id)
NavState = tuple[int, ItemKey | None, int | None]  # (cursor token, current item, goal column of up/down)


@dataclass(frozen=True, slots=True)
class Span:
    """A span, suggestion or gold span: character offsets, label, and a QUOTE's speaker (ACTOR offsets)."""

    start: int
    end: int
    label: str
    speaker: tuple[int, int] | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)

    @property
    def is_quote(self) -> bool:
        return self.label == QUOTE

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class Refused(Exception):
    """The Store would refuse this edit (the app says why and changes nothing)."""


@dataclass(slots=True)
class SpeakerChoice:
    """The speaker screen: the quote (span id), the candidates (item keys, nearest first), the one shown."""

    quote: int
    candidates: list[ItemKey]
    index: int
    candidate: ItemKey | None


def _order(key: ItemKey, item: Span) -> tuple[int, int, int, int, int]:
    """Reading order as `annotator.tui.model.Item.order`: by start, quotes first, longer first, spans first."""
    return (item.start, 0 if item.is_quote else 1, -item.end, RANK[key[0]], key[1])


def _rank(key: ItemKey, item: Span) -> tuple[int, int, int, int]:
    """Which of several items under a character is current (`ArticleModel.item_at`)."""
    return (RANK[key[0]], item.start, item.end, key[1])

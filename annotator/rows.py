"""Plain data that never leaves the process: what the store hands out and what an edit changed.

Frozen dataclasses and named tuples, no validation: every value here was checked on its way in (by the
pydantic records of `annotator.models` at a file's border, by the store's edit rules) and is held in the
database by its CHECK constraints. Building them costs next to nothing, so opening an article and every
keystroke's edit need no pydantic (the TUI's start-up imports none).

Offsets are Python string indices (code points) into the article text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from annotator.spans import SpanShape
from annotator.vocabulary import Label, Status


class Token(NamedTuple):
    """A token's character range: spans start and end on tokens."""

    start: int
    end: int


class Offsets(NamedTuple):
    """A character range: a QUOTE's speaker is the ACTOR span at these offsets."""

    start: int
    end: int


class SpanLike(SpanShape, Protocol):
    """What the metrics, gold and the formats read of a span: the layer rules' shape and its text."""

    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SpanRow:
    """A stored span: an annotator's (`suggestion_id` says which suggestion it came from), or, as the subclass
    `SuggestionRow`, a model's. `id` is stable across edits."""

    id: int
    start: int
    end: int
    label: Label
    text: str
    speaker: Offsets | None = None
    suggestion_id: int | None = None


@dataclass(frozen=True, slots=True)
class SuggestionRow(SpanRow):
    """A stored suggestion; `suggester` is the versioned name of what made it ("entities.v1")."""

    suggester: str = ""
    score: float | None = None


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article for one annotator: their spans, every suggestion, and which suggestions they decided on."""

    id: str
    title: str
    text: str
    status: Status
    cursor: int
    tokens: list[Token]
    spans: list[SpanRow]
    suggestions: list[SpanRow] = field(default_factory=list)
    decided: frozenset[int] = frozenset()
    rejected: frozenset[int] = frozenset()  # the decided ones that were rejected (or accepted, then removed)
    current: frozenset[int] = frozenset()  # the model's current ones (`store.current`): the others are history
    opened_at: str | None = None  # when this annotator last had the article open (None: never)


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str
    meta: dict[str, Any]
    content_hash: str
    ingested_at: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list, for one annotator."""

    id: str
    title: str
    chars: int
    status: Status
    spans: int
    pending: int
    flag_reason: str | None = None
    comments: int = 0
    #: Assigned to others only (`assignments.team_of`): this annotator's work there is not compared.
    others: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One row of the append-only event log; `before`/`after` hold the rows an action replaced."""

    id: int
    article_id: str
    annotator: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    at: str
    target: int | None = None


@dataclass(frozen=True, slots=True)
class Edit:
    """What one committed action changed, so a screen can update without reloading the article.

    `spans` are the spans written (new or changed), `removed` the ids of spans deleted, `decided` the
    suggestions whose decision changed (None: pending again, after an undo).
    """

    event_id: int
    action: str
    spans: list[SpanRow] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    decided: dict[int, str | None] = field(default_factory=dict)
    status: Status | None = None
    message: str = ""

    def then(self, later: Edit, message: str) -> Edit:
        """This edit and `later`, committed right after it in the same transaction, as one change to mirror (logged
        as one event: `Changes._one_event`), said as `message`."""
        removed = [*self.removed, *later.removed]
        written = {s.id: s for s in self.spans if s.id not in later.removed} | {s.id: s for s in later.spans}
        return Edit(
            event_id=later.event_id,
            action=later.action,
            spans=list(written.values()),
            removed=[i for i in dict.fromkeys(removed) if i not in written],
            decided={**self.decided, **later.decided},
            status=later.status or self.status,
            message=message,
        )

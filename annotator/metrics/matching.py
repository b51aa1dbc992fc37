"""One-to-one span matching between two annotations, for many articles at once (numpy, no Python loop per span).

Two spans can match only within the same article and with the same label.
- exact: same start and same end;
- overlap: at least one shared character.
Matching is greedy and one-to-one: candidate pairs are taken in order of more shared characters first, then
the earlier start on side `a`, then the earlier start on side `b`, then input order (a's index, b's index);
a pair is taken when neither span is matched yet. So a long span cannot match two short ones, and of two
spans competing for one partner the one sharing more characters wins.

The greedy pass is computed in rounds: a candidate that comes first (in the order above) among every
candidate touching either of its spans is taken by the sequential greedy pass too, so each round takes all
such candidates at once and drops the candidates their spans touched. Results equal the sequential pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.rows import SpanLike
from annotator.spans import Range
from annotator.vocabulary import Label

LABELS: tuple[Label, ...] = tuple(Label)
LABEL_CODE: dict[Label, int] = {label: code for code, label in enumerate(LABELS)}
NO_SPEAKER = -1


def ratios(matched: int, reference: int, predicted: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 of `matched` spans of `reference` against `predicted`: the one rule of the
    agreement report and the evaluation. A ratio with nothing to divide by is None (printed "n/a", null in
    JSON): precision with no predicted span, recall with no reference span, F1 with neither; one side empty and
    the other not is an F1 of 0.0 (a model that finds nothing scores 0)."""
    return (
        matched / predicted if predicted else None,
        matched / reference if reference else None,
        2 * matched / (reference + predicted) if reference + predicted else None,
    )


@dataclass(frozen=True)
class SpanColumns:
    """Spans of one annotator over many articles, as parallel int64 arrays (speaker -1 when none)."""

    article: np.ndarray
    start: np.ndarray
    end: np.ndarray
    label: np.ndarray
    speaker_start: np.ndarray
    speaker_end: np.ndarray

    def __len__(self) -> int:
        return len(self.start)

    @classmethod
    def from_spans(cls, groups: Iterable[tuple[int, Sequence[SpanLike]]]) -> SpanColumns:
        """Columns from (article index, spans of that article) pairs."""
        rows = [
            (
                article,
                s.start,
                s.end,
                LABEL_CODE[s.label],
                s.speaker.start if s.speaker else NO_SPEAKER,
                s.speaker.end if s.speaker else NO_SPEAKER,
            )
            for article, spans in groups
            for s in spans
        ]
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[int, ...]]) -> SpanColumns:
        """Columns from (article, start, end, label code, speaker start, speaker end) tuples."""
        table = np.array(rows, dtype=np.int64).reshape(-1, 6)
        return cls(*(np.ascontiguousarray(table[:, i]) for i in range(6)))

    def select(self, mask: np.ndarray) -> SpanColumns:
        return SpanColumns(
            self.article[mask],
            self.start[mask],
            self.end[mask],
            self.label[mask],
            self.speaker_start[mask],
            self.speaker_end[mask],
        )


def _candidates(a: SpanColumns, b: SpanColumns) -> tuple[np.ndarray, np.ndarray]:
    """Every (a index, b index) of the same article and label sharing at least one character."""
    if not len(a) or not len(b):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    longest = int((b.end - b.start).max())
    stride = int(max(a.end.max(), b.end.max())) + longest + 1  # groups never reach into each other
    b_position = (b.article * len(LABELS) + b.label) * stride + b.start
    order = np.argsort(b_position, kind="stable")
    b_sorted = b_position[order]
    a_base = (a.article * len(LABELS) + a.label) * stride
    # b starts within (a.start - longest, a.end) are the only ones that can share a character with a.
    low = np.searchsorted(b_sorted, a_base + a.start - longest, side="right")
    high = np.searchsorted(b_sorted, a_base + a.end, side="left")
    counts = high - low
    a_index = np.repeat(np.arange(len(a)), counts)
    first = np.repeat(low - np.cumsum(counts) + counts, counts)
    b_index = order[first + np.arange(len(a_index))]
    keep = (b.end[b_index] > a.start[a_index]) & (b.article[b_index] == a.article[a_index])
    keep &= b.label[b_index] == a.label[a_index]
    return a_index[keep], b_index[keep]


def _each_once(index: np.ndarray, size: int) -> bool:
    return not len(index) or int(np.bincount(index, minlength=size).max()) <= 1


def _greedy(a: SpanColumns, b: SpanColumns, a_index: np.ndarray, b_index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The one-to-one greedy choice among candidate pairs, in rounds (see the module docstring)."""
    if _each_once(a_index, len(a)) and _each_once(b_index, len(b)):  # no span has two candidates: all match
        order = np.argsort(a_index, kind="stable")
        return a_index[order], b_index[order]
    shared = np.minimum(a.end[a_index], b.end[b_index]) - np.maximum(a.start[a_index], b.start[b_index])
    order = np.lexsort((b_index, a_index, b.start[b_index], a.start[a_index], -shared))
    a_index, b_index = a_index[order], b_index[order]
    rank = np.arange(len(a_index))
    unset = np.iinfo(np.int64).max
    taken_a: list[np.ndarray] = []
    taken_b: list[np.ndarray] = []
    while len(a_index):
        best_a = np.full(len(a), unset, dtype=np.int64)
        best_b = np.full(len(b), unset, dtype=np.int64)
        np.minimum.at(best_a, a_index, rank)
        np.minimum.at(best_b, b_index, rank)
        first = (best_a[a_index] == rank) & (best_b[b_index] == rank)
        taken_a.append(a_index[first])
        taken_b.append(b_index[first])
        used_a = np.zeros(len(a), dtype=bool)
        used_b = np.zeros(len(b), dtype=bool)
        used_a[a_index[first]] = True
        used_b[b_index[first]] = True
        alive = ~(used_a[a_index] | used_b[b_index])
        a_index, b_index, rank = a_index[alive], b_index[alive], rank[alive]
    matched_a, matched_b = np.concatenate(taken_a), np.concatenate(taken_b)
    order = np.argsort(matched_a, kind="stable")
    return matched_a[order], matched_b[order]


Pairs = tuple[np.ndarray, np.ndarray]


def match_both(a: SpanColumns, b: SpanColumns) -> tuple[Pairs, Pairs]:
    """(exact pairs, overlap pairs), each as (indices into a, indices into b) sorted by a's index."""
    a_index, b_index = _candidates(a, b)
    same = (a.start[a_index] == b.start[b_index]) & (a.end[a_index] == b.end[b_index])
    return _greedy(a, b, a_index[same], b_index[same]), _greedy(a, b, a_index, b_index)


def match(a: SpanColumns, b: SpanColumns, *, overlap: bool) -> Pairs:
    """Matched pairs as (indices into a, indices into b), sorted by a's index; see the module docstring."""
    exact, overlapping = match_both(a, b)
    return overlapping if overlap else exact


def speakers_agree(a: SpanColumns, b: SpanColumns, a_index: np.ndarray, b_index: np.ndarray) -> np.ndarray:
    """For matched quote pairs: both without a speaker, or both with speakers that share a character."""
    a_none = a.speaker_start[a_index] == NO_SPEAKER
    b_none = b.speaker_start[b_index] == NO_SPEAKER
    shared = (a.speaker_start[a_index] < b.speaker_end[b_index]) & (b.speaker_start[b_index] < a.speaker_end[a_index])
    agree: np.ndarray = (a_none & b_none) | (~a_none & ~b_none & shared)
    return agree


def speakers_agree_pairs(pairs: Sequence[tuple[Range | None, Range | None]]) -> list[bool]:
    """`speakers_agree` for speakers outside matched columns, pair by pair (None: no speaker): the one rule for
    whether two annotators' quotes have one speaker (`consensus`) and which gold ACTOR a version's speaker is
    (`gold_write.adjudicate`), as `agreement` and `evaluate` count them."""

    def row(speaker: Range | None) -> tuple[int, ...]:
        offsets = (speaker.start, speaker.end) if speaker is not None else (NO_SPEAKER, NO_SPEAKER)
        return (0, 0, 1, LABEL_CODE[Label.QUOTE], *offsets)

    a = SpanColumns.from_rows([row(first) for first, _ in pairs])
    b = SpanColumns.from_rows([row(second) for _, second in pairs])
    index = np.arange(len(pairs))
    return [bool(agree) for agree in speakers_agree(a, b, index, index)]

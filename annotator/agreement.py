"""Inter-annotator agreement: pure functions over spans and token offsets (numpy; no SQL, no Textual or Rich).

Figures, for the chosen annotators over the articles given (the loader picks those all of them marked done):
- per pair and per label, and "ALL" (every span of every label, pooled): precision, recall and F1 with exact
  and with overlap ("partial") matching, one-to-one and greedy (`annotator.matching` says how ties break).
  The first annotator of a pair is the reference: p = matched / b's spans, r = matched / a's spans,
  F1 = 2 matched / (a's spans + b's spans). A ratio with nothing to divide by is None (printed "n/a"): p when
  b has no span of the label, r when a has none, F1 when neither has any. One side empty and the other not
  gives F1 = 0.0.
- per pair: Cohen's kappa over tokens. Each token has an entity value (ACTOR, LOCATION, FIGURE, or O for
  none) and a quote value (inside a QUOTE or not). "ALL" uses the entity value, an entity label the binary
  "this label or not", QUOTE the quote value. A token belongs to a span when it shares a character with it.
- over all annotators: Krippendorff's alpha (nominal, tokens as units) on the same variables, computed by the
  `krippendorff` package.
- speaker agreement: of the QUOTE pairs matched by overlap (pooled over all pairs), the share whose speakers
  agree (both none, or speaker spans sharing a character: the rule of `annotator.evaluate`).

Undefined chance-corrected figures are None, as the reference implementations have no number for them:
scikit-learn's `cohen_kappa_score` returns nan when both annotators give every token the same single value
(expected disagreement 0), and `krippendorff.alpha` returns nan when all values are the same. Identical
annotations with some variation give 1.0 in both; no tokens at all give None.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import krippendorff
import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from annotator.matching import LABEL_CODE, LABELS, SpanColumns, match, speakers_agree
from annotator.models import ENTITY_LABELS, Label, Span, Status
from annotator.store import Reader

ALL = "ALL"
ROWS: tuple[str, ...] = (ALL, *(label.value for label in LABELS))


@dataclass(frozen=True)
class ArticleAnnotations:
    """One article's token offsets ((n, 2) start/end pairs) and each annotator's spans.

    A plain dataclass rather than a pydantic model: it carries numpy arrays and is built by the loader from
    validated rows, thousands at a time.
    """

    article_id: str
    tokens: np.ndarray | Sequence[tuple[int, int]]
    spans: Mapping[str, Sequence[Span]]


class PRF(BaseModel):
    model_config = ConfigDict(frozen=True)

    p: float | None
    r: float | None
    f1: float | None


class PairScores(BaseModel):
    """One row of `pairs` in the JSON report; the counts behind it are kept out of the JSON."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str
    label: str
    exact: PRF
    partial: PRF
    cohen_kappa: float | None
    a_spans: int = Field(exclude=True)
    b_spans: int = Field(exclude=True)
    exact_matches: int = Field(exclude=True)
    partial_matches: int = Field(exclude=True)


class AgreementReport(BaseModel):
    """`model_dump_json()` is the `annotator agreement --json` shape."""

    model_config = ConfigDict(frozen=True)

    articles: int
    annotators: list[str]
    pairs: list[PairScores]
    krippendorff_alpha: dict[str, float | None]
    speaker_agreement: float | None
    tokens: int = Field(exclude=True)
    matched_quotes: int = Field(exclude=True)


def prf(matched: int, a_count: int, b_count: int) -> PRF:
    return PRF(
        p=matched / b_count if b_count else None,
        r=matched / a_count if a_count else None,
        f1=2 * matched / (a_count + b_count) if a_count + b_count else None,
    )


def cohen_kappa(x: np.ndarray, y: np.ndarray, values: int) -> float | None:
    """Cohen's kappa of two codings of the same units (integers below `values`); None when undefined."""
    if not len(x):
        return None
    confusion = np.bincount(x * values + y, minlength=values * values).reshape(values, values).astype(np.float64)
    total = confusion.sum()
    observed = np.trace(confusion) / total
    expected = float(confusion.sum(axis=1) @ confusion.sum(axis=0)) / (total * total)
    if expected >= 1.0:
        return None
    return float((observed - expected) / (1.0 - expected))


def krippendorff_alpha(codings: Sequence[np.ndarray], values: int) -> float | None:
    """Nominal alpha of several complete codings of the same units, by the `krippendorff` package.

    Units on which every coder gives the same value only add to the diagonal of the coincidence matrix (each
    adds the number of coders to its value's cell). One unit with that value from k * m coders adds exactly
    k * m, so the k unanimous units of each value are passed as one such unit: same alpha, and the package
    only sees the units that differ (its cost is units x values^2 memory).
    """
    coders = len(codings)
    units = len(codings[0]) if coders else 0
    if coders < 2 or not units:
        return None
    flat = np.zeros(units * values, dtype=np.int64)
    offsets = np.arange(units, dtype=np.int64) * values
    for coding in codings:
        flat += np.bincount(offsets + coding, minlength=units * values)
    counts = flat.reshape(units, values)
    unanimous = counts.max(axis=1) == coders
    merged = np.bincount(codings[0][unanimous], minlength=values) * coders
    rows = np.concatenate([counts[~unanimous].astype(np.float64), np.diag(merged.astype(np.float64))[merged > 0]])
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        value = krippendorff.alpha(value_counts=rows, value_domain=np.arange(values), level_of_measurement="nominal")
    return None if np.isnan(value) else float(value)


class _TokenLayers:
    """Per annotator, each token's entity value (0 = O, 1 + label code) and quote value (0/1), all articles."""

    def __init__(self, articles: Sequence[ArticleAnnotations], columns: dict[str, SpanColumns]) -> None:
        tokens = [np.asarray(a.tokens, dtype=np.int64).reshape(-1, 2) for a in articles]
        reach = np.array([int(t[:, 1].max()) if len(t) else 0 for t in tokens], dtype=np.int64)
        for spans in columns.values():
            if len(spans):
                np.maximum.at(reach, spans.article, spans.end)
        base = np.concatenate([[0], np.cumsum(reach + 1)[:-1]]) if len(articles) else np.zeros(0, np.int64)
        sizes = np.array([len(t) for t in tokens], dtype=np.int64)
        stacked = np.concatenate(tokens) if tokens else np.zeros((0, 2), np.int64)
        shift = np.repeat(base, sizes)
        self.starts = stacked[:, 0] + shift
        self.ends = stacked[:, 1] + shift
        self.size = len(self.starts)
        self.entity: dict[str, np.ndarray] = {}
        self.quote: dict[str, np.ndarray] = {}
        for name, spans in columns.items():
            first = np.searchsorted(self.ends, spans.start + base[spans.article], side="right")
            last = np.searchsorted(self.starts, spans.end + base[spans.article], side="left")
            entity = np.zeros(self.size, dtype=np.int64)
            for label in reversed(ENTITY_LABELS):  # overlapping entity spans (invalid) resolve to the first label
                entity[self._covered(first, last, spans.label == LABEL_CODE[label])] = 1 + LABEL_CODE[label]
            self.entity[name] = entity
            self.quote[name] = self._covered(first, last, spans.label == LABEL_CODE[Label.QUOTE]).astype(np.int64)

    def _covered(self, first: np.ndarray, last: np.ndarray, mask: np.ndarray) -> np.ndarray:
        depth = np.bincount(first[mask], minlength=self.size + 1) - np.bincount(last[mask], minlength=self.size + 1)
        return np.cumsum(depth[: self.size]) > 0

    def variable(self, name: str, row: str) -> tuple[np.ndarray, int]:
        """The token variable behind a report row: (values per token, number of values)."""
        if row == ALL:
            return self.entity[name], 1 + len(ENTITY_LABELS)
        if row == Label.QUOTE:
            return self.quote[name], 2
        return (self.entity[name] == 1 + LABEL_CODE[Label(row)]).astype(np.int64), 2


def agreement(articles: Sequence[ArticleAnnotations], annotators: Sequence[str]) -> AgreementReport:
    """Every figure of the report over these articles (each must have spans, maybe none, for every annotator)."""
    names = list(annotators)
    columns = {
        name: SpanColumns.from_spans((i, a.spans.get(name, ())) for i, a in enumerate(articles)) for name in names
    }
    layers = _TokenLayers(articles, columns)
    pairs: list[PairScores] = []
    matched_quotes = agreeing_speakers = 0
    quote = LABEL_CODE[Label.QUOTE]
    for a_name, b_name in itertools.combinations(names, 2):
        a, b = columns[a_name], columns[b_name]
        exact_a, _ = match(a, b, overlap=False)
        partial_a, partial_b = match(a, b, overlap=True)
        counts = {
            "a": np.bincount(a.label, minlength=len(LABELS)),
            "b": np.bincount(b.label, minlength=len(LABELS)),
            "exact": np.bincount(a.label[exact_a], minlength=len(LABELS)),
            "partial": np.bincount(a.label[partial_a], minlength=len(LABELS)),
        }
        quotes = a.label[partial_a] == quote
        matched_quotes += int(quotes.sum())
        agreeing_speakers += int(speakers_agree(a, b, partial_a[quotes], partial_b[quotes]).sum())
        for row in ROWS:
            pick = slice(None) if row == ALL else LABEL_CODE[Label(row)]
            n = {key: int(np.sum(value[pick])) for key, value in counts.items()}
            x, values = layers.variable(a_name, row)
            y, _ = layers.variable(b_name, row)
            pairs.append(
                PairScores(
                    a=a_name,
                    b=b_name,
                    label=row,
                    exact=prf(n["exact"], n["a"], n["b"]),
                    partial=prf(n["partial"], n["a"], n["b"]),
                    cohen_kappa=cohen_kappa(x, y, values),
                    a_spans=n["a"],
                    b_spans=n["b"],
                    exact_matches=n["exact"],
                    partial_matches=n["partial"],
                )
            )
    alpha: dict[str, float | None] = {}
    for row in ROWS:
        codings = [layers.variable(name, row) for name in names]
        alpha[row] = krippendorff_alpha([c for c, _ in codings], codings[0][1]) if codings else None
    return AgreementReport(
        articles=len(articles),
        annotators=names,
        pairs=pairs,
        krippendorff_alpha=alpha,
        speaker_agreement=agreeing_speakers / matched_quotes if matched_quotes else None,
        tokens=layers.size,
        matched_quotes=matched_quotes,
    )


def load(store: Reader, annotators: Sequence[str], include_in_progress: bool = False) -> list[ArticleAnnotations]:
    """The articles every annotator marked done (or, optionally, still has in progress), with their spans."""
    names = list(annotators)
    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
    ids = store.articles_annotated_by(names, statuses)
    spans = store.spans_by_article(names)
    tokens = store.token_offsets(ids)
    return [
        ArticleAnnotations(article_id=i, tokens=tokens[i], spans={n: spans.get((i, n), []) for n in names}) for i in ids
    ]

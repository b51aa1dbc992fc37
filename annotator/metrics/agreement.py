"""Inter-annotator agreement: pure functions over spans and token offsets (numpy; no SQL, no Textual or Rich).

Figures, for the chosen annotators over the articles given (the loader picks those all of them marked done):
- per pair and per label, and "ALL" (every span of every label, pooled): precision, recall and F1 with exact
  and with overlap matching (`overlap` in JSON; `partial`, its old name, deprecated), one-to-one and greedy
  (`annotator.metrics.matching` says how ties break).
  The first annotator of a pair is the reference: p = matched / b's spans, r = matched / a's spans,
  F1 = 2 matched / (a's spans + b's spans). A ratio with nothing to divide by is None (printed "n/a"): p when
  b has no span of the label, r when a has none, F1 when neither has any. One side empty and the other not
  gives F1 = 0.0.
- per pair: Cohen's kappa over tokens. Each token has an entity tag (B or I of ACTOR, LOCATION or FIGURE: B on
  a span's first token; or O for none) and a quote tag (B, I or O). "ALL" uses the entity tag, an entity label
  its own B, I or neither, QUOTE the quote tag. A token belongs to a span when it shares a character with it.
  Tags rather than labels alone, so that a span split in two is not counted as agreeing with the whole.
- over all annotators: Krippendorff's alpha (nominal, tokens as units) on the same variables, by the `krippendorff`
  package's formula (`reliability.alpha_from_value_counts`; the tests check it against the package).
- speaker agreement: of the QUOTE pairs matched by overlap (pooled over all pairs), the share whose speakers
  agree (both none, or speaker spans sharing a character: the rule of `annotator.metrics.evaluation`).

Undefined chance-corrected figures are None, as the reference implementations have no number for them:
scikit-learn's `cohen_kappa_score` returns nan when both annotators give every token the same single value
(expected disagreement 0), and `krippendorff.alpha` returns nan when all values are the same. Identical
annotations with some variation give 1.0 in both; no tokens at all give None.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, ConfigDict, computed_field

from annotator.metrics.intervals import ArticleCounts, f1_interval
from annotator.metrics.matching import LABEL_CODE, LABELS, SpanColumns, match_both, ratios, speakers_agree
from annotator.metrics.reliability import Patterns
from annotator.rows import SpanLike
from annotator.vocabulary import ENTITY_LABELS, Label

ALL = "ALL"
MISSING = -1  # in blank patterns: the coder did not code these tokens
ROWS: tuple[str, ...] = (ALL, *(label.value for label in LABELS))


@dataclass(frozen=True)
class ArticleAnnotations:
    """One article's token offsets ((n, 2) start/end pairs) and each annotator's spans.

    A plain dataclass rather than a pydantic model: it carries numpy arrays and is built by the loader from
    validated rows, thousands at a time.
    """

    article_id: str
    tokens: np.ndarray | Sequence[tuple[int, int]]
    spans: Mapping[str, Sequence[SpanLike]]


@dataclass(frozen=True)
class Corpus:
    """The columnar input of `agreement()`: token offsets of every article end to end, each annotator's spans.

    `token_counts[i]` tokens belong to article i, in order, with article-local offsets; span columns refer to
    articles by index. Built by `load()` straight from the database, or from `ArticleAnnotations`.
    """

    article_ids: list[str]
    token_starts: np.ndarray
    token_ends: np.ndarray
    token_counts: np.ndarray
    spans: dict[str, SpanColumns]
    #: Per annotator, which articles they coded (bool per article); None: every annotator coded every article.
    #: With assignments, each article counts for the annotators it was assigned to (`annotator assign`).
    coders: dict[str, np.ndarray] | None = None

    def coded(self, name: str) -> np.ndarray:
        if self.coders is None:
            return np.ones(len(self.article_ids), dtype=bool)
        return self.coders[name]

    @classmethod
    def from_articles(cls, articles: Sequence[ArticleAnnotations], annotators: Sequence[str]) -> Corpus:
        tokens = [np.asarray(a.tokens, dtype=np.int64).reshape(-1, 2) for a in articles]
        stacked = np.concatenate(tokens) if tokens else np.zeros((0, 2), dtype=np.int64)
        return cls(
            article_ids=[a.article_id for a in articles],
            token_starts=np.ascontiguousarray(stacked[:, 0]),
            token_ends=np.ascontiguousarray(stacked[:, 1]),
            token_counts=np.array([len(t) for t in tokens], dtype=np.int64),
            spans={
                name: SpanColumns.from_spans((i, a.spans.get(name, ())) for i, a in enumerate(articles))
                for name in annotators
            },
        )


class PairRatios(BaseModel):
    """Precision, recall and F1 of one pair: None where there is nothing to divide by (see the module docstring;
    `annotator.metrics.matching.ratios`, the evaluation's rule too)."""

    model_config = ConfigDict(frozen=True)

    p: float | None
    r: float | None
    f1: float | None


class PairScores(BaseModel):
    """One row of `pairs` in the JSON report, with the counts behind its ratios (so a script can check them)."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str
    label: str
    articles: int  # the articles both coded (all compared, without assignments)
    exact: PairRatios
    overlap: PairRatios
    cohen_kappa: float | None
    #: ALL's row only: where its exact F1 falls on other draws of as many articles (`metrics.intervals`; None with
    #: fewer than two articles both coded).
    exact_f1_interval: tuple[float, float] | None = None
    #: Each side's spans of the label on the articles both coded, and the pairs matched exactly and by overlap:
    #: P = matches / b_spans, R = matches / a_spans, F1 = 2 matches / (a_spans + b_spans).
    a_spans: int
    b_spans: int
    exact_matches: int
    overlap_matches: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def partial(self) -> PairRatios:
        """`overlap` under its old name, last in the JSON: deprecated, kept for the scripts that read it."""
        return self.overlap


class AgreementReport(BaseModel):
    """`model_dump_json()` is the `annotator agreement --json` shape."""

    model_config = ConfigDict(frozen=True)

    articles: int
    annotators: list[str]
    pairs: list[PairScores]
    krippendorff_alpha: dict[str, float | None]
    speaker_agreement: float | None
    #: Articles where everyone's work compared is what `annotator accept` wrote, unchanged (the CLI counts them:
    #: `store.unchecked`); there the model's suggestions agree with themselves.
    command_only: int = 0
    #: Articles where everyone's work compared is the model's suggestions unchanged, by `accept` or on the screen
    #: (A then d: `store.as_suggested`), these included: the caution's count.
    suggestions_unchanged: int = 0
    #: Per annotator compared, the articles compared where their own work is the model's suggestions unchanged
    #: (whatever the others did there: a pair with such work is the model against a person).
    suggestions_unchanged_by: dict[str, int] = {}
    #: The units of the kappa and alpha: every token of the articles compared.
    tokens: int
    #: Quote pairs matched by overlap, pooled over the pairs: what the speaker agreement is a share of.
    matched_quotes: int
    #: Articles where some pair differs (a span without an exact partner, or another speaker).
    disputed_articles: int


#: Token tags: O, then I of each entity label, then B of each (`entity_value`); a quote's O, I, B.
ENTITY_VALUES, QUOTE_VALUES = 1 + 2 * len(ENTITY_LABELS), 3


def entity_value(label: Label, tag: str) -> int:
    """The value of an entity label's B or I tag on a token."""
    return 1 + LABEL_CODE[label] + (len(ENTITY_LABELS) if tag == "B" else 0)


def prf(matched: int, a_count: int, b_count: int) -> PairRatios:
    p, r, f1 = ratios(matched, a_count, b_count)
    return PairRatios(p=p, r=r, f1=f1)


def _cover(first: np.ndarray, after: np.ndarray, size: int, weights: np.ndarray) -> np.ndarray:
    """Per token, the sum of the weights of the spans covering it (spans cover tokens first..after-1)."""
    change = np.zeros(size + 1, dtype=np.int32)
    np.add.at(change, first, weights)
    np.subtract.at(change, after, weights)
    return np.cumsum(change[:size], dtype=np.int32)


def _fill(first: np.ndarray, after: np.ndarray, size: int, values: np.ndarray) -> np.ndarray | None:
    """Per token, the value of the range covering it (0 where none); None when two ranges share a token."""
    order = np.argsort(first, kind="stable")
    first, after, values = first[order], after[order], values[order]
    previous_end = np.concatenate([[0], after[:-1]])
    if np.any(first < previous_end):
        return None
    lengths = np.empty(2 * len(first) + 1, dtype=np.int64)
    lengths[0:-1:2] = first - previous_end
    lengths[1::2] = after - first
    lengths[-1] = size - (after[-1] if len(after) else 0)
    filled = np.zeros(2 * len(first) + 1, dtype=np.int32)
    filled[1::2] = values
    return np.repeat(filled, lengths)


def _token_ranges(corpus: Corpus) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per annotator, each span's tokens as a global index range [first, after): the tokens sharing a character
    with it. Articles are laid end to end, each shifted one past the previous one's last token, so one
    searchsorted finds the tokens of every span; span offsets are clipped to their article's last token end
    first, which changes no range (no token of the article starts at or after it)."""
    last = np.zeros(len(corpus.article_ids), dtype=np.int64)
    ends_at = np.cumsum(corpus.token_counts) - 1
    has_tokens = corpus.token_counts > 0
    last[has_tokens] = corpus.token_ends[ends_at[has_tokens]]
    base = np.cumsum(last + 1) - (last + 1)
    shift = np.repeat(base, corpus.token_counts)
    starts, ends = corpus.token_starts + shift, corpus.token_ends + shift
    ranges = []
    for spans in corpus.spans.values():
        limit, offset = last[spans.article], base[spans.article]
        first = np.searchsorted(ends, np.minimum(spans.start, limit) + offset, side="right")
        after = np.searchsorted(starts, np.minimum(spans.end, limit) + offset, side="left")
        ranges.append((first, after))
    return ranges


def _compact(
    ranges: list[tuple[np.ndarray, np.ndarray]], token_counts: np.ndarray
) -> tuple[list[tuple[np.ndarray, np.ndarray]], int, np.ndarray]:
    """The same ranges renumbered over only the tokens some span covers, how many those are, and the article
    of each of them.

    Every other token is O and outside quotes for every annotator; `Patterns` counts those as `blank` units, so
    the token-level work is proportional to the annotated tokens (about a sixth of the news text), not all.
    """
    if not ranges:
        return [], 0, np.zeros(0, dtype=np.int64)
    firsts = np.concatenate([first for first, _ in ranges])
    afters = np.concatenate([after for _, after in ranges])
    real = afters > firsts
    order = np.argsort(firsts[real], kind="stable")
    first_sorted, after_sorted = firsts[real][order], afters[real][order]
    if not len(first_sorted):
        return [(np.zeros(len(first), dtype=np.int64),) * 2 for first, _ in ranges], 0, np.zeros(0, dtype=np.int64)
    reach = np.maximum.accumulate(after_sorted)
    opens = np.ones(len(first_sorted), dtype=bool)
    opens[1:] = first_sorted[1:] >= reach[:-1]  # a range starting past every earlier range's end
    union_start = first_sorted[opens]
    union_end = np.maximum.reduceat(after_sorted, np.flatnonzero(opens))
    lengths = union_end - union_start
    base = np.cumsum(lengths) - lengths
    compact = []
    for first, after in ranges:
        where = np.searchsorted(union_start, first, side="right") - 1
        new_first = np.where(after > first, base[np.maximum(where, 0)] + first - union_start[np.maximum(where, 0)], 0)
        compact.append((new_first, new_first + np.maximum(after - first, 0)))
    articles = np.searchsorted(np.cumsum(token_counts), union_start, side="right")  # a union never spans two
    return compact, int(lengths.sum()), np.repeat(articles, lengths)


def _token_codings(corpus: Corpus) -> tuple[list[np.ndarray], list[np.ndarray], dict[tuple[int, ...], int]]:
    """Per annotator, each covered token's entity tag (`entity_value`: O, or B or I of a label) and quote tag (O, I
    or B: 0, 1, 2), over the tokens some span covers, or the value "missing" (one past the last) in articles the
    annotator did not code; and how many tokens no span covers, by who coded them (O and outside quotes for those
    who did). A span's first token is B, so a span split in two differs from the whole where the second part
    begins (a newcomer's trial, s56 t12 F6: with the label alone, 'New York City' and 'New York' + 'City' agreed)."""
    compact, size, token_article = _compact(_token_ranges(corpus), corpus.token_counts)
    entity_codes, quote_codes = [], []
    for spans, (first, after) in zip(corpus.spans.values(), compact, strict=True):
        entity = spans.label != LABEL_CODE[Label.QUOTE]
        real = after > first
        ones = np.ones(len(spans), dtype=np.int32)
        mine = entity & real
        code = _fill(first[mine], after[mine], size, (spans.label[mine] + 1).astype(np.int32))
        if code is None:  # invalid data: where entity spans overlap, the first label wins
            code = np.zeros(size, dtype=np.int32)
            for label in reversed(ENTITY_LABELS):
                one = spans.label == LABEL_CODE[label]
                code[_cover(first[one], after[one], size, ones[one]) > 0] = 1 + LABEL_CODE[label]
        begins, inside = first[mine], spans.label[mine] + 1
        begun = code[begins] == inside  # where overlapping spans gave the token another's label, that one's tag
        code[begins[begun]] += len(ENTITY_LABELS)
        entity_codes.append(code)
        mine = ~entity & real
        quote = _fill(first[mine], after[mine], size, ones[mine])
        if quote is None:  # overlapping quotes (invalid data)
            quote = (_cover(first[mine], after[mine], size, ones[mine]) > 0).astype(np.int32)
        quote[first[mine]] = 2
        quote_codes.append(quote)
    names = list(corpus.spans)
    if corpus.coders is None:
        return entity_codes, quote_codes, {(0,) * len(names): len(corpus.token_starts) - size}
    coded = [corpus.coded(name) for name in names]
    for index, is_coded in enumerate(coded):
        entity_codes[index][~is_coded[token_article]] = ENTITY_VALUES
        quote_codes[index][~is_coded[token_article]] = QUOTE_VALUES
    uncovered = corpus.token_counts - np.bincount(token_article, minlength=len(corpus.article_ids))
    blanks: dict[tuple[int, ...], int] = {}
    for article, count in enumerate(uncovered.tolist()):
        if count:
            pattern = tuple(0 if is_coded[article] else MISSING for is_coded in coded)
            blanks[pattern] = blanks.get(pattern, 0) + count
    return entity_codes, quote_codes, blanks


def _disputed(corpus: Corpus, matched: list[tuple[SpanColumns, SpanColumns, np.ndarray, np.ndarray]]) -> int:
    """Articles where some pair differs: a span without an exact partner, or a quote with another speaker."""
    disputed = np.zeros(len(corpus.article_ids), dtype=bool)
    for a, b, a_index, b_index in matched:
        lone_a = np.ones(len(a), dtype=bool)
        lone_a[a_index] = False
        lone_b = np.ones(len(b), dtype=bool)
        lone_b[b_index] = False
        disputed[a.article[lone_a]] = True
        disputed[b.article[lone_b]] = True
        other = (a.speaker_start[a_index] != b.speaker_start[b_index]) | (
            a.speaker_end[a_index] != b.speaker_end[b_index]
        )
        disputed[a.article[a_index[other]]] = True
    return int(disputed.sum())


def _exact_interval(
    a: SpanColumns, b: SpanColumns, exact_a: np.ndarray, both: np.ndarray
) -> tuple[float, float] | None:
    """The pair's ALL exact F1 over resamples of the articles both coded (F1 is symmetric: a is the reference)."""
    size = len(both)
    counts = ArticleCounts(
        matched=np.bincount(a.article[exact_a], minlength=size)[both],
        reference=np.bincount(a.article, minlength=size)[both],
        predicted=np.bincount(b.article, minlength=size)[both],
    )
    interval = f1_interval(counts)
    return None if interval is None else (interval.low, interval.high)


def agreement(
    corpus: Corpus | Sequence[ArticleAnnotations], annotators: Sequence[str] | None = None
) -> AgreementReport:
    """Every figure of the report (see the module docstring) over a corpus, or over articles and annotators."""
    if not isinstance(corpus, Corpus):
        corpus = Corpus.from_articles(corpus, annotators or [])
    names = list(corpus.spans)
    entity_codes, quote_codes, blanks = _token_codings(corpus)
    entity_blanks = {tuple(ENTITY_VALUES if v == MISSING else v for v in p): n for p, n in blanks.items()}
    quote_blanks = {tuple(QUOTE_VALUES if v == MISSING else v for v in p): n for p, n in blanks.items()}
    entity = Patterns(entity_codes, ENTITY_VALUES, blanks=entity_blanks)
    variables = {ALL: entity, Label.QUOTE.value: Patterns(quote_codes, QUOTE_VALUES, blanks=quote_blanks)}
    for label in ENTITY_LABELS:  # the label's B and I against the rest: 2, 1, 0 as a quote's tags
        tags = np.arange(entity.values)
        variables[label.value] = entity.recoded(
            np.select([tags == entity_value(label, "B"), tags == entity_value(label, "I")], [2, 1], 0)
        )
    pairs: list[PairScores] = []
    exact_matches: list[tuple[SpanColumns, SpanColumns, np.ndarray, np.ndarray]] = []
    matched_quotes = agreeing_speakers = 0
    for (i, a_name), (j, b_name) in itertools.combinations(enumerate(names), 2):
        both = corpus.coded(a_name) & corpus.coded(b_name)  # the articles this pair overlaps on
        a, b = corpus.spans[a_name], corpus.spans[b_name]
        if corpus.coders is not None:
            a, b = a.select(both[a.article]), b.select(both[b.article])
        (exact_a, exact_b), (partial_a, partial_b) = match_both(a, b)
        exact_matches.append((a, b, exact_a, exact_b))
        interval = _exact_interval(a, b, exact_a, both)
        counts = {
            "a": np.bincount(a.label, minlength=len(LABELS)),
            "b": np.bincount(b.label, minlength=len(LABELS)),
            "exact": np.bincount(a.label[exact_a], minlength=len(LABELS)),
            "partial": np.bincount(a.label[partial_a], minlength=len(LABELS)),
        }
        quotes = a.label[partial_a] == LABEL_CODE[Label.QUOTE]
        matched_quotes += int(quotes.sum())
        agreeing_speakers += int(speakers_agree(a, b, partial_a[quotes], partial_b[quotes]).sum())
        for row in ROWS:
            pick = slice(None) if row == ALL else LABEL_CODE[Label(row)]
            n = {key: int(np.sum(value[pick])) for key, value in counts.items()}
            pairs.append(
                PairScores(
                    a=a_name,
                    b=b_name,
                    label=row,
                    exact=prf(n["exact"], n["a"], n["b"]),
                    overlap=prf(n["partial"], n["a"], n["b"]),
                    cohen_kappa=variables[row].kappa(i, j),
                    articles=int(both.sum()),
                    a_spans=n["a"],
                    b_spans=n["b"],
                    exact_matches=n["exact"],
                    exact_f1_interval=interval if row == ALL else None,
                    overlap_matches=n["partial"],
                )
            )
    return AgreementReport(
        articles=len(corpus.article_ids),
        annotators=names,
        pairs=pairs,
        krippendorff_alpha={row: variables[row].alpha() for row in ROWS},
        speaker_agreement=agreeing_speakers / matched_quotes if matched_quotes else None,
        tokens=len(corpus.token_starts),
        matched_quotes=matched_quotes,
        disputed_articles=_disputed(corpus, exact_matches),
    )

"""Time the agreement figures over 10,000 articles x 3 annotators (target: <= 3 s on the project machine).

The annotations are perturbed copies of real ones: the GUM gold over 43 Wikinews articles
(../shared/corpus/gum_gold.jsonl) mapped to our labels (named people and organisations -> ACTOR, named places
-> LOCATION, numbers -> FIGURE, direct quotations without their marks -> QUOTE with the nearest earlier ACTOR
as speaker). Each annotator drops, moves, relabels and adds spans at random. Building the data is not timed;
`agreement()` is, from spans and token offsets in memory to the finished report. Prints the median of runs.

    .venv/bin/python benchmarks/agreement.py [--articles 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time

import numpy as np
from shared_corpus import shared_corpus

from annotator.metrics.agreement import ArticleAnnotations, Corpus, agreement
from annotator.models import Label, Offsets, Span

CORPUS = shared_corpus("gum_gold.jsonl")
TOKEN = re.compile(r"\w+|[^\w\s]")
NUMBER = re.compile(r"^\d[\d,.]*%?$")
QUOTE_MARKS = "\"'“”‘’ \n"


def make_span(text: str, start: int, end: int, label: Label, speaker: Offsets | None = None) -> Span:
    """Spans built from checked offsets; `model_construct` skips validation to keep the build quick."""
    return Span.model_construct(start=start, end=end, label=label, text=text[start:end], speaker=speaker)


def snap(tokens: np.ndarray, start: int, end: int) -> tuple[int, int] | None:
    """The token range covering [start, end), as character offsets."""
    first = int(np.searchsorted(tokens[:, 1], start, side="right"))
    last = int(np.searchsorted(tokens[:, 0], end, side="left"))
    return (int(tokens[first, 0]), int(tokens[last - 1, 1])) if last > first else None


def gold_articles() -> list[tuple[str, np.ndarray, list[Span]]]:
    articles = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        tokens = np.array([(m.start(), m.end()) for m in TOKEN.finditer(text)], dtype=np.int64)
        entities: list[tuple[int, int, Label]] = []
        quotes: list[tuple[int, int]] = []
        for span in record["spans"]:
            if span["layer"] == "xml:quote":
                inner = span["text"].strip(QUOTE_MARKS)
                if inner:
                    start = span["start"] + span["text"].index(inner)
                    quotes.append((start, start + len(inner)))
            elif span["layer"] == "entity":
                if NUMBER.match(span["text"]):
                    entities.append((span["start"], span["end"], Label.FIGURE))
                elif span.get("proper_name") and span["label"] in ("person", "organization"):
                    entities.append((span["start"], span["end"], Label.ACTOR))
                elif span.get("proper_name") and span["label"] == "place":
                    entities.append((span["start"], span["end"], Label.LOCATION))
        kept: list[Span] = []
        for start, end, label in sorted(entities, key=lambda e: (e[1] - e[0], e[0])):
            snapped = snap(tokens, start, end)
            if snapped and not any(s.start < snapped[1] and snapped[0] < s.end for s in kept):
                kept.append(make_span(text, *snapped, label))
        kept.sort(key=lambda s: s.start)
        for start, end in quotes:
            snapped = snap(tokens, start, end)
            if not snapped:
                continue
            actors = [s for s in kept if s.label is Label.ACTOR and s.end <= snapped[0]]
            speaker = Offsets.model_construct(start=actors[-1].start, end=actors[-1].end) if actors else None
            kept.append(make_span(text, *snapped, Label.QUOTE, speaker))
        articles.append((text, tokens, kept))
    return articles


_LOOKUPS: dict[int, tuple[list[int], list[int], dict[int, int], dict[int, int]]] = {}


def _token_lookup(tokens: np.ndarray) -> tuple[list[int], list[int], dict[int, int], dict[int, int]]:
    key = id(tokens)
    if key not in _LOOKUPS:
        starts, ends = tokens[:, 0].tolist(), tokens[:, 1].tolist()
        _LOOKUPS[key] = (starts, ends, {s: i for i, s in enumerate(starts)}, {e: i for i, e in enumerate(ends)})
    return _LOOKUPS[key]


def perturb(rng: random.Random, text: str, tokens: np.ndarray, spans: list[Span]) -> list[Span]:
    """One annotator's version: 7% dropped, 10% with a boundary moved by a token, 5% relabelled, extras added."""
    out: list[Span] = []
    starts, ends, first_token, last_token = _token_lookup(tokens)
    for span in spans:
        roll = rng.random()
        if roll < 0.07:
            continue
        start, end, label, speaker = span.start, span.end, span.label, span.speaker
        if roll < 0.17:
            first, last = first_token[start], last_token[end]
            if rng.random() < 0.5 and first > 0:
                start = starts[first - 1]
            elif last > first:
                end = ends[last - 1]
        elif roll < 0.22 and label is not Label.QUOTE:
            label = rng.choice([other for other in (Label.ACTOR, Label.LOCATION, Label.FIGURE) if other != label])
        elif label is Label.QUOTE and rng.random() < 0.15:
            speaker = None
        out.append(make_span(text, start, end, label, speaker))
    entities = sorted((s for s in out if s.label is not Label.QUOTE), key=lambda s: s.start)
    clean: list[Span] = []
    for span in entities:  # a moved boundary may now touch a neighbour: keep the layer free of overlaps
        if not clean or span.start >= clean[-1].end:
            clean.append(span)
    for _ in range(rng.randint(0, 3)):
        index = rng.randrange(len(starts))
        if not any(s.start < ends[index] and starts[index] < s.end for s in clean):
            clean.append(make_span(text, starts[index], ends[index], rng.choice(list(Label)[:3])))
    return sorted(clean, key=lambda s: s.start) + [s for s in out if s.label is Label.QUOTE]


def build(count: int, annotators: list[str], seed: int = 1) -> list[ArticleAnnotations]:
    rng = random.Random(seed)
    gold = gold_articles()
    articles = []
    for index in range(count):
        text, tokens, spans = gold[index % len(gold)]
        versions = {name: perturb(rng, text, tokens, spans) for name in annotators}
        articles.append(ArticleAnnotations(article_id=f"a{index}", tokens=tokens, spans=versions))
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not there", file=sys.stderr)
        return 0
    annotators = ["alice", "bob", "carol"]
    started = time.perf_counter()
    articles = build(args.articles, annotators)
    spans = sum(len(v) for a in articles for v in a.spans.values())
    print(
        f"built {len(articles)} articles x {len(annotators)} annotators, {spans} spans in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    corpus = Corpus.from_articles(articles, annotators)
    print(
        f"columns from Span models (as `load` builds them from rows; not timed below): {time.perf_counter() - started:.2f} s"
    )
    baseline = Corpus.from_articles(build(100, annotators), annotators)
    timings, small = [], []
    report = None
    for _ in range(args.runs):
        started = time.perf_counter()
        agreement(baseline)
        small.append(time.perf_counter() - started)
        started = time.perf_counter()
        report = agreement(corpus)
        timings.append(time.perf_counter() - started)
    assert report is not None
    median = statistics.median(timings)
    print(f"tokens compared: {report.tokens}; alpha ALL {report.krippendorff_alpha['ALL']:.3f}")
    print(f"agreement over {len(articles)} articles: median {median:.2f} s of {args.runs} runs (target <= 3 s)")
    print(f"ratio to 100 articles ({statistics.median(small) * 1000:.0f} ms): {median / statistics.median(small):.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

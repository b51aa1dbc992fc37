"""Suggestion quality on the gold splits: the new suggesters, the v1 rules and a naive label mapping, side by side.

    python benchmarks/suggest_quality.py [--splits dev,test] [--model NAME] [--column NAME=ENTITIES+QUOTES ...]
    python benchmarks/suggest_quality.py --details            # dev only: every span that does not match
    python benchmarks/suggest_quality.py --splits entities_dev2 [--details]   # the second entity dev set
    python benchmarks/suggest_quality.py --splits '' --gold heldout.jsonl      # any gold in annotator's JSONL

Prints, per split (dev and test of tests/fixtures/gold/) and per suggester column, exact and overlap F1 per
label, micro precision/recall/F1 and speaker accuracy; then where micro exact F1 falls on other draws of as many
articles (the middle 95% of 2,000 bootstrap resamples of the split's articles, `annotator.metrics.intervals`), and
each column's micro exact F1 minus v1's on the same resamples (paired). A split is a file of tests/fixtures/gold/ by its name:
`entities_dev2` is the entity dev set that nothing shipped has learned from (the shipped component learned dev);
`entities_dev3` the one no rule was chosen on before its first figures (tests/fixtures/README.md).
Columns by default:
- `naive`: spaCy's labels mapped with no rules (PERSON/ORG/NORP -> ACTOR, GPE/LOC/FAC -> LOCATION,
  CARDINAL/QUANTITY/PERCENT/MONEY -> FIGURE), no quotes;
- `v1`: the rules as first shipped (entities.v1 + quotes.v1);
- `new`: what `annotator ingest` records now with that pipeline (`annotator.suggest.suggesters_of`).

`--gold FILE` (repeatable) scores a gold file of your own beside them, named by its file name: annotator's
native JSONL (what `annotator export --gold` writes; each record's text and spans), e.g. a held-out set kept
outside this repository. A bad line stops the run with one line naming file, line and field.

The test split is for reporting only: nobody tunes anything against it, so `--details` (which shows texts)
refuses it. Develop on dev, entities_dev2 and entities_dev3.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator.errors import InputError
from annotator.exchange.formats.jsonl import read_records
from annotator.metrics.evaluation import Evaluation, score_pairs
from annotator.metrics.intervals import ArticleCounts, Interval, f1_interval, gain_interval
from annotator.models import Label, NativeRecord, Span, Suggestion
from annotator.suggest import RULES_V1, Suggesters, load_pipeline, suggest_doc, suggesters_of
from annotator.suggest.entities_v3 import NAIVE  # the naive mapping is the one entities.v3 starts from
from annotator.suggest.superseded import Superseded

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "gold"
CELL = 14


def naive_spans(doc) -> list[Span]:
    """The small model's entities under the naive label mapping (the small model's own ents, even when a
    pipeline adds a learned layer)."""
    ents = doc.spans.get("small_ents", doc.ents)
    return [
        Span(start=e.start_char, end=e.end_char, label=NAIVE[e.label_], text=e.text) for e in ents if e.label_ in NAIVE
    ]


def read_gold(split: str) -> list[NativeRecord]:
    path = GOLD_DIR / f"{split}.jsonl"
    return [NativeRecord.model_validate_json(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def read_gold_file(path: str) -> list[NativeRecord]:
    """A gold file given with --gold: annotator's JSONL, read as `annotator evaluate --gold-from` reads it."""
    try:
        return [record for _, record in read_records(path)]
    except InputError as error:
        raise SystemExit(f"suggest_quality.py: error: {error}") from None


def parse_column(spec: str) -> tuple[str, Suggesters]:
    name, _, names = spec.partition("=")
    entities, _, quotes = names.partition("+")
    if not (name and entities and quotes):
        raise SystemExit(f"--column {spec!r}: expected NAME=ENTITIES+QUOTES, e.g. try=entities.v1+quotes.v2")
    try:
        return name, Suggesters(entities, quotes)
    except Superseded as error:
        raise SystemExit(f"--column {spec!r}: {error}") from None


def cells(results: list[Evaluation], value) -> str:
    return "".join(f"{value(r):>{CELL}}" for r in results)


def print_side_by_side(
    columns: list[str], splits: dict[str, list[Evaluation]], by_article: dict[str, list[ArticleCounts]]
) -> None:
    """One row per figure; for each split, one cell per column; then each column's micro exact F1 against the
    first suggester column's (v1), on the same resamples of the split's articles."""
    width = CELL * len(columns)
    header = f"{'':<17}" + "   ".join(
        f"{f'{split} ({results[0].articles} articles)':-^{width}}" for split, results in splits.items()
    )
    print(header)
    print(f"{'':<17}" + "   ".join("".join(f"{c:>{CELL}}" for c in columns) for _ in splits))
    rows: list[tuple[str, object]] = []
    for label in Label:
        rows.append(
            (
                f"{label.value} F1 ex/ov",
                lambda r, label=label: _pair(r.labels[label].exact.f1, r.labels[label].overlap.f1),
            )
        )
    rows += [
        ("micro F1 ex/ov", lambda r: _pair(r.micro.exact.f1, r.micro.overlap.f1, 4)),
        ("micro P ex/ov", lambda r: _pair(r.micro.exact.precision, r.micro.overlap.precision, 4)),
        ("micro R ex/ov", lambda r: _pair(r.micro.exact.recall, r.micro.overlap.recall, 4)),
        ("speaker accuracy", lambda r: "-" if r.speakers.accuracy is None else f"{r.speakers.accuracy:.2f}"),
    ]
    for name, value in rows:
        print(f"{name:<17}" + "   ".join(cells(results, value) for results in splits.values()))
    intervals = {split: [f1_interval(c) for c in counts] for split, counts in by_article.items()}
    print(
        f"{'micro ex 95%':<17}" + "   ".join("".join(f"{_span(i):>{CELL}}" for i in row) for row in intervals.values())
    )
    for split, counts in by_article.items():
        base = columns.index("v1")
        gains = [f"{name} {_gain(counts[base], c)}" for name, c in zip(columns, counts, strict=True) if name != "v1"]
        print(f"{split}: micro exact F1 minus v1's, on the same resamples of its articles (95%): " + "; ".join(gains))
    for split, results in splits.items():
        gold = results[0]
        counts = ", ".join(f"{label.value} {s.exact.tp + s.exact.fn}" for label, s in gold.labels.items())
        print(f"{split} gold spans: {counts}; quotes with a speaker scored: {gold.speakers.gold_quotes}")


def _span(interval: Interval | None) -> str:
    return "-" if interval is None else f"{interval.low:.3f}-{interval.high:.3f}"


def _gain(before: ArticleCounts, after: ArticleCounts) -> str:
    interval = gain_interval(before, after)
    if interval is None:
        return "-"
    return f"{interval.low:+.3f} to {interval.high:+.3f}"


def _pair(exact: float | None, overlap: float | None, digits: int = 2) -> str:
    """Exact/overlap; the micro figures with 4 decimals, so that a change of a span or two shows; "-" where
    there is nothing to divide by (no gold and no predicted span of a label)."""
    return "/".join("-" if v is None else f"{v:.{digits}f}" for v in (exact, overlap))


def print_details(record: NativeRecord, predicted: list[Suggestion] | list[Span]) -> None:
    """Spans only one side has (exact), and quotes whose speaker differs: what the rules miss or invent."""
    text = record.text
    gold_keys = {(s.start, s.end, s.label) for s in record.spans}
    pred_keys = {(s.start, s.end, s.label) for s in predicted}
    print(f"\n== {record.title or record.article_id}")
    for s in record.spans:
        if (s.start, s.end, s.label) not in pred_keys:
            print(f"  missed  {s.label.value:<8} {s.text[:60]!r}")
    for s in predicted:
        if (s.start, s.end, s.label) not in gold_keys:
            print(f"  extra   {s.label.value:<8} {s.text[:60]!r}")
    found = {(s.start, s.end): s for s in predicted if s.label is Label.QUOTE}
    for quote in (s for s in record.spans if s.label is Label.QUOTE):
        guess = found.get((quote.start, quote.end))
        want = text[quote.speaker.start : quote.speaker.end] if quote.speaker else None
        got = text[guess.speaker.start : guess.speaker.end] if guess is not None and guess.speaker else None
        if guess is not None and want != got:
            print(f"  speaker {quote.text[:40]!r}: gold {want!r}, suggested {got!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--splits",
        default=None,
        help="comma-separated: dev, test, entities_dev2, entities_dev3 (default dev,test; dev with --details)",
    )
    parser.add_argument("--model", default=None, help="a spaCy pipeline name or path (default: the shipped one)")
    parser.add_argument(
        "--column", action="append", default=[], metavar="NAME=ENTITIES+QUOTES", help="an extra suggester column"
    )
    parser.add_argument(
        "--gold", action="append", default=[], metavar="FILE", help="a gold file of annotator's JSONL to score too"
    )
    parser.add_argument("--details", action="store_true", help="not on test: every span of `new` that does not match")
    args = parser.parse_args()
    default = "dev" if args.details else "dev,test"
    names = [s.strip() for s in (default if args.splits is None else args.splits).split(",") if s.strip()]
    if args.details and "test" in names:
        raise SystemExit("--details shows texts: it refuses the test split (the test split is never inspected)")
    if args.details and args.gold:
        raise SystemExit("--details shows texts: it is for the dev splits, not --gold files")
    unknown = [name for name in names if not (GOLD_DIR / f"{name}.jsonl").is_file()]
    if unknown:
        raise SystemExit(f"--splits: no split named {unknown[0]!r} (dev, test, entities_dev2, entities_dev3)")
    gold = {name: read_gold(name) for name in names}
    for path in args.gold:  # before the slow load: a bad file fails at once
        gold[Path(path).name] = read_gold_file(path)
    if not gold:
        raise SystemExit("nothing to score: give --splits or --gold")
    extra = dict(parse_column(spec) for spec in args.column)  # before the slow load: a bad name fails at once
    nlp = load_pipeline(args.model)
    columns: dict[str, Suggesters | None] = {"naive": None, "v1": RULES_V1, "new": suggesters_of(nlp), **extra}
    results: dict[str, list[Evaluation]] = {}
    by_article: dict[str, list[ArticleCounts]] = {}
    timings = []
    for split, records in gold.items():
        started = time.perf_counter()
        docs = list(nlp.pipe([r.text for r in records]))
        parsed = time.perf_counter() - started
        results[split] = []
        by_article[split] = []
        for name, suggesters in columns.items():
            started = time.perf_counter()
            predicted = [naive_spans(d) if suggesters is None else suggest_doc(d, suggesters) for d in docs]
            if name == "new":
                timings.append(f"{split}: parse {parsed:.2f}s, new rules {time.perf_counter() - started:.3f}s")
            scored = score_pairs(zip([r.spans for r in records], predicted, strict=True))
            results[split].append(scored.evaluation)
            by_article[split].append(scored.exact)
            if args.details and name == "new":
                for record, spans in zip(records, predicted, strict=True):
                    print_details(record, spans)
    print()
    for name, suggesters in columns.items():
        print(
            f"{name:>6}: {'naive label mapping of ' + nlp.meta['name'] if suggesters is None else ' + '.join(suggesters.names)}"
        )
    print_side_by_side(list(columns), results, by_article)
    print("; ".join(timings))


if __name__ == "__main__":
    main()

"""Suggestion quality on the development gold: the suggesters against a naive label mapping.

    python benchmarks/suggest_quality.py [--gold tests/fixtures/gold/dev.jsonl] [--model NAME] [--details]

Prints per-label and micro precision/recall/F1 (exact and overlap match) and speaker accuracy for both, so
the effect of the rules is visible. The naive baseline maps spaCy's labels (PERSON/ORG/NORP -> ACTOR,
GPE/LOC/FAC -> LOCATION, CARDINAL/QUANTITY/PERCENT/MONEY -> FIGURE) with no rules and finds no quotes.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from annotator.metrics.evaluation import Evaluation, evaluate
from annotator.models import Label, NativeRecord, Span
from annotator.suggest import load_pipeline, suggest_doc

NAIVE = {
    "PERSON": Label.ACTOR,
    "ORG": Label.ACTOR,
    "NORP": Label.ACTOR,
    "GPE": Label.LOCATION,
    "LOC": Label.LOCATION,
    "FAC": Label.LOCATION,
    "CARDINAL": Label.FIGURE,
    "QUANTITY": Label.FIGURE,
    "PERCENT": Label.FIGURE,
    "MONEY": Label.FIGURE,
}
DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "gold" / "dev.jsonl"


def naive_spans(doc) -> list[Span]:
    return [
        Span(start=e.start_char, end=e.end_char, label=NAIVE[e.label_], text=e.text)
        for e in doc.ents
        if e.label_ in NAIVE
    ]


def print_table(name: str, result: Evaluation) -> None:
    print(f"\n{name} ({result.articles} articles)")
    print(f"{'label':<10}{'P exact':>9}{'R exact':>9}{'F1 exact':>10}{'P ovl':>8}{'R ovl':>8}{'F1 ovl':>8}{'gold':>6}")
    rows = [(label.value, scores) for label, scores in result.labels.items()] + [("micro", result.micro)]
    for label, scores in rows:
        e, o = scores.exact, scores.overlap
        print(
            f"{label:<10}{e.precision:>9.2f}{e.recall:>9.2f}{e.f1:>10.2f}{o.precision:>8.2f}{o.recall:>8.2f}"
            f"{o.f1:>8.2f}{e.tp + e.fn:>6}"
        )
    s = result.speakers
    print(f"speaker accuracy {s.accuracy:.2f} ({s.correct}/{s.gold_quotes} gold quotes)")


def print_details(record: NativeRecord, predicted: list[Span]) -> None:
    """Spans only one side has (exact), to see what the rules miss or invent."""
    gold_keys = {(s.start, s.end, s.label) for s in record.spans}
    pred_keys = {(s.start, s.end, s.label) for s in predicted}
    print(f"\n== {record.article_id}")
    for s in record.spans:
        if (s.start, s.end, s.label) not in pred_keys:
            print(f"  missed  {s.label.value:<8} {s.text[:60]!r}")
    for s in predicted:
        if (s.start, s.end, s.label) not in gold_keys:
            print(f"  extra   {s.label.value:<8} {s.text[:60]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--model", default=None)
    parser.add_argument("--details", action="store_true", help="list every span that does not match exactly")
    args = parser.parse_args()
    records = [NativeRecord.model_validate_json(line) for line in args.gold.read_text("utf-8").splitlines() if line]
    nlp = load_pipeline(args.model)
    started = time.perf_counter()
    docs = list(nlp.pipe([r.text for r in records]))
    parsed = time.perf_counter()
    ours = [suggest_doc(doc) for doc in docs]
    ruled = time.perf_counter()
    naive = [naive_spans(doc) for doc in docs]
    print_table("suggesters (entities.v1 + quotes.v1)", evaluate(zip([r.spans for r in records], ours, strict=True)))
    print_table("naive label mapping", evaluate(zip([r.spans for r in records], naive, strict=True)))
    print(f"\nparse {parsed - started:.2f}s, rules {ruled - parsed:.3f}s for {len(records)} articles")
    if args.details:
        for record, predicted in zip(records, ours, strict=True):
            print_details(record, predicted)


if __name__ == "__main__":
    main()

"""A second annotator on six articles of the second entity dev set: build the spans, score them against the gold.

    python training/second_annotation.py build            # anchors -> tests/fixtures/gold/second_annotation/second.jsonl
    python training/second_annotation.py score [--details] # second.jsonl against entities_dev2.jsonl, same articles

The articles are the first six records of tests/fixtures/gold/entities_dev2.jsonl in file order. Their second
annotation was made from the text alone (by ../shared/ANNOTATION_GUIDE.md and the house conventions of
tests/fixtures/README.md), without the gold spans and without any suggester's output; see training/README.md,
"Two annotators on the same articles".

tests/fixtures/gold/second_annotation/anchors.py defines ARTICLES = {article_id: [...]}; every entry names a
context that occurs exactly once in the article's text (so an entry resolves alone, in any order):
    (label, span_text, context)    ACTOR / LOCATION / FIGURE: the first occurrence of span_text inside context
    (label, span_text)             the same with span_text as its own context
    ("QUOTE", first_words, last_words, speaker_context | None)
                                   from first_words (which occur exactly once) to the end of the next
                                   last_words; the speaker is the ACTOR entry whose context is speaker_context.
The built records are validated as the gold builder validates dev.jsonl's (house rules, NativeRecord).

`score` uses the metric of benchmarks/suggest_quality.py (`annotator.metrics.evaluation.evaluate`), with the
gold as the reference and the second annotation as the prediction: exact and overlap F1 are symmetric, so the
figures are the same with the roles swapped; speaker agreement is the share of gold quotes that an
overlapping second quote gives a speaker overlapping the gold speaker (or both none).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"
FOLDER = GOLD_DIR / "second_annotation"
ANCHORS = FOLDER / "anchors.py"
BUILT = FOLDER / "second.jsonl"
ARTICLES = 6  # the first six records of entities_dev2.jsonl
ENTITY = {"ACTOR", "LOCATION", "FIGURE"}

sys.path.insert(0, str(GOLD_DIR))  # the gold builder's validation (build.py), not a package
import build  # type: ignore[import-not-found]  # noqa: E402


def load_anchors(path: Path = ANCHORS) -> dict[str, list[tuple[Any, ...]]]:
    module: ModuleType = build.load(path)
    articles: dict[str, list[tuple[Any, ...]]] = module.ARTICLES
    return articles


def chosen_ids() -> list[str]:
    """The article ids of the first six gold records (ids only: nothing else of the gold is read here)."""
    lines = (GOLD_DIR / "entities_dev2.jsonl").read_text("utf-8").splitlines()[:ARTICLES]
    return [json.loads(line)["article_id"] for line in lines]


def corpus_rows() -> dict[str, dict[str, Any]]:
    rows = map(json.loads, build.CORPUS.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row for row in rows}


def anchor_problems(text: str, entries: list[tuple[Any, ...]]) -> list[str]:
    """Every anchor that does not resolve exactly once: an empty list when all do."""
    problems = []
    contexts = set()
    for entry in entries:
        if entry[0] == "QUOTE":
            first = entry[1]
            if text.count(first) != 1:
                problems.append(f"quote start {first!r} occurs {text.count(first)} times")
            elif text.find(entry[2], text.find(first)) < 0:
                problems.append(f"quote end {entry[2]!r} not after {first!r}")
            continue
        needle = entry[1]
        context = entry[2] if len(entry) > 2 else needle
        if text.count(context) != 1:
            problems.append(f"{entry[0]} {needle!r}: context {context!r} occurs {text.count(context)} times")
        elif needle not in context:
            problems.append(f"{entry[0]} {needle!r} is not in its context {context!r}")
        if entry[0] == "ACTOR":
            contexts.add(context)
    problems += [
        f"speaker context {e[3]!r} names no ACTOR entry"
        for e in entries
        if e[0] == "QUOTE" and e[3] is not None and e[3] not in contexts
    ]
    return problems


def resolve(text: str, entries: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """The spans of the anchors, sorted; ValueError naming every anchor that does not resolve exactly once."""
    problems = anchor_problems(text, entries)
    if problems:
        raise ValueError("; ".join(problems))
    spans: list[dict[str, Any]] = []
    actors: dict[str, tuple[int, int]] = {}
    for entry in entries:
        if entry[0] == "QUOTE":
            continue
        context = entry[2] if len(entry) > 2 else entry[1]
        start = text.index(context) + context.index(entry[1])
        end = start + len(entry[1])
        spans.append({"start": start, "end": end, "label": entry[0], "text": text[start:end]})
        if entry[0] == "ACTOR":
            actors[context] = (start, end)
    for _, first, last, key in (e for e in entries if e[0] == "QUOTE"):
        start = text.index(first)
        end = text.index(last, start) + len(last)
        span: dict[str, Any] = {"start": start, "end": end, "label": "QUOTE", "text": text[start:end]}
        if key is not None:
            span["speaker"] = {"start": actors[key][0], "end": actors[key][1]}
        spans.append(span)
    keys = [(s["start"], s["end"], s["label"]) for s in spans]
    if len(set(keys)) != len(keys):
        raise ValueError("two anchors resolve to the same span")
    return sorted(spans, key=lambda s: (s["start"], s["end"], s["label"]))


def build_records() -> list[dict[str, Any]]:
    import spacy

    nlp = spacy.blank("en")
    anchors = load_anchors()
    if list(anchors) != chosen_ids():
        raise SystemExit("anchors.py must name the first six articles of entities_dev2.jsonl, in file order")
    corpus = corpus_rows()
    records = []
    for article_id, entries in anchors.items():
        row = corpus[article_id]
        try:
            spans = resolve(row["text"], entries)
        except ValueError as error:
            raise SystemExit(f"{article_id}: {error}") from None
        meta = {"url": row["url"], "licence": build.LICENCE, "date": row.get("date")}
        record = build.validated(article_id, row["text"], row["title"], meta, spans, nlp)
        record["annotator"] = "second"
        records.append(record)
    return records


def main_build() -> None:
    records = build_records()
    with BUILT.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{BUILT.name}: {len(records)} articles, {sum(len(r['spans']) for r in records)} spans", file=sys.stderr)


def main_score(details: bool) -> None:
    from annotator.metrics.evaluation import evaluate
    from annotator.models import Label, NativeRecord

    def read(path: Path) -> dict[str, NativeRecord]:
        records = [NativeRecord.model_validate_json(line) for line in path.read_text("utf-8").splitlines()]
        return {r.article_id: r for r in records}

    second = read(BUILT)
    gold = {k: v for k, v in read(GOLD_DIR / "entities_dev2.jsonl").items() if k in second}
    pairs = [(gold[a].spans, second[a].spans) for a in second]
    result = evaluate(pairs)
    print(f"{result.articles} articles; gold first (reference), the second annotation as prediction")
    print(f"{'':<10}{'gold':>6}{'second':>8}{'exact F1':>10}{'overlap F1':>12}")
    for label in Label:
        scores = result.labels[label]
        n_gold, n_second = scores.exact.tp + scores.exact.fn, scores.exact.tp + scores.exact.fp
        print(f"{label.value:<10}{n_gold:>6}{n_second:>8}{scores.exact.f1:>10.3f}{scores.overlap.f1:>12.3f}")
    micro = result.micro
    print(
        f"{'micro':<10}{micro.exact.tp + micro.exact.fn:>6}{micro.exact.tp + micro.exact.fp:>8}"
        f"{micro.exact.f1:>10.3f}{micro.overlap.f1:>12.3f}"
    )
    speakers = result.speakers
    print(f"speaker agreement: {speakers.correct}/{speakers.gold_quotes} = {speakers.accuracy:.3f}")
    if details:
        for article_id in second:
            print_details(gold[article_id], second[article_id])


def print_details(gold: Any, second: Any) -> None:
    """Spans only one side has (exact match), and quotes both have whose speakers differ."""
    text = gold.text
    gold_keys = {(s.start, s.end, s.label) for s in gold.spans}
    second_keys = {(s.start, s.end, s.label) for s in second.spans}
    print(f"\n== {gold.article_id}")
    rows = [(s.start, "gold only  ", s) for s in gold.spans if (s.start, s.end, s.label) not in second_keys]
    rows += [(s.start, "second only", s) for s in second.spans if (s.start, s.end, s.label) not in gold_keys]
    for start, side, span in sorted(rows, key=lambda r: (r[0], r[1])):
        around = text[max(0, start - 25) : span.end + 15].replace("\n", " ")
        print(f"  {start:>5} {side} {span.label.value:<8} {span.text[:50]!r:<54} | {around}")
    second_quotes = {(s.start, s.end): s for s in second.spans if s.label.value == "QUOTE"}
    for quote in (s for s in gold.spans if s.label.value == "QUOTE"):
        other = second_quotes.get((quote.start, quote.end))
        want = text[quote.speaker.start : quote.speaker.end] if quote.speaker else None
        got = text[other.speaker.start : other.speaker.end] if other is not None and other.speaker else None
        if other is not None and speaker_at(quote) != speaker_at(other):
            print(f"  speaker {quote.text[:40]!r}: gold {want!r}, second {got!r}")


def speaker_at(span: Any) -> tuple[int, int] | None:
    return (span.speaker.start, span.speaker.end) if span.speaker else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "score"])
    parser.add_argument("--details", action="store_true", help="score: list every span only one side has")
    args = parser.parse_args()
    if args.command == "build":
        main_build()
    else:
        main_score(args.details)


if __name__ == "__main__":
    main()

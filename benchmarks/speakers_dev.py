"""Speaker accuracy on the speaker dev set: 147 quotes of 22 corpus articles outside the gold splits.

    python benchmarks/speakers_dev.py [--quotes quotes.v2,quotes.v3,quotes.v4,quotes.v5,quotes.v6] [--details]

`tests/fixtures/gold/speakers_dev.jsonl` gives, for each article of `../shared/corpus/news.jsonl` it names,
the quotes and the speaker a reader points to (by the annotation guide: the ACTOR that said it, for a
pronoun the nearest earlier mention it stands for; none when nobody is named). The gold entity and quote
layers (`benchmarks/suggest_quality.py`) are saturated on dev, since the shipped component and quotes.v2
learned from them; these articles were never tuned on before quotes.v3, so they show the speaker rules'
errors on news they did not fit. Each column runs entities.v3 with one quote suggester and prints: quotes
found, speakers right as `evaluate` scores them (the suggested speaker overlaps the gold one, or both have
none) and speakers right to the character (what a title kept in a name costs). Dev only: `--details` prints
every wrong speaker.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from shared_corpus import shared_corpus

from annotator.models import Label
from annotator.suggest import Suggesters, load_pipeline, suggest_doc

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold" / "speakers_dev.jsonl"
CORPUS = shared_corpus()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quotes", default="quotes.v2,quotes.v3,quotes.v4,quotes.v5,quotes.v6", help="comma-separated quote suggesters"
    )
    parser.add_argument("--details", action="store_true", help="print every wrong speaker")
    args = parser.parse_args()
    if not CORPUS.is_file():
        raise SystemExit(f"{CORPUS}: no such file (the speaker dev set's texts are the shared corpus's)")
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    wanted = {record["id"] for record in gold}
    texts = {}
    for line in CORPUS.read_text("utf-8").splitlines():
        article = json.loads(line)
        if article["id"] in wanted:
            texts[article["id"]] = article["text"]
    nlp = load_pipeline(None)
    docs = dict(zip(texts, nlp.pipe(texts.values()), strict=True))
    for name in args.quotes.split(","):
        found = overlap = exact = total = 0
        for record in gold:
            text = texts[record["id"]]
            suggested = suggest_doc(docs[record["id"]], Suggesters("entities.v3", name))
            quotes = {s.start: s for s in suggested if s.label is Label.QUOTE}
            for quote in record["quotes"]:
                total += 1
                if text[quote["start"] : quote["end"]][:40] != quote["quote"]:
                    raise SystemExit(f"{GOLD}: {record['id']}: the quote at {quote['start']} is not in the corpus text")
                guess = quotes.get(quote["start"])
                want = quote["speaker"]
                got = None if guess is None or guess.speaker is None else guess.speaker
                found += guess is not None
                right = guess is not None and (
                    (got is None and want is None)
                    or (got is not None and want is not None and got.start < want["end"] and want["start"] < got.end)
                )
                overlap += right
                exact += right and (got is None or (got.start, got.end) == (want["start"], want["end"]))
                if args.details and not right:
                    said = None if got is None else text[got.start : got.end]
                    print(f"  {record['id']} @{quote['start']}: gold {want and want['text']!r}, {name} {said!r}")
        print(
            f"{name}: {total} quotes, found {found}; speaker right {overlap / total:.3f} (overlap), "
            f"{exact / total:.3f} (exact)"
        )


if __name__ == "__main__":
    main()

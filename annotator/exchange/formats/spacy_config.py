"""A `spacy train` config for an exported DocBin (`annotator export --format spacy --config PATH`), so that
`python -m spacy train PATH` runs on it with no edits.

It starts from spaCy's own quickstart config (`spacy init config`, English, optimised for efficiency, CPU) and
sets what our DocBin needs:

- `ner` when the records hold entity spans (doc.ents);
- `spancat` when they hold quotes, with `spans_key` set to the DocBin's key: spancat's default key "sc" holds
  nothing in our DocBins, and training stops with "Labels for component 'spancat' not initialized" (E143);
- a suggester that can propose a quote: spancat's default proposes spans of 1 to 3 tokens, and quotes run to
  dozens. `spacy.ngram_range_suggester.v1` proposes every span from the shortest to the longest quote in the
  DocBin, in tokens (widen it with `--components.spancat.suggester.max_size` for longer quotes);
- score weights that name that key (`spans_quotes_f`);
- `paths.train` and `paths.dev` both the DocBin (absolute, so the config runs from any folder). Evaluating on
  the training data says nothing about new articles: give held-out data with `--paths.dev`.
"""

from __future__ import annotations

from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.exchange.formats.options import Written


def training_config(docbin: Path, spans_key: str, written: Written) -> str:
    from spacy.cli.init_config import init_config

    pipeline = (["ner"] if written.entity_spans else []) + (["spancat"] if written.quote_tokens else [])
    if not pipeline:
        raise AnnotatorError("the DocBin holds no spans, so there is nothing to train: nothing was written")
    config = init_config(lang="en", pipeline=pipeline, optimize="efficiency")
    path = str(docbin.resolve())
    config["paths"]["train"] = path
    config["paths"]["dev"] = path
    if written.quote_tokens:
        spancat = config["components"]["spancat"]
        spancat["spans_key"] = spans_key
        spancat["suggester"] = {
            "@misc": "spacy.ngram_range_suggester.v1",
            "min_size": min(written.quote_tokens),
            "max_size": max(written.quote_tokens),
        }
        weights = config["training"]["score_weights"]
        for part in ("f", "p", "r"):
            weights[f"spans_{spans_key}_{part}"] = weights.pop(f"spans_sc_{part}")
    shortest, longest = (min(written.quote_tokens), max(written.quote_tokens)) if written.quote_tokens else (0, 0)
    header = [
        "# Written by `annotator export --format spacy --config` for the DocBin in [paths].",
        f"# Components: {', '.join(pipeline)}"
        + (f"; spancat reads doc.spans[{spans_key!r}], quotes of {shortest} to {longest} tokens." if shortest else "."),
        "# paths.dev is the training DocBin itself: give held-out data with --paths.dev to learn anything from it.",
        "",
    ]
    return "\n".join(header) + config.to_str() + "\n"

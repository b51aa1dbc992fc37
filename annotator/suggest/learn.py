"""Fine-tuning the guide component (ACTOR, LOCATION, FIGURE) on annotated articles, with spaCy, on the CPU.

Only `guide_ner` learns: the small model's components, and so its names, parse and the rules built on them,
stay as they are. The starting point is the component shipped with annotator (or, where an installation has
none, a new one whose tok2vec and hidden layer are copied from en_core_web_sm's NER). Training is a fixed
number of epochs over shuffled batches (seeded), Adam with spaCy's defaults and dropout: no checkpoint is
chosen on the held-out articles, which are kept for the before/after figures alone.

This module imports spaCy: `annotator.exchange.training` imports it when a training run starts.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.training import Example
from thinc.api import fix_random_seed

from annotator.errors import AnnotatorError
from annotator.interrupts import stop_if_interrupted
from annotator.metrics.evaluation import Evaluation
from annotator.rows import SpanLike
from annotator.suggest.guide import GUIDE_COMPONENT, add_guide
from annotator.suggest.identity import own_meta
from annotator.suggest.loading import (
    EPOCHS,
    META_KEY,
    SUGGESTERS_KEY,
    folder_hash,
    load_pipeline,
    shipped_guide,
    suggesters_for_model,
    trained_meta,
)
from annotator.vocabulary import ENTITY_LABELS

#: Called with (done, total) batches as training advances.
Progress = Callable[[int, int], None]
#: Articles per update (with `EPOCHS` passes: see `suggest.loading.EPOCHS`).
BATCH_ARTICLES = 4


@dataclass(frozen=True)
class Article:
    """An annotated article to learn from or to test on: its text and its spans (quotes are ignored)."""

    id: str
    text: str
    spans: Sequence[SpanLike]


def base_pipeline(articles: Sequence[Article], base: Path | None = None) -> Language:
    """The pipeline training starts from: `base` (a folder `annotator train` wrote), else the default one
    (small model + shipped guide component), or the small model with a new guide component taking
    en_core_web_sm's NER weights where none is shipped (set up on `articles`)."""
    if base is not None:
        if trained_meta(base) is None:
            raise AnnotatorError(f"{base}: not a pipeline folder written by `annotator train`")
        return load_pipeline(str(base))
    nlp = load_pipeline()
    if GUIDE_COMPONENT in nlp.pipe_names:
        return nlp
    source: Any = nlp.get_pipe("ner")
    add_guide(nlp, None, ner_config=dict(nlp.get_pipe_config("ner")))
    guide: Any = nlp.get_pipe(GUIDE_COMPONENT)
    for label in ENTITY_LABELS:
        guide.add_label(label.value)
    sample = examples(nlp, articles)
    guide.initialize(lambda: sample, nlp=nlp)
    for name in ("tok2vec", "lower"):
        guide.model.get_ref(name).from_bytes(source.model.get_ref(name).to_bytes())
    return nlp


def examples(nlp: Language, articles: Sequence[Article]) -> list[Example]:
    """Examples of the entity layer: the articles' ACTOR, LOCATION and FIGURE spans as entities on spaCy's
    tokens (a span that does not sit on those tokens is shrunk to the tokens inside it)."""
    out = []
    labels = {label.value for label in ENTITY_LABELS}
    for article in articles:
        reference = nlp.make_doc(article.text)
        ents: list[Any] = []
        for span in sorted(article.spans, key=lambda s: (s.start, s.end)):
            if span.label.value not in labels:
                continue
            found = reference.char_span(span.start, span.end, label=span.label.value, alignment_mode="contract")
            if found is not None and (not ents or found.start >= ents[-1].end):
                ents.append(found)
        reference.ents = ents
        out.append(Example(nlp.make_doc(article.text), reference))
    return out


def train(
    nlp: Language,
    articles: Sequence[Article],
    *,
    epochs: int = EPOCHS,
    seed: int = 0,
    dropout: float = 0.2,
    progress: Progress | None = None,
) -> Language:
    """Fine-tune `nlp`'s guide component on `articles`, in place; returns `nlp`."""
    fix_random_seed(seed)
    rng = random.Random(seed)
    data = examples(nlp, articles)
    optimizer = nlp.resume_training()
    batches = -(-len(data) // BATCH_ARTICLES)
    done = 0
    with nlp.select_pipes(enable=[GUIDE_COMPONENT]):
        for _ in range(epochs):
            rng.shuffle(data)
            losses: dict[str, float] = {}
            for first in range(0, len(data), BATCH_ARTICLES):
                stop_if_interrupted()  # one that some code dropped (spaCy's loading of the base) stops it here
                nlp.update(data[first : first + BATCH_ARTICLES], drop=dropout, sgd=optimizer, losses=losses)
                done += 1
                if progress:
                    progress(done, epochs * batches)
    return nlp


def save(nlp: Language, folder: Path, about: dict[str, Any], after: Evaluation | None = None) -> None:
    """Write the whole pipeline to `folder` (a new folder), with what `annotator train` did in meta.json ("annotator"),
    and meta.json's other keys this model's own (`identity.own_meta`: its name, its held-out figures `after`, what
    it learned from), not the small model's. meta.json is no part of the content hash, so it is written last."""
    start = dict(nlp.meta)
    nlp.meta.pop(SUGGESTERS_KEY, None)
    nlp.meta[META_KEY] = about
    nlp.to_disk(folder)
    written = json.loads((folder / "meta.json").read_text("utf-8"))  # with spaCy's own keys: labels, pipeline ...
    written.update(own_meta(start, about, after, folder_hash(folder), shipped=shipped_guide() is not None))
    (folder / "meta.json").write_text(json.dumps(written, indent=2, ensure_ascii=False) + "\n", "utf-8")


def start_description(base: Path | None = None) -> str:
    """What training started from, for the new pipeline's meta.json."""
    if base is not None:
        return f"{base} ({suggesters_for_model(str(base)).entities})"
    return "the guide component shipped with annotator" if shipped_guide() else "en_core_web_sm's NER weights"

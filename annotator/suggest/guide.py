"""The learned entity layer in the spaCy pipeline: a second NER ("guide_ner") trained for ACTOR, LOCATION and
FIGURE, run after the small English model without disturbing the small model's own entities.

The pipeline gets three components after en_core_web_sm's: `annotator_keep_ents` moves the small model's
entities aside (`doc.spans["small_ents"]`), `guide_ner` predicts the guide's labels into `doc.ents`, and
`annotator_guide_spans` moves those into `doc.spans["guide"]` and puts the small model's entities back, so the
v1 rules, the speaker rules and the naive mapping read `doc.ents` as before. The component has its own
tok2vec (as en_core_web_sm's NER has), so it trains and runs without touching the other components.

This module imports spaCy (it registers the two components): only `load_pipeline` and training import it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

GUIDE_COMPONENT = "guide_ner"
GUIDE_KEY = "guide"
SMALL_KEY = "small_ents"


@Language.component("annotator_keep_ents")
def keep_small_ents(doc: Doc) -> Doc:
    doc.spans[SMALL_KEY] = list(doc.ents)
    doc.ents = []
    return doc


@Language.component("annotator_guide_spans")
def guide_to_spans(doc: Doc) -> Doc:
    doc.spans[GUIDE_KEY] = list(doc.ents)
    doc.ents = list(doc.spans[SMALL_KEY])
    return doc


def has_guide(nlp: Language) -> bool:
    return GUIDE_COMPONENT in nlp.pipe_names


def add_guide(nlp: Language, folder: Path | None, ner_config: dict[str, Any] | None = None) -> Language:
    """Add a guide component to `nlp` (the small English pipeline): its config and weights from `folder`
    (config.cfg and ner/, as shipped in annotator/data/guide/), or, with no folder, a new untrained one of
    `ner_config`'s architecture."""
    from spacy.util import load_config

    if ner_config is None:
        if folder is None:
            raise ValueError("a guide component needs a folder or a config")
        ner_config = dict(load_config(folder / "config.cfg")["components"]["ner"])
    config = {key: value for key, value in ner_config.items() if key != "factory"}
    nlp.add_pipe("annotator_keep_ents")
    ner: Any = nlp.add_pipe("ner", name=GUIDE_COMPONENT, config=config)
    if folder is not None:
        ner.from_disk(folder / "ner", exclude=["vocab"])
    nlp.add_pipe("annotator_guide_spans")
    return nlp

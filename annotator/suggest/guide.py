"""The learned entity layer in the spaCy pipeline: a second NER ("guide_ner") trained for ACTOR, LOCATION and
FIGURE, run after the small English model without disturbing the small model's own entities.

The pipeline gets three components after en_core_web_sm's: `annotator_keep_ents` moves the small model's
entities aside (`doc.spans["small_ents"]`), `guide_ner` predicts the guide's labels into `doc.ents`, and
`annotator_guide_spans` moves those into `doc.spans["guide"]` (with each span's probability in the group's
`attrs["scores"]`) and puts the small model's entities back, so the v1 rules, the speaker rules and the naive
mapping read `doc.ents` as before. The component has its own tok2vec (as en_core_web_sm's NER has), so it trains
and runs without touching the other components.

`guide_ner` is spaCy's NER (`GuideRecognizer`, factory `annotator_guide_ner`) with one difference: its greedy
decoding runs here, over spaCy's own scoring of each state, so that each action's probability is known (a
softmax over the actions valid in that state); a span's probability is the product of its tokens' actions.
spaCy's compiled decoder takes the same actions (the highest-scoring valid one) but keeps no scores, and its beam
scores whole-document parses by summed raw scores, which puts nearly every span at 0 or 1 (measured: see
training/README.md).

This module imports spaCy (it registers the two components): only `load_pipeline` and training import it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.ner import DEFAULT_NER_MODEL
from spacy.tokens import Doc, Span, SpanGroup

GUIDE_COMPONENT = "guide_ner"
GUIDE_FACTORY = "annotator_guide_ner"
GUIDE_KEY = "guide"
SMALL_KEY = "small_ents"
#: Where `guide_ner` leaves its entities' probabilities for `annotator_guide_spans` (in `doc.user_data`).
SCORES_DATA = "annotator_guide_scores"


class GuideRecognizer(EntityRecognizer):  # type: ignore[misc]  # spaCy publishes no types
    """spaCy's NER, decoding greedily in Python so that each entity's probability is kept.

    The sentences of a batch are decoded side by side: an entity never crosses a sentence boundary (spaCy's NER
    actions forbid it) and the NER's state features are the next token and the open entity's first, so a state at
    a sentence's start is the one spaCy's decoder reaches there. One step scores a token of every sentence at once:
    a batch takes as many steps as its longest sentence has tokens, not its longest document."""

    def predict(self, docs: list[Doc]) -> list[list[tuple[int, int, str, float]]]:
        """Each doc's entities (start, end, label, probability): the highest-scoring valid action at each token, as
        spaCy's decoder takes it; an entity's probability is the product of its actions' (a softmax over the
        actions valid in their state)."""
        found: list[list[tuple[int, int, str, float]]] = [[] for _ in docs]
        if not any(len(doc) for doc in docs):
            return found
        moves = self.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        step = self.model.predict(docs)
        live: list[list[Any]] = []  # (doc number, state, end of its sentence, the open entity's start and probability)
        for number, (doc, state) in enumerate(zip(docs, moves.init_batch(docs), strict=True)):
            starts = [0]  # entities set before (which spaCy's NER keeps, across sentences too): one sequence
            if not any(token.ent_iob in (1, 3) for token in doc):
                starts += [token.i for token in doc if token.i and token.is_sent_start is True]
            walked = 0
            for start, end in zip(starts, [*starts[1:], len(doc)], strict=True):
                for _ in range(walked, start):  # no entity is open where a sentence starts
                    moves.apply_transition(state, "O")
                walked = start
                if start < end:
                    live.append([number, state.copy(), end, 0, 1.0])
        while live:
            scores = numpy.asarray(step.predict([entry[1] for entry in live]))
            ranked = numpy.argsort(-scores, axis=1, kind="stable")
            for row, entry in enumerate(live):
                state = entry[1]
                best = next(c for c in ranked[row] if moves.is_valid(state, names[c]))
                action = names[best]
                if action != "O":  # the probability of an entity's action, among the valid ones
                    valid = numpy.array([moves.is_valid(state, name) for name in names])
                    shifted = numpy.exp(numpy.where(valid, scores[row] - scores[row, best], -numpy.inf))
                    token, probability = state.B(0), float(1.0 / shifted.sum())
                    if action[0] in "BU":
                        entry[3], entry[4] = token, probability
                    else:
                        entry[4] *= probability
                    if action[0] in "LU":
                        found[entry[0]].append((entry[3], token + 1, action[2:], entry[4]))
                moves.apply_transition(state, action)
            live = [entry for entry in live if not entry[1].is_final() and entry[1].B(0) < entry[2]]
        step.clear_memory()
        return [sorted(entities) for entities in found]

    def set_annotations(self, docs: list[Doc], found: list[list[tuple[int, int, str, float]]]) -> None:
        for doc, entities in zip(docs, found, strict=True):
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label, _ in entities], default="outside")
            doc.user_data[SCORES_DATA] = [probability for *_, probability in entities]


@Language.factory(
    GUIDE_FACTORY,
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "model": DEFAULT_NER_MODEL,
        "incorrect_spans_key": None,
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_guide_recognizer(
    nlp: Language,
    name: str,
    model: Any,
    moves: Any,
    update_with_oracle_cut_size: int,
    incorrect_spans_key: str | None,
    scorer: Any,
) -> GuideRecognizer:
    return GuideRecognizer(
        nlp.vocab,
        model,
        name,
        moves=moves,
        update_with_oracle_cut_size=update_with_oracle_cut_size,
        incorrect_spans_key=incorrect_spans_key,
        scorer=scorer,
    )


@Language.component("annotator_keep_ents")
def keep_small_ents(doc: Doc) -> Doc:
    doc.spans[SMALL_KEY] = list(doc.ents)
    doc.ents = []
    return doc


@Language.component("annotator_guide_spans")
def guide_to_spans(doc: Doc) -> Doc:
    scores = doc.user_data.pop(SCORES_DATA, None)
    attrs = {} if scores is None else {"scores": scores}
    doc.spans[GUIDE_KEY] = SpanGroup(doc, name=GUIDE_KEY, attrs=attrs, spans=list(doc.ents))
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
    ner: Any = nlp.add_pipe(GUIDE_FACTORY, name=GUIDE_COMPONENT, config=config)
    if folder is not None:
        ner.from_disk(folder / "ner", exclude=["vocab"])
    nlp.add_pipe("annotator_guide_spans")
    return nlp

"""entities.v3: the learned entity layer combined with the small model's names, through the general rules.

Sources, in priority order (a span overlapping one taken from an earlier source is dropped):
1. the small model's PERSON names as ACTORs and GPE names as LOCATIONs (it finds names' boundaries well);
2. everything the guide component marks (ACTOR, LOCATION, FIGURE, trained on GUM and the dev gold mapped to
   the annotation guide: common-noun participants, roles, figures);
3. the small model's ORG names as ACTORs where nothing else is.
Each source goes through `suggest.general` (edges, titles, other scripts, not-figures, roles, qualifiers)
before they are combined. Without a guide component in the pipeline (another --model), sources 1 and 3 are
all there is. spaCy is not imported here: the parsed Doc is handed in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.models import Label
from annotator.suggest import general, names
from annotator.suggest.entities import Candidate, mark_subjects, resolve_overlaps

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

ENTITIES_V3 = "entities.v3"
GUIDE_KEY = "guide"
SMALL_KEY = "small_ents"
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
#: The small model's labels taken before the guide component, and after it.
FIRST = frozenset({"PERSON", "GPE"})
LAST = frozenset({"ORG"})


def _kind(ent_label: str, label: Label) -> str:
    if label is not Label.ACTOR:
        return "other"
    return "person" if ent_label in ("PERSON", "") else "group"


def _small(doc: Doc, labels: frozenset[str]) -> list[Candidate]:
    ents: list[Span] = list(doc.spans.get(SMALL_KEY, doc.ents))
    out = []
    for e in ents:
        if e.label_ in labels and not (e.text.islower() and e.root.dep_ == "compound"):  # "the senate seat"
            start, end = names.whole_name(doc, e.start, e.end) if e.label_ == "PERSON" else (e.start, e.end)
            kind = "group" if doc[end - 1].lower_ in names.FAMILY_NOUNS else _kind(e.label_, NAIVE[e.label_])
            out.append(Candidate(start, end, NAIVE[e.label_], kind))
    return out


def guide_candidates(doc: Doc, min_confidence: float) -> list[Candidate]:
    """The guide component's spans, those it gave a probability under `min_confidence` left out (a doc parsed
    without their probabilities keeps them all)."""
    spans = doc.spans.get(GUIDE_KEY, [])
    scores = getattr(spans, "attrs", {}).get("scores") if min_confidence > 0 else None
    out = []
    for i, span in enumerate(spans):
        if scores is not None and scores[i] < min_confidence:
            continue
        label = Label(span.label_)
        out.append(Candidate(span.start, span.end, label, _kind(span.root.ent_type_, label)))
    return out


def combine(layers: list[list[Candidate]]) -> list[Candidate]:
    """A flat layer from candidate lists in priority order: a span is kept unless it overlaps one kept before
    (within a layer, earlier and then longer first)."""
    return resolve_overlaps([span for layer in layers for span in sorted(layer, key=lambda s: (s.start, -s.end))])


def entity_candidates_v3(doc: Doc, min_confidence: float = 0.0) -> list[Candidate]:
    """The entity layer of a doc parsed by a pipeline with the guide component (see `suggest.guide`); the guide's
    spans under `min_confidence` are left out (entities.v5; entities.v3 and v4 take them all)."""
    names = [c for c in general.apply(doc, _small(doc, FIRST)) if c.label in (Label.ACTOR, Label.LOCATION)]
    guide = general.apply(doc, guide_candidates(doc, min_confidence))
    organisations = [c for c in general.apply(doc, _small(doc, LAST)) if c.label is Label.ACTOR]
    kept = general.document_rules(doc, combine([names, guide, organisations]))
    return mark_subjects(doc, kept)

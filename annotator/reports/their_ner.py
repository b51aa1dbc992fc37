"""`evaluate --model FOLDER` on a pipeline trained by spaCy's own CLI for ACTOR, LOCATION and FIGURE: its NER runs
as the learned component of entities.v16's layer on the default pipeline (`suggest.their_pipeline`), so the
suggestions scored are mostly the small model's names and annotator's rules. The report says so, and scores the
folder's NER alone, as spaCy runs it (`their_entities`), on the same articles: what `python -m spacy evaluate`
would credit it with (trial 40b: ALL 0.718 for the suggestions, where its NER alone found one entity)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from annotator.metrics.evaluation import LabelScores, score_columns
from annotator.metrics.matching import SpanColumns
from annotator.models import Span
from annotator.reports.reference import Reference
from annotator.store import Reader
from annotator.vocabulary import ENTITY_LABELS, Label


class TheirNer(BaseModel):
    """`--json`'s `their_ner`: what of the suggestions scored came from the folder, and its NER's own scores."""

    model_config = ConfigDict(frozen=True)

    model: str
    #: What was scored above, in words (the text report's line).
    scored: str
    #: Exact and overlap counts of the folder's NER alone, per entity label scored and "ALL" (those labels pooled).
    labels: dict[str, LabelScores]


def their_ner_scores(
    store: Reader, ids: Sequence[str], reference: Reference, labels: set[Label], model: str, entities: str
) -> TheirNer | None:
    """The folder's NER alone on the articles scored, or None: not a spaCy-trained NER of our labels (a folder
    `annotator train` wrote is the learned component itself, scored as such), or no entity label scored."""
    from annotator.suggest.loading import trained_meta
    from annotator.suggest.their_pipeline import their_entities, their_ner

    wanted = labels & set(ENTITY_LABELS)
    if trained_meta(model) is not None or their_ner(model) is None or not wanted:
        return None
    texts = [store.article(article_id).text for article_id in ids]
    found = their_entities(model, texts)
    predicted = SpanColumns.from_spans(
        (
            index,
            [Span(start=s, end=e, label=Label(n), text=texts[index][s:e]) for s, e, n in spans if Label(n) in wanted],
        )
        for index, spans in enumerate(found)
    )
    gold = SpanColumns.from_spans(
        (index, [s for s in reference.spans[article_id] if s.label in wanted]) for index, article_id in enumerate(ids)
    )
    result = score_columns(gold, predicted, len(ids)).evaluation
    scored = (
        f"{model}'s NER ran as the learned component of {entities}'s layer on the default pipeline: the small "
        "model's names (PERSON, GPE, ORG) and annotator's rules made the rest of the spans scored; its NER alone, "
        "as spaCy runs it, is scored after the table"
    )
    per_label = {label.value: scores for label, scores in result.labels.items() if label in wanted}
    return TheirNer(model=model, scored=scored, labels={**per_label, "ALL": result.micro})

"""How texts reach the suggesters: batched through `nlp.pipe`, in this process or in spaCy's worker processes.

The suggesters run as the pipeline's last component (`annotator_suggestions`, added for the run and removed
after it), which leaves each doc's token offsets and suggestions in `doc.user_data` as plain values. With
`n_process` > 1, spaCy's own multiprocessing forks that many workers; each parses its batches *and* runs the
suggesters on them, and sends the Doc back as bytes (user data included), so the rules are parallel too and
this process only reads the results back, in input order. One process or several, every text takes the same
path through the same code, so the results are the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from annotator.models import Suggestion
from annotator.rows import Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "annotator_suggestions"
RESULTS = "annotator.suggestions"  # the key in doc.user_data


def _suggest_into_user_data(doc: Doc) -> Doc:
    """The component: tokens and suggestions of one parsed doc, as msgpack-able values (spaCy serialises
    user data when it sends a doc back from a worker)."""
    from annotator.suggest.pipeline import suggest_doc
    from annotator.suggest.tokens import tokens_of

    doc.user_data[RESULTS] = {
        "tokens": [[t.start, t.end] for t in tokens_of(doc)],
        "suggestions": [s.model_dump(mode="json") for s in suggest_doc(doc)],
    }
    return doc


def _registered() -> str:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=_suggest_into_user_data)
    return COMPONENT


def _results(doc: Doc) -> tuple[list[Token], list[Suggestion]]:
    found: dict[str, Any] = doc.user_data.pop(RESULTS)
    tokens = [Token(start=start, end=end) for start, end in found["tokens"]]
    return tokens, [Suggestion.model_validate(s) for s in found["suggestions"]]


def suggest_in_processes(
    texts: Iterable[str], nlp: Language, *, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[list[Token], list[Suggestion]]]:
    """(tokens, suggestions) per text, in order, from `n_process` processes (1: this one, no fork)."""
    if n_process < 1:
        raise ValueError(f"n_process must be 1 or more, not {n_process}")
    added = COMPONENT not in nlp.pipe_names
    if added:
        nlp.add_pipe(_registered(), last=True)
    try:
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield _results(doc)
    finally:
        if added:
            nlp.remove_pipe(COMPONENT)

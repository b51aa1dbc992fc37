"""Token offsets and spaCy Docs: the one way a Doc becomes tokens and tokens a Doc, and the blank English tokenizer.

White-space tokens are not places a span may start or end, so they are left out everywhere; so are invisible
characters at a token's edges (a bidi override, a zero-width space glued to a word, as web copy has them), which
spaCy's tokenizer keeps inside the word, and on which no span may start or end (`spans.edge_problem`).

Markup brackets ("[bold]Ana Costa[/bold]", "<b>Ana</b>", "{b}"), a terminal's escape sequences ("ESC[31mJohn",
"ESC(B", their one-character C1 forms) and other control characters (C1 ones too) are tokens of their own wherever
they stand in a word (`split_markup`): spaCy's English rules split them off a word's edges only, so "bold]Ana" and
"Costa[/bold" were single tokens that no span could divide. A sequence's token keeps its printable characters
("[0m"), but no span starts or ends on it (`spans.escape_at_edge`), so the TUI's keys step over it and a model's
entity that takes it in is trimmed to the words. Every tokenizer the project runs has this rule: the
blank English one here and every pipeline `suggest.loading` loads, so stored tokens, the TUI's keys and the
suggesters see the same tokens. It adds token boundaries and removes none (none over the shared corpus), so spans
stored on the tokens before it still sit on tokens. A run of more than 2,000 characters without white space is
tokenized in pieces (`long_runs`), so that junk of glued brackets or escapes takes linear time, not quadratic; the
tokens of every other text are spaCy's. `project_tokenizer` makes both of a pipeline's tokenizer.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from annotator.rows import Token
from annotator.spans import ESCAPE_SEQUENCE, is_blank
from annotator.suggest.long_runs import InPieces
from annotator.suggest.unit_stops import split_unit_stops

if TYPE_CHECKING:
    from spacy.tokens import Doc


def tokens_of(doc: Doc) -> list[Token]:
    """Token offsets of a parsed (or only tokenized) Doc; white space and invisible characters at a token's edges
    are not places to stop. Read from the Doc's arrays (each token's offset and length), not token by token: spaCy
    makes a Python object for every token read, and this runs over every token of every article ingested."""
    from spacy.attrs import IDX, LENGTH

    text = doc.text  # built anew on each access: once, not per token
    blank = {char for char in set(text) if is_blank(char)}  # the text's few distinct characters, tested once each
    out: list[Token] = []
    make = Token._make  # made as a tuple is: no keyword arguments to parse for each of a doc's tokens
    for start, length in doc.to_array([IDX, LENGTH]).tolist():
        end = start + length
        while start < end and text[start] in blank:
            start += 1
        while end > start and text[end - 1] in blank:
            end -= 1
        if end > start:
            out.append(make((start, end)))
    return out


#: A terminal's escape sequence (`spans.ESCAPE_SEQUENCE`: a colour "ESC[31m", a title "ESC]0;...BEL", "ESC(B", and
#: their C1 forms, as text copied from a terminal holds them) or another control character (C0 ones but white
#: space, DEL, C1 ones but NEL, which is a line break): a token of its own wherever it stands, so that the words
#: and the full stops glued to it are tokens as they would be without it ("ESC[31mJohn", "Lyon.NUL"). No span starts
#: or ends on one.
CONTROL = ESCAPE_SEQUENCE + r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]"
#: The infix rule `split_markup` adds: control characters, and any square, angle or curly bracket inside a word.
MARKUP_INFIX = CONTROL + r"|[\[\]<>{}]"


def _pattern(search: Any) -> str | None:
    """The pattern of a tokenizer's compiled rule (a bound `search` or `finditer`), "" for none, None if it is no
    compiled pattern."""
    if search is None:
        return ""
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    return pattern if isinstance(pattern, str) else None


def split_markup(tokenizer: Any) -> None:
    """Make `tokenizer` split markup brackets and control characters off the words they are glued to: `CONTROL` at
    a word's start and end (spaCy's prefix and suffix rules) and `MARKUP_INFIX` inside it (its infix rules), by
    spaCy's own customisation, kept when the pipeline is saved. Adding them again changes nothing. A URL stays one
    token (spaCy's `url_match` is tried first). A tokenizer of another kind (no such rules, or rules that are no
    compiled pattern) is left as it is: its tokens were never blank English's."""
    import re

    if not all(hasattr(tokenizer, rule) for rule in ("prefix_search", "suffix_search", "infix_finditer")):
        return
    infixes = _pattern(tokenizer.infix_finditer)
    prefixes = _pattern(tokenizer.prefix_search)
    suffixes = _pattern(tokenizer.suffix_search)
    if infixes is None or prefixes is None or suffixes is None or MARKUP_INFIX in infixes:
        return
    tokenizer.infix_finditer = re.compile("|".join(p for p in (infixes, MARKUP_INFIX) if p)).finditer
    tokenizer.prefix_search = re.compile("|".join(p for p in (f"^(?:{CONTROL})", prefixes) if p)).search
    tokenizer.suffix_search = re.compile("|".join(p for p in (f"(?:{CONTROL})$", suffixes) if p)).search


def project_tokenizer(tokenizer: Any) -> Any:
    """The project's tokenizer made of a pipeline's: markup split off words (`split_markup`), a sentence's full stop
    off a figure's unit (`unit_stops.split_unit_stops`: "€410m.", "38C."), and long runs without
    white space tokenized in pieces (`long_runs.InPieces`, which is spaCy's tokenizer in every other way: saved,
    loaded and pickled as before). Making it again changes nothing. A tokenizer of another kind than spaCy's
    rule-based one (Chinese, Japanese, one a pipeline brings of its own) is returned as it is."""
    from spacy.tokenizer import Tokenizer

    if isinstance(tokenizer, InPieces):
        return tokenizer
    split_markup(tokenizer)
    split_unit_stops(tokenizer)
    return InPieces(tokenizer) if isinstance(tokenizer, Tokenizer) else tokenizer


@lru_cache(maxsize=1)
def blank_english() -> Any:
    """spaCy's blank English pipeline with the project's tokenizer (`project_tokenizer`), built once: building it
    takes about half a second."""
    import spacy

    nlp = spacy.blank("en")
    nlp.tokenizer = project_tokenizer(nlp.tokenizer)
    return nlp


def tokenize(texts: list[str], nlp: Any = None) -> list[list[Token]]:
    """Token offsets without the statistical model: spaCy's English tokenizer alone is fast."""
    tokenizer = (nlp or blank_english()).tokenizer
    return [tokens_of(tokenizer(text)) for text in texts]


def words_and_spaces(text: str, tokens: list[Token]) -> tuple[list[str], list[bool]]:
    """Tokens plus the white space between them, as spaCy's (words, spaces) whose concatenation is `text`."""
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in [(t.start, t.end) for t in tokens] + [(len(text), len(text))]:
        gap = text[position:start]
        if gap:
            if words and gap[0] == " " and not spaces[-1]:
                spaces[-1], gap = True, gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        if end > start:
            words.append(text[start:end])
            spaces.append(False)
        position = end
    return words, spaces


def doc_of(text: str, tokens: list[Token], vocab: Any = None) -> Doc:
    """A spaCy Doc of `text` with exactly these tokens (the white space between them as space tokens), so that
    every span on token boundaries aligns with it. `vocab`: the blank English pipeline's by default."""
    from spacy.tokens import Doc

    words, spaces = words_and_spaces(text, tokens)
    return Doc(vocab or blank_english().vocab, words=words, spaces=spaces)

"""CoNLL-2003-style IOB for the entity layer: `-DOCSTART- -X- -X- O` before each article, then one token a
line (`word _ _ TAG`, four columns; readers use the first and the last), a blank line between sentences.

Tags are IOB2 (every entity starts with B-); on import, an I- after O or after another label starts an
entity too (IOB1 files read the same). The conversions are spaCy's (`offsets_to_biluo_tags` and
`biluo_to_iob` out, `iob_to_biluo` and `biluo_tags_to_offsets` in). Sentences end after `.`, `!` or `?` when the next token starts with
a capital, a digit or an opening quote, and wherever the text has a line break; never inside an entity.

The format has no place for quotes, speakers, titles, meta, status, timestamps, article ids or the article's
white space: on import the text is the tokens joined by spaces and the sentences by line breaks, its id the
hash of that text, and --annotator says whose work it is.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from annotator.exchange.files import Where, read_text, write_text_lines
from annotator.exchange.formats.common import (
    ImportedRecord,
    ReadOptions,
    RecordLike,
    TokensOf,
    annotator_of,
    checked_span,
    label_of,
    native_record,
)
from annotator.models import Label, Status
from annotator.rows import SpanLike, Token
from annotator.suggest.tokens import blank_english, doc_of

SUFFIX = ".conll"
NEEDS_TOKENS = True
CANNOT_CARRY = ("quotes", "speakers", "title", "meta", "status", "updated_at", "article_id", "white space")
DOCSTART = "-DOCSTART- -X- -X- O"
ENDINGS = {".", "!", "?"}
OPENERS = {'"', "'", "“", "‘", "(", "["}


def sentences(text: str, tokens: list[Token], entities: Sequence[SpanLike]) -> list[list[Token]]:
    """Split tokens into sentences by the rule above: punctuation plus capital, or a line break."""
    inside = {offset for s in entities for offset in range(s.start + 1, s.end)}
    result: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        result[-1].append(token)
        if index + 1 == len(tokens):
            break
        following = tokens[index + 1]
        if following.start in inside:
            continue
        word, next_word = text[token.start : token.end], text[following.start : following.end]
        ends = word in ENDINGS and (next_word[0].isupper() or next_word[0].isdigit() or next_word[0] in OPENERS)
        if ends or "\n" in text[token.end : following.start]:
            result.append([])
    return [s for s in result if s]


def tags(record: RecordLike, tokens: list[Token]) -> list[str]:
    """Each token's IOB2 tag: spaCy's BILUO tags of the entity spans, as IOB. (A span off the tokens, possible
    only for an article stored without tokens, is left out: O.)"""
    from spacy.training import biluo_to_iob, offsets_to_biluo_tags

    doc = doc_of(record.text, tokens)
    entities = [(s.start, s.end, s.label.value) for s in record.spans if s.label is not Label.QUOTE]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # spaCy's warning about a span off the tokens
        iob = biluo_to_iob(offsets_to_biluo_tags(doc, entities))
    by_start = {token.idx: tag for token, tag in zip(doc, iob, strict=True)}
    return [by_start[token.start] if by_start[token.start] != "-" else "O" for token in tokens]


def lines(record: RecordLike, tokens: list[Token]) -> Iterator[str]:
    entities = sorted((s for s in record.spans if s.label is not Label.QUOTE), key=lambda s: s.start)
    tag_of = dict(zip((t.start for t in tokens), tags(record, tokens), strict=True))
    yield DOCSTART + "\n\n"
    for sentence in sentences(record.text, tokens, entities):
        for token in sentence:
            yield f"{record.text[token.start : token.end]} _ _ {tag_of[token.start]}\n"
        yield "\n"


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf) -> int:
    count = 0

    def every_line() -> Iterator[str]:
        nonlocal count
        for record in records:
            count += 1
            yield from lines(record, tokens_of(record))

    write_text_lines(every_line(), out)
    return count


Row = tuple[int, str, str]  # line number, word, tag


def _iob(tag: str, options: ReadOptions, here: Where) -> str:
    """A file's tag with our label (mapped by --label-map), or a located error."""
    if tag == "O":
        return tag
    prefix, _, name = tag.partition("-")
    if prefix not in {"B", "I"} or not name:
        raise here.error(f"expected O, B-LABEL or I-LABEL, got {tag!r}", "tag")
    return f"{prefix}-{label_of(name, options, here, 'tag').value}"


def _record(document: list[list[Row]], options: ReadOptions, where: Where) -> ImportedRecord:
    """One article: its sentences' tokens joined by spaces and line breaks; entities from spaCy's IOB -> BILUO ->
    offsets, sentence by sentence (an entity never runs on into the next sentence)."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_offsets, iob_to_biluo

    vocab = blank_english().vocab
    text = "\n".join(" ".join(word for _, word, _ in sentence) for sentence in document)
    tokens: list[Token] = []
    found: list[tuple[int, int, Label, int]] = []  # start, end, label, line of its first token
    position = 0
    for sentence in document:
        words = [word for _, word, _ in sentence]
        iob = [_iob(tag, options, Where(where.path, line=line)) for line, _, tag in sentence]
        line_at: dict[int, int] = {}
        starts = itertools.accumulate((len(word) + 1 for word in words[:-1]), initial=0)
        for (line, word, _), start in zip(sentence, starts, strict=True):
            tokens.append(Token(position + start, position + start + len(word)))
            line_at[start] = line
        doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
        for start, end, label in biluo_tags_to_offsets(doc, iob_to_biluo(iob)):
            found.append((position + start, position + end, Label(str(label)), line_at[start]))
        position += len(doc.text) + 1
    checked = [
        checked_span(text, start, end, label, None, Where(where.path, line=line), "tag")
        for start, end, label, line in found
    ]
    record = native_record(
        where,
        text=text,
        annotator=annotator_of(None, options, where, "annotator"),
        status=Status.DONE,
        spans=checked,
    )
    return ImportedRecord(where, record, tokens)


def read(path: Path, options: ReadOptions) -> Iterator[ImportedRecord]:
    path, content = read_text(path)
    document: list[list[Row]] = [[]]
    start_line = 1

    def finish() -> Iterator[ImportedRecord]:
        sentences_ = [s for s in document if s]
        if sentences_:
            yield _record(sentences_, options, Where(str(path), line=start_line))

    for number, raw in enumerate(content.split("\n"), start=1):
        line = raw.strip()
        if line.startswith("-DOCSTART-"):
            yield from finish()
            document, start_line = [[]], number
            continue
        if not line:
            if document[-1]:
                document.append([])
            continue
        columns = line.split()
        if len(columns) < 2:
            raise Where(str(path), line=number).error("expected a token and its tag, separated by white space")
        document[-1].append((number, columns[0], columns[-1]))
    yield from finish()

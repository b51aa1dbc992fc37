"""CoNLL-2003-style IOB for the entity layer: `-DOCSTART- -X- -X- O` before each article, then one token a
line (`word _ _ TAG`, four columns; readers use the first and the last), a blank line between sentences.

Tags are IOB2 (every entity starts with B-); on import, an I- after O or after another label starts an
entity too (IOB1 files read the same). Sentences end after `.`, `!` or `?` when the next token starts with
a capital, a digit or an opening quote, and wherever the text has a line break; never inside an entity.

The format has no place for quotes, speakers, titles, meta, status, timestamps, article ids or the article's
white space: on import the text is the tokens joined by spaces and the sentences by line breaks, its id the
hash of that text, and --annotator says whose work it is.
"""

from __future__ import annotations

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


def lines(record: RecordLike, tokens: list[Token]) -> Iterator[str]:
    entities = sorted((s for s in record.spans if s.label is not Label.QUOTE), key=lambda s: s.start)
    tags: dict[int, str] = {}
    for span in entities:
        for token in tokens:
            if span.start <= token.start and token.end <= span.end:
                tags[token.start] = ("B-" if token.start == span.start else "I-") + span.label.value
    yield DOCSTART + "\n\n"
    for sentence in sentences(record.text, tokens, entities):
        for token in sentence:
            yield f"{record.text[token.start : token.end]} _ _ {tags.get(token.start, 'O')}\n"
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


def _record(document: list[list[Row]], options: ReadOptions, where: Where) -> ImportedRecord:
    text_parts: list[str] = []
    tokens: list[Token] = []
    found: list[tuple[int, int, Label, int]] = []  # start, end, label, line of its first token
    open_entity: tuple[int, Label, int] | None = None  # start offset, label, line
    position = 0

    def close(end: int) -> None:
        nonlocal open_entity
        if open_entity is not None:
            start, label, line = open_entity
            found.append((start, end, label, line))
            open_entity = None

    last_end = 0
    for number, sentence in enumerate(document):
        if number:
            close(last_end)
            text_parts.append("\n")
            position += 1
        for index, (line, word, tag) in enumerate(sentence):
            if index:
                text_parts.append(" ")
                position += 1
            start, end = position, position + len(word)
            text_parts.append(word)
            tokens.append(Token(start=start, end=end))
            position = last_end = end
            here = Where(where.path, line=line)
            if tag == "O":
                close(tokens[-2].end if len(tokens) > 1 else 0)
                continue
            prefix, _, name = tag.partition("-")
            if prefix not in {"B", "I"} or not name:
                raise here.error(f"expected O, B-LABEL or I-LABEL, got {tag!r}", "tag")
            label = label_of(name, options, here, "tag")
            if prefix == "B" or open_entity is None or open_entity[1] is not label:
                close(tokens[-2].end if len(tokens) > 1 else 0)
                open_entity = (start, label, line)
    close(last_end)
    text = "".join(text_parts)
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

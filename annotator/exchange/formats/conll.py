"""CoNLL-2003-style IOB for the entity layer: `-DOCSTART- -X- O O` before each article (the exact line `spacy
convert` splits documents on), then one token a line (`word _ _ TAG`, four columns; readers use the first and
the last), a blank line between sentences.

Tags are IOB2 (every entity starts with B-); on import, an I- after O or after another label starts an
entity too (IOB1 files read the same). The conversions are spaCy's (`offsets_to_biluo_tags` and
`biluo_to_iob` out, `iob_to_biluo` and `biluo_tags_to_offsets` in). Sentences end after `.`, `!` or `?` when
the next token starts with a capital, a digit or an opening quote, and wherever the text has a line break;
never inside an entity.

On import, documents are found as the tools that write them mean them (`conll_layout`):
- CoNLL-2003 layout (ours, spaCy's): a `-DOCSTART-` line, whatever its columns, starts a document, blank lines end
  sentences; a file without any is one document, and the import says so when it has several blocks (doccano's
  export writes an example a block: --conll-blocks articles reads them so).
- Label Studio's CONLL2003 export, known by its token lines (`TOKEN -X- _ TAG`), writes one `-DOCSTART- -X- O`
  line and then each task as a block of lines ended by a blank line: there, each block is a document.
- spaCy's sentence-per-line `.iob` (`word|TAG` or `word|POS|TAG` items, a sentence a line): each line is a
  document, as `spacy convert` makes them, unless `-DOCSTART-` lines group the lines between them.
- --conll-blocks (sentences or articles) overrides the shape: blocks (or .iob lines) as sentences or as documents.

The format has no place for speakers, titles, meta, status, timestamps, article ids or the article's white
space and control characters (none is written into the file, inside a word or between words: the export's note
counts them; the zero-width non-joiner and joiner inside a word are part of it and written), nor, on export, for quotes (an entity may sit inside one, and a token has one tag): on import the text
is the tokens (their control characters left out, joiners kept) joined by spaces and the sentences by line breaks, and --annotator says whose work it is. A
stored article with the same words (white space aside) gets the spans, moved onto its own offsets
(`exchange.realign`), so our own export comes back to its article; otherwise the rebuilt text is a new
article, its id the hash of that text, and the import says so.
"""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import IO

from annotator.errors import TRUNCATED, InputError
from annotator.exchange.files import Where, read_text, write_text_lines
from annotator.exchange.formats.common import (
    ImportedRecord,
    Read,
    RecordLike,
    TokensOf,
    checked_span,
    guarded_items,
    label_of,
    native_record,
)
from annotator.exchange.formats.conll_layout import NO_TAG, Row, cut_line, documents, has_docstart
from annotator.exchange.formats.looks import refuse_foreign_file
from annotator.exchange.formats.options import ExportOptions, ReadOptions
from annotator.exchange.formats.whose import annotator_of
from annotator.literal import quoted
from annotator.models import Label, Status, nul_problem
from annotator.rows import SpanLike, Token
from annotator.spans import INVISIBLE, LINE_BREAKS
from annotator.suggest.tokens import blank_english, doc_of, tokenize

SUFFIX = ".conll"
NEEDS_TOKENS = True
CANNOT_CARRY = (
    "quotes",
    "speakers",
    "title",
    "meta",
    "status",
    "updated_at",
    "article_id",
    "white space",
    "control characters",
)
DOCSTART = "-DOCSTART- -X- O O"
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
        words = [(_word(record.text[t.start : t.end]), tag_of[t.start]) for t in sentence]
        written = [f"{word} _ _ {tag}\n" for word, tag in words if word]  # a token of controls alone: none
        if written:
            yield from written
            yield "\n"


#: The format characters that are part of a word: the zero-width non-joiner and joiner (Persian, Indic scripts,
#: emoji sequences write them inside words; without them a word is another word).
JOINERS = frozenset("\u200c\u200d")


def _control(char: str) -> bool:
    """A control or format character (an ESC, a bell, a bidi isolate or mark, a byte order mark) or a line or
    paragraph separator (U+2028, U+2029: line breaks, as the control characters \\x0c or NEL are), but for the
    joiners (`JOINERS`): never written into a CoNLL file, where its readers would take it into a word
    (`exchange.realign` sets them aside alike, the joiners too, so a file with or without them finds its article)."""
    return (unicodedata.category(char) in INVISIBLE or char in LINE_BREAKS) and char not in JOINERS


def _word(token: str) -> str:
    """A token as the file writes it: without control characters (`_control`); a joiner inside it stays."""
    return "".join(char for char in token if not _control(char))


#: Notes for what a CoNLL file loses or misleads its readers with (counted, said once after the export).
QUOTES_LEFT_OUT = (
    "quote(s) left out: CoNLL carries entity spans only (jsonl, prodigy, labelstudio or doccano-relations keep them)"
)
DOCSTART_WORDS = "token(s) '-DOCSTART-' in the text: CoNLL readers take each for the start of a new document"
STATUS_LEFT_OUT = (
    "{status} record(s) written without their status: CoNLL has no place for it, and a CoNLL document imports as "
    "done work"
)
CONTROLS_LEFT_OUT = (
    "control character(s) between or inside words left out: CoNLL writes words only (jsonl, prodigy, spacy, "
    "labelstudio and doccano keep the text whole)"
)


def controls_left_out(text: str, tokens: list[Token]) -> int:
    """How many characters a CoNLL file, which writes tokens and line breaks only, loses that are not white
    space: those outside every token (a colour code's ESC, a bell, a bidi control) and the control and format
    characters inside a token (a bidi isolate in a name: `_word`), but for the joiners, which are written."""
    gaps, end = [], 0
    for token in tokens:
        gaps.append(text[end : token.start])
        end = token.end
    gaps.append(text[end:])
    inside = sum(1 for token in tokens for char in text[token.start : token.end] if _control(char))
    return sum(1 for gap in gaps for char in gap if not char.isspace()) + inside


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf, options: ExportOptions) -> int:
    count = 0
    notes = options.written.notes

    def every_line() -> Iterator[str]:
        nonlocal count
        for record in records:
            count += 1
            quotes = sum(1 for s in record.spans if s.label is Label.QUOTE)
            docstarts = record.text.count("-DOCSTART-")
            if quotes:
                notes[QUOTES_LEFT_OUT] += quotes
            if docstarts:
                notes[DOCSTART_WORDS] += docstarts
            if record.status is not Status.DONE:
                notes[STATUS_LEFT_OUT.format(status=record.status.value)] += 1
            tokens = tokens_of(record)
            if controls := controls_left_out(record.text, tokens):
                notes[CONTROLS_LEFT_OUT] += controls
            yield from lines(record, tokens)

    write_text_lines(every_line(), out)
    return count


def _iob(tags: list[tuple[int, str]], options: ReadOptions, where: Where, dropped: Counter[str]) -> list[str]:
    """A sentence's tags with our labels (mapped by --label-map; a label mapped to nothing becomes O, its
    entities counted), or a located error."""
    result = []
    previous = "O"
    for line, tag in tags:
        here = Where(where.path, line=line)
        if tag == "O":
            result.append(tag)
            previous = tag
            continue
        prefix, _, name = tag.partition("-")
        if prefix not in {"B", "I"} or not name:
            raise here.error(f"expected O, B-LABEL or I-LABEL, got {quoted(tag)}", "tag")
        starts = prefix == "B" or previous.partition("-")[2] != name
        previous = tag
        label = label_of(name, options, here, "tag", dropped if starts else None, continues=not starts)
        result.append("O" if label is None else f"{prefix}-{label.value}")
    return result


def _record(document: list[list[Row]], options: ReadOptions, where: Where) -> ImportedRecord:
    """One article: its sentences' tokens joined by spaces and line breaks; entities from spaCy's IOB -> BILUO ->
    offsets, sentence by sentence (an entity never runs on into the next sentence)."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_offsets, iob_to_biluo

    vocab = blank_english().vocab
    dropped: Counter[str] = Counter()
    document = _words_only(document, dropped)
    text = "\n".join(" ".join(word for _, word, _ in sentence) for sentence in document)
    tokens: list[Token] = []
    found: list[tuple[int, int, Label, int]] = []  # start, end, label, line of its first token
    position = 0
    for sentence in document:
        words = [word for _, word, _ in sentence]
        iob = _iob([(line, tag) for line, _, tag in sentence], options, where, dropped)
        line_at: dict[int, int] = {}
        starts = itertools.accumulate((len(word) + 1 for word in words[:-1]), initial=0)
        for (line, word, _), start in zip(sentence, starts, strict=True):
            if "\0" in word:  # named at its own line, not the document's first (trial 39a, 10)
                raise Where(where.path, line=line).error(nul_problem("token", word), "token")
            tokens.append(Token(position + start, position + start + len(word)))
            line_at[start] = line
        doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
        for start, end, label in biluo_tags_to_offsets(doc, iob_to_biluo(iob)):
            found.append((position + start, position + end, Label(str(label)), line_at[start]))
        position += len(doc.text) + 1
    tokens = refined(text, tokens)
    checked = [
        checked_span(text, start, end, label, None, Where(where.path, line=line), "tag", options.trim(dropped))
        for start, end, label, line in found
    ]
    record = native_record(
        where,
        text=text,
        annotator=annotator_of(None, options, where, "annotator"),
        status=Status.DONE,
        spans=checked,
    )
    return ImportedRecord(where, record, tokens, dropped, rebuilt=True, joined_here=True)


#: What the import says it left out of a file's words (`_words_only`).
CONTROLS_IN_WORDS = "control character(s) in the file's words (a CoNLL text is its words)"
ENTITIES_OF_CONTROLS = "entity span(s) whose words are control characters alone (a CoNLL text is its words)"


def _words_only(document: list[list[Row]], dropped: Counter[str]) -> list[list[Row]]:
    """The document's words without control characters (`_word`: a joiner stays), as our export writes them, each
    left out counted in `dropped`: rebuilt into the text, a bell inside 'Pa\\x07ris' was a word spaCy cut in three.
    A word of controls alone is no word: its line is left out (a tag on it with it; an entity of such words alone is
    counted as left out too). A NUL stays, for its error."""
    result = []
    for sentence in document:
        words = [(line, "\0".join(map(_word, word.split("\0"))), tag) for line, word, tag in sentence]
        if left_out := sum(len(r[1]) - len(w[1]) for r, w in zip(sentence, words, strict=True)):
            dropped[CONTROLS_IN_WORDS] += left_out
        if gone := _entities_gone(words):
            dropped[ENTITIES_OF_CONTROLS] += gone
        if kept := [row for row in words if row[1]]:
            result.append(kept)
    return result


def _entities_gone(sentence: list[Row]) -> int:
    """How many of the sentence's entities (read by their tags as `_iob` reads them) have no word left: each was
    a word of control characters alone, left out with its line, and the entity with it."""
    entities: list[list[str]] = []
    previous = "O"
    for _, word, tag in sentence:
        prefix, _, name = tag.partition("-")
        if prefix in {"B", "I"} and name:
            if not entities or prefix == "B" or previous.partition("-")[2] != name:
                entities.append([])
            entities[-1].append(word)
        previous = tag
    return sum(1 for words in entities if not any(words))


def refined(text: str, tokens: list[Token]) -> list[Token]:
    """The file's tokens, each cut where spaCy's tokenizer cuts it too ("boats." -> "boats", "."): a tool that
    leaves punctuation on its tokens still gives articles whose spans, trimmed to the span rules (--snap), fall
    on tokens; every boundary of the file stays a boundary."""
    cuts = {offset for token in tokenize([text])[0] for offset in (token.start, token.end)}
    result: list[Token] = []
    for token in tokens:
        points = sorted({token.start, token.end} | {c for c in cuts if token.start < c < token.end})
        result.extend(Token(start, end) for start, end in itertools.pairwise(points))
    return result


def read(path: Path, options: ReadOptions) -> Iterator[Read]:
    path, content = read_text(path)
    refuse_foreign_file(str(path), "conll", content)
    cut = cut_line(content)
    guessed = options.conll_blocks is None and not has_docstart(content)  # blocks as sentences, by default
    for line, document in documents(content, options.conll_blocks):
        if isinstance(document, InputError):  # a bad line: its document is that error, skipped with --skip-invalid
            refused = partial(_refused, document, path)
            yield from guarded_items(options, Where(str(path), line=line), partial(_cut_short, cut, refused))
            continue
        where = Where(str(path), line=line)
        said = (BLOCKS_AS_SENTENCES.format(blocks=len(document)),) if guessed and len(document) > 1 else ()
        records = partial(_records, document, options, where, said)
        yield from guarded_items(options, where, partial(_cut_short, cut, records))


def _cut_short(cut: int | None, items: Callable[[], Iterable[Read]]) -> list[Read]:
    """What `items()` gives; an error about the columns of the line the file looks cut short in (`conll_layout.cut_line`: "got
    '_'" was all a truncated file said) asks whether it was."""
    try:
        return list(items())
    except InputError as error:
        columns = error.field == "tag" or error.reason.startswith(NO_TAG)
        if cut is None or error.line != cut or not columns:
            raise
        raise InputError(error.reason + TRUNCATED, path=error.path, line=error.line, field=error.field) from None


def _refused(error: InputError, path: Path) -> list[Read]:
    raise InputError(error.reason, path=str(path), line=error.line, field=error.field)


def _records(document: list[list[Row]], options: ReadOptions, where: Where, said: tuple[str, ...]) -> list[Read]:
    return [dataclasses.replace(_record(document, options, where), said=said)]


#: Said when a file without -DOCSTART- has several blocks: read as one article's sentences, which doccano's meant not.
BLOCKS_AS_SENTENCES = (
    "{blocks} blocks read as the sentences of one article: the file has no -DOCSTART- line to start an article "
    "(CoNLL-2003's); --conll-blocks articles reads each block as an article (doccano's CoNLL export writes an "
    "example a block)"
)

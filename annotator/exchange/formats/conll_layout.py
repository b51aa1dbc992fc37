"""How a CoNLL or .iob file's lines make documents, sentences and columns (the rules are in `formats.conll`'s
docstring): lines end at a line feed (a carriage return before it is the line's end too), columns are separated by
spaces and tabs (and Unicode's other spaces, a no-break space among them, as `str.split` takes them). A form feed,
a vertical tab, the separators \\x1c-\\x1f, NEL or the line and paragraph separators are none of these, though
`str.split` and `str.splitlines` break at them: inside a word, one is a character of the word (left out of the
rebuilt text and counted, as other control characters are), so 'Pa\\x0cris' is not cut into 'Pa' and a lost 'ris'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from annotator.errors import InputError
from annotator.exchange.files import Where
from annotator.literal import quoted

#: --conll-blocks: a blank-line-separated block of a token-per-line file (a line of a sentence-per-line one) is a
#: sentence of the article the -DOCSTART- lines bound (CoNLL-2003's, spaCy's, ours), or an article (doccano's export).
SENTENCES, ARTICLES = "sentences", "articles"
#: The middle columns of every token line of Label Studio's CONLL2003 export (`TOKEN -X- _ TAG`), which writes a
#: task a block after one `-DOCSTART- -X- O` line.
LABEL_STUDIO_COLUMNS = ["-X-", "_"]
Row = tuple[int, str, str]  # line number, word, tag
#: A line of one column.
NO_TAG = "expected a token and its tag, separated by white space"
#: A document's sentences, or the error of its first bad line.
Document = list[list[Row]] | InputError
#: A run of white space that separates columns: any but the line-breaking characters (see the docstring).
SEPARATOR = re.compile(r"[^\S\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")


def columns(line: str) -> list[str]:
    """A line's columns, as `str.split()` gives them but for the characters it wrongly takes for white space."""
    return [column for column in SEPARATOR.split(line) if column]


def _tagged(item: str) -> bool:
    """`word|TAG` or `word|POS|TAG`: a token of spaCy's sentence-per-line .iob files."""
    parts = item.split("|")
    return len(parts) in (2, 3) and all(parts) and (parts[-1] == "O" or parts[-1][:2] in ("B-", "I-"))


def has_docstart(content: str) -> bool:
    """Whether a line of the file is a -DOCSTART- line (whatever its columns: `-X- O O`, Label Studio's `-X- O`)."""
    return any(line.strip().startswith("-DOCSTART-") for line in content.split("\n"))


def _label_studios(data: list[tuple[int, str]]) -> bool:
    """Label Studio's CONLL2003 export, known by its token lines (`LABEL_STUDIO_COLUMNS`), not its -DOCSTART- line."""
    return all(found[1:3] == LABEL_STUDIO_COLUMNS and len(found) == 4 for found in (columns(line) for _, line in data))


def documents(content: str, blocks: str | None = None) -> Iterator[tuple[int, Document]]:
    """(first line, sentences) of every document in a CoNLL or .iob file, by the rules in `formats.conll`'s docstring;
    `blocks` (--conll-blocks): `SENTENCES` or `ARTICLES`, else as the file's shape says."""
    lines = [(number, raw.strip()) for number, raw in enumerate(content.split("\n"), start=1)]
    data = [(n, line) for n, line in lines if line and not line.startswith("-DOCSTART-")]
    if data and all(_tagged(item) for item in columns(data[0][1])):  # sentence per line
        yield from _line_documents(lines, blocks == ARTICLES if blocks else not has_docstart(content))
        return
    blocks_are_documents = blocks == ARTICLES if blocks else bool(data) and _label_studios(data)
    document: list[list[Row]] = [[]]
    start: int | None = None  # the line the document starts at: its -DOCSTART- line, or its first token
    broken: InputError | None = None  # the document's first bad line: it is that error (--skip-invalid skips it)
    for number, line in lines:
        ends = line.startswith("-DOCSTART-") or (blocks_are_documents and not line)
        if ends and (any(document) or broken):
            yield start or number, broken or [s for s in document if s]
        if ends:
            document, start, broken = [[]], None if blocks_are_documents or not line else number, None
            continue
        if not line:
            if document[-1]:
                document.append([])
            continue
        found = columns(line)
        start = start or number
        if len(found) < 2:
            broken = broken or Where("", line=number).error(NO_TAG)
            continue
        document[-1].append((number, found[0], found[-1]))
    if any(document) or broken:
        yield start or 1, broken or [s for s in document if s]


def _line_documents(lines: list[tuple[int, str]], line_a_document: bool) -> Iterator[tuple[int, Document]]:
    """Sentence per line: each line a document (`line_a_document`), as `spacy convert` makes them, or the lines
    between -DOCSTART- lines one."""
    document: list[list[Row]] = []
    start_line = 1
    broken: InputError | None = None
    for number, line in lines:
        if line.startswith("-DOCSTART-") or (line_a_document and line):
            if document or broken:
                yield start_line, broken or document
            document, start_line, broken = [], number, None
            if line.startswith("-DOCSTART-"):
                continue
        if not line:
            continue
        sentence = []
        for item in columns(line):
            if not _tagged(item):
                broken = broken or Where("", line=number).error(
                    f"expected word|TAG or word|POS|TAG, got {quoted(item)}"
                )
                break
            parts = item.split("|")
            sentence.append((number, parts[0], parts[-1]))
        document.append(sentence)
    if document or broken:
        yield start_line, broken or document


def cut_line(content: str) -> int | None:
    """The number of the file's last line when it looks cut short in it (`head -c`, a copy stopped): no line break
    ends the file, and that line has fewer columns than the token line before it."""
    if not content or content.endswith("\n"):
        return None
    lines = content.split("\n")
    last = columns(lines[-1])
    before = next(
        (columns(line) for line in reversed(lines[:-1]) if line.strip() and not line.startswith("-DOCSTART-")), None
    )
    return len(lines) if last and before is not None and len(last) < len(before) else None

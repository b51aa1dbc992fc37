"""Read GUM's dependency files (CoNLL-U with the entity layer in MISC) into plain Python documents.

GUM (Zeldes 2017, https://github.com/amir-zeldes/gum, annotations CC BY 4.0) keeps one document per
`dep/GUM_<genre>_<name>.conllu`. Each token's MISC column may carry `Entity=...`: mentions open with
`(GRP-etype-infstat-salience-centering-minspan-link[-identity]` and close with `GRP)`; a one-token mention opens
and closes on the same token (`(...)`). `identity` (a Wikipedia-style name) is present on named mentions.

What this module gives, per document: the text rebuilt exactly from the tokens (a space where SpaceAfter is not
"No", a newline between paragraphs), every word with its character offsets, gold UPOS/XPOS/head/relation, and
every mention as (first word, last word + 1, etype, link, identity). Multi-word tokens (`2-3 report's`) keep
their surface form in the text; their words are the parts, with offsets inside the surface when the parts
spell it, else all on the whole surface.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

GENRE = re.compile(r"GUM_([a-z]+)_")


@dataclass
class Word:
    form: str
    lemma: str
    upos: str
    xpos: str
    head: int  # document-level index of the head word, -1 for the root
    deprel: str
    start: int  # character offsets in Document.text
    end: int
    sent: int


@dataclass
class Mention:
    start: int  # first word (document index)
    end: int  # one past the last word
    etype: str
    link: str
    identity: str | None
    group: str

    @property
    def named(self) -> bool:
        return self.identity is not None


@dataclass
class Document:
    id: str
    genre: str
    text: str
    words: list[Word] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # word ranges

    def children(self) -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in self.words]
        for i, w in enumerate(self.words):
            if w.head >= 0:
                kids[w.head].append(i)
        return kids


_OPEN = re.compile(r"\(([^()]+?)(?=[()]|$)")


def _parse_entity_field(value: str) -> tuple[list[tuple[list[str], bool]], list[str]]:
    """Split `Entity=` into opened mentions (fields, closes on this token) and closed groups (in order)."""
    opened: list[tuple[list[str], bool]] = []
    closed: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            fields = value[i + 1 : j].split("-")
            single = j < len(value) and value[j] == ")"
            opened.append((fields, single))
            i = j + 1 if single else j
        else:
            j = value.index(")", i)
            closed.append(value[i:j])
            i = j + 1
    return opened, closed


class _TextBuilder:
    """Appends surface forms with the separator owed before each (a space, nothing, or a line break)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        self.owed = ""

    def add(self, surface: str) -> int:
        if self.pieces and self.owed:
            self.pieces.append(self.owed)
            self.length += len(self.owed)
        start = self.length
        self.pieces.append(surface)
        self.length += len(surface)
        self.owed = ""
        return start

    def text(self) -> str:
        return "".join(self.pieces)


def _sentences(lines: list[str]):
    """(starts a paragraph, token rows) for each sentence; `# newpar` opens a paragraph."""
    rows: list[list[str]] = []
    new_paragraph = False
    paragraph_of_sentence = False
    for line in lines:
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            new_paragraph = True
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows:
                yield paragraph_of_sentence, rows
            rows = []
        else:
            if not rows:
                paragraph_of_sentence, new_paragraph = new_paragraph, False
            rows.append(line.split("\t"))
    if rows:
        yield paragraph_of_sentence, rows


def read_document(path: Path) -> Document:
    doc_id = path.stem
    match = GENRE.match(doc_id)
    doc = Document(id=doc_id, genre=match.group(1) if match else "", text="")
    text = _TextBuilder()
    open_mentions: dict[str, list[tuple[int, list[str]]]] = {}
    for new_paragraph, rows in _sentences(path.read_text("utf-8").splitlines()):
        base = len(doc.words)
        words = [row for row in rows if row[0].isdigit()]  # no ranges (1-2), no empty nodes (1.1)
        index_of = {row[0]: base + i for i, row in enumerate(words)}
        ranges = {int(row[0].split("-")[0]): row for row in rows if "-" in row[0]}
        text.owed = "\n" if new_paragraph else " "
        multiword_end, cursor, surface_start, surface, spelled = 0, 0, 0, "", False
        for row in words:
            number, form = int(row[0]), row[1]
            if number in ranges:  # a multi-word token: its surface goes into the text once
                first, last = (int(x) for x in ranges[number][0].split("-"))
                surface = ranges[number][1]
                surface_start = cursor = text.add(surface)
                multiword_end = last
                parts = [r[1] for r in words if first <= int(r[0]) <= last]
                spelled = "".join(parts) == surface
                space_after = "SpaceAfter=No" not in ranges[number][9]
            if number <= multiword_end:
                if spelled:
                    start, end = cursor, cursor + len(form)
                    cursor = end
                else:
                    start, end = surface_start, surface_start + len(surface)
                if number == multiword_end:
                    text.owed = " " if space_after else ""
            else:
                start = text.add(form)
                end = start + len(form)
                text.owed = "" if "SpaceAfter=No" in row[9] else " "
            position = len(doc.words)
            doc.words.append(
                Word(
                    form=form,
                    lemma=row[2],
                    upos=row[3],
                    xpos=row[4],
                    head=index_of[row[6]] if row[6] != "0" else -1,
                    deprel=row[7],
                    start=start,
                    end=end,
                    sent=len(doc.sentences),
                )
            )
            for item in row[9].split("|"):
                if item.startswith("Entity="):
                    opened, closed = _parse_entity_field(item[len("Entity=") :])
                    for fields, single in opened:  # a one-word mention closes at once
                        if single:
                            _add_mention(doc, position, position + 1, fields)
                        else:
                            open_mentions.setdefault(fields[0], []).append((position, fields))
                    for group in closed:
                        first_word, fields = open_mentions[group].pop()
                        _add_mention(doc, first_word, position + 1, fields)
        doc.sentences.append((base, len(doc.words)))
    doc.text = text.text()
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    return doc


def realign(doc: Document, text: str) -> None:
    """Move the words onto `text`, which must hold the same characters apart from white space (the corpus's
    copy of a GUM news article breaks lines where GUM's paragraphs and headings end)."""
    ours = [i for i, ch in enumerate(doc.text) if not ch.isspace()]
    theirs = [i for i, ch in enumerate(text) if not ch.isspace()]
    if len(ours) != len(theirs) or any(doc.text[a] != text[b] for a, b in zip(ours, theirs, strict=True)):
        raise ValueError(f"{doc.id}: the text differs beyond white space")
    where = {a: b for a, b in zip(ours, theirs, strict=True)}
    for word in doc.words:
        word.start, word.end = where[word.start], where[word.end - 1] + 1
    doc.text = text


def _add_mention(doc: Document, start: int, end: int, fields: list[str]) -> None:
    group, etype = fields[0], fields[1]
    link = fields[6] if len(fields) > 6 else ""
    identity = fields[7] if len(fields) > 7 and fields[7] not in ("", "_") else None
    doc.mentions.append(Mention(start=start, end=end, etype=etype, link=link, identity=identity, group=group))


def read_corpus(folder: Path, genres: set[str] | None = None, ids: set[str] | None = None) -> list[Document]:
    """Every GUM_*.conllu under `folder` whose genre is in `genres` (all when None) or whose id is in `ids`."""
    docs = []
    for path in sorted(folder.glob("GUM_*.conllu")):
        genre = GENRE.match(path.stem).group(1)
        if (genres is None or genre in genres) or (ids is not None and path.stem in ids):
            docs.append(read_document(path))
    return docs

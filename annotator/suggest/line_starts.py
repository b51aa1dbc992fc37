"""A line break ends a sentence: the parser never runs one line into the next.

Every part of the project reads a line as a paragraph (the quote finder, the speakers, the screen's paragraph
keys), but spaCy's parser joins a line without final punctuation to the next: a headline on a .txt file's first
line became the first words of the body's first sentence ("Fire at warehouse in Hull\\nFirefighters from
Humberside said ..." parsed "Firefighters" as a place in Hull and "Humberside" as the one who said). The
component runs before the parser and marks the first word of each line as a sentence start, which spaCy's parser
keeps; it decides every other boundary as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

LINE_STARTS = "annotator_line_starts"


@Language.component(LINE_STARTS)
def mark_line_starts(doc: Doc) -> Doc:
    """The first word after each line break starts a sentence (white-space tokens stay with the line before)."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False  # spaCy keeps a line break as a token of its own, never in whitespace_
    return doc


def with_line_starts(nlp: Language) -> Language:
    """`nlp` with the component before its parser (a pipeline without a parser, or with it already, as it is)."""
    if "parser" in nlp.pipe_names and LINE_STARTS not in nlp.pipe_names:
        nlp.add_pipe(LINE_STARTS, before="parser")
    return nlp

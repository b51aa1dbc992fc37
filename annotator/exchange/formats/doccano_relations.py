"""doccano's relation variant (`entities`, `relations`): see annotator.exchange.formats.doccano for both shapes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from annotator.exchange.files import write_text_lines
from annotator.exchange.formats.common import RecordLike, TokensOf, dumps
from annotator.exchange.formats.doccano import note_overlaps, read, with_relations
from annotator.exchange.formats.options import ExportOptions

CARRIES_FLAGS = True  # flag reasons and comments: keys of their own (see flag_and_comments)
SUFFIX = ".jsonl"
CANNOT_CARRY: tuple[str, ...] = ()

__all__ = ["CANNOT_CARRY", "SUFFIX", "read", "write"]


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf | None, options: ExportOptions) -> int:
    return write_text_lines((dumps(with_relations(r)) + "\n" for r in note_overlaps(records, options.written)), out)

"""File formats, one module each: converting file records to and from `NativeRecord`, nothing else (no database).

Each format module offers `read(path, options) -> Iterator[ImportedRecord | Skipped]` and
`write(records, out, tokens_of, options) -> int` (to a binary stream), plus `SUFFIX` and `CANNOT_CARRY`, what
of a native record the format loses, and optionally `config(path, options) -> str`: the file the target tool needs
beside the export to read it (`export --config PATH`). Modules are imported when asked for: spaCy loads only for
formats needing it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from annotator.errors import AnnotatorError

if TYPE_CHECKING:  # the registry's names load nothing else: the CLI lists them in its help at start-up
    from annotator.exchange.formats.common import Read, RecordLike, TokensOf
    from annotator.exchange.formats.options import ExportOptions, ReadOptions

#: Format name -> module under annotator.exchange.formats.
FORMATS: dict[str, str] = {
    "jsonl": "jsonl",
    "prodigy": "prodigy",
    "doccano": "doccano",
    "doccano-relations": "doccano_relations",
    "spacy": "spacy_docbin",
    "conll": "conll",
    "labelstudio": "labelstudio",
}


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    cannot_carry: tuple[str, ...]
    needs_tokens: bool
    #: Whether the format has a place for flag reasons and comments (`CARRIES_FLAGS`); an export says what it left.
    carries_flags: bool
    #: Whether the export is bytes, not text (`BINARY`: spaCy's DocBin), which no terminal shows.
    binary: bool
    read: Callable[[Path, ReadOptions], Iterator[Read]]
    write: Callable[[Iterable[RecordLike], IO[bytes], TokensOf, ExportOptions], int]
    #: (export's path, options after writing) -> the tool's config for that export; None: the format has none.
    config: Callable[[Path, ExportOptions], str] | None = None


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise AnnotatorError(f"unknown format {name!r} (known: {', '.join(FORMATS)})")
    module = importlib.import_module(f"annotator.exchange.formats.{FORMATS[name]}")
    carries_flags = getattr(module, "CARRIES_FLAGS", False)
    return Format(
        name=name,
        suffix=module.SUFFIX,
        # a format with no place for flag reasons and comments cannot carry them either (spaCy's, CoNLL's)
        cannot_carry=(*module.CANNOT_CARRY, *(() if carries_flags else ("flag reasons", "comments"))),
        needs_tokens=getattr(module, "NEEDS_TOKENS", False),
        carries_flags=carries_flags,
        binary=getattr(module, "BINARY", False),
        read=module.read,
        write=module.write,
        config=getattr(module, "config", None),
    )

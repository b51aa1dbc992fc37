"""An annotation's spans on their way out of the store: `RecordSpan`, and `StoredSpans`, the store's rows made
spans only when a format reads them as such (the native JSONL writes the rows as they are)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple, overload

from annotator.models import Label, NativeRecord, Unchecked
from annotator.rows import Offsets


class RecordSpan(NamedTuple):
    """A span of a record on its way out: the span alone, without the database's ids. A named tuple: an export
    makes one for every stored span, and a tuple is made three times faster than a frozen dataclass."""

    start: int
    end: int
    label: Label
    text: str
    speaker: Offsets | None = None


#: The key our Label Studio export (in the task's `meta`) and Prodigy export (in the task) write `spans_digest` in.
DIGEST = "spans_digest"


def spans_digest(spans: Iterable[Any]) -> str:
    """A digest of spans (offsets, label, speaker's offsets): our Label Studio and Prodigy exports write their
    record's (`DIGEST`), and an annotation whose spans read back the same was not changed in the other tool, only
    touched (updated unchanged, answered again), so its newer moment there is no work."""
    rows = sorted(
        (s.start, s.end, s.label.value, *((s.speaker.start, s.speaker.end) if s.speaker is not None else ()))
        for s in spans
    )
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]


def same_spans(given: dict[str, Any], spans: Iterable[Any]) -> bool | None:
    """Whether an annotation's spans are those our export wrote (the `DIGEST` in `given`: Label Studio's task
    `meta`, a Prodigy task); None: it has none (an export older than it, or none of ours)."""
    digest = given.get(DIGEST)
    return digest == spans_digest(spans) if isinstance(digest, str) else None


def unchecked_commands(record: NativeRecord) -> list[str]:
    """The commands that alone wrote a native record's work, as its `unchecked` names them, while the record still
    has the status and the spans they wrote (its digest): else none, the record being a person's work (someone
    changed it in the file since, or it never said so). An import keeps such work no person's (`store.unchecked`)."""
    said = _still_said(record)
    return list(said.commands) if said is not None else []


def said_as_suggested(record: NativeRecord) -> bool:
    """Whether a native record's `unchecked` says its work is exactly the model's suggestions (`as_suggested`: A
    then d on the screen too), while the record still has that status and those spans (`unchecked_commands`'
    rule). An import keeps it so (`store.as_suggested`), however the database it goes into was suggested."""
    said = _still_said(record)
    return said is not None and said.as_suggested


def _still_said(record: NativeRecord) -> Unchecked | None:
    said = record.unchecked
    if said is None or said.status != record.status or said.spans_digest != spans_digest(record.spans):
        return None
    return said


#: A span as the store reads it for an export: (start, end, label, text, speaker_start, speaker_end).
SpanRow = tuple[int, int, str, str, int | None, int | None]

#: Labels by their stored names (a name the schema would not let in is a KeyError, never written).
LABELS = {label.value: label for label in Label}


class StoredSpans(Sequence[RecordSpan]):
    """An annotation's stored spans as the store's rows (`rows`), made `RecordSpan`s the first time they are read
    as such. The native JSONL writes the rows as they are, so its export makes one object a span (the JSON
    object), as a plain sqlite3 + json loop does, instead of a named tuple first (benchmarks/export.py)."""

    __slots__ = ("_spans", "rows")

    def __init__(self, rows: list[SpanRow]) -> None:
        self.rows = rows
        self._spans: list[RecordSpan] | None = None

    def _made(self) -> list[RecordSpan]:
        if self._spans is None:
            new = tuple.__new__  # RecordSpan(...) through its Python-level __new__ costs twice as much, per span
            self._spans = [
                new(
                    RecordSpan,
                    (start, end, LABELS[label], text, None if s_start is None else new(Offsets, (s_start, s_end))),
                )
                for start, end, label, text, s_start, s_end in self.rows
            ]
        return self._spans

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> RecordSpan: ...
    @overload
    def __getitem__(self, index: slice) -> list[RecordSpan]: ...
    def __getitem__(self, index: int | slice) -> RecordSpan | list[RecordSpan]:
        return self._made()[index]

    def __iter__(self) -> Iterator[RecordSpan]:
        return iter(self._made())

    def __eq__(self, other: object) -> bool:
        """Equal to the same spans as a list (or as stored spans), as the list it stands for would be."""
        if isinstance(other, StoredSpans):
            other = other._made()
        return self._made() == other

    __hash__ = None  # type: ignore[assignment]  # a list's spans: not hashable

    def __repr__(self) -> str:
        return f"StoredSpans({self._made()!r})"

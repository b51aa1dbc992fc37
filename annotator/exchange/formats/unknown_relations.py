"""Every unknown relation name of a file in one error, as unknown labels are (`unknown_labels`): a trial named one
a run (doccano's foundedAt, then foundedBy). An import without --skip-invalid notes each relation name it does not
know (`speakers.link_speaker`) and reads on, as if --relation-map dropped it; at the end of the file (or at another
error, which stops the reading) the first one is refused where it is, naming each with its count.

The --relation-map it shows is a placeholder to fill in, as the labels' is, not `NAME=SPEAKER`: SPEAKER joins a
quote and who said it, and a relation pasted as SPEAKER that links something else (doccano's foundedBy joins a
company and its founders) would be refused, or, between a quote and an actor it does not name as the speaker, make
a wrong speaker without a word."""

from __future__ import annotations

from collections import Counter

from annotator.errors import InputError
from annotator.exchange.formats.unknown_labels import counted_where, shown_name

#: How many other names the error lists; the rest are counted.
SHOWN = 12
#: What RELATION stands for in a --relation-map the error shows.
CHOICE = "SPEAKER if it links a quote to who said it, or nothing to drop it"


def map_hint(name: str) -> str:
    """How to map or drop one relation name, to be filled in: for an error naming it alone (--skip-invalid)."""
    return f" (map it with --relation-map {name}=RELATION, RELATION {CHOICE})"


class UnknownRelations:
    """The relation names a file's reading did not know: the first one's error (its place and field, without a hint)
    and how many relations have each name."""

    def __init__(self) -> None:
        self.first: InputError | None = None
        self.counts: Counter[str] = Counter()

    def add(self, name: str, error: InputError) -> None:
        if self.first is None:
            self.first = error
        self.counts[name] += 1

    def error(self, stopped: InputError | None = None) -> InputError | None:
        """The error for the first unknown name, listing them all; `stopped`: another error that ended the reading
        before the end of the file (so those listed are the ones before it). None when every name was known."""
        first = self.first
        if first is None:
            return None
        where = counted_where(first, stopped)
        names = list(self.counts)
        listed = ", ".join(f"{shown_name(name)} x{self.counts[name]}" for name in names[: SHOWN + 1])
        listed += f" and {len(names) - SHOWN - 1} more" if len(names) > SHOWN + 1 else ""
        mapping = ",".join(f"{name}=RELATION" for name in names)
        each = "each RELATION" if len(names) > 1 else "RELATION"
        return InputError(
            f"{first.reason} (unknown {where}: {listed}; map {'them' if len(names) > 1 else 'it'} with "
            f"--relation-map {mapping}, {each} {CHOICE}, as NAME=)",
            path=first.path,
            line=first.line,
            field=first.field,
            record=first.record,
        )

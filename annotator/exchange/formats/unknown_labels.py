"""Every unknown label of a file in one error (newcomer 42x, 2: a Prodigy dataset named one a run, ORG, then
PERSON, ...). An import without --skip-invalid notes each label it does not know (`common.label_of`) and reads on,
as if --label-map dropped it, instead of stopping; at the end of the file (or at the next other error, which
stops the reading) the first one is refused where it is, with its count, naming the others with theirs and the one
--label-map that maps them all. The file is read once."""

from __future__ import annotations

from collections import Counter

from annotator.errors import InputError
from annotator.vocabulary import Label

#: How many other labels the error names; the rest are counted.
SHOWN = 12
#: Where `common.unknown_label`'s hint begins (`common.MAP_HINT`, which imports this module's importers).
HINT = " (map it with --label-map "
#: What each LABEL of a map to fill in stands for, said alike for one label and for several.
EACH_LABEL = (
    "{each} the one it stands for (" + ", ".join(label.value for label in Label) + ") or nothing to drop it, as"
)


class UnknownLabels:
    """The labels a file's reading did not know: the first one's error (its place and field), and how many spans
    each label has."""

    def __init__(self) -> None:
        self.first: InputError | None = None
        self.counts: Counter[str] = Counter()

    def add(self, name: str, error: InputError, counted: bool = True) -> None:
        """Note an unknown label; `counted`: it begins a span (not a CoNLL I- tag inside one: spans are counted)."""
        if self.first is None:
            self.first = error
        self.counts[name] += 1 if counted else 0

    def error(self, stopped: InputError | None = None) -> InputError | None:
        """The error for the first unknown label, naming the others; `stopped`: another error that ended the
        reading before the end of the file (so the others are those before it). None when every label was known."""
        first = self.first
        if first is None:
            return None
        name = next(iter(self.counts))
        others = [(label, count) for label, count in self.counts.items() if label != name]
        where = counted_where(first, stopped)
        reason, hint = [*first.reason.split(HINT, 1), ""][:2]
        if not others:  # its count, and the hint as `common.unknown_label` gave it
            counted = f"{reason} ({shown_name(name)} x{self.counts[name]} {where}"
            said = f"{counted}; map it with --label-map {hint}" if hint else f"{counted})"
            return InputError(said, path=first.path, line=first.line, field=first.field, record=first.record)
        listed = ", ".join(
            f"{shown_name(label)} x{count}" for label, count in [(name, self.counts[name]), *others[:SHOWN]]
        )
        listed += f" and {len(others) - SHOWN} more" if len(others) > SHOWN else ""
        names = [name, *(label for label, _ in others)]
        mapping = ",".join(f"{label}=LABEL" for label in names)  # to be chosen: a copied ACTOR made dates people
        return InputError(
            f"{reason} (unknown {where}: {listed}; map them with --label-map {mapping}, "
            f"{EACH_LABEL.format(each='each LABEL')} NAME=)",
            path=first.path,
            line=first.line,
            field=first.field,
            record=first.record,
        )


def shown_name(label: str) -> str:
    """A label (or relation name) as the error lists it: as written, or quoted when it holds anything but letters,
    digits, - and _ (repr on purpose: a space or a control character in a name shows as its escape)."""
    return label if label and all(c.isalnum() or c in "-_" for c in label) and len(label) <= 40 else repr(label[:40])


def counted_where(first: InputError, stopped: InputError | None) -> str:
    """Where the names counted were found: in the whole file, or up to another error that stopped the reading (on the
    first one's own line, every name counted is there: "before" it is none)."""
    if stopped is None:
        return "in this file"
    at = "on" if _place(stopped) == _place(first) else "before"
    return f"{at} {_place(stopped)} (another error there stopped the reading)"


def _place(error: InputError) -> str:
    if error.line is not None:
        return f"line {error.line}"
    return f"record {error.record}" if error.record is not None else "the end of the file"

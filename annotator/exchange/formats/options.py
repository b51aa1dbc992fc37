"""What an import or an export is asked to do: the options every format shares, parsed from the command line.

Import: whose work it is, --label-map (FOREIGN=LABEL, or FOREIGN= to drop), --relation-map (NAME=SPEAKER, or
NAME= to drop), --skip-invalid, --snap, --spans-key, --user-map, --text-field and --config (Label Studio's), --conll-blocks. Export: --status, --labels, --spans-key, and what the
writer found on its way (`Written`). A bad value is a one-line error naming the option.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from annotator.errors import InputError
from annotator.exchange.formats.labelstudio_config import LabelConfig
from annotator.exchange.formats.unknown_labels import UnknownLabels
from annotator.exchange.formats.unknown_relations import UnknownRelations
from annotator.vocabulary import Label, Status

#: The relation label quotes and their speakers carry in formats with relations.
SPEAKER_RELATION = "SPEAKER"


def _pairs(text: str | None, option: str, expected: str) -> Iterator[tuple[str, str]]:
    """Each FOREIGN=OURS of a map option; a name mapped twice is an error, not a silent last-one-wins."""
    seen: set[str] = set()
    for item in (text or "").split(","):
        if not item.strip():
            continue
        foreign, equals, ours = item.partition("=")
        if not foreign.strip() or not equals:
            raise InputError(f"expected {expected}, got {item.strip()!r}", field=option)
        if foreign.strip() in seen:
            raise InputError(f"{foreign.strip()!r} is mapped twice", field=option)
        seen.add(foreign.strip())
        yield foreign.strip(), ours.strip()


def parse_label_map(text: str | None) -> dict[str, Label | None]:
    """`PERSON=ACTOR,GPE=LOCATION,DATE=` -> {"PERSON": ACTOR, "GPE": LOCATION, "DATE": None}: an empty right-hand
    side drops that label's spans. A bad entry is a one-line error."""
    mapping: dict[str, Label | None] = {}
    for foreign, ours in _pairs(text, "--label-map", "FOREIGN=LABEL (or FOREIGN= to drop it)"):
        if not ours:
            mapping[foreign] = None
            continue
        try:
            mapping[foreign] = Label(ours)
        except ValueError:
            known = ", ".join(label.value for label in Label)
            raise InputError(f"{ours!r} is not a label (known: {known})", field="--label-map") from None
    return mapping


def parse_user_map(text: str | None) -> dict[int, str]:
    """`1=alice,3=carol@x.org` -> {1: "alice", 3: "carol@x.org"}: a Label Studio user id, as its JSON export writes
    `completed_by`, and the name their work is stored under. One name is one annotator: two ids given the same name
    are an error (that would merge two people's work). The names are checked as names where they enter
    (`cli.importing`)."""
    expected = "ID=NAME, a Label Studio user id and the name to store their work under"
    names: dict[int, str] = {}
    for number, name in _pairs(text, "--user-map", expected):
        if not name:
            raise InputError(f"expected {expected}, got {number + '='!r}", field="--user-map")
        if "=" in name:  # "3=carol;4=dan", "3=carol 4=dan": a typo, never a name (trial 38c made 'carol;4=dan')
            raise InputError(
                f"{name!r} holds a '=': give the pairs apart with commas (1=alice,3=carol)", field="--user-map"
            )
        if not (number.isascii() and number.isdigit()):
            raise InputError(
                f"{number!r} is not a Label Studio user id (a whole number, as its export writes them)",
                field="--user-map",
            )
        if name in names.values():
            first = next(key for key, value in names.items() if value == name)
            raise InputError(
                f"{name!r} is given to users {first} and {int(number)}: one name is one annotator", field="--user-map"
            )
        names[int(number)] = name
    return names


def parse_relation_map(text: str | None) -> dict[str, str | None]:
    """`said=SPEAKER,foundedBy=` -> {"said": SPEAKER, "foundedBy": None}: a relation becomes a speaker link or is
    dropped; SPEAKER is the only relation we have."""
    mapping: dict[str, str | None] = {}
    for foreign, ours in _pairs(text, "--relation-map", f"NAME={SPEAKER_RELATION} (or NAME= to drop it)"):
        if ours and ours != SPEAKER_RELATION:
            raise InputError(f"{ours!r} is not a relation (the only one is {SPEAKER_RELATION})", field="--relation-map")
        mapping[foreign] = ours or None
    return mapping


def parse_statuses(text: str) -> frozenset[Status]:
    """`done`, `done,in_progress` or `all` -> the statuses an export takes; a bad name is a one-line error."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if names == ["all"]:
        return frozenset(Status)
    try:
        chosen = frozenset(Status(name) for name in names)
    except ValueError as error:
        known = ", ".join([*(s.value for s in Status), "all"])
        raise InputError(f"{str(error).split()[0]} is not a status (known: {known})", field="--status") from None
    if not chosen:
        raise InputError("name at least one status, or all", field="--status")
    return chosen


def parse_labels(text: str | None) -> frozenset[Label]:
    """`ACTOR,LOCATION` -> the labels an export keeps (all of them when not given)."""
    if text is None:
        return frozenset(Label)
    try:
        chosen = frozenset(Label(name.strip()) for name in text.split(",") if name.strip())
    except ValueError as error:
        known = ", ".join(label.value for label in Label)
        raise InputError(f"{str(error).split()[0]} is not a label (known: {known})", field="--labels") from None
    if not chosen:
        raise InputError("name at least one label", field="--labels")
    return chosen


#: The span group a DocBin keeps quotes in, unless --spans-key says otherwise.
QUOTES_KEY = "quotes"
#: The span group spaCy's NER keeps rejected spans in (`incorrect_spans_key`, error E869): never anyone's spans.
INCORRECT_SPANS_KEY = "incorrect_spans"
#: What --spans-key incorrect_spans is told (trial 11: the import advised it, and it stored a rejected "Paris" as
#: an ACTOR).
INCORRECT_SPANS_REFUSED = (
    f"--spans-key {INCORRECT_SPANS_KEY}: spaCy keeps rejected entity spans under that key (incorrect_spans_key), no "
    "one's spans: without the option they are left out and counted"
)


@dataclass(frozen=True)
class ReadOptions:
    """What an importer needs beyond the file: whose work it is, how to read foreign labels and relations, and
    whether a bad record stops the import (the default) or is skipped and listed."""

    annotator: str | None = None
    #: --rename: records naming another person are taken as `annotator`'s too (a Prodigy session id, an old name)
    rename: bool = False
    label_map: dict[str, Label | None] = field(default_factory=dict)
    relation_map: dict[str, str | None] = field(default_factory=dict)
    skip_invalid: bool = False
    spans_key: str = QUOTES_KEY
    snap: bool = False
    #: --user-map: Label Studio user ids -> the names their work is stored under (its JSON export names users by id)
    user_map: dict[int, str] = field(default_factory=dict)
    #: Where a reading notes the labels it does not know and reads on (`unknown_labels`), else None: the first stops it
    unknown_labels: UnknownLabels | None = None
    #: The same for relation names (`unknown_relations`)
    unknown_relations: UnknownRelations | None = None
    #: --text-field: the field of a Label Studio task's data its project reads the text from (`labelstudio_project`)
    text_field: str = "text"
    #: Whether --text-field was given (an error then names only the way left, `labelstudio_objects`)
    text_field_given: bool = False
    #: --config: a Label Studio project's labelling config (`labelstudio_config`): which object shows the text
    label_config: LabelConfig | None = None
    #: --conll-blocks: what a CoNLL file's blank-line-separated block is, "sentences" or "articles" (None: as its
    #: shape says, `conll_layout.documents`)
    conll_blocks: str | None = None

    def trim(self, dropped: Counter[str]) -> Counter[str] | None:
        """Where `checked_span` counts trimmed spans: only with --snap does it trim them."""
        return dropped if self.snap else None


@dataclass
class Written:
    """What a writer found on its way, for the user (`notes`: what the target tool will not take as written) and
    for a training config (how many entity spans, how long the quotes are in tokens)."""

    notes: Counter[str] = field(default_factory=Counter)
    #: The records of the annotator's that the export's statuses leave out, by status (said by `export`'s note)
    left_out: Counter[Status] = field(default_factory=Counter)
    docs: int = 0
    entity_spans: int = 0
    quote_tokens: list[int] = field(default_factory=list)


#: The statuses an export takes unless told otherwise: finished work only.
DONE_ONLY = frozenset({Status.DONE})


@dataclass(frozen=True)
class ExportOptions:
    """Which records and spans an export takes (by status, by label), where a DocBin keeps quotes, and what the
    writer found (`written`)."""

    statuses: frozenset[Status] = DONE_ONLY
    labels: frozenset[Label] = frozenset(Label)
    spans_key: str = QUOTES_KEY
    written: Written = field(default_factory=Written)

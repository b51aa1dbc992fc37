"""What an import reports: the records it stored, left out and skipped, and the conflicts with stored work it kept
as stored (`importing.store_records`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.exchange.duplicates import Superseded
from annotator.exchange.files import Where
from annotator.exchange.formats.common import Skipped
from annotator.exchange.kept_ids import IdNotKept
from annotator.exchange.realign import KeptRebuilt
from annotator.exchange.skipped_copies import SkippedCopy
from annotator.store.ends_aside import EndsAside


@dataclass(frozen=True)
class ImportConflict:
    """A record that differs from its annotator's stored work and is not shown to be newer: kept as stored unless
    `replace`. `stored_newer`: the stored work is later (else the file gave no time, or the same moment)."""

    where: Where
    article_id: str
    title: str
    annotator: str
    stored_newer: bool = True
    differs: str = ""  # what differs, in a few words (`verdicts.what_differs`)
    advice: str = ""  # said in place of the bare advice (`skipped_copies.edited_skip`)


@dataclass
class ImportReport:
    """What an import stored, and what it left out: records skipped (each with file, line and why), parts of
    records dropped on purpose (counted by kind), records equal to the stored work, and conflicts with newer
    stored work (kept as stored)."""

    records: int
    new_articles: int
    snapped: int = 0
    trimmed: int = 0
    utf16: int = 0  # spans whose offsets counted UTF-16 code units (an older Label Studio's), read as characters
    missing: int = 0  # Docs with tokens marked missing (partial annotation), stored in progress, not done
    decisions: int = 0
    unchanged: int = 0
    commented: int = 0  # records equal to the stored work but for comments it lacked (stored)
    comments: int = 0  # comments stored, of every record
    replaced: Counter[str] = field(default_factory=Counter)  # by the work replaced: "older", "newer", "unshown"
    suggestions: int = 0  # the model's, from records of suggestions (`export --suggestions`, `predict`)
    conflicts: list[ImportConflict] = field(default_factory=list)
    superseded: list[Superseded] = field(default_factory=list)  # earlier answers a later one in the file replaced
    skipped: list[Skipped] = field(default_factory=list)
    copies: list[SkippedCopy] = field(default_factory=list)  # skips of a copy of a text, left out (`skipped_copies`)
    dropped: Counter[str] = field(default_factory=Counter)
    realigned: int = 0  # records of a rebuilt text put on the stored article with the same words
    kept_rebuilt: list[KeptRebuilt] = field(default_factory=list)  # of an original text, on a rebuilt article
    #: New articles whose record, of a format with no status (CoNLL), is stored as done work: said on import.
    new_as_done: int = 0
    untagged: list[tuple[Where, str, str]] = field(default_factory=list)  # of those, no tag at all (`untagged`)
    rebuilt: list[tuple[Where, str, int]] = field(default_factory=list)  # new articles of a rebuilt text: where,
    # their id, and how many stored articles had their words (more than one: none was chosen)
    ids_not_kept: list[IdNotKept] = field(default_factory=list)  # Label Studio's, another kept (`kept_ids`)
    #: Records put under the name a rename standing on their article moved their annotator's work to (`here`).
    renamed_here: Counter[tuple[str, str]] = field(default_factory=Counter)
    ends_aside: list[EndsAside] = field(default_factory=list)  # of a stored text but for its end (`imported_ends`)

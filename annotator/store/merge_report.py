"""What a merge reports: its counts, the conflicts it left alone and the notes it makes (`store.merge.merge`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.store.ends_aside import EndsAside, PastShared
from annotator.store.same_titles import SameTitle
from annotator.vocabulary import Prefer


@dataclass(frozen=True)
class MergeConflict:
    """One annotator's work on one article that differs in the two files: a row of the merge report."""

    source: str
    article_id: str
    title: str
    annotator: str
    kept: Prefer
    differs: str = ""  # what differs, in a few words (`merge_source.differences`)
    renamed_to: str | None = None  # the annotator was renamed so here (`aliases`): theirs stays out, whatever `prefer`
    rename_there: bool = False  # with renamed_to or renamed_there: the rename to advise is in the other file
    renamed_there: str | None = None  # so in the other file, our work went on since: ours stays (`merge_renames`)
    renamed_onto_own: bool = False  # with renamed_there: the new name has work of its own here (`rename_met`)
    onto_renamed: str | None = None  # with renamed_onto_own: the new name holds nothing here, its work went so here
    renamed_apart: tuple[str, str] | None = None  # (OLD, the name here): OLD renamed this annotator there, else here
    assignment_to: str | None = None  # a rename here moved its assignment there to this name (`merge_renames`)
    refused_here: tuple[str, str] | None = None  # with renamed_there: (id, title) where the new name's work refuses it
    newer: str | None = None  # "here" or "there": the side changed last (`merge_notes.newer_side`), None if alike


@dataclass(frozen=True)
class TextConflict:
    """An article of the other file whose id is stored here with another text: left out, with the work on it
    (`annotators`), as `ingest` leaves a changed text under a known id."""

    source: str
    article_id: str
    title: str
    annotators: tuple[str, ...]


@dataclass(frozen=True)
class TakenBackThere:
    """An assignment here that the other file took back since its copy (`annotator assign` run in a pack gave the
    article to others: trial s57 t15 F2), and why it stays here if it does: `begun`, the annotator started the
    article here (a started assignment stays theirs, as `assign` keeps it); `since`, it was assigned again here
    after that copy; `unshared`, the other file's history of it is not ours (not packed from here, or made anew
    here), so its take-back is no decision on ours; None, taken back here too (`merge_assignments.take_back_as_there`)."""

    source: str
    article_id: str
    title: str
    annotator: str
    kept: str | None = None


@dataclass(frozen=True)
class Crowded:
    """An article the other file gave to `added` in the place of `keeps`, whose assignment it took back and which
    stays here (`TakenBackThere.kept`): it now has `assignees`, where it had `before` (trial s58 t16 F5: 3 at an
    overlap of 2, without a word)."""

    source: str
    article_id: str
    title: str
    assignees: tuple[str, ...]
    before: int
    keeps: tuple[str, ...]
    added: tuple[str, ...]


@dataclass(frozen=True)
class LeftOlder:
    """The other file's work of an annotator on an article that the work here went on from: older, left out, no
    conflict (trial s58 t16 F7: said only as "unchanged"); `there`: the name its records go by in that file, where a
    rename there moved them from this one (s60 t21 F5: a typo's records were named by the name mended here). Said by
    the first merge that meets it only (`merge_notes.said_once`)."""

    source: str
    article_id: str
    title: str
    annotator: str
    there: str | None = None


@dataclass(frozen=True)
class ReadBack:
    """So many articles of an annotator's, out in a pack here, read back from `source` with nothing else written to
    them: a `merged` event each records it (no edit), which the counts of what was added do not show (s58 t16 F7)."""

    source: str
    annotator: str
    articles: int


@dataclass
class MergeReport:
    articles_added: int = 0
    annotations_added: int = 0
    unchanged: int = 0
    brought_up_to_date: int = 0  # their work continued ours since a merge: taken, with their later events
    overwritten: int = 0
    events_copied: int = 0
    suggestions_copied: int = 0
    assignments_added: int = 0
    assignments_taken_back: int = 0  # theirs, older than an `unassign` of the same here: left out
    #: theirs a rename's copy of older work of the name ours was renamed from (`merge_renames`): left out, said once
    older_renamed: list[LeftOlder] = field(default_factory=list)
    assignments_moved_here: int = 0  # theirs of a name a rename here moved the assignment from: left out
    assignments_renamed: int = 0  # ours of a name renamed away there, the new name's there (`merge_renames`)
    taken_back_there: list[TakenBackThere] = field(default_factory=list)  # ours the other file took back since
    #: (old, new): so many of their pairs of a name whose assignment a rename here moved, merged under the new one
    moved_by_rename: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (file, old, new): so many articles where old's work here went to new by the other file's rename (`merge_renames`)
    work_renamed: dict[tuple[str, str, str], int] = field(default_factory=dict)
    tokens_refined: int = 0  # articles that took the other file's finer tokens (`merge_rows.take_finer_tokens`)
    conflicts: list[MergeConflict] = field(default_factory=list)
    text_conflicts: list[TextConflict] = field(default_factory=list)
    same_titles: list[SameTitle] = field(default_factory=list)  # added, titled as a file's article here (noted)
    ends_aside: list[EndsAside] = field(default_factory=list)  # its text ours but for white space at its end: ours
    past_shared: list[PastShared] = field(default_factory=list)  # work on such an article past the shared text
    crowded: list[Crowded] = field(default_factory=list)  # more assignees than before: a hand-over half taken
    left_older: list[LeftOlder] = field(default_factory=list)  # theirs, older than ours: counted unchanged too
    read_back: list[ReadBack] = field(default_factory=list)  # a pack's articles read back, only recorded

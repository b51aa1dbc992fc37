"""Merging annotators' databases: each annotator works in their own file, a reviewer merges them into one.

Articles match by content hash. An article whose id is stored here with another text is a conflict
(`TextConflict`): it is left out with all the work on it, as `ingest` leaves a changed text, and the rest is
merged. For each article and annotator in the other database:
- absent (or untouched) here: their spans, decisions and status are copied, and so are their events, with
  ids remapped (event, span and suggestion ids differ between files). The copied events keep their times and
  order, so the audit trail and time-per-article survive, and undo/redo here walk the same history there.
- the same work here (same status, spans and decisions, compared by content): nothing happens. This is why
  merging twice changes nothing.
- work one side went on with from the other's (its history starts with the other's, event for event: a pack
  merged back, then annotated further): the newer side's is kept, theirs with their later events. No conflict.
- the same work here but for decisions on suggestions theirs lacks (a file through a format without
  suggestions, Label Studio, and imported): ours is kept whole, counted unchanged. No conflict.
- different work here: a conflict, reported (with what differs: `merge_source.differences`) and left alone, unless `prefer` says which side wins. When the
  other side wins, its work replaces ours as one "merge" event (before: ours, after: theirs): their history
  does not apply on top of ours, but undo of the merge event gives ours back.
- work under a name renamed away here (`store.aliases`) that is not here already: a conflict naming the rename, left
  out whatever `prefer` says (one person is not put back under two names), on an article the name has no history on
  too (nothing there continues); and so is a rename there onto such a name (`merge_renames.rename_met`).
- work of a name whose assignment of the article a rename here moved (s55 S7: a pack made before the rename): under
  the new name, where it is the same assignment and the new name has no work there; else a conflict naming the
  rename, left out whatever `prefer` says (`merge_renames.assignment_moved`).
- a rename's copy there of older work than the same rename's here (`merge_renames.older_by_rename`): unchanged.
- a rename taken here and mended there (`merge_renames.mended_there`), the work here gone on: a conflict on the
  renamed name's side naming the mend, the mended name's copy left out with it.
Suggestions of new articles come along; for known articles, a newer suggester version's batch comes and
replaces our undecided older ones, and suggestions the merged work refers to are added
(`annotator.store.merge_suggestions`). A known article takes the other's tokens when they divide ours finer (an
older release tokenized it here), so that the spans merged sit on tokens (`merge_rows.take_finer_tokens`).
A new article read from a .txt file titled as an article here from a file of that name is noted, as `ingest`
notes one (`store.same_titles`): merge keeps it apart, with the work on its text.
Assignments and comments this database lacks are added; one here the other file took back since its copy (a pack
whose articles `assign` gave to others there), unchanged here since, is taken back (`merge_assignments`). An
annotator's article out in a pack here, read back, gets a `merged` event naming the events written to it
(`store.pack.record_merged_back`: the pack's work is told from work done here; read back where the file holds the
assignment the pack carried away, `packs_out.holds_the_pack`, not one a rename there gave), and so does every other one the
merge copied events to (a screen open on it names them as the merge's, not another window's: `store.screen_events`).
The screens' sessions of the articles it carries come along, but for work it left out (`merge_sessions`), so that
`stats` counts time spent in a pack as the pack does. What its counts do not show is found for `merge` to say
(`merge_notes`: an article given in the place of an assignee who keeps it, a pack's articles only recorded as read
back, the side of a conflict changed last); theirs older than ours, left out, is named (`LeftOlder`).
Everything is one transaction: all or nothing.

The other file (`annotator.store.merge_source`) is opened read-only and never changed. Rows are compared by
content, not ids: articles by content hash, suggestions by (offsets, label, suggester, speaker), spans by
(offsets, label, text, speaker).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.store.aliases import goes_under
from annotator.store.connection import Row
from annotator.store.edits import Store
from annotator.store.ends_aside import PastShared, StoredEnds, merged_alike, past_shared, shared_length
from annotator.store.event_shapes import events_of
from annotator.store.explained import MERGED_BY
from annotator.store.merge_assignments import merge_assignments, take_back_as_there
from annotator.store.merge_copy import Ids, copy_events, copy_pair
from annotator.store.merge_notes import assignees, crowded, newer_side, read_back, said_once
from annotator.store.merge_renames import (
    assignment_moved,
    assignments_renamed,
    edits_here,
    kept_apart,
    mended_there,
    older_by_rename,
    older_by_round_trip,
    passed_through,
    rename_met,
    renamed_apart,
    renamed_back_here,
    renamed_there,
    shared,
    work_renamed,
)
from annotator.store.merge_report import LeftOlder, MergeConflict, MergeReport, TextConflict
from annotator.store.merge_rows import (
    article_by_hash,
    copy_comments,
    insert_article_row,
    insert_pair,
    next_event_id,
    replace_work,
    take_finer_tokens,
)
from annotator.store.merge_sessions import CarriedSessions
from annotator.store.merge_source import MergeSource, differences, empty, only_decisions_missing, work
from annotator.store.merge_suggestions import SuggestionIds, bring_newer_batches, insert_suggestion_row
from annotator.store.new_names import EnteringNames
from annotator.store.pack import packed_pairs, record_merged_back
from annotator.store.packs_out import holds_the_pack
from annotator.store.pipelines import carry_learned, learned_rows
from annotator.store.reads import NOT_EDITS
from annotator.store.renaming import move_work, own_work_met
from annotator.store.same_titles import merged_same_titles
from annotator.store.unchecked import pair_commands
from annotator.vocabulary import Prefer

# -- merging ------------------------------------------------------------------------------------------------


Progress = Callable[[int, int], None]


def _fast_forward(store: Store, source: MergeSource, ids: Ids, annotation: Row, mine: list[Row],
                  theirs: list[Row]) -> int:  # fmt: skip
    """Their work continues ours (ours is where their history passed through, as a pack merged back and then
    annotated further): their state replaces ours and their later events are appended, so undo here walks
    them as it does there. Ids of the shared part map onto ours through the shared events' spans."""
    for a, b in zip(mine, theirs, strict=False):
        ids.events[b["id"]] = a["id"]
        for key in ("before", "after"):
            pairs = zip(json.loads(a[key]).get("spans", []), json.loads(b[key]).get("spans", []), strict=False)
            for ours_row, their_row in pairs:
                ids.spans.setdefault(their_row["id"], ours_row["id"])
    here, who = ids.our_article, annotation["annotator"]
    spans = [ids.span_row(r) for r in source.spans(ids.their_article, who)]
    decisions = [ids.decision(r) for r in source.decisions(ids.their_article, who)]
    store.conn.execute("DELETE FROM spans WHERE article_id = ? AND annotator = ?", [here, who])
    store.conn.execute("DELETE FROM decisions WHERE article_id = ? AND annotator = ?", [here, who])
    insert_pair(store, here, annotation, spans, decisions)
    return copy_events(store, ids, theirs[len(mine) :])


def _continues(store: Store, source: MergeSource, ids: Ids, annotation: Row, report: MergeReport) -> bool:
    """Whether one side's history of this work continues the other's (no conflict): theirs is taken with its
    later events (`_fast_forward`), or ours already holds all of theirs."""
    who = annotation["annotator"]
    mine = edits_here(store.conn, ids.our_article, who)
    theirs = [e for e in source.events(ids.their_article, who) if e["action"] not in NOT_EDITS]
    if len(mine) == len(theirs) or not shared(mine, theirs):
        return False
    if len(theirs) > len(mine):
        # our events are read (`_fast_forward`); theirs passed `merged_replay_problems`
        _, damaged = events_of(store.conn, ids.our_article, who)
        if damaged:
            raise AnnotatorError(
                f"{store.path}: {damaged[0]}; nothing was merged (annotator check --db {store.path} lists every problem)"
            )
        report.events_copied += _fast_forward(store, source, ids, annotation, mine, theirs)
        report.brought_up_to_date += 1
    else:  # ours continues theirs: nothing of theirs is newer; named, as "unchanged" hid it (s58 t16 F7), but where a
        report.unchanged += 1  # rename here moved the work on (`aliases`: its lines say it)
        if goes_under(store.conn, here := ids.our_article, who) is None:
            report.left_older.append(LeftOlder(str(source.path), here, store.article(here).title, who))
    return True


def _merge_source(store: Store, source: MergeSource, prefer: Prefer | None, report: MergeReport,
                  progress: Progress | None, ends: StoredEnds) -> None:  # fmt: skip
    ours: dict[str, str] = {}
    start, left_out = next_event_id(store), list[Row]()  # start: the first event this merge of `source` writes
    added: list[Row] = []
    shares: dict[str, int] = {}  # their article whose text is ours but for its end's white space: characters shared
    for row in source.articles():
        here = article_by_hash(store, row["content_hash"])
        if here is None and (alike := ends.holding(row["text"])) is not None:  # newcomer trial F4
            report.ends_aside.append(merged_alike(store, str(source.path), row, alike))
            shares[row["id"]] = shared_length(store.article_text(alike), row["text"])
            here = alike
        elif here is None:
            if store.conn.execute("SELECT 1 FROM articles WHERE id = ?", [row["id"]]).fetchone():
                left_out.append(row)
                continue
            insert_article_row(store, row)
            ends.add(row["id"], row["text"])
            for suggestion in source.suggestions(row["id"]):
                insert_suggestion_row(store, row["id"], suggestion)
                report.suggestions_copied += 1
            report.articles_added += 1
            added.append(row)
            here = row["id"]
        else:
            report.tokens_refined += take_finer_tokens(store, here, row["tokens"])
            report.suggestions_copied += bring_newer_batches(store, source.suggestions(row["id"]), here)
        ours[row["id"]] = here
    report.same_titles += merged_same_titles(store, added, str(source.path))
    annotations = source.annotations()
    for row in left_out:
        who = tuple(
            a["annotator"]
            for a in annotations
            if a["article_id"] == row["id"] and not empty(work(source.connection, row["id"], a["annotator"]))
        )
        report.text_conflicts.append(TextConflict(str(source.path), row["id"], row["title"], who))
    annotations = [a for a in annotations if a["article_id"] in ours]
    held = assignees(store.conn)  # before this merge changes any assignment: what `crowded` compares with
    report.assignments_renamed += assignments_renamed(store.conn, source, ours, f"{MERGED_BY}{source.path}")
    work_renamed(store.conn, source, ours, report.work_renamed)  # before the rename's work is merged
    brought, taken_back, by_rename = merge_assignments(store, source, ours)  # after: a name renamed keeps its own
    report.assignments_added += brought
    report.assignments_taken_back += taken_back - by_rename
    report.assignments_moved_here += by_rename
    taken_there = take_back_as_there(store, source, ours, report)
    report.crowded += crowded(store.conn, str(source.path), held, report.taken_back_there)
    copy_comments(store, source, ours)
    suggestions: SuggestionIds | None = None
    packed = packed_pairs(store)
    back = _packs_read_back(store, source, ours, taken_there, packed)
    reading = set(back)  # the pairs whose pack this file is: the others' merged events say it read none back
    sessions = CarriedSessions()  # the screens' sessions come with the work they timed (`merge_sessions`)
    for done, annotation in enumerate(annotations, start=1):
        theirs_id, who = annotation["article_id"], annotation["annotator"]
        here = ours[theirs_id]
        first, copied = next_event_id(store), report.events_copied
        theirs = work(source.connection, theirs_id, who)
        mine = work(store.conn, here, who)
        if suggestions is None or suggestions.our_article != here:  # annotations come article by article
            if suggestions is not None:
                report.suggestions_copied += suggestions.copied
            suggestions = SuggestionIds(store, source, theirs_id, here)
        ids = Ids(store, suggestions, theirs_id, here)
        alias = goes_under(store.conn, here, who)  # the rule a write under it follows (`aliases`)
        said, taken = len(report.conflicts) + len(report.past_shared), report.overwritten  # more: its work is out
        if (met := rename_met(store.conn, source, theirs_id, here, who)) is not None:  # NEW's own work here: t16 F1
            if met[0] == who:  # OLD's stays; NEW's there (the rename's) is left out with it, this conflict names it
                report.conflicts.append(MergeConflict(source=str(source.path), article_id=here, title=store.article(here).title,
                    annotator=who, kept=Prefer.THIS, differs=differences(mine, work(source.connection, theirs_id, met[1])),
                    renamed_there=met[1], renamed_onto_own=True, onto_renamed=met[2]))  # fmt: skip
        elif theirs == mine:
            report.unchanged += not empty(theirs)
        elif empty(theirs) and not source.edited(theirs_id, who):
            pass  # never touched there (an annotation undone back to nothing is work: an attacker's trial)
        elif passed_through(store.conn, source, theirs_id, here, who):
            pass  # a rename's work there, moved back since: nothing of it (`merge_renames`)
        elif theirs_id in shares and (why := past_shared(source.connection, theirs_id, who, shares[theirs_id])):
            title = store.article(here).title
            report.past_shared.append(PastShared(str(source.path), theirs_id, here, title, who, why))
        elif (
            empty(mine)
            and not store.edited(here, who)
            and (apart := renamed_apart(store.conn, source, theirs_id, here, who))
        ):
            report.conflicts.append(MergeConflict(source=str(source.path), article_id=here, title=store.article(here).title,
                annotator=who, kept=Prefer.THIS, differs=differences(mine, theirs), renamed_apart=apart))  # fmt: skip
        elif empty(mine) and not store.edited(here, who) and kept_apart(store.conn, source, theirs_id, here, who):
            sessions.leave(theirs_id, who)  # a rename's copy there of work that went on here: the old name's says it
        elif (
            empty(mine)
            and not store.edited(here, who)
            and (reassigned := assignment_moved(store.conn, source, theirs_id, here, who))
        ):
            if reassigned[1]:  # copied under the old name, then moved as the rename moves work (`merge_renames`)
                report.events_copied += copy_pair(store, source, ids, annotation)
                move_work(store, here, who, reassigned[0], {"from": who, "to": reassigned[0]})
                report.moved_by_rename[who, reassigned[0]] = report.moved_by_rename.get((who, reassigned[0]), 0) + 1
                report.annotations_added += 1
                back[(here, reassigned[0])] = (next_event_id(store) - 1, next_event_id(store) - 1)
            else:
                report.conflicts.append(MergeConflict(source=str(source.path), article_id=here, title=store.article(here).title,
                    annotator=who, kept=Prefer.THIS, differs=differences(mine, theirs), assignment_to=reassigned[0]))  # fmt: skip
        elif empty(mine) and not store.edited(here, who) and alias is None:
            report.events_copied += copy_pair(store, source, ids, annotation)
            report.annotations_added += 1
        elif (alias is None or store.edited(here, who)) and _continues(store, source, ids, annotation, report):
            pass  # (no history here under a name renamed away: nothing it continues, the conflict below, hD)
        elif (mended := mended_there(store.conn, source, theirs_id, here, who)) is not None:  # t22 F4
            report.conflicts.append(MergeConflict(source=str(source.path), article_id=here, title=store.article(here).title,
                annotator=who, kept=Prefer.THIS, differs=differences(mine, work(source.connection, theirs_id, mended)),
                renamed_there=mended, refused_here=own_work_met(store.conn, who, mended)))  # fmt: skip
        elif (
            alias is not None
            and mended_there(store.conn, source, theirs_id, here, alias) == who
            and rename_met(store.conn, source, theirs_id, here, alias) is None
        ):
            sessions.leave(theirs_id, who)  # the mend's copy there: the line on `alias`'s names it (`mended_there`)
        elif older_by_rename(store.conn, source, theirs_id, here, who):  # both renamed; ours went on from theirs
            report.unchanged += 1
            report.older_renamed.append(LeftOlder(str(source.path), here, store.article(here).title, who))
        elif older_by_round_trip(store.conn, source, theirs_id, here, who):  # renamed away and back there, ours newer
            report.unchanged += 1
        elif only_decisions_missing(mine, theirs):
            report.unchanged += 1  # ours, less decisions a format without suggestions cannot carry: kept whole
        elif alias is not None:  # renamed away here: no work goes under it, whatever `prefer` says (`aliases`)
            title = store.article(here).title
            report.conflicts.append(MergeConflict(source=str(source.path), article_id=here, title=title, annotator=who,
                                                  kept=Prefer.THIS, differs=differences(mine, theirs), renamed_to=alias,
                                                  rename_there=not store.edited(here, who)  # no rename here to undo
                                                  or renamed_back_here(store.conn, here, who, alias)))  # fmt: skip
        elif (moved := renamed_there(source, theirs_id, who)) is not None:  # ours went on since: kept whatever `prefer`
            report.conflicts.append(MergeConflict(source=str(source.path), article_id=here, title=store.article(here).title,
                annotator=who, kept=Prefer.THIS, differs=differences(mine, work(source.connection, theirs_id, moved)),
                renamed_there=moved, refused_here=own_work_met(store.conn, who, moved),
                rename_there=renamed_back_here(store.conn, here, who, moved)))  # fmt: skip
        else:
            title = store.article(here).title
            report.conflicts.append(MergeConflict(source=str(source.path), article_id=here, title=title, annotator=who,
                                             kept=prefer or Prefer.THIS, differs=differences(mine, theirs),
                                             newer=newer_side(store.conn, here, source.connection, theirs_id, who)))  # fmt: skip
            if prefer == Prefer.OTHER:
                spans = [ids.span_row(r) for r in source.spans(theirs_id, who)]
                decisions = [ids.decision(r) for r in source.decisions(theirs_id, who)]
                unchecked = pair_commands(source.connection, theirs_id, who)  # `accept`'s work stays said so
                replace_work(store, here, who, spans, decisions, theirs[0], f"merged from {source.path}", theirs[3],
                             unchecked, source.as_suggested(theirs_id, who))  # fmt: skip
                report.overwritten += 1
        if len(report.conflicts) + len(report.past_shared) > said and report.overwritten == taken:
            sessions.leave(theirs_id, who)  # (`--prefer other` took their work: its sessions come with it)
        # a pair whose pack this is: the pack's work (`store.pack`); else events copied are named as the merge's to
        # an open screen (`screen_events`; the `merge` event of `prefer` names itself but on a pair out in a pack)
        wrote = next_event_id(store) > first
        if (here, who) in reading or report.events_copied > copied or ((here, who) in packed and wrote):
            back[(here, who)] = (first, next_event_id(store) - 1)
        if progress:
            progress(done, len(annotations))
    if suggestions is not None:
        report.suggestions_copied += suggestions.copied
    sessions.carry(store, source.connection, ours)
    kept = {pair: take_back for pair, take_back in taken_there.items() if take_back is not None}
    since = next_event_id(store)
    record_merged_back(store, source.path, back, kept, reading)
    report.read_back += read_back(store.conn, str(source.path), start, since)
    said_once(store, source, ours, report)  # its notes of work left out as older: said by the first merge only


def _packs_read_back(
    store: Store,
    source: MergeSource,
    ours: dict[str, str],
    taken_there: Iterable[tuple[str, str]],
    packed: set[tuple[str, str]],
) -> dict[tuple[str, str], tuple[int, int] | None]:
    """The (article here, annotator) pairs out in a pack here (`packed`) this merge reads the pack of back (an article
    untouched there too): those whose work or assignment the other file holds, or whose assignment it took back
    (`taken_there`: a pack given to others holds nothing else of theirs, s57 t15 F2), where it holds the assignment
    the pack carried away (`packs_out.holds_the_pack`). Not by the name alone: bob's pack, `rename-annotator bob
    alice` there, gives alice bob's place, and merged it recorded alice's own pack, still out, as merged back (s60).
    The events written to each are added as read."""
    theirs = {here: article for article, here in ours.items()}
    pairs = [(ours[row["article_id"]], row["annotator"]) for row in [*source.assignments(), *source.annotations()]
             if row["article_id"] in ours]  # fmt: skip
    return {
        (here, who): None
        for here, who in dict.fromkeys([*pairs, *taken_there])
        if (here, who) in packed and holds_the_pack(store.conn, here, who, source.connection, theirs[here])
    }


def merge(
    store: Store, paths: Sequence[str | Path], prefer: Prefer | None = None, progress: Progress | None = None
) -> MergeReport:
    """Merge other databases into `store`, in one transaction (see the module's docstring for the rules)."""
    report = MergeReport()
    sources = []
    try:
        for path in paths:
            if os.path.realpath(path) == os.path.realpath(store.path or Path()):  # a link loop: no traceback
                raise AnnotatorError(f"{path}: this is the database being merged into")
            sources.append(MergeSource(path))
        entering = EnteringNames(store)
        for source in sources:
            source.check_names(entering)
        with store.write():
            ends = StoredEnds(store.conn)
            for source in sources:
                try:
                    _merge_source(store, source, prefer, report, progress, ends)
                    carry_learned(store, learned_rows(source.connection))  # what its pipelines learned
                except sqlite3.DatabaseError:  # a torn read of a source written meanwhile is told as such
                    source.check_unchanged()
                    raise
                source.check_unchanged()
    finally:
        for source in sources:
            source.close()
    return report

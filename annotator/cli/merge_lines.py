"""The line `annotator merge` says of an annotator's work that differs in the two files: what differs, which was
kept, and, where a rename is why (`store.aliases`, `store.merge_renames`), the rename and what to do; and the lines
of what it did to the assignments, those it added named (`assignment_lines`)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.literal import quoted
from annotator.vocabulary import Prefer
from annotator.wording import clipped

if TYPE_CHECKING:
    from collections.abc import Sequence

    from annotator.store.merge_report import LeftOlder, MergeConflict, MergeReport
    from annotator.store.merged_assignments import AddedAssignment


def conflict_line(conflict: MergeConflict, prefer: Prefer | None, db: Path) -> str:
    """`conflict: ANNOTATOR on ARTICLE 'TITLE' differs in SOURCE (what differs): kept ...` and what to do."""
    how = "took the other's" if conflict.kept == "other" else "kept this database's"
    if prefer is not None and conflict.newer == ("here" if conflict.kept == "other" else "there"):  # s58 t18 F4
        how += (
            f", the older version: this database's was changed after it and is replaced all the same, as --prefer "
            f"other asks (u on that article as {quoted(conflict.annotator)} gives it back)"
            if conflict.kept == "other"
            else ", the older version: the other's was changed after it and is left out all the same, as --prefer "
            "this asks"
        )
    hint = "" if prefer else " (--prefer other takes theirs)"
    if conflict.renamed_to is not None:  # theirs stays out whatever --prefer says (`store.aliases`)
        old, new = conflict.annotator, conflict.renamed_to
        undo = (  # no rename here to undo (the name never had the article), or one mended here: the other file's
            f"give it the name here there too: annotator rename-annotator {shlex.quote(old)} {shlex.quote(new)} --db "
            f"{shlex.quote(conflict.source)}, then merge again"
            if conflict.rename_there
            else f"u on that article as {quoted(new)} (annotator annotate --annotator {shlex.quote(new)}) takes the "
            "rename back on it here, then merge, then rename again"
        )
        hint = (
            f": {quoted(old)} was renamed {quoted(new)} here (annotator rename-annotator), so no work goes under it; "
            f"to merge theirs, {undo}"
        )
    if conflict.renamed_there is not None:  # ours went on after the other file's copy (`store.merge_renames`)
        old, new = conflict.annotator, conflict.renamed_there
        hint = (
            f": {quoted(old)} was renamed {quoted(new)} in {conflict.source} (annotator rename-annotator), and the "
            f"work here went on since the files parted, so its copy under {quoted(new)} there was not merged on this "
            f"article either (one person, one name); to take the rename with the work here: annotator "
            f"rename-annotator {shlex.quote(old)} {shlex.quote(new)} --db {shlex.quote(str(db))}"
        )
    if conflict.refused_here is not None and conflict.renamed_there is not None:  # `rename-annotator` would refuse
        old, new = conflict.annotator, conflict.renamed_there
        hint = (
            f": {quoted(old)} was renamed {quoted(new)} in {conflict.source} (annotator rename-annotator), and the "
            f"work here went on since the files parted, so its copy under {quoted(new)} there was not merged on this "
            f"article either (one person, one name); the rename cannot be taken here ({quoted(new)} has work of its "
            f"own on {quoted(conflict.refused_here[1])}, where {quoted(old)} has too): if they are two people, rename "
            f"back there: annotator rename-annotator {shlex.quote(new)} {shlex.quote(old)} --db "
            f"{shlex.quote(conflict.source)}, then merge again"
        )
    if conflict.rename_there and conflict.renamed_there is not None:  # renamed back here (`renamed_back_here`)
        old, new = conflict.annotator, conflict.renamed_there
        hint = (
            f": {quoted(old)} was renamed {quoted(new)} in {conflict.source} (annotator rename-annotator), and "
            f"{quoted(new)} was renamed back {quoted(old)} here, so its copy under {quoted(new)} there was not merged "
            f"(one person, one name); to give it the name here there too: annotator rename-annotator "
            f"{shlex.quote(new)} {shlex.quote(old)} --db {shlex.quote(conflict.source)}, then merge again"
        )
    if conflict.renamed_onto_own and conflict.renamed_there is not None:  # NEW's own work here (`merge_renames`)
        old, new = conflict.annotator, conflict.renamed_there
        met = (  # NEW's work, or where it went (s59 t20 F5: "has work of its own" was said of an emptied to do)
            f"has work of its own on this article here, so {quoted(old)}'s stays as it is and the rename's copy under "
            f"{quoted(new)} there was not merged (one name's work cannot take another's place)"
            if conflict.onto_renamed is None
            else f"has no work of its own on this article here: its work went to {quoted(conflict.onto_renamed)} by a "
            f"rename here, and a name renamed away takes no work (one person, one name), so {quoted(old)}'s stays as "
            f"it is and the rename's copy under {quoted(new)} there was not merged"
        )
        hint = (
            f": {quoted(old)} was renamed {quoted(new)} in {conflict.source} (annotator rename-annotator), and "
            f"{quoted(new)} {met}; if they are two people, rename back there: annotator rename-annotator "
            f"{shlex.quote(new)} {shlex.quote(old)} --db {shlex.quote(conflict.source)}, then merge again"
        )
    if conflict.renamed_apart is not None:  # renamed to two names, one in each file (`merge_renames.renamed_apart`)
        old, went = conflict.renamed_apart
        hint = (
            f": {quoted(old)} was renamed {quoted(conflict.annotator)} in {conflict.source} and {quoted(went)} here "
            f"(annotator rename-annotator), so that work is {quoted(went)}'s here and was not merged under a second name; "
            f"to merge it, give it one name in both: annotator rename-annotator {shlex.quote(conflict.annotator)} "
            f"{shlex.quote(went)} --db {shlex.quote(conflict.source)}, then merge again"
        )
    if conflict.assignment_to is not None:  # a rename here moved its assignment there (`store.merge_renames`)
        old, new = conflict.annotator, conflict.assignment_to
        hint = (
            f": the assignment of this article was moved from {quoted(old)} to {quoted(new)} here (annotator "
            f"rename-annotator), and {quoted(new)} has work there too (or {conflict.source} does not hold that "
            f"assignment), so no work goes under {quoted(old)}; to merge theirs under {quoted(new)}: annotator "
            f"rename-annotator {shlex.quote(old)} {shlex.quote(new)} --db {shlex.quote(conflict.source)}, then merge again"
        )
    return (
        f"conflict: {conflict.annotator} on {conflict.article_id} '{conflict.title}' differs in "
        f"{conflict.source}{_differs(conflict)}: {how}{hint}"
    )


def _differs(conflict: MergeConflict) -> str:
    """What differs, in brackets, and with what, where a rename there is why: the work here against the rename's copy
    under the new name there, the record that would take its place (re-trial s59 t20 F4: one line compared it with
    the old name's emptied row there, another with the copy, and neither said which)."""
    if conflict.renamed_there is None:
        return f" ({conflict.differs})" if conflict.differs else ""
    copy = f"its copy under {quoted(conflict.renamed_there)} there"
    return f" ({copy}: {conflict.differs})" if conflict.differs else f" (only by name: {copy} is the same work)"


def assignment_lines(
    report: MergeReport, added: Sequence[AddedAssignment], several: bool, db: Path | None = None
) -> list[str]:
    """What a merge did to the assignments: those added, the first few named by article and annotator (from which
    file, of `several`), then "and N more" (trial s57 F8: a pack's assignments made inside it for other names came as
    a count alone); ours taken back for a rename made in the other file; what a rename did (`rename_lines`); theirs
    left out, taken back here since."""
    from annotator.store.assignments import NAMED

    lines = [f"{report.assignments_added} assignment(s) added:"] if report.assignments_added else []
    for one in added[:NAMED]:
        title = f" {quoted(clipped(one.title, 40))}" if one.title else ""
        lines.append(f"  {one.article_id}{title} to {one.annotator}{f' (from {one.source})' if several else ''}")
    if report.assignments_added > len(added[:NAMED]):
        lines.append(f"  and {report.assignments_added - len(added[:NAMED])} more (annotator stats --articles)")
    lines += taken_back_lines(report, several, db)
    if report.assignments_renamed:  # `store.merge_renames`: one person, one name assigned
        lines.append(
            f"{report.assignments_renamed} assignment(s) taken back here: their annotator was renamed in the other "
            "file (annotator rename-annotator), whose new name's assignment was added"
        )
    lines += rename_lines(report)  # `store.merge_renames`: one person, one name
    if report.assignments_taken_back:
        lines.append(
            f"{report.assignments_taken_back} assignment(s) of the other file left out: taken back here since "
            "(annotator assign gave the article to others, or annotator unassign took it back, after the other file's "
            "assignment was made)"
        )
    return lines


def taken_back_lines(report: MergeReport, several: bool, db: Path | None = None) -> list[str]:
    """Ours the other file took back since its copy (`annotator assign` in a pack gave them to others: s57 t15 F2):
    those taken back here too, and those left, each with why; the first few named, then how many more."""
    from annotator.store.assignments import NAMED

    why = {
        "begun": "{who} began it here (a started article stays its annotator's, as annotator assign keeps it)",
        "since": "assigned again here since that file's copy (annotator assign here), which stands",
    }
    taken = [one for one in report.taken_back_there if one.kept is None]
    left = [one for one in report.taken_back_there if one.kept not in (None, "unshared")]
    lines = []
    for group, head in (
        (taken, "taken back here, as the other file took them back (annotator assign or unassign there) and "
                "nothing here changed them since:"),
        (left, "the other file took back kept here:"),
    ):  # fmt: skip
        if not group:
            continue
        lines.append(f"{len(group)} assignment(s) {head}")
        for one in group[:NAMED]:
            title = f" {quoted(clipped(one.title, 40))}" if one.title else ""
            reason = f": {why[one.kept].format(who=one.annotator)}" if one.kept else ""
            where = f" (in {one.source})" if several else ""
            lines.append(f"  {one.article_id}{title} {'of' if one.kept else 'from'} {one.annotator}{where}{reason}")
        if len(group) > NAMED:
            lines.append(f"  and {len(group) - NAMED} more (annotator stats --articles)")
    return lines + _unshared_line(report, several) + crowded_lines(report, db)


def _unshared_line(report: MergeReport, several: bool) -> list[str]:
    """One line for ours the other file took back with another history of them (not packed from here, or made anew
    here): not carried, as nothing says that file's take-back was of these (hD brief: passed over silently)."""
    from annotator.store.assignments import NAMED

    unshared = [one for one in report.taken_back_there if one.kept == "unshared"]
    if not unshared:
        return []
    named = [
        f"{one.article_id}{f' {quoted(clipped(one.title, 40))}' if one.title else ''} of {one.annotator}"
        f"{f' (in {one.source})' if several else ''}"
        for one in unshared[:NAMED]
    ]
    more = f", and {len(unshared) - NAMED} more (annotator stats --articles)" if len(unshared) > NAMED else ""
    return [
        f"{len(unshared)} assignment(s) the other file took back not carried here: its history of them is not this "
        "database's (it was not packed from here, or they were made anew here since), so its take-back is no decision "
        f"on them: {', '.join(named)}{more}"
    ]


def rename_lines(report: MergeReport) -> list[str]:
    """What a merge did because of a rename (`store.merge_renames`): for each old name whose work here went to the new
    name by the other file's rename, for each old name whose work of the other file went under the new name, the other file's assignments a rename here moved to the new name (left out), and the
    rename's copies there of older work than the same rename's here (kept this database's)."""
    lines = [
        f"{old}'s work on {count} article(s) is now {new}'s: {quoted(old)} was renamed {quoted(new)} in {source} "
        f"(annotator rename-annotator), and {quoted(new)} had no work of its own on them here"
        for (source, old, new), count in report.work_renamed.items()
    ]  # s58 t18 F3: it was said only as work "brought up to date"
    lines += [
        f"{count} annotation(s) of {quoted(old)} merged under {quoted(new)}: a rename here (annotator rename-annotator) "
        f"moved the assignment of those articles from {quoted(old)} to {quoted(new)}"
        for (old, new), count in sorted(report.moved_by_rename.items())
    ]
    if report.assignments_moved_here:
        lines.append(
            f"{report.assignments_moved_here} assignment(s) of the other file left out: a rename here (annotator "
            "rename-annotator) moved them to the new name since"
        )
    return lines + named_older(
        report.older_renamed,
        "older than this database's, kept this database's: both files renamed their annotator the same way (annotator "
        "rename-annotator), and the work here went on from theirs before the rename (no conflict):",
    )


def named_older(older: list[LeftOlder], why: str) -> list[str]:
    """The other files' work older than ours, per file: how many and `why`, then the first few by article and name
    (s61 t23 F6: the both-renamed line named no file or article)."""
    from annotator.store.assignments import NAMED

    lines = []
    for source in dict.fromkeys(one.source for one in older):
        its = [one for one in older if one.source == source]
        lines.append(f"{len(its)} annotation(s) of {source} {why}")
        lines += [f"  {one.article_id}{_titled(one.title)} of {_whose(one)}" for one in its[:NAMED]]
        if len(its) > NAMED:
            lines.append(f"  and {len(its) - NAMED} more")
    return lines


def ends_aside_lines(report: MergeReport) -> list[str]:
    """The other files' articles whose text is one stored here but for white space at its end (newcomer trial F4):
    a note naming both ids, its work merged onto the stored one; a conflict for an annotator's work on it that lies
    past the text the two share (`store.ends_aside`), left out."""
    from annotator.store.ends_aside import but_for_its_end, stored_named

    lines = [
        f"note: article {alike.given} of {alike.source} merged onto {stored_named(alike)}: its text is that one's "
        f"{but_for_its_end(alike)}"
        for alike in report.ends_aside
    ]
    lines += [
        f"conflict: {past.annotator} on article {past.given} of {past.source} not merged onto {past.stored_id} "
        f"{quoted(past.title)} (the same text but for white space at its end): {past.why}"
        for past in report.past_shared
    ]
    return lines


def past_shared_left_out(report: MergeReport) -> list[str]:
    """The part of merge's last line for the work `ends_aside_lines` names as not merged."""
    if not report.past_shared:
        return []
    sources = ", ".join(dict.fromkeys(past.source for past in report.past_shared))
    return [f"{len(report.past_shared)} annotation(s) of {sources} not merged: past the text shared (listed above)"]


def crowded_lines(report: MergeReport, db: Path | None = None) -> list[str]:
    """The articles the other file gave to someone in the place of an assignee who keeps it here (listed above, by
    `taken_back_lines`): each now has more assignees than before (s58 t16 F5: 3 at an overlap of 2, not said), and
    the two `unassign` commands, one for each side, that give the place beyond back: the lead names whose place goes
    (`assign` gave back the busiest unstarted one's, by a draw, which could be a third assignee's)."""
    from annotator.store.assignments import NAMED

    lines = [
        f"note: {one.article_id} {quoted(clipped(one.title, 40))} now has {len(one.assignees)} assignees "
        f"({', '.join(one.assignees)}), where it had {one.before}: {one.source} gave {_and(one.keeps)}'s place to "
        f"{_and(one.added)}, and {_and(one.keeps)} {'keeps' if len(one.keeps) == 1 else 'keep'} it here; to keep "
        f"{one.before}, name whose place goes: {_unassign(one.article_id, one.keeps, db)} (the hand-over "
        f"{one.source} made), or {_unassign(one.article_id, one.added, db)} ({_and(one.keeps)} "
        f"{'stays' if len(one.keeps) == 1 else 'stay'})"
        for one in report.crowded[:NAMED]
    ]
    if len(report.crowded) > NAMED:
        lines.append(f"note: and {len(report.crowded) - NAMED} more article(s) so (annotator stats --articles)")
    return lines


def _unassign(article_id: str, names: tuple[str, ...], db: Path | None) -> str:
    """The `annotator unassign` that takes `names` off the article, as a shell takes it."""
    who = " ".join(f"--annotator {shlex.quote(name)}" for name in names)
    where = f" --db {shlex.quote(str(db))}" if db is not None else ""
    return f"annotator unassign {shlex.quote(article_id)} {who}{where}"


def _and(names: tuple[str, ...]) -> str:
    return " and ".join(names)


def left_older_lines(report: MergeReport) -> list[str]:
    """The other file's work older than ours, which the work here went on from: left out, no conflict, and counted
    unchanged, which said nothing of it (s58 t16 F7); per file, the first few named."""
    why = "left out, older than this database's: the work here went on from it (no conflict; counted unchanged):"
    return named_older(report.left_older, why)


def _titled(title: str) -> str:
    """An article's title after its id, clipped, or nothing where it has none (not '')."""
    return f" {quoted(clipped(title, 40))}" if title else ""


def _whose(older: LeftOlder) -> str:
    """The name the other file's records go by, and the one here where a rename there moved them (s60 t21 F5: a
    typo's records were named by the name mended here)."""
    return f"{older.there} ({older.annotator} here)" if older.there else older.annotator


def read_back_lines(report: MergeReport) -> list[str]:
    """A pack's articles read back with nothing written to them: the merge records each (a `merged` event), which
    "0 event(s) added" did not say (s58 t16 F7: the file changed, the counts said nothing was written)."""
    return [
        f"{one.articles} article(s) of {one.annotator}'s, out in a pack here, recorded as merged back from {one.source}, "
        "nothing else written to them (a `merged` event each, no edit)"
        for one in report.read_back
    ]


def replaced_count(report: MergeReport) -> str:
    """The summary's count of annotations `--prefer other` replaced, and how many by an older version (s58 t18 F4)."""
    older = sum(1 for conflict in report.conflicts if conflict.kept == "other" and conflict.newer == "here")
    return f"{report.overwritten} annotation(s) replaced by the other's{f' ({older} by an older version)' if older else ''}"

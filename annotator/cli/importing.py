"""`annotator import`: annotations read back from a file (native JSONL or another tool's format), validated
whole before the database is opened, and what the import stored, skipped and found in conflict."""

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from annotator.cli.common import (
    NATIVE,
    QUOTES_KEY,
    DbOption,
    FormatName,
    FormatOption,
    errors_as_lines,
    fail,
    note,
    progress_bar,
    reported_before_interrupts,
    say,
    store_to_fill,
    stored,
)
from annotator.cli.names import checked_name
from annotator.cli.paths import PathType
from annotator.store import DEFAULT_DB

if TYPE_CHECKING:
    from annotator.exchange.formats.common import Read
    from annotator.exchange.import_report import ImportReport
    from annotator.exchange.importing import Entering


class ConllBlocks(StrEnum):
    """--conll-blocks's values (`conll_layout.SENTENCES`, `ARTICLES`)."""

    sentences = "sentences"
    articles = "articles"


def import_(
    path: Annotated[
        Path, typer.Argument(help="A file in the --format given (native JSONL by default).", click_type=PathType())
    ],
    db: DbOption = Path(DEFAULT_DB),
    annotator: Annotated[
        str | None,
        typer.Option("--annotator", help="Store records that name nobody as this annotator (default: as in each)."),
    ] = None,
    rename: Annotated[
        bool, typer.Option("--rename", help="With --annotator: take records naming someone else as theirs too.")
    ] = False,
    format: FormatOption = NATIVE,
    snap: Annotated[
        bool,
        typer.Option(
            "--snap",
            help="Move spans off token boundaries outward to the tokens they touch; trim stray punctuation or "
            "white space at their edges.",
        ),
    ] = False,
    label_map: Annotated[
        list[str] | None,
        typer.Option("--label-map", help="Map foreign labels, e.g. PERSON=ACTOR,GPE=LOCATION; DATE= drops DATE spans."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace stored work that differs even when it is newer (undoable).")
    ] = False,
    relation_map: Annotated[
        list[str] | None,
        typer.Option("--relation-map", help="Map relation names to SPEAKER, e.g. said_by=SPEAKER; other= drops them."),
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Skip bad records, listing each (file, line, why), and import the rest."),
    ] = False,
    spans_key: Annotated[
        str, typer.Option("--spans-key", help="spacy: the doc.spans key to read spans from (besides doc.ents).")
    ] = QUOTES_KEY,
    user_map: Annotated[
        list[str] | None,
        typer.Option(
            "--user-map",
            help="labelstudio: name users its JSON export gives by id, e.g. 1=alice,3=carol@x.org "
            "(else labelstudio-user-1 ...).",
        ),
    ] = None,
    conll_blocks: Annotated[
        ConllBlocks | None,
        typer.Option(
            "--conll-blocks",
            help="conll: a blank-line-separated block is a sentence (of the article -DOCSTART- lines bound) or an "
            "article (doccano's export); default: articles for Label Studio's export, else sentences.",
        ),
    ] = None,
    text_field: Annotated[
        str | None,
        typer.Option(
            "--text-field",
            help="labelstudio: the task data field holding the text, as the labelling config names it "
            '(<Text value="$content">: --text-field content; default text).',
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="labelstudio: the project's labelling config (XML, as its Labeling Interface or export --config "
            "gives it): regions on another object than its <Text> of the text are left out and counted; a control "
            "or label it lacks is refused.",
            click_type=PathType(),
        ),
    ] = None,
) -> None:
    """Read annotations back, validating every record; one bad record and nothing is written.

    A record that differs from newer work stored for its annotator is a conflict, reported and left as stored
    (--replace takes the file's), and the exit status is 1 (the rest is imported); every replacement is an
    undoable event.

    Example: annotator import tasks.jsonl --format prodigy --label-map PERSON=ACTOR,GPE=LOCATION
    """
    from annotator.exchange.already_done import done_in
    from annotator.exchange.formats.options import (
        INCORRECT_SPANS_KEY,
        INCORRECT_SPANS_REFUSED,
        ReadOptions,
        parse_label_map,
        parse_relation_map,
    )
    from annotator.exchange.importing import read_file, store_records, unsaid
    from annotator.exchange.known_users import as_stored, user_notes
    from annotator.exchange.renamed_names import as_renamed, renamed_note
    from annotator.exchange.unannotated_tasks import unannotated_note
    from annotator.store import db_option
    from annotator.store.new_names import new_annotator_note

    with reported_before_interrupts():
        with errors_as_lines(db=db):
            if spans_key == INCORRECT_SPANS_KEY:
                raise fail(INCORRECT_SPANS_REFUSED)
            if rename and annotator is None:
                raise fail("--rename: give --annotator NAME, the name the records are taken under")
            options = ReadOptions(
                annotator=None if annotator is None else checked_name(annotator, "--annotator", works=True, db=db),
                rename=rename,
                label_map=parse_label_map(_joined(label_map)),
                relation_map=parse_relation_map(_joined(relation_map)),
                skip_invalid=skip_invalid,
                spans_key=spans_key,
                snap=snap,
                user_map=_user_map(user_map, format, db),
                **_project(text_field, config, format),
                conll_blocks=_conll_blocks(conll_blocks, format),
            )
            records = read_file(path, format.value, options)  # read and check everything before opening the database
            existed = db.exists()
            with store_to_fill(db) as store, progress_bar("Importing") as progress:
                new_name = None if options.annotator is None else new_annotator_note(store, options.annotator)
                by_user = format.value == "labelstudio" and options.annotator is None  # each user under their name
                with errors_as_lines(db=db):  # the rename it advises, on this database
                    records, known = as_stored(store, records, options.user_map, path) if by_user else (records, [])
                records, aliases = as_renamed(store, records)  # names renamed away: under the names now (any format)
                report = store_records(
                    store, records, snap=snap, replace=replace, skip_invalid=skip_invalid, progress=progress,
                    unsaid=unsaid(format.value),
                )  # fmt: skip
                _refuse_nothing_to_import(
                    records, report, path, db, existed, options.text_field if format.value == "labelstudio" else None
                )  # --annotator checked first; nothing written
        stored(f"the import is stored in {db}")
        if new_name is not None:
            note(new_name)
        for said in (
            known
            + renamed_note(aliases, report.renamed_here)
            + (user_notes(records, options.user_map) if by_user else [])
        ):
            note(said)
        _say_import_report(report, db, snap, format.value)
        _say_reading(records)
        if format.value == "labelstudio" and (
            said := unannotated_note(records, path, options.text_field, db_option(db), done_in(db))
        ):
            say(said)  # trial t4 F8: which tasks, and the ingest that stores them (`exchange.unannotated_tasks`)
        if report.conflicts:  # the file was not applied: a script must not take it as imported
            raise fail(
                f"{len(report.conflicts)} record(s) of {path} not imported: they conflict with the work stored in "
                f"{db} (listed above); --replace takes the file's"
            )


def _say_reading(records: "list[Read | Entering]") -> None:
    """How the reader read the file where a reading was one of two (a CoNLL file's blocks), once each."""
    from annotator.exchange.formats.common import ImportedRecord

    for said in dict.fromkeys(s for r in records if isinstance(r, ImportedRecord) for s in r.said):
        say(f"note: {said}")


def _say_left_out(report: "ImportReport") -> None:
    """The records an import skipped (file, line, why), the skips of copies it left out, and what it left out."""
    from annotator.exchange.skipped_copies import left_out

    skipped = [f"  {s}" for s in report.skipped]
    for line in [*([f"skipped {len(skipped)} record(s):"] if skipped else []), *skipped, *left_out(report.copies)]:
        say(line)
    for what, count in report.dropped.items():
        say(f"left out: {count} {what}")


#: What `import` replaced, by the work replaced (`exchange.verdicts.verdict_of`): --replace takes the file's over any.
REPLACED = {"older": "older work", "newer": "newer work in the database (--replace)",
            "unshown": "work the file does not show is older (--replace)",
            "skipped copy": "a skip of another copy of its text"}  # fmt: skip


#: The formats (of Label Studio's, its JSON_MIN) whose records say no status (each imports as done work), as the
#: import's line names them.
NO_STATUS = {"conll": "CoNLL", "labelstudio": "Label Studio's JSON_MIN"}


def _say_import_report(report: "ImportReport", db: Path, snap: bool, format_name: str) -> None:
    """What an import stored, skipped, left out and found in conflict."""
    moved = f", {report.snapped} span(s) snapped to token boundaries" if snap else ""
    moved += f", {report.trimmed} span(s) trimmed to the span rules" if report.trimmed else ""
    moved += (
        f", {report.utf16} span(s) at offsets in UTF-16 code units (an older Label Studio's) read at the characters "
        "their text names"
        if report.utf16
        else ""
    )
    decided = f", {report.decisions} decision(s) on suggestions" if report.decisions else ""
    decided += f", {report.suggestions} suggestion(s) of the model" if report.suggestions else ""
    decided += f", {report.comments} comment(s) added" if report.comments else ""
    counts = "".join(
        f"; {report.replaced[kind]} replaced {work}" for kind, work in REPLACED.items() if report.replaced[kind]
    )
    counts += f"; {report.unchanged} unchanged" if report.unchanged else ""
    counts += f"; {report.commented} unchanged but for new comment(s)" if report.commented else ""
    counts += f"; {len(report.conflicts)} conflict(s)" if report.conflicts else ""
    counts += f"; {report.realigned} put on the stored article with the same words" if report.realigned else ""
    say(f"{report.records} record(s) imported ({report.new_articles} new article(s){moved}{decided}){counts} -> {db}")
    _say_left_out(report)
    if report.ids_not_kept:  # re-trial t4r F7-v1: the article keeps another id for that annotator
        from annotator.exchange.kept_ids import not_kept_note

        say(not_kept_note(report.ids_not_kept))
    if report.superseded:
        from annotator.exchange.duplicates import superseded_note

        say(superseded_note(report.superseded))
    if report.rebuilt:
        several = sum(1 for _, _, matches in report.rebuilt if matches > 1)
        cases = {
            "no stored article has the same words": len(report.rebuilt) - several,
            "several stored articles have the same words, so none was chosen": several,
        }
        found = [(why, count) for why, count in cases.items() if count]
        why = found[0][0] if len(found) == 1 else "; ".join(f"for {count}, {why}" for why, count in found)
        say(
            f"note: {len(report.rebuilt)} new article(s) with a text rebuilt from the file's tokens, the white "
            f"space between them guessed: {why}"
        )
    if report.ends_aside:  # t14 F1: a task or record made of a .txt file, .rstrip()ped
        from annotator.exchange.imported_ends import import_note

        for alike in report.ends_aside:
            say(import_note(alike))
    if report.kept_rebuilt:  # re-trial t4r F12-v1: the original text's story on the article CoNLL rebuilt
        from annotator.exchange.realign import kept_rebuilt_note

        say(kept_rebuilt_note(report.kept_rebuilt))
    if report.missing:
        say(f"note: {report.missing} Doc(s) with tokens marked missing (ent_iob_ ''), which spaCy reads as not "
            "annotated, neither an entity nor O: stored as work in progress, not done (an export of done work "
            "leaves them out)")  # fmt: skip
    if report.new_as_done:  # the export's side says CoNLL drops the status; this side says what it stored
        said = NO_STATUS.get(format_name, format_name)
        say(f"note: {report.new_as_done} article(s) new to this database stored as done work: {said} has no status")
    if report.untagged:  # trial t4 F12(b): all-O blocks stored as done work with no entity, named
        from annotator.exchange.untagged import untagged_note

        say(untagged_note(report.untagged))
    for conflict in report.conflicts:
        unshown = "" if conflict.stored_newer else "the file does not show it is newer"
        why = "; ".join(part for part in (conflict.differs, unshown) if part)
        advice = conflict.advice or "--replace takes the file's"
        say(
            f"conflict: {conflict.annotator} on {conflict.article_id} '{conflict.title}' "
            f"({conflict.where.named(find=True)}) "
            f"differs from {'newer' if conflict.stored_newer else 'the'} work stored here"
            f"{f' ({why})' if why else ''}: kept this database's ({advice})"
        )


def _user_map(given: list[str] | None, format: FormatName, db: Path) -> dict[int, str]:
    """--user-map's ids and names, each name checked as a name entering as someone's work, and as one a Label
    Studio user may have (`labelstudio_users.named_user_problem`)."""
    from annotator.errors import InputError
    from annotator.exchange.formats.labelstudio_users import named_user_problem
    from annotator.exchange.formats.options import parse_user_map

    if not given:
        return {}
    if format.value != "labelstudio":
        raise fail("--user-map names Label Studio users: it goes with --format labelstudio")
    try:
        names = parse_user_map(_joined(given))
    except InputError as error:  # said as the option's other refusals are
        raise fail(f"--user-map: {error.reason}") from None
    for number, name in names.items():
        if problem := named_user_problem(name):
            raise fail(f"--user-map: {problem}")
        names[number] = checked_name(name, "--user-map", works=True, db=db)  # a long one the database holds too
    return names


def _conll_blocks(given: ConllBlocks | None, format: FormatName) -> str | None:
    if given is not None and format.value != "conll":
        raise fail("--conll-blocks says what a CoNLL file's blocks are: it goes with --format conll")
    return None if given is None else given.value


def _text_field(given: str, format: FormatName) -> str:
    """--text-field's name of a Label Studio task's text field (`labelstudio_project`)."""
    from annotator.exchange.formats.labelstudio_project import OPTION

    if format.value != "labelstudio":
        raise fail(f"{OPTION} names the field of a Label Studio task's data that holds the text: it goes with "
                   "--format labelstudio")  # fmt: skip
    if not given.strip() or given != given.strip():
        raise fail(f"{OPTION}: expected the name of a field of the task's data, got {given!r}")
    return given


def _project(text_field: str | None, config: Path | None, format: FormatName) -> dict[str, Any]:
    """--text-field and --config: the field a Label Studio task's text is in, and the project's labelling config
    (`labelstudio_config`), which names the field where --text-field does not."""
    from annotator.exchange.formats.labelstudio_config import OPTION, read_config
    from annotator.exchange.formats.labelstudio_project import TEXT

    given = None if text_field is None else _text_field(text_field, format)
    if config is None:
        return {"text_field": given or TEXT, "text_field_given": given is not None}
    if format.value != "labelstudio":
        raise fail(f"{OPTION} is a Label Studio project's labelling config: it goes with --format labelstudio")
    read = read_config(config, given)
    return {"text_field": read.field, "label_config": read}


def _refuse_nothing_to_import(records: "list[Read | Entering]", report: "ImportReport", path: Path, db: Path,
                              existed: bool, tasks_of: str | None = None) -> None:  # fmt: skip
    """A file that imports nothing (empty, or every record skipped or left out, when read or when checked against
    the database's tokens) is an error naming what was skipped or left out, by reason, after listing them: said
    inside the database being filled (after --annotator is checked), so a new one is never put in place, and an
    existing one is left as it was. A file whose work is stored already (unchanged) or in conflict is no such file.
    `tasks_of`: a Label Studio import's text field, for the ingest of its tasks nobody annotated (trial t2 F)."""
    from annotator.exchange.already_done import done_in
    from annotator.exchange.formats.common import ImportedRecord
    from annotator.exchange.unannotated_tasks import ingest_them
    from annotator.store import db_option

    if report.records or report.unchanged or report.commented or report.conflicts or report.copies:
        return
    skipped, dropped = bool(report.skipped), bool(report.dropped)
    if not (skipped or dropped) and any(isinstance(record, ImportedRecord) for record in records):
        return  # nothing said left anything out: not refused for a reason it cannot name
    _say_left_out(report)
    why = {(True, False): "was skipped", (False, True): "was left out", (True, True): "was skipped or left out"}
    reasons = [f"{len(report.skipped)} record(s) skipped"] if skipped else []
    reasons += [f"{count} {what}" for what, count in report.dropped.items()]
    said = (
        f"every record of {path} {why[skipped, dropped]} ({'; '.join(reasons)}; listed above)"
        if skipped or dropped
        else (f"{path} is empty (0 bytes)" if _empty(path) else f"{path} holds no record")
    )
    left = "is left as it was" if existed else "was not created"  # a database made for nothing is not put in place
    advice = ingest_them(records, path, tasks_of, db_option(db), done_in(db))  # unless it ran (re-trial t4r F8-v1)
    raise fail(f"nothing imported: {said}; {db} {left}{advice}")


def _empty(path: Path) -> bool:
    """A file of 0 bytes: said as empty, not as a file of no record (an empty .spacy is no DocBin at all)."""
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def _joined(given: list[str] | None) -> str | None:
    """A map option given more than once is one map, so a name mapped in two of them is refused, not overwritten."""
    return ",".join(given) if given else None

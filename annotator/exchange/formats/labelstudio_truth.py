"""Label Studio's own word on an annotation against what our export carried in the task's `meta` (annotator,
status, timestamp, flag reason): the `meta` comes back from a server untouched, whatever happened to the annotation
there, so where the two disagree the annotation's own fields win.

- `was_cancelled` is Label Studio's skip: a cancelled annotation is skipped work, whatever status the `meta` says;
  one the `meta` calls skipped but no longer cancelled was submitted there (done). Where they agree, the `meta`'s
  finer status stands (Label Studio has no in progress or flagged).
- The annotation's `updated_at` is a moment of work in Label Studio when it shows one: when the annotation has no
  `created_at` (no server wrote it; our export writes neither), or when it is more than a second after it. A server
  that only imported our annotation stamps both at once (tests/fixtures/real/labelstudio/
  ls1232_our_export_back.json): that moment is the import, not work, and an older `meta` moment stays, so an import
  back never takes the server's copy for newer work than what was done here since the export. A moment of work
  wins over the `meta`'s, later or earlier (attack 31: a `meta` saying 12-03 made work of 11-30 replace newer work
  here), and an import stamp is no moment: without one in the `meta`, the annotation shows none (a conflict with
  differing work here, never a replacement).
- `completed_by` names the annotator instead of the `meta`'s when it names someone (an email or a name, or a user
  id the file gives an email for) and Label Studio shows work on the annotation (a moment of work, a skip or a
  submission the `meta` does not know, or a `lead_time`: the seconds someone spent on it in Label Studio's editor,
  which a server's import leaves null). The `meta`'s flag reason is then not theirs.
- A user known only by id (a bare id, or an object without an email, that the file gives no email for) beside the
  `meta`'s name: a server makes its importer the completer of every imported annotation, so without work there
  the `meta`'s name stands (the server's copy of our work). With work there the two fields name two people and
  nothing tells which did it (attack 33, F4: user 3's change of alice's annotation replaced her work as hers; the
  importer's own later change is no better told apart from alice's): refused in one line naming `completed_by`
  (`Truth.disputed`), unless `--annotator NAME` says whose it is.
- A user named by email in `completed_by` of an annotation a server made (it has a `created_at`) beside the
  `meta`'s name is that server's importer too: with work there and no `updated_by` naming them (or another user),
  nothing tells who did it (atk34 16: the same change was refused for a bare id and taken as the importer's for
  `{"id": 1, "email": ...}`), so it is refused the same way.
- `updated_by` naming another user than `completed_by` on an annotation with a moment of work: that user changed
  it last, so the work is theirs (trial 31: user 2's changes to alice's annotation, which the server's importer
  completed, replaced alice's work here as hers). Unless its spans are those our export wrote (the `meta`'s
  `spans_digest`): then they only touched it (updated it unchanged, starred it), and it stays the `meta`'s
  annotator's, unchanged (atk34 15: user 5's touch made a phantom annotator of alice's exact spans). Without the
  digest (an older export) a touch cannot be told from a change: a user known only by id is then disputed beside
  the `meta`'s name, as a completer is.
- A `created_at` later than the `updated_at` is an error (`in_order`): it would show no work there.

Who a `completed_by`, an `updated_by` or JSON_MIN's `annotator` names (one user is one annotator; the names no
user may take) is `labelstudio_users`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from annotator.errors import InputError
from annotator.exchange.files import Where
from annotator.exchange.formats.labelstudio_users import Author, Users, user
from annotator.literal import quoted
from annotator.vocabulary import Status, parse_timestamp

SKIPPED = Status.SKIPPED.value


@dataclass(frozen=True)
class Truth:
    """The annotator (None: nobody named), status, timestamp and flag reason of an annotation, and the field that
    names the annotator (None: nobody named)."""

    annotator: Any
    status: Any
    updated_at: Any
    flag_reason: Any
    field: str | None = None
    disputed: str | None = None  # why the annotator cannot be told (a one-line error at `field`), if so


def _moment(stamp: Any) -> Any:
    try:
        return parse_timestamp(stamp) if isinstance(stamp, str) else None
    except ValueError:
        return None


def author(annotation: Any, where: Where, field: str, users: Users, same: bool | None = None) -> Author | None:
    """Who did an annotation's work (see the module): its `completed_by`, unless another user changed it since.
    `same`: whether its spans are those our export wrote (`stored_spans.same_spans`): a user who only touched it (updated it
    unchanged, starred it) did none of it; one who changed them did; None: cannot be told, so a user known only by
    id stays so (beside the `meta`'s name, a one-line error: `truth`)."""
    completer = user(annotation.completed_by, where, f"{field}.completed_by", users)
    if same:
        return completer
    editor = user((annotation.model_extra or {}).get("updated_by"), where, f"{field}.updated_by", users)
    if editor is None:
        return completer
    if completer is not None and editor.same(completer):
        return replace(completer, confirmed=True)
    if worked_at(annotation.updated_at, annotation.created_at) is None:
        return completer
    return Author(editor.name, editor.named or same is False, editor.number, editor.field, confirmed=True)


def worked_at(updated_at: str | None, created_at: Any) -> str | None:
    """The annotation's `updated_at` when it is a moment of work in Label Studio (see the module), else None."""
    if updated_at is None:
        return None
    created = _moment(created_at)
    if created is None:
        return None if created_at is not None else updated_at
    return updated_at if _moment(updated_at) - created > timedelta(seconds=1) else None


def truth(meta: dict[str, Any], annotation: Any, by: Author | None, same: bool | None = None) -> Truth:
    """`meta` (our export's, or {}) against `annotation` (an `LSAnnotation`); `by`: its `author`, if any; `same`:
    its spans are those our export wrote (`stored_spans.same_spans`): a moment or a lead_time there is no work on them."""
    cancelled = bool(annotation.was_cancelled)
    said = meta.get("status", annotation.status)
    status = said
    if isinstance(said, str) and (said == SKIPPED) != cancelled:
        status = SKIPPED if cancelled else Status.DONE.value
    worked = None if same else worked_at(annotation.updated_at, annotation.created_at)
    stamp = worked if worked is not None else meta.get("updated_at")  # its own moment of work, else none of its
    named = meta.get("annotator") if isinstance(meta.get("annotator"), str) else None
    completer = by.name if by is not None else None
    shown = work_there(annotation, worked, status, said, bool(same))
    if named is not None and by is not None and by.name != named and shown is not None:
        who = (
            f"Label Studio user {by.number}, known only by id, {shown}" if not by.named
            else f"{quoted(by.name)} completed it (on our task, the server's importer), someone {shown} and no updated_by "
            "says who"
        )  # fmt: skip
        imported = annotation.created_at is not None  # a server made it: its completer is the server's importer
        naming = f"--user-map {by.number}=NAME to name user {by.number}, or " if not by.named else ""
        disputed = None if by.named and (by.confirmed or not imported) else (
            f"{who}, and the task's meta.annotator names {quoted(named)}: whose work it is cannot be told (give "
            f"{naming}--annotator NAME to say whose it is)"
        )  # fmt: skip
        return Truth(by.name, status, stamp, None, by.field, disputed)
    field = "meta.annotator" if named is not None else by.field if by is not None else None
    return Truth(named or completer, status, stamp, meta.get("flag_reason"), field)


def work_there(annotation: Any, worked: str | None, status: Any, said: Any, same: bool = False) -> str | None:
    """What Label Studio shows someone did on the annotation (see the module), as words for an error; None: nothing
    (a server's import of our annotation; `same`: its spans are ours, whatever time was spent on them)."""
    lead_time = None if same else annotation.lead_time
    if worked is not None:
        return "changed it there"
    if status != said:
        return "cancelled it there" if status == SKIPPED else "submitted it there"
    if lead_time is not None and lead_time > 0:
        return f"worked on it there (lead_time {lead_time:g} s)"
    return None


def importer_again(
    annotations: list[Any], mine: int, meta: dict[str, Any], where: Where, users: Users
) -> dict[int, str]:
    """The refusal, by index, of each other annotation of a task whose author completed `mine` too (the server's
    import of `meta.annotator`'s work: its completer is the importer): one user's two answers to Label Studio, two
    annotators here without a word (a fresh clone's trial). None when `--user-map` names the user."""
    named = meta.get("annotator")
    if len(annotations) < 2 or not isinstance(named, str):
        return {}
    try:
        importer = user(annotations[mine].completed_by, where, f"annotations[{mine}].completed_by", users)
        authors = [author(a, where, f"annotations[{i}]", users) for i, a in enumerate(annotations)]
    except InputError:
        return {}  # each annotation's own error is said where it is read
    if importer is None or importer.number is None or importer.number in users.mapped or importer.name == named:
        return {}
    who = f"user {importer.number}" if not importer.named else quoted(importer.name)
    return {
        index: f"Label Studio {who} completed this annotation and annotations[{mine}], the server's import of the work "
        f"meta.annotator names ({quoted(named)}: a server makes its importer the completer): one user to Label Studio, "
        f"two annotators here, and whether {who} is {quoted(named)} cannot be told (give --user-map {importer.number}=NAME "
        f"to say who {who} is)"
        for index, by in enumerate(authors)
        if index != mine and by is not None and by.same(importer)
    }


def first_made(annotations: list[Any]) -> int:
    """The index of the annotation a server made first (the earliest `created_at`; the first listed when one has
    none or two share it): our export writes one annotation a task, which the server makes at its import, so the
    task's `meta` is that annotation's; any other is a user's there since (a skip, their own work: atk34 01 took
    alice's flagged work for the importer's done work, its flag reason and comments dropped, when another user
    skipped the task)."""
    moments = [_moment(a.created_at) for a in annotations]
    if len(moments) < 2 or None in moments:
        return 0
    earliest = min(moments)
    return moments.index(earliest) if moments.count(earliest) == 1 else 0


def min_work(stamps: Any, where: Where) -> str | None:
    """A JSON_MIN record's `updated_at` (`stamps`: its `MinStamps`) when it is a moment of work (`worked_at`), or
    when it shows none but a `lead_time` in Label Studio's editor; None when nothing shows work there (a server's
    import stamps `created_at` and `updated_at` at once and leaves `lead_time` null)."""
    in_order(stamps, where, "")
    worked = worked_at(stamps.updated_at, stamps.created_at)
    if worked is None and stamps.lead_time is not None and stamps.lead_time > 0:
        return stamps.updated_at  # type: ignore[no-any-return]
    return worked


def model_only(prediction: Any, model: Any, where: Where, field: str) -> None:
    """The one prediction of our `export --suggestions` task names no user: it is the model's (`model`, the task's
    `meta` annotator), and a `completed_by` or `updated_by` on it would make the suggestions someone's work (atk34
    02: bob's done work)."""
    for key in ("completed_by", "updated_by"):
        value = getattr(prediction, key, None) if key == "completed_by" else (prediction.model_extra or {}).get(key)
        if value is not None:
            raise where.error(
                f"a prediction of our suggestions export is the model's ({quoted(model)}, the task's meta.annotator) and "
                f"names no Label Studio user, got {value!r}",
                f"{field}.{key}",
            )


def in_order(stamps: Any, where: Where, field: str) -> None:
    """An annotation's `created_at` no later than its `updated_at`, else an error at `field`created_at: one later
    would show no work there (`worked_at`), hiding a change (atk34 04)."""
    created, updated = _moment(stamps.created_at), _moment(stamps.updated_at)
    if created is not None and updated is not None and created > updated:
        raise where.error(
            f"{stamps.created_at} is later than updated_at {stamps.updated_at}: an annotation is made before it "
            "changes",
            f"{field}created_at",
        )


def ours_without_meta(by: Author) -> str:
    """What a JSON_MIN record of our own export is told (`labelstudio._min_record`): its `annotator` is the server's
    importer, and the name our export gave is in the task's `meta`, which JSON_MIN leaves out."""
    return (
        f"Label Studio user {by.number if by.number is not None else by.name} shows no work on this annotation (no "
        "lead_time, created_at and updated_at one moment: the server's import of it), and the task's data is our own "
        "export's, whose annotator only the task's meta names, which JSON_MIN leaves out: whose work it is cannot be "
        "told (import the project's JSON export, or give --annotator NAME)"
    )

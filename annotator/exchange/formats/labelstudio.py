"""Label Studio's JSON for text labels: one JSON array of tasks, each with `data.text` and `annotations`, whose
`result` holds `labels` regions (`value.start/end/text/labels`) and `relation`s.

We write what a Label Studio server imports (checked against Label Studio 1.23.2, `benchmarks/interop.py`):
one task per record with `text`, `article_id`, `title` and `meta` in `data`, the annotation's `result`
(`was_cancelled` for skipped work: any other status is submitted work there, and the export notes how many tasks
were not done), and our annotator, status, timestamp, flag reason, comments and a digest of the spans (import tells
an annotation only touched there by it) in the task's `meta`, which the server keeps and exports again. We write no `completed_by`: the server takes only its own user ids or members'
emails there, refuses the whole file for anything else, and sets the importing user when it is missing. No
annotation ids either (the server gives its own); region ids are deterministic, and each task's `id` is its
place in the file, 1 to n (`labelstudio_export.task`: a server gives its own, label-studio-sdk's converter
needs one; import keeps a server's in the article's meta, not ours: `labelstudio_ids`). The model's suggestions
(`export --suggestions`) are the task's `predictions`, `model_version` the suggester versions: as annotations
the server would count them as someone's finished work. `export --config PATH` writes the project's labelling
config (`config` below): the tasks name its `label` and `text` tags and its SPEAKER relation.
`tests/test_interop_labelstudio_sdk.py` reads all of it with label-studio-sdk's own code.

On import, each annotation of a task becomes one record (and the one prediction of a task our `export
--suggestions` wrote, whose `meta` names the model, a record of suggestions). Whose it is: --annotator; else the
task's `meta` annotator for the annotation the server made first (our own export's one annotation, back from the
server; annotations other users added there since are theirs, `labelstudio_truth.first_made`); else
`completed_by`: a user id (read as the email an object with that `id` gives elsewhere in the file, else as
`labelstudio-user-<id>`: one user is one annotator, `labelstudio_users`), an object with an `email` (else its `id`), or a name
(`labelstudio_truth`: a user who changed another's annotation since is its author; a user known only by id who
worked on an annotation the `meta` names someone for, or a name given as `labelstudio-user-<id>`, is an error, as
is anything else; `--annotator` takes one user's work). A cancelled annotation is
read as skipped. A quote's speaker is a relation labelled SPEAKER `from_id` the QUOTE region `to_id` the
ACTOR region (other labels: --relation-map). Results that are not text labels (`choices`, `rating`, ...)
have no place here: they are left out and counted, and an annotation of them only is skipped
(`labelstudio_results.not_spans`), unless --config shows a `<Labels>` on the text: then it is done work with no span
(`labelstudio_config.LabelConfig.none_on_text`). Tasks nobody annotated are counted, not imported, and so are
drafts (work saved in Label Studio's editor, never submitted). With `--config`, the project's labelling config
says which object shows the text and what labels it (`labelstudio_config`): regions on other objects are left out,
results from controls or with labels it lacks are refused.

Label Studio's JSON_MIN export (one flat record per annotation, no `data`, no relations, so no speakers, no status:
compared and replaced on what it carries, `MIN_UNSAID`) is read too: the keys before `id` are the task's data, those between `id` and `annotator` its results. A record
with neither `annotator` nor `annotation_id` is a task nobody annotated only when it holds no labels: one that
does (label-studio-sdk's Converter writes JSON_MIN from our export so, with no user and no annotation id) is an
annotation nobody is named for, `--annotator`'s, else an error. It has no task `meta`: a record of our own export (its data has our `article_id`, `title` and `meta`) whose annotator shows
no work there is the server's importer, and whose work it is cannot be told (an error, unless --annotator). Its
CONLL2003 export is read by the `conll` format.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from pydantic import Field, create_model

from annotator.errors import InputError, json_kind
from annotator.exchange.files import Where
from annotator.exchange.formats import labelstudio_project as project
from annotator.exchange.formats.common import (
    Dropped,
    ImportedRecord,
    Read,
    Skipped,
    blank,
    guarded,
    guarded_items,
    native_record,
    status_of,
    validated,
)
from annotator.exchange.formats.labelstudio_completions import ANNOTATIONS, COMPLETIONS, answers_key, old_task
from annotator.exchange.formats.labelstudio_config import LabelConfig
from annotator.exchange.formats.labelstudio_export import config, task, write  # noqa: F401 (the format's export)
from annotator.exchange.formats.labelstudio_ids import TASK_ID, our_meta, server_id, task_keys, with_keys
from annotator.exchange.formats.labelstudio_ids import ours as of_ours
from annotator.exchange.formats.labelstudio_objects import TextObjects, holds_regions
from annotator.exchange.formats.labelstudio_project import TEXT, missing_text
from annotator.exchange.formats.labelstudio_results import Loose, left_out, not_spans, read_spans
from annotator.exchange.formats.labelstudio_truth import (
    author,
    first_made,
    importer_again,
    in_order,
    min_work,
    model_only,
    ours_without_meta,
    truth,
)
from annotator.exchange.formats.labelstudio_unannotated import NO_ANNOTATION, Unannotated, unannotated_task
from annotator.exchange.formats.labelstudio_users import OneUser, Users, maker, user
from annotator.exchange.formats.looks import refuse_foreign, refuse_foreign_file
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.formats.stored_spans import same_spans
from annotator.exchange.formats.whose import annotator_of
from annotator.exchange.json_arrays import OneObject, json_array
from annotator.models import Flag, Number, Status, Timestamp, Title
from annotator.vocabulary import Label, is_model

CARRIES_FLAGS = True  # flag reasons and comments: keys of their own (see flag_and_comments)
SUFFIX = ".json"
CANNOT_CARRY: tuple[str, ...] = ()
#: What a JSON_MIN record's quotes lack, said as left out.
MIN_SPEAKERS = "quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export keeps them)"
#: What a JSON_MIN record cannot say: compared and replaced without it (`verdicts.keeping_unsaid`), as CoNLL is.
MIN_UNSAID = frozenset({"speakers", "status", "flag reasons"})
#: The keys of a JSON_MIN record that are Label Studio's own, not the task's data nor a result.
MIN_KEYS = {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement"}
#: Where in a task a record's field is read from, for an error about it (`common.native_record`): all but the
#: status, which is the `meta`'s or the annotation's.
_SOURCED = {
    "article_id": "data.article_id",
    "text": "data.text",
    "title": "data.title",
    "meta": "data.meta",
    "updated_at": "meta.updated_at",  # an annotation's own moment is read (and checked) as `LSAnnotation`'s
    "flag_reason": "meta.flag_reason",
    "comments": "meta.comments",
}
#: A task's drafts: work saved in Label Studio's editor, never submitted (atk34 15: dropped without a word).
DRAFTS = "Label Studio draft(s) (unsubmitted work in its editor: submit it there to import it)"
PREDICTION_IDS = "Label Studio prediction(s) given by id only, without their results (not read)"


class LSAnnotation(Loose):
    result: list[dict[str, Any]] = Field(default_factory=list)
    completed_by: Any = None  # read by `labelstudio_users.user`, which names what it cannot read
    was_cancelled: Flag = False
    status: str | None = None
    updated_at: Timestamp | None = None
    created_at: Timestamp | None = None  # a bad one would hide work there (atk34 04): `labelstudio_truth.in_order`
    lead_time: Number | None = None


class MinStamps(Loose):
    """A JSON_MIN record's moments and editor's time, as an `LSAnnotation`'s."""

    created_at: Timestamp | None = None
    updated_at: Timestamp | None = None
    lead_time: Number | None = None


class LSData(Loose):
    text: str
    article_id: str | None = None
    title: Title = ""
    meta: dict[str, Any] = Field(default_factory=dict)


class LSTask(Loose):
    data: LSData
    annotations: list[LSAnnotation] = Field(default_factory=list)
    completions: list[LSAnnotation] = Field(default_factory=list)  # Label Studio's before 1.0 (trial t4 F13)
    predictions: list[Any] = Field(default_factory=list)
    drafts: list[Any] = Field(default_factory=list)  # counted, not read (`DRAFTS`)
    meta: dict[str, Any] = Field(default_factory=dict)


@cache
def _models(text_field: str) -> tuple[type[LSData], type[LSTask]]:
    """The task's data and the task with the text read from the field the project names (--text-field): another
    field called `text` there is then the task's data like any other (kept in the article's `meta`)."""
    if text_field == TEXT:
        return LSData, LSTask
    data = create_model("LSData", __base__=LSData, text=(str, Field(alias=text_field)))
    return data, create_model("LSTask", __base__=LSTask, data=(data, ...))


# -- import -------------------------------------------------------------------------------------------------


def _task_records(
    parsed: LSTask, options: ReadOptions, where: Where, one: OneUser, users: Users, objects: TextObjects, raw: Any
) -> Iterator[Read]:
    text = parsed.data.text
    kind = answers_key(parsed.model_dump(include={ANNOTATIONS, COMPLETIONS}))
    annotations, predictions = parsed.completions if kind == COMPLETIONS else parsed.annotations, parsed.predictions
    mark = our_meta(raw)  # our export's annotator, status, ...: {} on a task not ours (its user's, re-trial t4r F2-v1)
    model = mark.get("annotator")
    whole = [p for p in predictions if isinstance(p, dict)]  # a server's JSON export names them by id only
    if not annotations and len(whole) == 1 == len(predictions) and isinstance(model, str) and is_model(model):
        # our `export --suggestions`: the one prediction is the model's record, read back as suggestions
        annotations, kind = [validated(LSAnnotation, whole[0], where)], "predictions"
    else:
        if len(predictions) > len(whole):
            yield Dropped(PREDICTION_IDS, len(predictions) - len(whole))
        if whole:
            yield Dropped("Label Studio prediction(s) (not read)", len(whole))
    if not isinstance(mark.get("annotator"), str | None):  # atk34 08: ignored, the work went to another
        raise where.error(f"expected a name, got {json_kind(mark['annotator'])}", "meta.annotator")
    mine = first_made(annotations)  # the one annotation our export wrote (the meta's), the server made first
    again = {} if options.annotator or kind == "predictions" else importer_again(annotations, mine, mark, where, users)
    given = (parsed.model_extra or {}).get("id")
    task_id = str(given) if isinstance(given, int | str) and not isinstance(given, bool) else None
    article = {
        **({"article_id": parsed.data.article_id} if parsed.data.article_id else {}),
        "text": text,
        "title": parsed.data.title,
        "meta": with_keys({**(parsed.data.model_extra or {}), **parsed.data.meta}, task_keys(raw)),
    }
    if parsed.drafts:
        yield Dropped(DRAFTS, len(parsed.drafts))
    if not annotations:
        yield unannotated_task(where, server_id(given), text, parsed.data.article_id)
    for index, annotation in enumerate(annotations):
        field = f"{kind}[{index}]"

        def build(index: int = index, annotation: LSAnnotation = annotation, field: str = field) -> Read:
            ours = mark if index == mine else {}  # our export's annotator and status, back from a server
            dropped: Counter[str] = Counter()
            in_order(annotation, where, f"{field}.")
            if index in again:  # the importer's own answer beside their import of ours: who they are is not known
                raise where.error(again[index], f"{field}.completed_by")
            if kind == "predictions":
                model_only(annotation, mark.get("annotator"), where, field)
            noted = None  # a sentiment only, where --config shows spans are labelled on the text: none there
            if (labelling := options.label_config) is not None:  # refused before anything of it is skipped
                for number, item in enumerate(annotation.result):
                    labelling.check(item, where, f"{field}.result[{number}]")
                if (why := labelling.only_elsewhere(annotation.result, field)) is not None:
                    return Skipped(where, why)
                noted = labelling.none_on_text(annotation.result) if annotation.result else None
            if noted is None and (why := not_spans(annotation.result, field)) is not None:
                return Skipped(where, why)
            spans = read_spans(text, annotation.result, f"{field}.result", options, where, dropped, objects)
            default = Status.SKIPPED if annotation.was_cancelled else Status.DONE
            same = same_spans(ours, spans)  # None: no digest to tell
            by = author(annotation, where, field, users, same)
            said = truth(ours, annotation, by, same)  # its word wins
            named_in = said.field or f"{field}.completed_by"  # the field that names the annotator
            if said.disputed is not None and options.annotator is None:
                raise where.error(said.disputed, named_in)  # two fields name two people (labelstudio_truth)
            one.check(options.annotator if said.disputed else said.annotator, where, named_in)  # its name settles it
            status_field = "meta.status" if "status" in ours else f"{field}.status"
            ours_named = said.annotator is not None and said.annotator == ours.get("annotator")  # a name of ours
            record = native_record(
                where,
                _SOURCED | {"status": status_field, "text": f"data.{options.text_field}"},
                **article,
                annotator=annotator_of(said.annotator, options, where, named_in, renames=not ours_named),
                status=status_of(said.status, default, where, status_field),
                spans=spans,
                updated_at=said.updated_at,
                flag_reason=said.flag_reason,
                comments=ours.get("comments"),
            )
            return ImportedRecord(
                where, record, dropped=dropped, annotator_field=named_in, comments_field="meta.comments", part=field,
                task_id=task_id, made=annotation.created_at, user=maker(by, said.annotator, of_ours(raw)),
                annotation_id=None if kind == "predictions" else server_id((annotation.model_extra or {}).get("id")),
                said=(noted,) if noted is not None and record.status is Status.DONE else (),
            )  # fmt: skip

        yield guarded(options, where, build)


def _min_record(
    data: dict[str, Any], options: ReadOptions, where: Where, one: OneUser, users: Users, objects: TextObjects
) -> Read:
    """One JSON_MIN record: the task's data keys, then `id`, then one key per result, then `annotator` (in another
    order, the results are the lists of regions) ..."""
    keys = list(data)
    after_id = keys.index("id") + 1 if "id" in keys else 0
    before = keys.index("annotator") if "annotator" in keys else len(keys)
    regions = [k for k, v in data.items() if k not in MIN_KEYS and holds_regions(v)]
    window = keys[after_id:before] if after_id else []
    in_order = options.text_field in keys[: max(after_id - 1, 0)] and set(regions) <= set(window)
    if in_order:  # Label Studio's order: data, id, results, annotator, stamps
        results = {k: data[k] for k in window if k not in MIN_KEYS}
        task_data = {k: data[k] for k in keys[: after_id - 1] if k not in MIN_KEYS}
    else:  # no `id`, or keys in another order (sorted; attacker 40f): lists of regions are the results
        results = {k: data[k] for k in regions}
        task_data = {k: v for k, v in data.items() if k not in MIN_KEYS and k not in regions}
    if (
        data.get("annotator") is None
        and data.get("annotation_id") is None
        and not any(map(holds_regions, results.values()))
    ):
        # a task nobody annotated; labels with no author are --annotator's, or an error
        return Unannotated(NO_ANNOTATION, where=where, task=server_id(data.get("id")))
    labelling = options.label_config
    if labelling is None:  # which control labels the text, JSON_MIN cannot say (trial t2, A)
        objects.check_min([key for key, value in results.items() if holds_regions(value)], where)
    given = [_min_result(key, value, labelling) for key, value in results.items() if value != []]
    if (why := not_spans(given)) is not None and not (labelling and labelling.spans_on_text):
        return Skipped(where, why)  # a choice only, say
    dropped: Counter[str] = Counter()
    parsed = validated(_models(options.text_field)[0], task_data, where)
    by = user(data.get("annotator"), where, "annotator", users)
    one.check(by and by.name, where, "annotator")
    shown = min_work(validated(MinStamps, data, where), where)
    if shown is None and by is not None and options.annotator is None and _ours(task_data):
        raise where.error(ours_without_meta(by), "annotator")
    result: list[dict[str, Any]] = []
    paths = [f"{name}[{i}]" for name, value in results.items() if holds_regions(value) for i in range(len(value))]
    for name, value in results.items():
        if holds_regions(value):
            names = _min_names(name, options, where)
            result += [{"type": "labels", **names, "value": region} for region in value]
        else:  # a choice, say: counted as its JSON's results are (boxes one by one)
            boxes = isinstance(value, list) and all(isinstance(each, dict) for each in value)
            dropped[left_out(_min_result(name, value, labelling))] += len(value) if boxes else 1
    with project.in_json_min(paths):  # an error names the region's own path: JSON_MIN has no `value`
        if labelling is not None and (why := labelling.only_elsewhere(result)) is not None:
            return Skipped(where, why)
        noted = labelling.none_on_text(result) if labelling is not None and given else None
        spans = read_spans(parsed.text, result, "label", options, where, dropped)
    quotes = sum(1 for span in spans if span.label is Label.QUOTE)
    if quotes:  # re-trial 41r: the Converter's JSON_MIN of our export lost its 10 speakers, unsaid
        dropped[MIN_SPEAKERS] += quotes
    ours = _ours(task_data) and data.get("annotation_id") is None  # no server's: its id is a place in our file
    task_id = None if ours else server_id(data.get("id"))
    record = native_record(
        where,
        **({"article_id": parsed.article_id} if parsed.article_id else {}),
        text=parsed.text,
        title=parsed.title,
        meta=with_keys(
            {**(parsed.model_extra or {}), **parsed.meta}, {TASK_ID: task_id} if task_id is not None else {}
        ),
        annotator=annotator_of(by and by.name, options, where, "annotator", renames=True),
        status=Status.DONE,
        spans=spans,
        updated_at=shown,
    )
    said = () if noted is None else (noted,)
    made, maker_id = server_id(data.get("annotation_id")), maker(by, None if by is None else by.name, _ours(task_data))
    return ImportedRecord(
        where, record, dropped=dropped, unsaid=MIN_UNSAID, said=said, annotation_id=made, user=maker_id
    )


def _min_result(key: str, value: Any, labelling: LabelConfig | None) -> dict[str, Any]:
    """A JSON_MIN record's result (`key`: its control) as its JSON's is named: its type `labels` for regions, else
    the control's tag where --config gives it (JSON_MIN has none)."""
    if holds_regions(value):
        return {"type": "labels", "from_name": key}
    control = None if labelling is None else labelling.controls.get(key)
    return {"type": None if control is None else control.tag, "from_name": key}


def _min_names(name: str, options: ReadOptions, where: Where) -> dict[str, str]:
    """A JSON_MIN result's control and object, for --config's check: its key is the control's `name` (a key the
    config has no control for is refused), and the object the control's (the text's, of several), as JSON_MIN names
    none."""
    labelling = options.label_config
    if labelling is None:
        return {}
    control = labelling.control(name, where, name)
    on_text = [each for each in control.to_names if each in labelling.texts]
    return {"from_name": name, "to_name": (on_text or [*control.to_names, ""])[0]}


def _ours(task_data: dict[str, Any]) -> bool:
    """Whether a JSON_MIN record's task data is our own export's (`task`: `article_id`, `title` and `meta` beside
    the text), whose annotator only the task's `meta` named."""
    return {"article_id", "title", "meta"} <= set(task_data)


def _items(
    data: Any, options: ReadOptions, where: Where, one: OneUser, users: Users, objects: TextObjects
) -> Iterator[Read]:
    if not isinstance(data, dict):
        raise where.error(f"expected a task object, got {json_kind(data)}")
    refuse_foreign(where, data, "labelstudio")
    field = options.text_field
    task_data = data.get("data")
    if isinstance(task_data, dict) and field not in task_data:
        raise missing_text(task_data, field, where, other=objects.elsewhere(where.record))
    text = task_data.get(field) if isinstance(task_data, dict) else data.get(field)
    if blank(text):
        yield Skipped(where, "the text is blank: nothing to annotate")
    elif "data" in data:
        task = validated(_models(field)[1], old_task(data, where), where)
        yield from _task_records(task, options, where, one, users, objects.on(data["data"]), data)
    elif field in data:
        yield _min_record(data, options, where, one, users, objects)
    elif any(map(holds_regions, data.values())):  # JSON_MIN's labels, without the text
        raise missing_text(
            {k: v for k, v in data.items() if k not in MIN_KEYS and not holds_regions(v)}, field, where, ""
        )
    else:
        raise where.error(f"expected a task with 'data' (JSON export) or a record with {field!r} (JSON_MIN export)")


def read(path: Path, options: ReadOptions) -> Iterator[Read]:
    try:
        path, tasks, lines = json_array(path)
    except InputError:
        refuse_foreign_file(str(path), "labelstudio")  # JSONL of another tool: say which
        raise
    if isinstance(tasks, OneObject):  # one line of another tool's JSONL, say: said at its line
        refuse_foreign(Where(str(path), line=1), tasks[0], "labelstudio")
    one = OneUser(options.annotator)  # --annotator takes one Label Studio user's work
    places = [Where(str(path), record=number, line_of=lines) for number in range(1, len(tasks) + 1)]
    users = Users.of(zip(places, tasks, strict=True), options.user_map)
    objects = TextObjects.of(tasks, options.text_field, options.text_field_given)  # which object the regions label
    for where, data in zip(places, tasks, strict=True):
        yield from guarded_items(options, where, partial(_items, data, options, where, one, users, objects))

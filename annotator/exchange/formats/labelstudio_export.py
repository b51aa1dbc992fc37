"""Label Studio's JSON as we write it (`labelstudio`'s export half; the module says what and why): one task per
record, our annotator, status, timestamp, flag reason and comments in the task's `meta`, the model's suggestions as
`predictions`, and the labelling config the tasks are made for."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from annotator.exchange.files import write_text_lines
from annotator.exchange.formats.common import RecordLike, TokensOf, dumps, flag_and_comments, short_id
from annotator.exchange.formats.options import SPEAKER_RELATION, ExportOptions
from annotator.exchange.formats.stored_spans import DIGEST, spans_digest
from annotator.models import Label, Status
from annotator.vocabulary import MODEL_PREFIX, is_model

FROM_NAME, TO_NAME = "label", "text"
UNFINISHED_NOTE = (
    "task(s) of work not done (todo, in progress, flagged) go to Label Studio as submitted annotations, as it has "
    "no other state but cancelled (which skipped work becomes); the task's meta keeps our status, and import reads "
    "it back"
)


def task(record: RecordLike, number: int) -> dict[str, Any]:
    """The record as the `number`th task of the file: its `id`, as Label Studio numbers tasks (an integer, first
    in the task). A server gives its own on import and ignores this one; label-studio-sdk's converter reads a
    server's export and needs one (`get_data`: `task["id"]`, a KeyError without). It is the task's place in the
    file, 1 to n in export order (ingest order), so a fresh project given the file numbers the tasks alike; the
    article's own id stays `data.article_id`, which is what import reads."""
    spans = sorted(record.spans, key=lambda s: (s.start, s.end, s.label.value))
    ids = {(s.start, s.end, s.label): short_id(record.article_id, s.start, s.end, s.label.value) for s in spans}
    result: list[dict[str, Any]] = [
        {
            "id": ids[(s.start, s.end, s.label)],
            "from_name": FROM_NAME,
            "to_name": TO_NAME,
            "type": "labels",
            "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label.value]},
        }
        for s in spans
    ]
    result += [
        {
            "from_id": ids[(s.start, s.end, s.label)],
            "to_id": ids[(s.speaker.start, s.speaker.end, Label.ACTOR)],
            "type": "relation",
            "direction": "right",
            "labels": [SPEAKER_RELATION],
        }
        for s in spans
        if s.speaker is not None
    ]
    data = {"text": record.text, "article_id": record.article_id, "title": record.title, "meta": record.meta}
    ours = {"annotator": record.annotator, "status": record.status.value, "updated_at": record.updated_at}
    ours[DIGEST] = spans_digest(record.spans)  # import tells an annotation only touched there by it
    ours.update(flag_and_comments(record))
    if is_model(record.annotator):
        prediction = {"model_version": record.annotator[len(MODEL_PREFIX) :], "result": result}
        return {"id": number, "data": data, "meta": ours, "predictions": [prediction]}
    annotation = {"was_cancelled": record.status is Status.SKIPPED, "result": result}
    return {"id": number, "data": data, "meta": ours, "annotations": [annotation]}


def config(path: Path, options: ExportOptions) -> str:
    """The labelling config of a Label Studio project for the tasks written to `path` (`export --format labelstudio
    --config PATH`; paste it into the project's Labeling Interface): a `Labels` tag named as the regions'
    `from_name` with the exported labels, the SPEAKER relation when quotes and actors are both exported, and the
    `Text` object the regions' `to_name` names, showing `data.text`."""
    labels = [label.value for label in Label if label in options.labels]
    lines = ["<View>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    lines += [f'    <Label value="{label}"/>' for label in labels]
    lines.append("  </Labels>")
    if {Label.QUOTE, Label.ACTOR} <= options.labels:
        lines += ["  <Relations>", f'    <Relation value="{SPEAKER_RELATION}"/>', "  </Relations>"]
    lines += [f'  <Text name="{TO_NAME}" value="${TO_NAME}"/>', "</View>", ""]
    return "\n".join(lines)


def write(records: Iterable[RecordLike], out: IO[bytes], tokens_of: TokensOf | None, options: ExportOptions) -> int:
    count = 0

    def parts() -> Iterator[str]:
        nonlocal count
        yield "["
        for number, record in enumerate(records, start=1):
            count = number
            if not is_model(record.annotator) and record.status not in (Status.DONE, Status.SKIPPED):
                options.written.notes[UNFINISHED_NOTE] += 1
            yield ("," if number > 1 else "") + "\n" + dumps(task(record, number))
        yield "\n]\n"

    write_text_lines(parts(), out)
    return count

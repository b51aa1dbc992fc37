"""A Label Studio annotation's results as spans: its `labels` regions and SPEAKER relations (`read_spans`), and what
makes one no work on spans at all (`not_spans`).

An annotation whose results are all of other types (a text-classification project's `choices`, an image's
`rectanglelabels`, an HTML's `hypertextlabels`) is no one's finished work with no span: stored as done, it would
say the text has no entities, and a spaCy export would write that as gold (trial t1 F2). It is skipped and named,
as Prodigy's classifying tasks are; an empty `result` (submitted with nothing marked) is such work, and read. Where
--config shows the project labels spans on the text, it is read so too (`labelstudio_config`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from annotator.exchange.files import Where
from annotator.exchange.formats import labelstudio_project as project
from annotator.exchange.formats.common import checked_span, label_of, validated
from annotator.exchange.formats.labelstudio_objects import TextObjects
from annotator.exchange.formats.labelstudio_offsets import as_quoted, code_points, counts_units
from annotator.exchange.formats.labelstudio_project import several_labels
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.formats.speakers import kept, link_speaker, repeated_id
from annotator.literal import quoted_value
from annotator.models import Integer, Span

#: The result type of HTML regions (`<HyperTextLabels>`): XPaths into markup, no offsets into a plain text.
HYPERTEXT = "hypertextlabels"


class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class RegionValue(Loose):
    start: Integer
    end: Integer
    text: str | None = None
    labels: list[str] = Field(min_length=1, max_length=1)


class Region(Loose):
    id: str | None = None
    value: RegionValue


class Relation(Loose):
    from_id: str
    to_id: str
    labels: list[str] = Field(default_factory=list)

    @field_validator("labels", mode="before")
    @classmethod
    def _one_label(cls, value: Any) -> Any:
        """A string is one label: label-studio-sdk writes a relation's so, and a Label Studio 1.23.2 server stores
        and exports it as given (tests/test_import_labelstudio_relation_label_string.py)."""
        return [value] if isinstance(value, str) else value


def read_spans(
    text: str,
    result: list[dict[str, Any]],
    field: str,
    options: ReadOptions,
    where: Where,
    dropped: Counter[str],
    objects: TextObjects | None = None,
) -> list[Span]:
    """An annotation's label regions as spans, its SPEAKER relations as speakers; other results counted. `objects`:
    which object the regions must label (a JSON_MIN record's name none), told from the file unless --config gives
    the project's labelling config (`labelstudio_config`), whose word wins."""
    spans: dict[Any, Span | None] = {}
    relations: list[tuple[int, Relation]] = []
    first: dict[Any, int] = {}  # a region id -> the number of the result it was first
    config = options.label_config
    units = counts_units(text, [item for item in result if config is None or config.on_text(item)])
    for number, item in enumerate(result):
        here = f"{field}[{number}]"
        kind = item.get("type")
        if config is not None:  # the project's own word on which object shows the text, and what labels it
            config.check(item, where, here)
        if kind == "labels":
            if config is not None and not config.on_text(item):
                dropped[config.elsewhere(item)] += 1  # offsets into another value: no span of the text's
                key = item.get("id") if isinstance(item.get("id"), str) else f"#{number}"
                if key not in spans:  # a relation to it is dropped and counted as one to a dropped span
                    first[key], spans[key] = number, None
                continue
            if objects is not None and config is None:
                objects.check(item, where, here)
            several_labels(item, where, here, options.skip_invalid)
            region = validated(Region, item, where, f"{here}.")
            label = label_of(region.value.labels[0], options, where, f"{here}.value.labels", dropped)
            span = region.value
            start, end = code_points(text, span.start, span.end, span.text, units, dropped)
            given = as_quoted(text, start, end, span.text)
            checked = (
                None
                if label is None
                else checked_span(text, start, end, label, given, where, f"{here}.value", options.trim(dropped))
            )
            key = region.id if region.id is not None else f"#{number}"
            if key in spans:  # relations name regions by id: a second one by it must be the same region
                project.labelled_twice(result[first[key]], item, where, here, options.skip_invalid)
                repeated_id(spans[key], checked, key, f"{field}[{first[key]}]", where, f"{here}.id", dropped)
                continue
            first[key] = number
            spans[key] = checked
        elif kind == "relation":
            relations.append((number, validated(Relation, item, where, f"{here}.")))
        else:
            dropped[left_out(item)] += 1
    for number, relation in relations:
        name: Any = relation.labels[0] if len(relation.labels) == 1 else relation.labels or None
        link_speaker(spans, (relation.from_id, relation.to_id), name, options, where, f"{field}[{number}]", dropped)
    return kept(spans)


def described(result: dict[str, Any]) -> str:
    """A result as the import names it, alike in JSON and JSON_MIN (trial t2): its type where the file (or, for
    JSON_MIN, --config) gives it, and its control, the `from_name` (JSON_MIN's key)."""
    kind, control = result.get("type"), result.get("from_name")
    typed = "" if kind is None else f"{quoted_value(kind)} "
    return f"{typed}result(s){'' if control is None else f' of the control {quoted_value(control)}'}"


def left_out(result: dict[str, Any]) -> str:
    """What a result that is no text label is counted as (one line a type and control)."""
    on_html = "; regions on HTML, no span on the text" if result.get("type") == HYPERTEXT else ""
    return f"Label Studio {described(result)} (only labels and relations are read{on_html})"


def not_spans(results: list[dict[str, Any]], field: str = "") -> str | None:
    """Why an annotation at `field` (or a JSON_MIN record) whose results are these is no work on spans, or None: it
    has none (nothing marked is work), or a text label among them."""
    kinds = [result.get("type") for result in results]
    if not kinds or "labels" in kinds:
        return None
    named = " and ".join(dict.fromkeys(map(described, results)))
    on_html = f"; a {HYPERTEXT!r} region is on HTML, no span on the text" if HYPERTEXT in kinds else ""
    return (
        f"{field + ': ' if field else ''}only Label Studio {named}, no text labels: no work on spans (read as done, it "
        f"would say the text has none){on_html}"
    )

"""What a Label Studio project names for itself, and how an import is told it: the task field its labelling config
reads the text from (`<Text name="text" value="$content"/>`: tasks `{"data": {"content": ...}}`), given with
`--text-field`, and labels that allow several on one region (`<Labels choice="multiple">`), which a span here
cannot hold.

The field is named, never guessed: a task's data often holds several strings (an id, a title, a URL), and reading
the wrong one would import spans at offsets into another text. A task without it is refused in one line that names
the option and the task's own fields, its longest string first as the likely one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from annotator.errors import InputError
from annotator.exchange.files import Where
from annotator.literal import quoted

#: The data field a task's text is read from unless --text-field names another (what our export writes).
TEXT = "text"
#: The import's own option, named where a task lacks the field.
OPTION = "--text-field"


def missing_text(
    data: dict[str, Any], field: str, where: Where, at: str = "data.", other: str | None = None
) -> InputError:
    """The error for a task (or a JSON_MIN record: `at` "") whose data has no `field`: the option that names the
    project's field, and the fields it has (a string one, the longest, as the example). Where `other` task of the
    file ("record 2") has the field, the task is told to get it: advised another field, the whole file would be
    read by it (re-trial s52 t6 F1-v1-a, s53 t7 F1-v1-a-2)."""
    has = f" (it has {', '.join(quoted(key) for key in data)})" if data else ""
    if other is not None:
        return where.error(
            f"the task's data has no {field!r}{has}, which the task at {other} has: {OPTION} reads every task of "
            f"the file by one field, so give this one its {field!r}",
            f"{at}{field}",
        )
    texts = sorted((k for k, v in data.items() if isinstance(v, str) and v.strip()), key=lambda k: -len(data[k]))
    example = f", e.g. {OPTION} {texts[0]}" if texts else ""
    return where.error(
        f"the task's data has no {field!r}{has}: give the field the project's labelling config reads "
        f'(<Text value="$NAME">) with {OPTION} NAME{example}',
        f"{at}{field}",
    )


def labelled_twice(earlier: dict[str, Any], region: dict[str, Any], where: Where, field: str, skipping: bool) -> None:
    """A region given again under its id with other labels: two `<Labels>` controls label it (Label Studio writes
    it once per control), said as a region with several labels (trial 11: told as another span with its id)."""
    values = [item.get("value") for item in (earlier, region)]
    if not all(isinstance(value, dict) for value in values) or earlier.get("from_name") == region.get("from_name"):
        return
    one, two = (value if isinstance(value, dict) else {} for value in values)
    labels = [*(one.get("labels") or []), *(two.get("labels") or [])]
    if (one.get("start"), one.get("end")) == (two.get("start"), two.get("end")) and len(set(map(str, labels))) > 1:
        several_labels({**region, "value": {**two, "labels": labels}}, where, field, skipping, TWO_CONTROLS)


TWO_CONTROLS = "two <Labels> controls label it"


@contextmanager
def in_json_min(paths: list[str]) -> Iterator[None]:
    """Errors about a JSON_MIN record's regions, read as results `label[3]` (their `value` the region), named at
    their own paths in the record (`paths[3]`: `label[1]`, whose keys are the region's)."""
    try:
        yield
    except InputError as error:
        found = re.match(r"label\[(\d+)\](?:\.value)?", error.field or "")
        if found is None:
            raise
        field = paths[int(found[1])] + (error.field or "")[found.end() :]
        raise InputError(error.reason, path=error.path, line=error.line, field=field, record=error.record) from None


def several_labels(
    region: dict[str, Any],
    where: Where,
    field: str,
    skipping: bool,
    why: str = "the project lets a region have several",
) -> None:
    """A `labels` region with more than one label (a project whose labels allow several, `choice="multiple"`) is an
    error in one line naming the region, its text and labels, and what to do (`skipping`: --skip-invalid is on, and
    lists it, so the option is not offered)."""
    value = region.get("value")
    labels = value.get("labels") if isinstance(value, dict) else None
    if not isinstance(labels, list) or len(labels) < 2 or not all(isinstance(label, str) for label in labels):
        return  # one label, or none, or not names: the region's own validation says what is wrong
    name = f" {quoted(region['id'])}" if isinstance(region.get("id"), str) else ""
    text = value.get("text") if isinstance(value, dict) else None
    shown = f' ("{text if len(text) <= 40 else text[:39] + "…"}")' if isinstance(text, str) else ""
    named = f"{', '.join(labels[:-1])} and {labels[-1]}"
    rest = "" if skipping else ", or --skip-invalid imports the rest without this annotation"
    raise where.error(
        f"region{name}{shown} has {len(labels)} labels, {named} ({why}): a span "
        f"has one label here; give it one in Label Studio and export again{rest}",
        f"{field}.value.labels",
    )

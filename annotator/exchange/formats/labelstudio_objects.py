"""Which object of a Label Studio project a region labels: its `to_name`, the name of a `<Text>` (or another
object) in the labelling config. A region on another object than the one showing the task's text (a `title`
beside `text`) has offsets into that object's value: read at the text's, it was a wrong span, stored without a
word when the region gave no `text` to check (a newcomer's trial, F3).

A Label Studio export holds no labelling config, so the text's object is told from the file: the one named as the
text's field (`<Text name="text" value="$text"/>`, as our export and Label Studio's templates name it), or, where
the file's regions all label one object, that one (a project whose text object has another name). A region on
another object, or on one of several objects none named as the text's field, is refused in one line naming the
file, the task and its `to_name`. A file whose regions all label one object other than the text (only a title's)
cannot be told from one whose text object has another name: that needs the labelling config, which no export holds,
given with `--config` (`labelstudio_config`, whose word then replaces this guess).

A JSON_MIN record names a region's control (its key), not its object: where a file's regions are of two controls
or more (`hl_ner` on a headline, `ner` on the body), which one labels the text cannot be told from it at all, and a
headline region whose offsets and text happened to be the article's was stored as an article span (trial t2, A):
refused, naming the controls and `--config`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from annotator.errors import json_kind
from annotator.exchange.files import Where
from annotator.literal import quoted


@dataclass(frozen=True)
class TextObjects:
    #: The data field the text is read from (--text-field).
    field: str
    #: Every object the file's `labels` regions name (`to_name`).
    named: frozenset[str]
    #: The data fields of the task at hand.
    data: frozenset[str] = frozenset()
    #: The controls (keys) of the file's JSON_MIN records that hold regions.
    controls: frozenset[str] = frozenset()
    #: Whether --text-field named the field (the refusal then names only --config).
    given: bool = False
    #: The records (from 1) whose task's data has the field: one without it is told of them (`elsewhere`).
    having: tuple[int, ...] = ()

    @classmethod
    def of(cls, tasks: list[Any], field: str, given: bool = False) -> TextObjects:
        """The objects a file's regions label (annotations and predictions alike), and its JSON_MIN controls."""
        controls = {
            key
            for task in tasks
            if isinstance(task, dict) and "data" not in task
            for key, value in task.items()
            if holds_regions(value)
        }
        named = {
            result.get("to_name")
            for task in tasks
            for part in ("annotations", "completions", "predictions")
            for answer in _listed(task, part)
            for result in _listed(answer, "result")
            if result.get("type") == "labels"
        }
        having = tuple(
            number
            for number, task in enumerate(tasks, 1)
            if isinstance(task, dict) and isinstance(task.get("data"), dict) and field in task["data"]
        )
        names = frozenset(name for name in named if isinstance(name, str))
        return cls(field, names, controls=frozenset(controls), given=given, having=having)

    def elsewhere(self, record: int | None) -> str | None:
        """The task nearest before (else after) `record` whose data has the field ("record 2"), or None."""
        before = [number for number in self.having if record is not None and number < record]
        after = [number for number in self.having if record is None or number > record]
        return f"record {(before[-1:] or after[:1])[0]}" if before or after else None

    def on(self, data: dict[str, Any]) -> TextObjects:
        """The same, for a task with this data."""
        return replace(self, data=frozenset(data))

    def check(self, region: dict[str, Any], where: Where, field: str) -> None:
        """A one-line error unless the region (at `field`) labels the object showing the text."""
        name = region.get("to_name", self.field)
        if name == self.field or (isinstance(name, str) and self.named == {name}):
            return  # the text's field's name, or the one object of the file's regions
        here = f"{field}.to_name"
        if not isinstance(name, str):
            raise where.error(f"expected the name of the object the region labels, got {json_kind(name)}", here)
        text = f"data.{self.field}"
        shows = f", which shows data.{name}" if name in self.data else ""
        if self.field in self.named:
            raise where.error(
                f"the region labels the object {quoted(name)}{shows}, not the text's {quoted(self.field)} ({text}): "
                "its offsets are not the text's; give the project's labelling config with --config to leave the "
                "regions on other objects out, counted",  # trial t4 F10: no way forward was said
                here,
            )
        names = ", ".join(quoted(each) for each in sorted(self.named))
        other = "" if self.given else f" (or --text-field the field that shows it, if not {quoted(self.field)})"
        raise where.error(
            f"the region labels the object {quoted(name)}{shows}, and the file's regions label {len(self.named)} "
            f"({names}), none named as the text's field {quoted(self.field)}: which one shows {text} cannot be told: "
            f"give the project's labelling config with --config, which says{other}",
            here,
        )

    def check_min(self, keys: list[str], where: Where) -> None:
        """A one-line error unless the file's JSON_MIN regions are of one control (a record's, at `keys`)."""
        if len(self.controls) < 2 or not keys:
            return
        names = ", ".join(quoted(each) for each in sorted(self.controls))
        raise where.error(
            f"JSON_MIN names the control of a region, not the object it labels, and the file's regions are of "
            f"{len(self.controls)} controls ({names}): which labels the text (data.{self.field}) cannot be told: "
            "give the project's labelling config with --config (regions on its other objects are then left out)",
            keys[0],
        )


def holds_regions(value: Any) -> bool:
    """Whether a JSON_MIN record's value is a control's regions (a list of objects with offsets and labels)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, dict) and {"start", "end", "labels"} <= set(v) for v in value)
    )


def _listed(parent: Any, key: str) -> list[dict[str, Any]]:
    """The objects of a list under `key` (what is no list, or no object, the reading itself refuses)."""
    found = parent.get(key) if isinstance(parent, dict) else None
    return [each for each in found if isinstance(each, dict)] if isinstance(found, list) else []

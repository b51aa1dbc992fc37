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
"""

from __future__ import annotations

from collections.abc import Iterable
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

    @classmethod
    def of(cls, tasks: Iterable[Any], field: str) -> TextObjects:
        """The objects a file's regions label (annotations and predictions alike)."""
        named = {
            result.get("to_name")
            for task in tasks
            for part in ("annotations", "predictions")
            for answer in _listed(task, part)
            for result in _listed(answer, "result")
            if result.get("type") == "labels"
        }
        return cls(field, frozenset(name for name in named if isinstance(name, str)))

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
                "its offsets are not the text's",
                here,
            )
        names = ", ".join(quoted(each) for each in sorted(self.named))
        raise where.error(
            f"the region labels the object {quoted(name)}{shows}, and the file's regions label {len(self.named)} "
            f"({names}), none named as the text's field {quoted(self.field)}: which one shows {text} cannot be told "
            "(--text-field names the field)",
            here,
        )


def _listed(parent: Any, key: str) -> list[dict[str, Any]]:
    """The objects of a list under `key` (what is no list, or no object, the reading itself refuses)."""
    found = parent.get(key) if isinstance(parent, dict) else None
    return [each for each in found if isinstance(each, dict)] if isinstance(found, list) else []

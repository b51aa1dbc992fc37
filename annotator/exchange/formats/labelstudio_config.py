"""A Label Studio project's labelling config, given to import (`--config labels.xml`): which object shows the
article text, and which controls label which objects with which labels.

A Label Studio export holds no config, so without it the text's object is told from the file
(`labelstudio_objects`), and a file whose regions all label one object other than the text (a second `<Text>`)
cannot be told from a project whose text object has another name. The config says it: the `<Text>` whose `value`
is `$FIELD` of the task's text field shows the article. A region on any other object is left out and counted (its
offsets are into another value); a result from a control the config lacks, on an object that control does not
label, or with a label it does not list, is refused: the file is not this project's, or the config is not. Where a
`<Labels>` labels the text, a submitted annotation with no region there (a sentiment only) says the text has none,
and is read as done work with no span (trial t2, C).

The config is XML a user was given: it is read with no DOCTYPE (no entity is ever expanded), as Label Studio's
Labeling Interface takes none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

from annotator.errors import InputError, json_kind
from annotator.exchange.files import Where
from annotator.literal import quoted

#: The object tag whose value is the text regions' offsets count in (Label Studio's `<Text>`; tags are named in any
#: case there).
TEXT_TAG = "text"
OPTION = "--config"


@dataclass(frozen=True)
class Control:
    """A control tag (`<Labels name="label" toName="text">`): the objects it labels and the values of its labels
    (`<Label value>`, or an `alias`; None where the config does not list them: labels from the task's data)."""

    tag: str
    to_names: tuple[str, ...]
    labels: tuple[str, ...] | None


@dataclass(frozen=True)
class LabelConfig:
    path: str
    #: The task data field the text is read from (`$FIELD` of the text's `<Text>`).
    field: str
    #: The `<Text>` objects showing that field: regions on them are at the text's offsets.
    texts: frozenset[str]
    #: Every object by name, with its `value` (`$title`).
    objects: dict[str, str]
    controls: dict[str, Control]
    #: The relation labels its `<Relations>` list (`<Relation value>`): a labelled relation names one of them.
    relations: tuple[str, ...] = ()

    def on_text(self, result: dict[str, Any]) -> bool:
        return result.get("to_name") in self.texts

    def elsewhere(self, result: dict[str, Any]) -> str:
        """What a region on another object than the text is counted as (one line a object)."""
        name = result.get("to_name")
        shows = self.objects.get(name, "") if isinstance(name, str) else ""
        data = f" (data.{shows[1:]})" if shows.startswith("$") else ""
        text = ", ".join(quoted(each) for each in sorted(self.texts))
        return (
            f"Label Studio region(s) on the object {quoted(str(name))}{data}, not the text's {text} "
            f"(data.{self.field}), as {self.path} says"
        )

    def control(self, name: str, where: Where, field: str) -> Control:
        """The control named `name` (at `field`: a result's `from_name`, a JSON_MIN record's key), else an error."""
        if name not in self.controls:
            names = ", ".join(quoted(each) for each in self.controls) or "none"
            raise where.error(
                f"{quoted(name)} is no control of the labelling config {self.path} (its controls: {names})", field
            )
        return self.controls[name]

    def check(self, result: dict[str, Any], where: Where, field: str) -> None:
        """A one-line error unless the result (at `field`) is from a control of the config, on an object it labels,
        with labels it lists; a relation's labels, unless its `<Relations>` lists them."""
        if result.get("type") == "relation":
            self._relation(result, where, field)
            return
        name = result.get("from_name")
        if not isinstance(name, str):
            raise where.error(f"expected the name of the control the result is from, got {json_kind(name)}",
                              f"{field}.from_name")  # fmt: skip
        control = self.control(name, where, f"{field}.from_name")
        to_name = result.get("to_name")
        if to_name not in control.to_names:
            shown = quoted(to_name) if isinstance(to_name, str) else json_kind(to_name)
            raise where.error(
                f"the control {quoted(name)} of the labelling config {self.path} labels "
                f"{', '.join(quoted(each) for each in control.to_names)}, not {shown}",
                f"{field}.to_name",
            )
        kind, value = result.get("type"), result.get("value")
        given = value.get(kind) if isinstance(value, dict) and isinstance(kind, str) else None
        if control.labels is None or not isinstance(given, list):
            return  # no labels listed, or none given: the reading says what is wrong with the value
        for label in given:
            if isinstance(label, str) and label not in control.labels:
                raise where.error(
                    f"{quoted(label)} is not a label of the control {quoted(name)} in the labelling config "
                    f"{self.path} (its labels: {', '.join(control.labels)})",
                    f"{field}.value.{kind}",
                )

    def _relation(self, result: dict[str, Any], where: Where, field: str) -> None:
        """A relation names no control: its labels are the `<Relations>`' (label-studio-sdk writes one as a string)."""
        given = result.get("labels")
        for label in [given] if isinstance(given, str) else given if isinstance(given, list) else []:
            if isinstance(label, str) and label not in self.relations:
                listed = f"its relations: {', '.join(self.relations)}" if self.relations else "it lists no <Relation>"
                raise where.error(
                    f"{quoted(label)} is not a relation of the labelling config {self.path} ({listed})",
                    f"{field}.labels",
                )

    @property
    def spans_on_text(self) -> tuple[str, ...]:
        """The `<Labels>` controls that label the text: a project with one marks spans on every text it shows."""
        return tuple(
            name for name, each in self.controls.items() if each.tag == "labels" and self.texts & {*each.to_names}
        )

    def none_on_text(self, results: list[dict[str, Any]]) -> str | None:
        """What is said of an annotation with these results (some) and no region on the text, where the project
        labels spans there: submitted, it says the text has none (trial t2, C), and is read so; else None."""
        if not self.spans_on_text or any(r.get("type") == "labels" and self.on_text(r) for r in results):
            return None
        text = ", ".join(quoted(each) for each in sorted(self.texts))
        return (
            f"Label Studio annotation(s) with no region on the text's {text} (data.{self.field}) read as done work "
            f"with no span: {self.path} labels spans there ({', '.join(map(quoted, self.spans_on_text))}), and a "
            "submitted answer without one says the text has none"
        )

    def only_elsewhere(self, results: list[dict[str, Any]], field: str = "") -> str | None:
        """Why an annotation at `field` whose `labels` regions are all on other objects than the text is no work
        on the text's spans (as `labelstudio_results.not_spans` says of other results), or None: where the project
        labels no span on the text (else it is `none_on_text`'s)."""
        regions = [result for result in results if result.get("type") == "labels"]
        if not regions or any(map(self.on_text, regions)) or self.spans_on_text:
            return None
        others = ", ".join(quoted(str(name)) for name in dict.fromkeys(r.get("to_name") for r in regions))
        text = ", ".join(quoted(each) for each in sorted(self.texts))
        return (
            f"{field + ': ' if field else ''}only Label Studio region(s) on the object {others}, none on the text's {text} "
            f"(data.{self.field}), as the labelling config says: no work on the text's spans (read as done, it "
            "would say the text has none)"
        )


class _Declared(Exception):
    """A DOCTYPE in the config, met while parsing: stopped before anything it declares is used."""


def read_config(path: Path, field: str | None) -> LabelConfig:
    """The labelling config at `path`, the text read from `field` (--text-field), else from the one `<Text>`'s
    `$FIELD` where it has one, else `text`. A file that is no config is a one-line error naming it (and the line)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the labelling config: {error.strerror or error}", path=str(path)) from None
    root = _parsed(data, str(path))
    if root.tag.lower() != "view":
        raise InputError(f"expected a Label Studio labelling config, whose root is <View>, got <{root.tag}>",
                         path=str(path))  # fmt: skip
    objects: dict[str, str] = {}
    texts: dict[str, str] = {}
    controls: dict[str, Control] = {}
    relations: list[str] = []
    for element in root.iter():
        if element.tag.lower() == "relation" and element.get("value") is not None:
            relations.append(element.get("value", ""))
        name = element.get("name")
        if not name:
            continue
        if element.get("toName") is not None:
            controls[name] = _control(element)
        elif element.get("value") is not None:
            objects[name] = element.get("value", "")
            if element.tag.lower() == TEXT_TAG:
                texts[name] = objects[name]
    chosen = field or _field(texts)
    showing = frozenset(name for name, value in texts.items() if value == f"${chosen}")
    if not showing:
        listed = ", ".join(f"{quoted(name)} ({value})" for name, value in texts.items())
        has = f" (its <Text> objects: {listed})" if listed else ""
        option = "with --text-field NAME" if field is None else "with --text-field, as a <Text>'s value names it"
        raise InputError(
            f"the labelling config has no <Text> showing data.{chosen}{has}: give the field the article's text is "
            f"in {option}",
            path=str(path),
        )
    return LabelConfig(str(path), chosen, showing, objects, controls, tuple(dict.fromkeys(relations)))


def _parsed(data: bytes, path: str) -> ElementTree.Element:
    """The config's root, parsed only once an expat pass has found no DOCTYPE (so no entity to expand)."""
    check = expat.ParserCreate()

    def declared(*_: object) -> None:
        raise _Declared

    check.StartDoctypeDeclHandler = declared
    check.EntityDeclHandler = declared
    try:
        check.Parse(data, True)
    except _Declared:
        raise InputError(
            "a labelling config declares no DOCTYPE (its entities are not expanded): give the <View> Label Studio's "
            "Labeling Interface shows",
            path=path,
            line=check.CurrentLineNumber,
        ) from None
    except expat.ExpatError as error:
        raise InputError(
            f"expected a Label Studio labelling config (XML): {expat.ErrorString(error.code)} (column {error.offset})",
            path=path,
            line=error.lineno,
        ) from None
    return ElementTree.fromstring(data)


def _control(element: ElementTree.Element) -> Control:
    """A control tag: its objects (`toName` may list several, comma-separated) and labels (None when its labels
    come from the task's data, `value="$labels"`, or it lists none: a `<TextArea>`)."""
    to_names = tuple(name.strip() for name in element.get("toName", "").split(",") if name.strip())
    dynamic = element.get("value", "").startswith("$")
    listed = [
        each
        for child in element.iter()
        if child is not element
        for each in (child.get("value"), child.get("alias"))
        if each is not None
    ]
    labels = None if dynamic or not listed else tuple(dict.fromkeys(listed))
    return Control(element.tag.lower(), to_names, labels)


def _field(texts: dict[str, str]) -> str:
    """The text's field when --text-field is not given: `text`, unless the config's one `<Text>` shows another."""
    values = {value for value in texts.values() if value.startswith("$")}
    if "$text" not in values and len(values) == 1:
        return next(iter(values))[1:]
    return "text"

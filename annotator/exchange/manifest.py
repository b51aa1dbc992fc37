"""The manifest of the folder `annotator predict` writes (`manifest.json`): what made the records (the pipeline
and the suggester versions) and each finished shard's counts, fingerprint and SHA-256 (`exchange.shards` writes
the shard files it lists). Read back strictly (a manifest that is not predict's is one line naming the field),
resumed only from the same pipeline, shard size and inputs (the files they name, however spelled), and never
naming a file outside its folder.
`manifest.json` itself is replaced only when it is as predict wrote it (`exchange.written`'s record in the
output folder proves it): an edited one is refused and left byte for byte.
"""

from __future__ import annotations

import json
import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic import Field as Within

from annotator.errors import AnnotatorError, InputError, describe_validation_error, json_kind, json_problem
from annotator.exchange.formats.json_text import one_line
from annotator.exchange.formats.labelstudio_project import TEXT
from annotator.exchange.writing import written_atomically
from annotator.places import Note, NotRegular, open_regular

MANIFEST = "manifest.json"
FORMAT = "annotator-predictions/1"
GO_ON = "give another output folder: predict goes on only from a manifest.json as it wrote it"


@dataclass
class Manifest:
    """`manifest.json`: what made the records (the pipeline and the suggester versions), and each finished
    shard's counts. `suggesters` totals, per suggester version, the spans of each label it made: what `ingest
    --suggestions-from` needs to give every span back its suggester (a record names its suggesters, not which
    span each made)."""

    pipeline: dict[str, Any]
    shard_size: int
    inputs: list[str]  # as the run that made the shards spelled them: their records' `meta.source` quote these
    resolved_inputs: list[str] = field(default_factory=list)  # the files they name (`resolved`): what resumes
    shards: dict[str, dict[str, Any]] = field(default_factory=dict)  # shard file -> counts, fingerprint, made
    complete: bool = False
    #: The field of a Label Studio task's data its text is read from (--text-field): it chooses the shards' texts.
    text_field: str = TEXT
    #: Hears, at the first write, of a leftover temporary beside manifest.json (not part of the file).
    note: Note = field(default=None, compare=False, repr=False)

    def suggesters(self) -> dict[str, dict[str, int]]:
        totals: dict[str, dict[str, int]] = {name: {} for name in self.pipeline.get("suggesters", [])}
        for entry in self.shards.values():
            for suggester, labels in entry["made"].items():
                counts = totals.setdefault(suggester, {})
                for label, count in labels.items():
                    counts[label] = counts.get(label, 0) + count
        return {name: dict(sorted(counts.items())) for name, counts in sorted(totals.items())}

    def to_json(self) -> dict[str, Any]:
        shards = [{"file": name, **entry} for name, entry in sorted(self.shards.items())]
        return {
            "format": FORMAT,
            "complete": self.complete,
            "pipeline": self.pipeline,
            "suggesters": self.suggesters(),
            "shard_size": self.shard_size,
            "text_field": self.text_field,
            "inputs": self.inputs,
            "resolved_inputs": self.resolved_inputs or resolved(self.inputs),
            **{key: sum(s[key] for s in shards) for key in ("articles", "words", "suggestions")},
            "shards": shards,
        }

    def write(self, folder: Path) -> None:
        """Replaces only the manifest.json predict wrote there, unchanged since (trial 27: an edited one was
        rewritten, what the user had changed lost)."""
        note, self.note = self.note, None  # a leftover is named once a run, not at every rewrite
        with written_atomically(folder / MANIFEST, make_folder=True, note=note, advice=GO_ON) as out:
            out.write((one_line(json.dumps(self.to_json(), ensure_ascii=False, indent=1)) + "\n").encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())


def confined(folder: Path, name: object, field: str) -> Path:
    """The file a manifest names, which must lie inside `folder` once resolved (symlinks followed, the folder's
    own included): a name like "../x.jsonl", an absolute path or a link out of the folder is an error naming
    the manifest, the field and the path, so a manifest never makes a command read or remove another file."""
    where = str(folder / MANIFEST)
    if not isinstance(name, str) or not name:
        raise InputError(f"expected a file name inside {folder}, not {name!r}", path=where, field=field)
    if Path(name).is_absolute():
        raise InputError(f"{name!r} is an absolute path: a shard is a file inside {folder}", path=where, field=field)
    resolved = (folder / name).resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise InputError(f"{name!r} leads out of {folder} (to {resolved}): a shard is a file inside it",
                         path=where, field=field)  # fmt: skip
    return folder / name


#: A manifest names each shard with a few facts: 256 MiB is millions of shards. A larger one is not predict's.
LARGEST_MANIFEST = 256 << 20


Count = Annotated[int, Within(ge=0)]


class _Shard(BaseModel):
    """A shard's fields no reader checks on its own (its file, bytes, articles, fingerprint and sha256 are checked
    where they are read, `predictions.read_predictions`), of the types predict writes."""

    model_config = ConfigDict(strict=True, extra="allow")
    words: Count = 0
    suggestions: Count = 0
    made: dict[str, dict[str, Count]] = {}


class _Fields(BaseModel):
    """The types of a manifest's fields as predict writes them, strictly: `"complete": "yes"` is no true, an
    article total of `1.0` or `true` no 1 (JSON's kinds, not Python's truth or equality). A field left out keeps
    what its reader assumes (no `complete`: not finished)."""

    model_config = ConfigDict(strict=True, extra="allow")
    complete: bool = False
    pipeline: dict[str, Any] = {}
    suggesters: dict[str, dict[str, Count]] = {}
    shard_size: Count = 0
    text_field: str = TEXT  # an older manifest's shards were read from "text"
    inputs: list[str] = []
    resolved_inputs: list[str] = []
    articles: Count = 0
    words: Count = 0
    suggestions: Count = 0
    shards: list[_Shard] = []


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of an output folder, None if there is none yet; one that is not ours is an error."""
    path = folder / MANIFEST
    try:  # a FIFO there would block predict for ever, ctrl+c or not (trial 29): refused before it is opened
        with os.fdopen(open_regular(path, follow=True), "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > LARGEST_MANIFEST:  # read whole, a 64 GiB sparse file would be a MemoryError (trial 28)
                raise InputError(f"not a predictions manifest: {size} bytes, larger than predict writes",
                                 path=str(path))  # fmt: skip
            data = json.loads(stream.read().decode("utf-8"))
    except FileNotFoundError:
        return None
    except NotRegular as error:
        raise InputError(f"{error.strerror}: not a predictions manifest; it was left as it is",
                         path=str(path)) from None  # fmt: skip
    except json.JSONDecodeError as error:
        raise InputError(f"not a predictions manifest: not valid JSON: {json_problem(error)}", path=str(path),
                         line=error.lineno) from None  # fmt: skip
    except RecursionError:  # nested 200,000 deep (trial 28)
        raise InputError("not a predictions manifest: not valid JSON: nested too deeply", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"not a predictions manifest ({error})", path=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"not a predictions manifest (expected format {FORMAT!r})", path=str(path), field="format")
    shards = data.get("shards", [])
    if not isinstance(shards, list):  # trial 28: a number or an object here was a TypeError or ValueError traceback
        raise InputError(f"not a predictions manifest: expected a list of shards, got {json_kind(shards)}",
                         path=str(path), field="shards")  # fmt: skip
    for index, entry in enumerate(shards):
        if not isinstance(entry, dict):
            raise InputError(f"not a predictions manifest: expected an object, got {json_kind(entry)}",
                             path=str(path), field=f"shards[{index}]")  # fmt: skip
    try:
        _Fields.model_validate(data)
    except ValidationError as error:
        where, message = describe_validation_error(error)
        raise InputError(f"not a predictions manifest: {message}", path=str(path), field=where) from None
    return data


def started_in(folder: Path) -> bool:
    """Whether a predict run wrote in `folder`: its manifest.json is there (a run writes it before its first
    shard). Else an interrupted run kept nothing, and its last line says so, not that shards were kept."""
    return os.path.lexists(folder / MANIFEST)


def resumed(
    folder: Path, pipeline: dict[str, Any], shard_size: int, inputs: list[str], text_field: str = TEXT
) -> Manifest:
    """The manifest to go on with: the earlier run's finished shards when it used the same pipeline, suggesters,
    shard size, text field and inputs (the same files, however `inputs` spell them: the manifest keeps the spelling
    its records quote); a new one for a new folder. Other predictions in the folder are never overwritten."""
    found = read_manifest(folder)
    manifest = Manifest(pipeline=pipeline, shard_size=shard_size, inputs=inputs, resolved_inputs=resolved(inputs),
                        text_field=text_field)  # fmt: skip
    if found is None:
        if folder.exists() and any(folder.iterdir()):
            raise AnnotatorError(f"{folder} is not empty and holds no {MANIFEST}: give a new or empty folder")
        return manifest
    if differences := _differences(found, pipeline, shard_size, inputs, text_field):
        raise AnnotatorError(f"{folder / MANIFEST}: made with {differences}")
    manifest.inputs = list(found.get("inputs", inputs))  # the same files: as the records' sources spell them
    for index, entry in enumerate(found.get("shards", [])):
        entry = dict(entry)
        confined(folder, entry.get("file"), f"shards[{index}].file")  # never a file elsewhere reused or removed
        manifest.shards[entry.pop("file")] = entry
    return manifest


def _differences(
    found: dict[str, Any], pipeline: dict[str, Any], shard_size: int, inputs: list[str], text_field: str = TEXT
) -> str:
    """What made the predictions found and what this run would make them with, in one line naming only what
    differs, and how to go on ("" when nothing differs: they are resumed)."""
    was: dict[str, Any] = found.get("pipeline") or {}
    said: list[str] = []
    if was.get("model") != pipeline.get("model"):  # another pipeline's name, version, suggesters follow from it
        said.append(f"--model {was.get('model') or '(none)'}, not {pipeline.get('model') or '(none)'}")
    elif was != pipeline:
        if (was.get("name"), was.get("version")) != (pipeline.get("name"), pipeline.get("version")):
            said.append(f"pipeline {was.get('name')} {was.get('version')}, not {pipeline.get('name')} "
                        f"{pipeline.get('version')}")  # fmt: skip
        if was.get("suggesters") != pipeline.get("suggesters"):
            said.append(f"suggesters {_joined(was.get('suggesters'), '+')}, not "
                        f"{_joined(pipeline.get('suggesters'), '+')}")  # fmt: skip
        if not said:  # a field of its own a manifest edited by hand (and recorded) may hold
            said.append(f"pipeline {json.dumps(was)}, not {json.dumps(pipeline)}")
    rebuilt = bool(said) and not said[0].startswith("--model")  # no option of this annotator makes them again
    if found.get("shard_size") != shard_size:
        said.append(f"--shard-size {found.get('shard_size')}, not {shard_size}")
    if (made_with := found.get("text_field", TEXT)) != text_field:
        said.append(f"--text-field {made_with}, not {text_field}")
    if not _same_inputs(found, inputs):
        made_from = found.get("resolved_inputs") or resolved(found.get("inputs", []))
        said.append(f"inputs {_joined(made_from, ' ')}, not {_joined(resolved(inputs), ' ')}")
    if not said:
        return ""
    advice = "give another -o (this annotator's pipeline cannot resume them)" if rebuilt else (
        "give the same options to resume, or another -o")  # fmt: skip
    return f"{'; '.join(said)}: {advice}"


def resolved(inputs: list[str]) -> list[str]:
    """The files (and folders) inputs name: absolute, links followed."""
    return [os.path.realpath(name) for name in inputs]


def _same_inputs(found: dict[str, Any], inputs: list[str]) -> bool:
    """Each input names the file the manifest's does (`twelve.jsonl` run from /tmp/w and `/tmp/w/twelve.jsonl`: a
    newcomer's trial had the one refused after the other), or is spelled as it is (a relative one, in a folder
    moved with its inputs, as before `resolved_inputs`)."""
    spelled: list[str] = found.get("inputs", [])
    files: list[str] = found.get("resolved_inputs") or resolved(spelled)  # an older one's: from the current folder
    now = resolved(inputs)
    return len(spelled) == len(files) == len(inputs) and all(
        was == given or file == path for was, file, given, path in zip(spelled, files, inputs, now, strict=True)
    )


def _joined(values: Any, separator: str) -> str:
    """Suggester versions (`+`) or inputs (` `, quoted as a shell would) as one word or command line."""
    if not isinstance(values, list):
        return json.dumps(values)
    return separator.join(map(str, values)) if separator == "+" else shlex.join(map(str, values))

"""A corpus cut into shards, and the folder `annotator predict` writes: one JSONL file of suggestion records
per shard (`shards/shard-000000.jsonl`, ...) and `manifest.json` with the counts and the suggester versions.

Inputs are read as `ingest` reads them (.txt files, folders of them, .jsonl with "text"), streamed: a shard
of articles at a time, never the whole corpus. Shards are cut in input order, every `size` articles, so the
same inputs give the same shards; each shard's fingerprint (a hash of its articles' ids, titles, texts and
meta, which its records repeat) tells a rerun whether a shard file already holds this shard's records.

A shard file is written through a temporary in the shards folder renamed over its path, so a symlink there is
replaced, never written through; and a file at that path is replaced only when the manifest lists it as ours
(its name, a regular file with the SHA-256 recorded; trial 27: a size alone let a shard edited to the same size
be replaced). Any other file there is refused, naming it, and left byte for byte, unless it already holds
exactly the records to be written (a shard a killed run finished after the manifest was last written): then it
is kept as it is. `manifest.json` itself is replaced only when it is as predict wrote it (`exchange.written`'s
record in the output folder proves it): an edited one is refused and left byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic import Field as Within

from annotator.errors import AnnotatorError, InputError, describe_validation_error, json_kind
from annotator.exchange.files import json_problem
from annotator.exchange.ingest import _files_in, read_path, skipped_links
from annotator.exchange.writing import PARTIAL, written_atomically
from annotator.exchange.written import digest
from annotator.interrupts import keeping
from annotator.models import ArticleIn
from annotator.places import (
    Note,
    NotRegular,
    PlaceError,
    Temporary,
    kind_of,
    leading,
    mode_at,
    note_leftovers,
    open_regular,
    sync_folder,
)

MANIFEST = "manifest.json"
SHARDS = "shards"
FORMAT = "annotator-predictions/1"


def fingerprint(articles: Iterable[tuple[str, str, str, dict[str, Any]]]) -> str:
    """A hash of (id, title, text, meta) for each article in order: the same from the input and from the
    records written for it."""
    digest = hashlib.sha256()
    for item in articles:
        digest.update(json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class Shard:
    """`size` articles (the last shard fewer) of the input, in input order."""

    index: int
    articles: list[ArticleIn]

    @property
    def name(self) -> str:
        return f"shard-{self.index:06d}"

    @property
    def file(self) -> str:
        """Its records' file, relative to the output folder."""
        return f"{SHARDS}/{self.name}.jsonl"

    @property
    def fingerprint(self) -> str:
        return fingerprint((a.article_id, a.title, a.text, a.meta) for a in self.articles)

    @property
    def sources(self) -> tuple[str, str]:
        """Where its first and last articles were read ("file:line" for JSONL, the file for .txt)."""
        return str(self.articles[0].meta.get("source", "")), str(self.articles[-1].meta.get("source", ""))


def shards_of(paths: Iterable[Path], size: int) -> Iterator[Shard]:
    """The inputs' articles, `size` at a time; a bad article raises InputError when its shard is read."""
    if size < 1:
        raise AnnotatorError(f"--shard-size must be 1 or more, not {size}")
    batch: list[ArticleIn] = []
    index = 0
    for path in paths:
        for article in read_path(path):
            batch.append(article)
            if len(batch) == size:
                yield Shard(index, batch)
                index, batch = index + 1, []
    if batch:
        yield Shard(index, batch)


def count_articles(paths: Iterable[Path], note: Note = None) -> int:
    """How many articles the inputs hold (non-blank JSONL lines, one per .txt file), for the progress bar;
    read_path finds every problem with them. Links inside a folder, which are not followed, are named in one
    line for `note`."""
    total = 0
    links: list[Path] = []
    for path in paths:
        if not path.is_dir():
            next(iter(read_path(path)), None)  # before any cluster starts: a missing or unknown file is an error
        files = _files_in(path, links) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() == ".jsonl" and file.is_file():
                with file.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            else:
                total += 1
    if links and note is not None:
        note(skipped_links(links))
    return total


@dataclass
class Manifest:
    """`manifest.json`: what made the records (the pipeline and the suggester versions), and each finished
    shard's counts. `suggesters` totals, per suggester version, the spans of each label it made: what `ingest
    --suggestions-from` needs to give every span back its suggester (a record names its suggesters, not which
    span each made)."""

    pipeline: dict[str, Any]
    shard_size: int
    inputs: list[str]
    shards: dict[str, dict[str, Any]] = field(default_factory=dict)  # shard file -> counts, fingerprint, made
    complete: bool = False
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
            "inputs": self.inputs,
            **{key: sum(s[key] for s in shards) for key in ("articles", "words", "suggestions")},
            "shards": shards,
        }

    def write(self, folder: Path) -> None:
        """Replaces only the manifest.json predict wrote there, unchanged since (trial 27: an edited one was
        rewritten, what the user had changed lost)."""
        note, self.note = self.note, None  # a leftover is named once a run, not at every rewrite
        with written_atomically(folder / MANIFEST, make_folder=True, note=note, advice=GO_ON) as out:
            out.write((json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())


LEAVE_IT = "it was left as it is (move it away, or give another output folder)"
GO_ON = "give another output folder: predict goes on only from a manifest.json as it wrote it"


def sha256_of(path: Path) -> str | None:
    """The SHA-256 of a regular file's bytes (`written.digest`: never through a link at `path`, never a FIFO's,
    which would block for ever); None when it cannot be read or is no regular file."""
    try:
        return digest(path)
    except OSError:
        return None


def as_written(path: Path, entry: dict[str, Any] | None) -> bool:
    """Whether the file at `path` is byte for byte the one the manifest's `entry` lists (its SHA-256)."""
    return entry is not None and isinstance(entry.get("sha256"), str) and sha256_of(path) == entry["sha256"]


def must_write(out: Path, file: str, manifest: Manifest, records: bytes | None = None) -> bool:
    """Whether a shard's file is to be written (False: it already holds exactly `records`). Refuses, naming it,
    a link or special file at its path or at the shards folder's, and a file the manifest does not list as ours
    that does not hold exactly `records` (with `records` None, before they are computed, such a file waits)."""
    path = out / file
    for place, folder in ((path.parent, True), (path, False)):
        try:
            found = os.lstat(place)
        except FileNotFoundError:
            return True
        if not (stat.S_ISDIR if folder else stat.S_ISREG)(found.st_mode):  # a link is neither
            mode = found.st_mode
            what = "a symbolic link" if stat.S_ISLNK(mode) else "a file" if stat.S_ISREG(mode) else kind_of(mode)
            raise AnnotatorError(f"{_shown(place)}: {what}, not {'the shards folder' if folder else 'a shard file'} "
                                 f"these predictions wrote; {LEAVE_IT}")  # fmt: skip
    entry = manifest.shards.get(file)
    if records is None or as_written(path, entry):
        return True
    if found.st_size == len(records) and _contents(path) == records:
        return False
    shown = _shown(path)
    if sha256_of(path) is None:
        raise AnnotatorError(f"{shown}: cannot be read, so nothing tells whether predict wrote it; {LEAVE_IT}")
    if entry is not None and found.st_size != entry.get("bytes"):
        raise AnnotatorError(f"{shown}: {found.st_size} bytes, not the {entry.get('bytes')} the manifest lists for "
                             f"this shard: changed since predict wrote it; {LEAVE_IT}")  # fmt: skip
    if entry is not None:
        raise AnnotatorError(f"{shown}: not the file predict wrote for this shard (its SHA-256 is not the one the "
                             f"manifest lists): changed since predict wrote it; {LEAVE_IT}")  # fmt: skip
    raise AnnotatorError(f"{shown}: a file the manifest does not list as a shard of these predictions; {LEAVE_IT}")


def _shown(place: Path) -> str:
    """A refused shard (or shards folder) as given, and where it is when a link above it (-o a link to the
    output folder) leads elsewhere; a link at the place itself is refused as a link, not followed."""
    return leading(place, Path(os.path.realpath(place.parent)) / place.name)


def _contents(path: Path) -> bytes | None:
    try:
        with os.fdopen(open_regular(path), "rb") as file:
            return file.read()
    except OSError:  # unreadable, or no regular file: not the records, whatever it holds
        return None


def write_shard(out: Path, file: str, manifest: Manifest, records: bytes, note: Note = None) -> None:
    """A shard's records, whole or not at all: through a synced temporary in the shards folder, renamed over
    its path (a rename replaces a link there, never writes through it), after `must_write` allows it. A
    temporary a killed run left beside it is named to `note` and left as it is (as an export's)."""
    path = out / file
    path.parent.mkdir(parents=True, exist_ok=True)
    if not must_write(out, file, manifest, records):
        return
    note_leftovers(path, PARTIAL, path, note)
    try:
        temporary = Temporary(path, PARTIAL, mode=0o666)  # as an ordinary new file: the umask decides
    except OSError as error:
        raise PlaceError(f"{path}: cannot write: {error.strerror}") from None
    placed = False
    try:
        with os.fdopen(os.dup(temporary.fd), "wb") as stream:
            stream.write(records)
            stream.flush()
            os.fsync(stream.fileno())
        must_write(out, file, manifest, records)  # again, just before the rename
        with keeping():  # the shard stands from here (and an interrupt some code dropped stops the run before it)
            _put(temporary, path, manifest.shards.get(file), records)
        placed = True
    except OSError as error:
        raise PlaceError(f"{path}: cannot write: {error.strerror}") from None
    finally:
        if not placed:
            temporary.discard()  # only the temporary this call created
        temporary.close()


def _put(temporary: Temporary, path: Path, entry: dict[str, Any] | None, records: bytes) -> None:
    """The shard into place, never over a file that came there after the last check: a new shard is linked in
    (refused if a file took its name); one that replaces a listed shard is swapped with it in one step, and the
    file swapped out must be the listed shard (or these very records), else it is swapped back as it came."""
    try:
        swapped = temporary.exchange_with_target()
    except FileNotFoundError:  # no shard there: this one is new
        if not temporary.link_into_place():
            raise AnnotatorError(f"{path}: a file made there while predict wrote this shard; {LEAVE_IT}") from None
        return
    if not swapped:  # a system that cannot swap: the check just before was the last word
        temporary.replace_target()
        return
    if as_written(temporary.path, entry) or _contents(temporary.path) == records:  # a link or FIFO is neither
        temporary.path.unlink()  # the listed shard it replaces
        sync_folder(path.parent)
        return
    came = mode_at(temporary.path)
    # back as it came; the listed shard a process renaming files in and out of its name left at the temporary's
    # name is removed (it was being replaced), anything else there is named
    left = temporary.swap_back(lambda there: as_written(there, entry))
    what = kind_of(came) if came is not None and not stat.S_ISREG(came) else "a file"
    also = f"; a file renamed in and out of its name meanwhile is at {left.name}, left as it is" if left else ""
    raise AnnotatorError(f"{path}: {what}, put there while predict wrote this shard; {LEAVE_IT}{also}")


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
    inputs: list[str] = []
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


def resumed(folder: Path, pipeline: dict[str, Any], shard_size: int, inputs: list[str]) -> Manifest:
    """The manifest to go on with: the earlier run's finished shards when it used the same pipeline, suggesters
    and shard size; a new one for a new folder. Other predictions in the folder are never overwritten."""
    found = read_manifest(folder)
    manifest = Manifest(pipeline=pipeline, shard_size=shard_size, inputs=inputs)
    if found is None:
        if folder.exists() and any(folder.iterdir()):
            raise AnnotatorError(f"{folder} is not empty and holds no {MANIFEST}: give a new or empty folder")
        return manifest
    if found.get("pipeline") != pipeline or found.get("shard_size") != shard_size or found.get("inputs") != inputs:
        raise AnnotatorError(
            f"{folder / MANIFEST}: these predictions were made with {_described(found)}, not "
            f"{_described({'pipeline': pipeline, 'shard_size': shard_size, 'inputs': inputs})}: give another "
            "output folder"
        )
    for index, entry in enumerate(found.get("shards", [])):
        entry = dict(entry)
        confined(folder, entry.get("file"), f"shards[{index}].file")  # never a file elsewhere reused or removed
        manifest.shards[entry.pop("file")] = entry
    return manifest


def _described(data: dict[str, Any]) -> str:
    pipeline = data.get("pipeline") or {}
    return (
        f"pipeline {pipeline.get('name')} {pipeline.get('version')}, suggesters {pipeline.get('suggesters')}, "
        f"shard size {data.get('shard_size')}, inputs {data.get('inputs')}"
    )

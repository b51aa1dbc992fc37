"""A corpus cut into shards, and the shard files of the folder `annotator predict` writes: one JSONL file of
suggestion records per shard (`shards/shard-000000.jsonl`, ...), listed in `manifest.json` with the counts and
the suggester versions (`exchange.manifest`).

Inputs are read as `ingest` reads them (.txt files, folders of them, .jsonl with "text"), streamed: a shard
of articles at a time, never the whole corpus. Shards are cut in input order, every `size` articles, so the
same inputs give the same shards; each shard's fingerprint (a hash of its articles' ids, titles, texts and
meta, which its records repeat) tells a rerun whether a shard file already holds this shard's records.

A shard file is written through a temporary in the shards folder renamed over its path, so a symlink there is
replaced, never written through; and a file at that path is replaced only when the manifest lists it as ours
(its name, a regular file with the SHA-256 recorded; trial 27: a size alone let a shard edited to the same size
be replaced), or when the shards folder's record (`exchange.written`, `.annotator-written.json`) proves it: each
shard's SHA-256 joins the record before the shard is put in place, and leaves it once the manifest lists the
shard, so a shard a run killed in between (after the rename, before the manifest's rewrite) is provably
predict's, and is replaced when its articles changed. Any other file there is refused, naming it, and left byte
for byte, unless it already holds exactly the records to be written: then it is kept as it is.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.exchange.article_files import files_in, not_read, read_path, skipped_links
from annotator.exchange.labelstudio_tasks import TaskReading
from annotator.exchange.manifest import Manifest
from annotator.exchange.recording import expect_swap, expect_written, reclaimed, unexpect_written
from annotator.exchange.skipping import Skippable
from annotator.exchange.writing import PARTIAL
from annotator.exchange.written import digest, proves
from annotator.interrupts import interrupts_after, keeping
from annotator.models import ArticleIn
from annotator.places import (
    Note,
    PlaceError,
    Temporary,
    kind_of,
    leading,
    mode_at,
    note_leftovers,
    open_regular,
    sync_folder,
)

SHARDS = "shards"


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


def shards_of(
    paths: Iterable[Path],
    size: int,
    spelled: Sequence[str] | None = None,
    skipped: list[InputError] | None = None,
    tasks: TaskReading | None = None,
) -> Iterator[Shard]:
    """The inputs' articles, `size` at a time; a bad article raises InputError when its shard is read, or with
    `skipped` (--skip-invalid) a file or line that holds no article is added there and left out of the shards,
    still streamed. `spelled`: each input as the manifest names it, which the articles' sources then quote, so
    the same files named another way (`./news.jsonl`, an absolute path) give the same records and fingerprints,
    and a rerun goes on. `tasks`: how Label Studio tasks are read (--text-field)."""
    if size < 1:
        raise AnnotatorError(f"--shard-size must be 1 or more, not {size}")
    paths = list(paths)
    batch: list[ArticleIn] = []
    index = 0
    for path, name in zip(paths, spelled or [str(p) for p in paths], strict=True):
        for article in read_path(path, skipped=skipped, streamed=True, tasks=tasks):
            batch.append(_sourced(article, str(path), name))
            if len(batch) == size:
                yield Shard(index, batch)
                index, batch = index + 1, []
    if batch:
        yield Shard(index, batch)


def _sourced(article: ArticleIn, given: str, name: str) -> ArticleIn:
    """The article with its source ("news.jsonl:3", "more/a.txt") read from the input `given`, spelled `name`."""
    source = article.meta.get("source")
    if name == given or not isinstance(source, str) or not source.startswith(given):
        return article
    rest = source[len(given) :]
    if rest and rest[0] not in ":/":
        return article
    return article.model_copy(update={"meta": {**article.meta, "source": name + rest}})


def count_articles(
    paths: Iterable[Path], note: Note = None, *, skipping: bool = False, tasks: TaskReading | None = None
) -> int:
    """How many articles the inputs hold (non-blank JSONL lines, one per .txt file, a task file's tasks: it was
    counted one), for the progress bar; read_path finds every problem with them. Links inside a folder, which are
    not followed, are named in one line for `note`, and so are a folder's files of other kinds
    (`article_files.not_read`). `skipping` (--skip-invalid): a file that holds no article is not counted
    (`shards_of` lists it), never refused here."""
    total = 0
    links: list[Path] = []
    others: list[Path] = []
    for path in paths:
        if not path.is_dir():  # before any cluster starts: a missing or unknown file is an error
            next(iter(read_path(path, skipped=[] if skipping else None, streamed=True, tasks=tasks)), None)
        files = files_in(path, links, others) if path.is_dir() else [path]
        for file in files:
            if not file.is_file() and skipping:
                continue
            if not file.is_file():  # a FIFO named like an article (--skip-invalid skips it): before any cluster
                raise Skippable(InputError(f"{kind_of(file.stat().st_mode)}, not a regular file", path=str(file)))
            if file.suffix.lower() == ".jsonl":
                with file.open("rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            elif file.suffix.lower() == ".txt":
                total += 1
            else:  # a whole-file JSON of Label Studio tasks, or of one: its tasks (bad ones are shards_of's)
                total += sum(1 for _ in read_path(file, skipped=[], streamed=True, tasks=tasks))
    if links and note is not None:
        note(skipped_links(links))
    if others and note is not None:
        note(not_read(others))
    return total


LEAVE_IT = "it was left as it is (move it away, or give another output folder)"


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
    if proves(path, path):  # put there by a run killed before its manifest listed it
        return True
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


def write_shard(
    out: Path,
    file: str,
    manifest: Manifest,
    records: bytes,
    note: Note = None,
    allowed: Callable[[], None] | None = None,
) -> None:
    """A shard's records, whole or not at all: through a synced temporary in the shards folder, renamed over
    its path (a rename replaces a link there, never writes through it), after `must_write` allows it, and then
    `allowed` is called (predict marks its manifest not complete: nothing changes before). A temporary a killed
    run left beside it is named to `note` and left as it is (as an export's)."""
    path = out / file
    if not must_write(out, file, manifest, records):
        return
    if allowed is not None:
        allowed()
    path.parent.mkdir(parents=True, exist_ok=True)
    if reclaimed(note_leftovers(path, PARTIAL, path, None)):  # a killed write's the record proves go (`expect_swap`)
        note_leftovers(path, PARTIAL, path, note)  # the others are named, and left as they are
    try:
        temporary = Temporary(path, PARTIAL, mode=0o666)  # as an ordinary new file: the umask decides
    except OSError as error:
        raise PlaceError(f"{path}: cannot write: {error.strerror}") from None
    placed = False
    added: dict[Path, tuple[str, ...]] = {}
    try:
        with os.fdopen(os.dup(temporary.fd), "wb") as stream:
            stream.write(records)
            stream.flush()
            os.fsync(stream.fileno())
        must_write(out, file, manifest, records)  # again, just before the rename
        sha = hashlib.sha256(records).hexdigest()
        # its hash is in the shards folder's record before it is in place: a run killed before the manifest lists
        # it leaves a shard the next run proves its own, and replaces if its articles changed meanwhile (and one
        # killed between the rename and the removal of the temporary's name leaves a file proven there too)
        added = expect_written({path: sha, **expect_swap(temporary.path, path, sha)})
        # the shard stands from here (and an interrupt some code dropped stops the run before it); one that comes
        # while it goes into place waits until it is there, and the file it replaced gone
        with keeping(), interrupts_after():
            _put(temporary, path, manifest.shards.get(file), records)
            placed = True
    except OSError as error:
        raise PlaceError(f"{path}: cannot write: {error.strerror}") from None
    finally:
        if not placed:
            temporary.discard()  # only the temporary this call created
            if added:
                unexpect_written(added)  # never put in place: the record proves no such file
        temporary.close()


def _put(temporary: Temporary, path: Path, entry: dict[str, Any] | None, records: bytes) -> None:
    """The shard into place, never over a file that came there after the last check: a new shard is linked in
    (refused if a file took its name); one that replaces a listed shard is swapped with it in one step, and the
    file swapped out must be the listed shard (or these very records, or a shard the shards folder's record
    proves), else it is swapped back as it came."""
    try:
        swapped = temporary.exchange_with_target()
    except FileNotFoundError:  # no shard there: this one is new
        if not temporary.link_into_place():
            raise AnnotatorError(f"{path}: a file made there while predict wrote this shard; {LEAVE_IT}") from None
        return
    if not swapped:  # a system that cannot swap: the check just before was the last word
        temporary.replace_target()
        return
    if as_written(temporary.path, entry) or _contents(temporary.path) == records or proves(path, temporary.path):
        temporary.path.unlink()  # the listed shard it replaces
        sync_folder(path.parent)
        return
    came = mode_at(temporary.path)
    # back as it came; the listed shard a process renaming files in and out of its name left at the temporary's
    # name is removed (it was being replaced), anything else there is named
    left = temporary.swap_back(lambda there: as_written(there, entry) or proves(path, there))
    what = kind_of(came) if came is not None and not stat.S_ISREG(came) else "a file"
    also = f"; a file renamed in and out of its name meanwhile is at {left.name}, left as it is" if left else ""
    raise AnnotatorError(f"{path}: {what}, put there while predict wrote this shard; {LEAVE_IT}{also}")

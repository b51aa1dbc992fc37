"""Which existing files an output may replace: only one annotator wrote there and nobody changed since, or any
with --overwrite (trial 25: an export replaced a thesis, a program and, through a link, /etc/hostname).

The proof is a record beside the files, `.annotator-written.json` in the folder a file really lives in (links
followed): each file annotator put there, by name, with the SHA-256 of what it wrote (and, under `sources`, by
name too, the database an export's bytes came from, so an export at the default path is never replaced by another
database's: `records.export_to_path`). A file whose bytes still
have that hash is annotator's own, unchanged; any other is foreign. A record that is not annotator's (unreadable,
damaged, another shape, not a regular file) proves nothing, is never replaced, and is named in the refusal it
causes; a missing one is named too (trial 27: both gave a refusal that did not say why). A `sources` that is no
object, or an entry of it that is not a SHA-256 and a database, makes the record damaged as well (attacker 40f:
it was rewritten without a word). In a record of ours, an entry's string that is no SHA-256 (edited by hand)
proves nothing either: the next rewrite drops it, with a note.
(`exchange.recording` adds to it and rewrites it.)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from annotator.places import NotRegular, PlaceError, kind_of, leading, open_regular

RECORD = ".annotator-written.json"
KIND = "annotator-written"
#: A record holds a name and a hash or a few a file: 64 MiB is hundreds of thousands of files. A larger one is
#: no record of ours, and is not read.
LARGEST_RECORD = 64 << 20


def digest(path: Path) -> str:
    """The SHA-256 of the regular file at `path`: a link there, a FIFO, a device is `NotRegular` (only a regular
    file proves anything; trial 29: a link to a copy passed as annotator's file, a FIFO blocked for ever)."""
    found = hashlib.sha256()
    with os.fdopen(open_regular(path), "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            found.update(block)
    return found.hexdigest()


#: What annotator records of a file: its SHA-256, as `digest` writes it. Anything else (edited by hand, or an
#: upper-case copy, which never matched) proves nothing.
SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class Found:
    """A folder's record as read: file name -> the SHA-256 hashes it proves; `problem` says why a record there
    is no proof (None: a record of ours, or none at all, `missing`). `unproving`: names whose entry holds
    strings that are no SHA-256 (those alone are left out of `files`; a name with none left is not there)."""

    files: dict[str, list[str]] = field(default_factory=dict)
    problem: str | None = None
    missing: bool = False
    unproving: dict[str, list[str]] = field(default_factory=dict)
    #: file name -> (the SHA-256 of the export written there, the database it was made from: its real path); see
    #: `made_from`.
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)


def read_record(folder: Path) -> Found:
    """The record of `folder` as read (`Found`): what it proves, or why it proves nothing."""
    path = folder / RECORD
    try:
        with os.fdopen(open_regular(path), "rb") as stream:  # a link is no record of ours; a FIFO never read
            size = os.fstat(stream.fileno()).st_size
            if size > LARGEST_RECORD:  # read whole, a 64 GiB sparse file was a MemoryError (trial 28)
                return Found(problem=f"{size} bytes: larger than a record annotator writes")
            data = json.loads(stream.read())
    except FileNotFoundError:
        return Found(missing=True)
    except NotRegular as error:
        return Found(problem=error.strerror)
    except OSError as error:
        return Found(problem=f"cannot read it: {error.strerror}")
    except (ValueError, RecursionError):  # RecursionError: nested 200,000 deep (trial 28)
        return Found(problem="not valid JSON")
    files = data.get("files") if isinstance(data, dict) and data.get("kind") == KIND else None
    if not isinstance(files, dict):
        return Found(problem="not a record of annotator's")
    found = Found()
    for name, hashes in files.items():
        hashes = [hashes] if isinstance(hashes, str) else hashes
        if not isinstance(hashes, list) or not all(isinstance(sha, str) for sha in hashes):
            return Found(problem="not a record of annotator's")
        if proven := [sha for sha in hashes if SHA256.fullmatch(sha)]:
            found.files[name] = proven
        if len(proven) < len(hashes):
            found.unproving[name] = [sha for sha in hashes if not SHA256.fullmatch(sha)]
    if "sources" in data:
        sources = data["sources"]
        if not isinstance(sources, dict):
            return Found(problem='its "sources" is not an object')
        for name, entry in sources.items():
            if _legacy(name, entry):  # keyed by SHA-256, as the first release wrote it: names no file
                continue
            if not _source(entry):
                return Found(problem=f'its "sources" entry {name} is not a SHA-256 and a database')
            found.sources[name] = (entry["sha256"], entry["database"])
    return found


def _source(entry: object) -> bool:
    """A `sources` entry as `exchange.recording` writes it: {"sha256": SHA-256, "database": a path}."""
    if not isinstance(entry, dict) or set(entry) != {"sha256", "database"}:
        return False
    sha, database = entry["sha256"], entry["database"]
    return isinstance(sha, str) and bool(SHA256.fullmatch(sha)) and isinstance(database, str) and bool(database)


def _legacy(name: str, entry: object) -> bool:
    """A `sources` entry of the shape annotator wrote before it kept them by file name (SHA-256 -> database):
    it says nothing of any file, and the next record drops it."""
    return bool(SHA256.fullmatch(name)) and isinstance(entry, str) and bool(entry)


def made_from(target: Path) -> str | None:
    """The database the export at the real file `target` was made from, as its folder's record names it under the
    file's name, with the SHA-256 of the bytes it wrote there (`exchange.recording`, `record_written(...,
    source=)`); None when nothing says so: no record of ours, a file it does not prove or whose bytes are not
    that export's, or an export written before the record named databases. By name, never by the bytes alone: the
    same bytes another database exported under another name say nothing of this one (attacker 40f)."""
    found = read_record(target.parent)
    made = found.sources.get(target.name) if found.problem is None else None
    if made is None or made[0] not in found.files.get(target.name, []):
        return None
    try:
        actual = digest(target)
    except OSError:
        return None
    return made[1] if actual == made[0] else None


def advice_for(option: str, target: Path | None = None) -> str:
    """How to go on past a file an output may not replace: another path, or --overwrite; but a Label Studio
    labelling config at `export --config`'s path is the project's own (trial t2 E: --overwrite would put annotator's
    in its place), so only another path, and `import --config`, which reads it."""
    if option == "--config" and target is not None and labelling_config(target):
        return (
            "it is a Label Studio labelling config: give --config another path for annotator's; a project's own "
            "config is read by `annotator import --format labelstudio --config FILE`"
        )
    return f"choose another {option}, or add --overwrite to replace it"


#: A Label Studio labelling config opens with its `<View>` (after an XML declaration, comments, white space).
_VIEW = re.compile(rb"(\s|<\?xml[^>]*\?>|<!--.*?-->)*<View[\s>/]", re.DOTALL)


def labelling_config(path: Path) -> bool:
    """Whether the file at `path` opens as a Label Studio labelling config (its first 64 KiB read; a byte order mark
    passed over); a file that cannot be read is none."""
    try:  # never waits: a FIFO renamed in is refused unopened
        with os.fdopen(open_regular(path, follow=True), "rb") as stream:
            head = stream.read(64 * 1024)
    except OSError:  # NotRegular too
        return False
    return _VIEW.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def foreign(path: Path, advice: str, mode: int | None = None) -> PlaceError:
    """The refusal of a file found at an output's path that annotator cannot prove its own; `mode`, when it is no
    regular file's (a link or FIFO renamed in), says what was there instead."""
    if mode is not None and not stat.S_ISREG(mode):
        return PlaceError(f"{path}: {kind_of(mode)}, not a file annotator wrote; it was left as it is ({advice})")
    return PlaceError(f"{path}: a file annotator did not write, or one changed since it did; it was left as it is "
                      f"({advice})")  # fmt: skip


def check_replaceable(path: Path, target: Path, exists: bool, *, overwrite: bool, advice: str | None = None) -> None:
    """Refuse an output whose real file `target` is annotator's record, or is there and not provably annotator's
    own unchanged file (unless `overwrite`). `advice` says how to go on (by default: another -o, or --overwrite)."""
    advice = advice or advice_for("-o")
    if target.name == RECORD:
        raise PlaceError(
            f"{path}: annotator's record of the files it wrote in that folder; an export never replaces it"
        )
    if not exists or overwrite:
        return
    found = read_record(target.parent)
    path = Path(leading(path, target))  # the record beside the real file counts: say where that is
    unproven = f"{path}: annotator cannot prove it wrote this file: "
    if found.missing:
        raise PlaceError(f"{unproven}the folder has no record of the files annotator wrote there ({RECORD} is "
                         f"missing); the file was left as it is ({advice})")  # fmt: skip
    if found.problem is not None:
        raise PlaceError(f"{unproven}the folder's record of the files annotator wrote there ({RECORD}) is damaged "
                         f"({found.problem}), and is left as it is; the file was left as it is too ({advice})")  # fmt: skip
    try:
        actual = digest(target)
    except NotRegular as error:  # renamed in after the first look (`regular_target`): never hashed through
        raise foreign(path, advice, error.mode) from None
    except OSError as error:
        raise PlaceError(f"{path}: annotator cannot tell whether it wrote this file: cannot read it "
                         f"({error.strerror}); it was left as it is ({advice})") from None  # fmt: skip
    if target.name not in found.files and target.name not in found.unproving:
        raise PlaceError(f"{path}: a file annotator did not write (the folder's record of the files it wrote there "
                         f"does not list it); it was left as it is ({advice})")  # fmt: skip
    if actual not in found.files.get(target.name, []):
        raise PlaceError(f"{path}: changed since annotator wrote it (its bytes are not the ones the folder's record "
                         f"holds); it was left as it is ({advice})")  # fmt: skip


def proves(target: Path, content: Path) -> bool:
    """Whether the folder's record accepts the bytes of the file at `content` for `target`'s name: the file an
    output swapped out of its target is checked this way before it is removed (`writing`). Only a regular file
    proves anything: a link (whatever it leads to) or a FIFO at `content` does not, and is never opened."""
    found = read_record(target.parent)
    try:
        return found.problem is None and digest(content) in found.files.get(target.name, [])
    except OSError:
        return False

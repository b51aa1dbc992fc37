"""Which existing files an output may replace: only one annotator wrote there and nobody changed since, or any
with --overwrite (trial 25: an export replaced a thesis, a program and, through a link, /etc/hostname).

The proof is a record beside the files, `.annotator-written.json` in the folder a file really lives in (links
followed): each file annotator put there, by name, with the SHA-256 of what it wrote. A file whose bytes still
have that hash is annotator's own, unchanged; any other is foreign. A record that is not annotator's (unreadable,
another shape) proves nothing and is never replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from annotator.places import PlaceError, Temporary

RECORD = ".annotator-written.json"
KIND = "annotator-written"


def digest(path: Path) -> str:
    found = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            found.update(block)
    return found.hexdigest()


def _read(folder: Path) -> dict[str, str] | None:
    """The folder's record: file name -> SHA-256; {} with no record; None for a record that is not annotator's."""
    try:
        if not stat.S_ISREG((folder / RECORD).lstat().st_mode):
            return None  # a FIFO would block the reader for ever; a link or folder is no record of ours
        data = json.loads((folder / RECORD).read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) and data.get("kind") == KIND else None
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        return None
    return files


def check_replaceable(path: Path, target: Path, exists: bool, *, overwrite: bool) -> None:
    """Refuse an output whose real file `target` is annotator's record, or is there and not provably annotator's
    own unchanged file (unless `overwrite`)."""
    if target.name == RECORD:
        raise PlaceError(
            f"{path}: annotator's record of the files it wrote in that folder; an export never replaces it"
        )
    if not exists or overwrite:
        return
    recorded = (_read(target.parent) or {}).get(target.name)
    if recorded is None or recorded != digest(target):
        raise PlaceError(
            f"{path}: a file annotator did not write, or one changed since it did; an export never replaces it "
            "(choose another -o, or add --overwrite to replace it)"
        )


def record_written(targets: Iterable[Path]) -> None:
    """Add files just put in place to their folders' records. A folder whose record is not annotator's is left
    as it is (its files simply stay unproven); a record that cannot be written is no failure of the output."""
    by_folder: dict[Path, list[Path]] = {}
    for target in targets:
        by_folder.setdefault(target.parent, []).append(target)
    for folder, placed in by_folder.items():
        files = _read(folder)
        if files is None:
            continue
        with contextlib.suppress(OSError):
            files.update({target.name: digest(target) for target in placed})
            files = {name: sha for name, sha in sorted(files.items()) if os.path.isfile(folder / name)}
            temporary = Temporary(folder / RECORD, "partial", mode=0o666)
            try:
                with os.fdopen(os.dup(temporary.fd), "wb") as out:
                    out.write(json.dumps({"kind": KIND, "files": files}, indent=1).encode("utf-8") + b"\n")
                    out.flush()
                    os.fsync(out.fileno())
                temporary.replace_target()
            except OSError:
                temporary.discard()
                raise
            finally:
                temporary.close()

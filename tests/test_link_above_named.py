"""A refusal through a folder that is a link (trial s49 F6b): with `exports` a link to a shared folder, export's
refusal named `exports/alice.jsonl (a link to /x/shared/alice.jsonl)`, as if the file were the link. Where a folder
above is the link it now says `(through a link: ...)`; `(a link to ...)` is kept for a path that is a link itself.
The real console script on real files and links."""

from __future__ import annotations

from pathlib import Path

from exchange_support import build
from processes import annotator

from annotator.exchange.written import RECORD

REFUSED = (
    "annotator cannot prove it wrote this file: the folder has no record of the files annotator wrote there "
    f"({RECORD} is missing); the file was left as it is (choose another -o, or add --overwrite to replace it)"
)


def test_a_file_through_a_linked_folder_is_named_through_the_link(tmp_path: Path) -> None:
    build(tmp_path / "self.db").close()
    shared = tmp_path / "victims" / "shared"
    shared.mkdir(parents=True)
    (shared / "alice.jsonl").write_bytes(b"theirs\n")
    (tmp_path / "exports").symlink_to(shared)
    result = annotator("export", "--annotator", "alice", "--db", "self.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: exports/alice.jsonl (through a link: {shared}/alice.jsonl): {REFUSED}\n",
    )
    assert (shared / "alice.jsonl").read_bytes() == b"theirs\n"


def test_a_file_that_is_a_link_is_still_named_as_one(tmp_path: Path) -> None:
    build(tmp_path / "self.db").close()
    (tmp_path / "theirs.jsonl").write_bytes(b"theirs\n")
    (tmp_path / "alice.jsonl").symlink_to("theirs.jsonl")
    result = annotator("export", "--annotator", "alice", "-o", "alice.jsonl", "--db", "self.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: alice.jsonl (a link to {tmp_path}/theirs.jsonl): {REFUSED}\n",
    )

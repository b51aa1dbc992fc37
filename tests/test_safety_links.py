"""One rule for links on an output's way (a second trial's findings): a link that leads nowhere, to nothing or in
a loop, is refused in one line naming it, and nothing is made where it points; `places.unbroken` says so for
every output (export and pack files, databases, predict's and train's folders). Real processes, real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database


def broken(name: str, target: str) -> str:
    return f"{name}: a link to {target}, which does not exist: nothing is made where a link points; give another path"


def loop(name: str, target: str) -> str:
    return f"{name}: a link in a loop (to {target}): nothing is made through it; give another path"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """t.db with alice's finished work, assigned to her; a.txt; links to nothing and a link loop."""
    small_database(tmp_path / "t.db")
    (tmp_path / "a.txt").write_text("Ann said it rained in Paris.", encoding="utf-8")
    assert annotator("assign", "--annotators", "alice", "--overlap", "1", "--db", "t.db", cwd=tmp_path).returncode == 0
    for name in ("gone.db", "gone.jsonl", "gone-pack.db", "gone-out", "models"):
        (tmp_path / name).symlink_to(f"missing-{name}")
    (tmp_path / "loop").symlink_to("loop")
    return tmp_path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    ("command", "refused"),
    [
        (["ingest", "a.txt", "--no-suggest", "--db", "gone.db"], broken("gone.db", "missing-gone.db")),
        (["merge", "t.db", "--db", "gone.db"], broken("gone.db", "missing-gone.db")),
        (["export", "--suggestions", "--db", "t.db", "-o", "gone.jsonl"], broken("gone.jsonl", "missing-gone.jsonl")),
        (["pack", "--annotator", "alice", "--db", "t.db", "-o", "gone-pack.db"],
         broken("gone-pack.db", "missing-gone-pack.db")),
        (["predict", "a.txt", "-o", "gone-out", "--workers", "1"], broken("gone-out", "missing-gone-out")),
        (["train", "--db", "t.db", "--annotator", "alice"], broken("models", "missing-models")),
        (["predict", "a.txt", "-o", "loop", "--workers", "1"], loop("loop", "loop")),
        (["predict", "a.txt", "-o", "loop/sub", "--workers", "1"], loop("loop", "loop")),
        (["export", "--suggestions", "--db", "t.db", "-o", "loop"], loop("loop", "loop")),
        (["export", "--suggestions", "--db", "t.db", "-o", "gone-out/x.jsonl"], broken("gone-out", "missing-gone-out")),
        (["export", "--suggestions", "--db", "t.db", "-o", "loop/x.jsonl"], loop("loop", "loop")),
        (["pack", "--annotator", "alice", "--db", "t.db", "-o", "gone-out/x.db"], broken("gone-out", "missing-gone-out")),
        (["ingest", "a.txt", "--no-suggest", "--db", "loop"], loop("loop", "loop")),
        (["merge", "loop", "--db", "t.db"], loop("loop", "loop")),
    ],
)  # fmt: skip
def test_a_link_to_nothing_or_in_a_loop_is_refused_and_nothing_is_made(
    work: Path, command: list[str], refused: str
) -> None:
    before = listing(work)
    assert one_error_line(annotator(*command, cwd=work, timeout=120)) == refused
    assert listing(work) == before

"""Where the shared corpus is, for every benchmark: `../shared/corpus` beside a clone, or `../../shared/corpus`
beside a worktree kept in a folder of worktrees (a helper's `/work/wt/NAME`). One lookup, so that a benchmark
run from either place reads the same files."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_corpus(name: str = "news.jsonl") -> Path:
    """The corpus file `name` of the nearest `shared/corpus`; the clone's sibling if neither exists (for the error)."""
    candidates = [ROOT.parent / "shared" / "corpus" / name, ROOT.parent.parent / "shared" / "corpus" / name]
    return next((path for path in candidates if path.exists()), candidates[0])
